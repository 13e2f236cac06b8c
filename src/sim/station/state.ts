// The reference station's internal state shapes, shared by the core and the areas (not part of the public API).

import { formatOcppDateTime } from '../../schema/datetime.ts';
import type { EvseMeter } from './meter.ts';
import type { ChargingState, ConnectorStatus, IdToken } from './types.ts';

export type Json = Record<string, unknown>;

export interface ConnectorState {
  id: number;
  plugged: boolean;
  faulted: boolean;
  unlockFailure: boolean;
  operative: boolean;
  /** Last status the CSMS was told (undefined: never told since boot). */
  reported?: ConnectorStatus;
}

export interface Transaction {
  id: string;
  seqNo: number;
  connectorId?: number;
  idToken?: IdToken;
  remoteStartId?: number;
  remoteStartSent: boolean;
  evseSent: boolean;
  chargingState: ChargingState;
  startedAt: number;
  chargingMs: number;
  chargingSince?: number;
  meterTimer?: ReturnType<typeof setInterval>;
}

export interface EvseState {
  id: number;
  connectors: ConnectorState[];
  operative: boolean;
  bayOccupied: boolean;
  evSuspended: boolean;
  evseSuspended: boolean;
  auth?: { token: IdToken; remoteStartId?: number; groupIdToken?: IdToken };
  /** Set when a session ended while the cable stayed in: plugging in again (or a new token) starts the next one. */
  sessionClosed: boolean;
  tx?: Transaction;
  meter: EvseMeter;
  evTimeout?: ReturnType<typeof setTimeout>;
  /** ChangeAvailability waiting for the transaction to end. */
  scheduledOperative?: boolean;
  scheduledReset?: 'Immediate' | 'OnIdle';
}

/** What happened to an EVSE; becomes the TransactionEvent triggerReason (ChargingStateChangedOnly: only if the state changed). */
export type Trigger =
  | 'CablePluggedIn'
  | 'Authorized'
  | 'RemoteStart'
  | 'EVDetected'
  | 'EVDeparted'
  | 'ChargingStateChanged'
  | 'StopAuthorized'
  | 'EVCommunicationLost'
  | 'RemoteStop'
  | 'ResetCommand'
  | 'Deauthorized'
  | 'EVConnectTimeout'
  | 'AbnormalCondition'
  | 'SignedDataReceived'
  | 'ChargingStateChangedOnly';

/** The EVSE (and connector) a CSMS request names, e.g. TriggerMessage.evse. */
export interface EvseRef {
  id: number;
  connectorId?: number;
}

export function nowText(): string {
  return formatOcppDateTime(new Date());
}

export function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export { perStation } from '../common/per-station.ts';
