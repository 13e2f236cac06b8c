// What a person would do at the bench, as two interfaces the engine calls. Every adapter (prompt, HTTP gateway,
// HTTP octt, URL mapping, shell command, built-in simulator) implements them, so a case never knows which one runs.

/** Physical actions on a Charging Station under test (SUT = CS). */
export interface SutActions {
  readonly kind: string;
  plugIn(evseId: number, connectorId: number): Promise<void>;
  plugOut(evseId: number, connectorId: number): Promise<void>;
  presentIdToken(idToken: string, type: string, evseId: number): Promise<void>;
  /** Power-cycle / reboot the station. */
  reboot(): Promise<void>;
  /** Drive an EV into / out of the parking bay (optional bay sensor). */
  parkingBay(occupied: boolean, evseId: number): Promise<void>;
  /** Cut / restore the station's network connection. */
  setOnline(online: boolean): Promise<void>;
  /** The EV pauses the energy transfer (suspendedEV) or is ready to take energy again (charging). */
  evState(state: EvState, evseId: number, connectorId: number): Promise<void>;
  /** An operator stores a customer identifier at the station (Part 6 TC_N_62_CS); absent: the bench cannot. */
  storeCustomerIdentifier?(identifier: string): Promise<void>;
  /** On the station's user interface, after a master pass was presented: stop the transaction of one EVSE, or all (C16.FR.01). */
  masterPassStop(target: MasterPassTarget): Promise<void>;
}

/** What a master pass holder selects on the station's user interface: one EVSE's transaction, or every transaction. */
export type MasterPassTarget = number | 'all';

/** What the EV does, for SutActions.evState (the names of the OCTT gateway's /api/v1/state). */
export type EvState = 'suspendedEV' | 'charging';

/** Things an operator makes a CSMS under test do (SUT = CSMS). */
export interface OperatorTriggers {
  readonly kind: string;
  /** Make the CSMS send `action` with (at least) this payload to the station. Resolves when the trigger was delivered. */
  send(action: string, payload: Record<string, unknown>): Promise<unknown>;
  /** A named helper (set-pending-boot, update-basic-auth-password, trigger-message, ...). */
  helper(name: string, body: Record<string, unknown>): Promise<unknown>;
}

/**
 * An action could not be carried out (HTTP error, command exit code, nobody at the bench). The case can then not be
 * judged: INCONCLUSIVE, never FAIL. `delivered` tells whether the request at least reached the SUT side (an HTTP
 * answer that only reports what the SUT answered, e.g. an error status after the CSMS sent the request).
 */
export class ActionFailed extends Error {
  override readonly name = 'ActionFailed';
  constructor(
    message: string,
    readonly delivered: boolean = false,
  ) {
    super(message);
  }
}

/** Shared words for an action, used by the prompt and command adapters and in trace notes. */
export type ActionName = 'plugIn' | 'plugOut' | 'presentIdToken' | 'reboot' | 'parkingBay' | 'setOnline' | 'evState' | 'storeCustomerIdentifier' | 'masterPassStop';

export interface ActionArgs {
  evseId?: number;
  connectorId?: number;
  idToken?: string;
  type?: string;
  occupied?: boolean;
  online?: boolean;
  state?: EvState;
  identifier?: string;
  /** masterPassStop: an EVSE id, or "all". */
  target?: MasterPassTarget;
  /** Operator triggers. */
  action?: string;
  payload?: Record<string, unknown>;
  helper?: string;
}
