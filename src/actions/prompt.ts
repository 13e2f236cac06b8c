// Interactive fallback: asks the person at the bench to act and waits for Enter, with a deadline. No answer in time
// means the case could not be carried out (ActionFailed -> INCONCLUSIVE). Typing "fail" (or "n") reports that the
// action could not be done.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { askWithBenchBroker, benchBrokerUrl } from './prompt-broker.ts';
import { ActionFailed } from './types.ts';
import type { OperatorTriggers, SutActions } from './types.ts';

export interface PromptIo {
  input: Readable;
  output: Writable;
}

export class PromptAdapter implements SutActions, OperatorTriggers {
  readonly kind = 'prompt';
  constructor(
    private readonly timeoutMs: number,
    private readonly io: PromptIo = { input: process.stdin, output: process.stderr },
    private readonly station = 'the Charging Station',
  ) {}

  async ask(instruction: string): Promise<void> {
    // With an operator console open (env OCPP_CONFORMANCE_BENCH_BROKER), the browser and the terminal race to answer.
    const broker = benchBrokerUrl();
    if (broker) return askWithBenchBroker(broker, instruction, this.timeoutMs, (signal) => this.askTerminal(instruction, signal));
    return this.askTerminal(instruction);
  }

  /** With `signal`, another prompt races this one: abort withdraws it, and a closed input leaves the answer to the other. */
  private async askTerminal(instruction: string, signal?: AbortSignal): Promise<void> {
    const rl = createInterface({ input: this.io.input, terminal: false });
    this.io.output.write(`\n>>> ACTION NEEDED: ${instruction}\n>>> Press Enter when done (or type "fail"); ${Math.round(this.timeoutMs / 1000)} s left.\n`);
    try {
      const line = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new ActionFailed(`nobody confirmed "${instruction}" within ${Math.round(this.timeoutMs / 1000)} s`)), this.timeoutMs);
        rl.once('line', (l) => {
          clearTimeout(timer);
          resolve(l);
        });
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve('');
        });
        rl.once('close', () => {
          if (signal) return;
          clearTimeout(timer);
          reject(new ActionFailed(`the prompt input closed before "${instruction}" was confirmed`));
        });
      });
      if (/^\s*(fail|n|no)\s*$/i.test(line)) throw new ActionFailed(`the operator reported that "${instruction}" could not be done`);
    } finally {
      rl.close();
    }
  }

  plugIn(evseId: number, connectorId: number): Promise<void> {
    return this.ask(`plug the EV into EVSE ${evseId}, connector ${connectorId} of ${this.station}`);
  }
  plugOut(evseId: number, connectorId: number): Promise<void> {
    return this.ask(`unplug the EV from EVSE ${evseId}, connector ${connectorId} of ${this.station}`);
  }
  presentIdToken(idToken: string, type: string, evseId: number): Promise<void> {
    return this.ask(`present idToken ${idToken} (${type}) at EVSE ${evseId} of ${this.station}`);
  }
  reboot(): Promise<void> {
    return this.ask(`power-cycle (reboot) ${this.station}`);
  }
  parkingBay(occupied: boolean, evseId: number): Promise<void> {
    return this.ask(`${occupied ? 'drive the EV into' : 'drive the EV out of'} the parking bay of EVSE ${evseId}`);
  }
  setOnline(online: boolean): Promise<void> {
    return this.ask(online ? `restore the network connection of ${this.station}` : `cut the network connection of ${this.station}`);
  }
  async send(action: string, payload: Record<string, unknown>): Promise<unknown> {
    const hint = Object.keys(payload).length > 0 ? ` with ${JSON.stringify(payload)}` : '';
    await this.ask(`make the CSMS send a ${action}Request${hint} to ${this.station}`);
    return undefined;
  }
  async helper(name: string, body: Record<string, unknown>): Promise<unknown> {
    await this.ask(`in the CSMS, do "${name}"${Object.keys(body).length > 0 ? ` with ${JSON.stringify(body)}` : ''} for ${this.station}`);
    return undefined;
  }
}
