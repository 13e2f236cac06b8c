// Interactive fallback: asks the person at the bench to act and waits until they answer or the prompt times out
// (ActionFailed -> INCONCLUSIVE). Who asks is pluggable (PromptUi): the terminal (prompt-terminal.ts) by default; a
// browser console can answer the same requests.
import { ActionFailed } from './types.ts';
import type { EvState, MasterPassTarget, OperatorTriggers, SutActions } from './types.ts';
import { askWithBenchBroker, benchBrokerUrl } from './prompt-broker.ts';
import { TerminalPrompt } from './prompt-terminal.ts';
import type { PromptIo } from './prompt-terminal.ts';

export type { PromptIo };

export interface PromptRequest {
  instruction: string;
  timeoutMs: number;
  /** Set when another prompt (the operator console) races this one: abort withdraws it. */
  signal?: AbortSignal;
}

/** done: the person did it; failed: they say it could not be done; timeout / closed: no answer. */
export type PromptAnswer = 'done' | 'failed' | 'timeout' | 'closed';

/** Something that can put a request in front of a person and bring back their answer. */
export interface PromptUi {
  ask(request: PromptRequest): Promise<PromptAnswer>;
}

export class PromptAdapter implements SutActions, OperatorTriggers {
  readonly kind = 'prompt';
  private readonly ui: PromptUi;
  constructor(
    readonly timeoutMs: number,
    ui?: PromptIo | PromptUi,
    private readonly station = 'the Charging Station',
  ) {
    this.ui = ui && 'ask' in ui ? ui : new TerminalPrompt(ui);
  }

  async ask(instruction: string): Promise<void> {
    // With an operator console open (env OCPP_CONFORMANCE_BENCH_BROKER), the browser and this prompt race to answer.
    const broker = benchBrokerUrl();
    if (broker) return askWithBenchBroker(broker, instruction, this.timeoutMs, (signal) => this.askUi(instruction, signal));
    return this.askUi(instruction);
  }

  private async askUi(instruction: string, signal?: AbortSignal): Promise<void> {
    const answer = await this.ui.ask({ instruction, timeoutMs: this.timeoutMs, ...(signal ? { signal } : {}) });
    if (answer === 'done') return;
    if (answer === 'failed') throw new ActionFailed(`the operator reported that "${instruction}" could not be done`);
    // In a race, a closed (or withdrawn) prompt leaves the answer to the other side.
    if (answer === 'closed' && signal) return new Promise<void>(() => undefined);
    if (answer === 'closed') throw new ActionFailed(`the prompt input closed before "${instruction}" was confirmed`);
    throw new ActionFailed(`nobody confirmed "${instruction}" within ${Math.round(this.timeoutMs / 1000)} s`);
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
  evState(state: EvState, evseId: number, connectorId: number): Promise<void> {
    const what = state === 'suspendedEV' ? 'make the EV pause (suspend) the energy transfer' : 'make the EV ready to take energy again';
    return this.ask(`${what} at EVSE ${evseId}, connector ${connectorId} of ${this.station}`);
  }
  storeCustomerIdentifier(identifier: string): Promise<void> {
    return this.ask(`store the customer identifier "${identifier}" at ${this.station} (as customer data it keeps)`);
  }

  masterPassStop(target: MasterPassTarget): Promise<void> {
    const which = target === 'all' ? 'stop ALL transactions' : `stop the transaction on EVSE ${target} only`;
    return this.ask(`on the user interface of ${this.station}, with the master pass presented, select to ${which}`);
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
