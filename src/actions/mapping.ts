// URL-template mapping: each action name maps to { method, urlTemplate, bodyTemplate? } with {placeholders}.
// Station keys: plugIn, plugOut, presentIdToken, reboot, parkingBay, setOnline, evState, masterPassStop ({target}).
// CSMS keys: "send:<Action>" (e.g. send:Reset) or the generic "send" (uses {action} and {payload}), "helper:<name>".
import type { HttpMappingEntry } from '../config/types.ts';
import { httpRequest } from './http.ts';
import { fillTemplate, JSON_RAW_KEYS, jsonEncode, placeholderValues, urlEncode } from './templates.ts';
import { ActionFailed } from './types.ts';
import type { ActionArgs, EvState, MasterPassTarget, OperatorTriggers, SutActions } from './types.ts';

export class HttpMappingAdapter implements SutActions, OperatorTriggers {
  readonly kind = 'http-mapping';
  constructor(
    private readonly map: Record<string, HttpMappingEntry>,
    private readonly extra: Record<string, string> = {},
    private readonly timeoutMs = 60_000,
  ) {}

  private async run(keys: string[], name: string, args: ActionArgs): Promise<unknown> {
    const key = keys.find((k) => this.map[k] !== undefined);
    const entry = key !== undefined ? this.map[key] : undefined;
    if (!entry) throw new ActionFailed(`the http-mapping has no entry for ${keys.join(' or ')}; add one to actions.map in the run configuration`);
    const values = placeholderValues(name, args, this.extra);
    let url: string;
    let body: string | undefined;
    try {
      url = fillTemplate(entry.urlTemplate, values, urlEncode);
      body = entry.bodyTemplate !== undefined ? fillTemplate(entry.bodyTemplate, values, jsonEncode, JSON_RAW_KEYS) : undefined;
    } catch (e) {
      throw new ActionFailed(`http-mapping ${key ?? name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const r = await httpRequest(entry.method, url, body, this.timeoutMs);
    if (r.status < 200 || r.status >= 300) {
      throw new ActionFailed(`${entry.method} ${url} answered HTTP ${r.status}: ${JSON.stringify(r.body ?? '').slice(0, 300)}`, r.status === 502 || r.status === 504);
    }
    return r.body;
  }

  async plugIn(evseId: number, connectorId: number): Promise<void> {
    await this.run(['plugIn'], 'plugIn', { evseId, connectorId });
  }
  async plugOut(evseId: number, connectorId: number): Promise<void> {
    await this.run(['plugOut'], 'plugOut', { evseId, connectorId });
  }
  async presentIdToken(idToken: string, type: string, evseId: number): Promise<void> {
    await this.run(['presentIdToken'], 'presentIdToken', { idToken, type, evseId });
  }
  async reboot(): Promise<void> {
    await this.run(['reboot'], 'reboot', {});
  }
  async parkingBay(occupied: boolean, evseId: number): Promise<void> {
    await this.run(['parkingBay'], 'parkingBay', { occupied, evseId });
  }
  async setOnline(online: boolean): Promise<void> {
    await this.run(['setOnline'], 'setOnline', { online });
  }
  async evState(state: EvState, evseId: number, connectorId: number): Promise<void> {
    await this.run(['evState'], 'evState', { state, evseId, connectorId });
  }
  async storeCustomerIdentifier(identifier: string): Promise<void> {
    await this.run(['storeCustomerIdentifier'], 'storeCustomerIdentifier', { identifier });
  }

  async masterPassStop(target: MasterPassTarget): Promise<void> {
    await this.run(['masterPassStop'], 'masterPassStop', { target });
  }
  send(action: string, payload: Record<string, unknown>): Promise<unknown> {
    return this.run([`send:${action}`, 'send'], 'send', { action, payload });
  }
  helper(name: string, body: Record<string, unknown>): Promise<unknown> {
    return this.run([`helper:${name}`], 'helper', { helper: name, payload: body });
  }
}
