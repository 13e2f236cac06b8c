// Shell-command adapter: one command template for every action, e.g.
//   "bench-ctl {name} --evse {evseId} --connector {connectorId}"
// A placeholder the action does not provide is an error. Exit code 0 = done; stdout (JSON if it parses) is the result.
import { spawn } from 'node:child_process';
import { fillTemplate, placeholderValues, shellQuote } from './templates.ts';
import { ActionFailed } from './types.ts';
import type { ActionArgs, EvState, MasterPassTarget, OperatorTriggers, SutActions } from './types.ts';

/** Per-action templates override the generic one: { reboot: "...", "*": "..." }. */
export type CommandTemplates = string | Record<string, string>;

export class CommandAdapter implements SutActions, OperatorTriggers {
  readonly kind = 'command';
  constructor(
    private readonly templates: CommandTemplates,
    private readonly extra: Record<string, string> = {},
    private readonly timeoutMs = 60_000,
  ) {}

  private template(name: string): string {
    if (typeof this.templates === 'string') return this.templates;
    const t = this.templates[name] ?? this.templates['*'];
    if (t === undefined) throw new ActionFailed(`no command configured for action ${name}`);
    return t;
  }

  async run(name: string, args: ActionArgs): Promise<unknown> {
    let cmd: string;
    try {
      cmd = fillTemplate(this.template(name), placeholderValues(name, args, this.extra), shellQuote);
    } catch (e) {
      if (e instanceof ActionFailed) throw e;
      throw new ActionFailed(`command for ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const { code, stdout, stderr, timedOut } = await new Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }>((resolve) => {
      const child = spawn('/bin/sh', ['-c', cmd], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGTERM');
      }, this.timeoutMs);
      child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
      child.on('error', (e) => {
        clearTimeout(timer);
        resolve({ code: -1, stdout: out, stderr: `${err}${e.message}`, timedOut });
      });
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve({ code: c, stdout: out, stderr: err, timedOut });
      });
    });
    if (timedOut) throw new ActionFailed(`command for ${name} did not finish within ${this.timeoutMs} ms: ${cmd}`);
    if (code !== 0) throw new ActionFailed(`command for ${name} exited with ${String(code)}: ${cmd}${stderr ? ` (${stderr.trim().slice(0, 300)})` : ''}`);
    const text = stdout.trim();
    try {
      return text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      return text;
    }
  }

  async plugIn(evseId: number, connectorId: number): Promise<void> {
    await this.run('plugIn', { evseId, connectorId });
  }
  async plugOut(evseId: number, connectorId: number): Promise<void> {
    await this.run('plugOut', { evseId, connectorId });
  }
  async presentIdToken(idToken: string, type: string, evseId: number): Promise<void> {
    await this.run('presentIdToken', { idToken, type, evseId });
  }
  async reboot(): Promise<void> {
    await this.run('reboot', {});
  }
  async parkingBay(occupied: boolean, evseId: number): Promise<void> {
    await this.run('parkingBay', { occupied, evseId });
  }
  async setOnline(online: boolean): Promise<void> {
    await this.run('setOnline', { online });
  }
  async evState(state: EvState, evseId: number, connectorId: number): Promise<void> {
    await this.run('evState', { state, evseId, connectorId });
  }
  async storeCustomerIdentifier(identifier: string): Promise<void> {
    await this.run('storeCustomerIdentifier', { identifier });
  }

  async masterPassStop(target: MasterPassTarget): Promise<void> {
    await this.run('masterPassStop', { target });
  }
  send(action: string, payload: Record<string, unknown>): Promise<unknown> {
    return this.run('send', { action, payload });
  }
  helper(name: string, body: Record<string, unknown>): Promise<unknown> {
    return this.run('helper', { helper: name, payload: body });
  }
}
