// A functional area of the reference CSMS (security, authorization, transactions, firmware, ...): its named faults
// and the places where they act. Areas keep the simulator's core (handlers.ts, outgoing.ts) small and let each area's
// behaviour and faults live in one file. Each fault is still consulted at exactly one place.
import type { OcppVersion } from '../../../rpc/types.ts';
import type { CsmsFaultSet } from '../faults.ts';
import type { Handler, HandlerContext } from '../handlers.ts';
import type { StationRecord } from '../state.ts';

type Json = Record<string, unknown>;

export interface CsmsArea {
  /** Area name, for messages. */
  name: string;
  /** Answers to station requests the core does not handle itself (an action may have one handler in all areas). */
  handlers?: Record<string, Handler>;
  /**
   * Called after the core (or area) handler produced its answer to a station request: returns the answer to send,
   * possibly altered by a fault, or throws SimCallError to answer with a CALLERROR instead.
   */
  answer?(ctx: HandlerContext, action: string, request: Json, response: Json): Json;
  /** Alters the wire copy of a request the CSMS sends (outgoing faults). The payload is already a private copy. */
  outgoing?(faults: CsmsFaultSet, action: string, payload: Json, version: OcppVersion): void;
  /** Learns from a station's answer to one of our requests. */
  learn?(station: StationRecord, action: string, request: Json, response: Json, faults: CsmsFaultSet): void;
  /**
   * Splits an operator's request that exceeds a limit the station declared (ItemsPerMessage ...) into parts sent one
   * after the other; `join` makes one answer of theirs. undefined: send it as it is.
   */
  split?(station: StationRecord, action: string, payload: Json, faults: CsmsFaultSet): { parts: Json[]; join(answers: Json[]): Json } | undefined;
}
