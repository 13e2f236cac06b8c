// A functional area of the reference Charging Station (boot, provisioning, authorization, transactions, ...): its
// named faults, the CSMS requests it answers and the moments of the station's life it takes part in. The core
// (core.ts, connection.ts) only routes; an area keeps its behaviour, its faults and its memory in one file.
// Adding an area: write areas/<area>.ts exporting AREA, add it to the list in areas/index.ts. That is all.
import type { ComponentRef, VariableRef } from '../device-model.ts';
import type { StationCore } from '../core.ts';
import type { EvseRef, Json } from '../state.ts';
import type { BootReason } from '../types.ts';

/** Answers one CSMS request (the core wraps it with the boot-state rules and the rpc.* faults). Throw OcppError for a CALLERROR. */
export type RequestHandler = (st: StationCore, payload: Json) => Json | Promise<Json>;

/** Answers TriggerMessage for one requestedMessage; the area sends the message itself (use st.afterReply). */
export type TriggerHandler = (st: StationCore, evse: EvseRef | undefined) => Json;

export interface StationArea {
  /** Area name, as in areas/<name>.ts; its faults are named `<name>.<fault>` (older faults keep their first names). */
  name: string;
  /** The Part 6 functional blocks (letters) whose cases this area's faults are meant to break (fault matrix v2). */
  blocks: readonly string[];
  /** Fault name -> the one behaviour it breaks. Each is read at one place, in this file. */
  faults: Readonly<Record<string, string>>;
  /** CSMS requests this area answers, by action (an action has one handler over all areas). */
  handlers?: Readonly<Record<string, RequestHandler>>;
  /** TriggerMessage requestedMessage values this area serves. */
  triggers?: Readonly<Record<string, TriggerHandler>>;
  /** The boot was Accepted (reason: the boot reason sent). Hooks run in the order of the list. */
  accepted?(st: StationCore, reason: BootReason): void;
  /** The connection came back without a new boot (after a network loss). */
  reconnected?(st: StationCore): void;
  /** The connection dropped (network loss, CSMS closed it, reboot). */
  disconnected?(st: StationCore): void;
  /** The station reboots (reset, power cycle): forget what does not survive it. */
  rebooting?(st: StationCore): void;
  /** The station stops or reboots: clear this area's timers. */
  halt?(st: StationCore): void;
  /** A device-model variable changed (SetVariables or internally). */
  variableChanged?(st: StationCore, component: ComponentRef, variable: VariableRef): void;
}
