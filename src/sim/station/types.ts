// Public types of the reference Charging Station simulator.

import type { OcppVersion } from '../../rpc/types.ts';
import type { TraceSink } from '../../report/trace-types.ts';

export type IdTokenType = 'Central' | 'eMAID' | 'ISO14443' | 'ISO15693' | 'KeyCode' | 'Local' | 'MacAddress' | 'NoAuthorization';
export interface IdToken {
  idToken: string;
  type: IdTokenType;
}

export type BootReason =
  | 'ApplicationReset'
  | 'FirmwareUpdate'
  | 'LocalReset'
  | 'PowerUp'
  | 'RemoteReset'
  | 'ScheduledReset'
  | 'Triggered'
  | 'Unknown'
  | 'Watchdog';

export type ConnectorStatus = 'Available' | 'Occupied' | 'Reserved' | 'Unavailable' | 'Faulted';
export type ChargingState = 'Charging' | 'EVConnected' | 'SuspendedEV' | 'SuspendedEVSE' | 'Idle';
export type BootState = 'Down' | 'Connecting' | 'Booting' | 'Pending' | 'Rejected' | 'Accepted';

export interface StationTimers {
  /** Overrides the heartbeat interval of the BootNotificationResponse / HeartbeatInterval variable. */
  heartbeatMs?: number;
  /** Overrides the retry delay after Pending/Rejected (normally the response's interval). Also the delay after a failed boot CALL (default 30000). */
  bootRetryMs?: number;
  /** Periodic meter values during a transaction (default: SampledDataCtrlr.TxUpdatedInterval; 0 = off). */
  meterSampleMs?: number;
  /** Overrides OCPPCommCtrlr.OfflineThreshold. */
  offlineThresholdMs?: number;
  /** First reconnect delay after a lost connection (doubles up to reconnectMaxMs). Default 1000. */
  reconnectMs?: number;
  /** Default 30000. */
  reconnectMaxMs?: number;
  /** How long a reboot keeps the station off the network. Default 100. */
  rebootMs?: number;
  /** Overrides TxCtrlr.EVConnectionTimeOut. */
  evConnectionTimeoutMs?: number;
  /** Deadline for the answer to each of the station's CALLs. Default 30000. */
  callTimeoutMs?: number;
  /** WebSocket opening handshake deadline. Default 10000. */
  handshakeTimeoutMs?: number;
  /** Retry delay of a TransactionEvent the CSMS did not accept (default OCPPCommCtrlr.MessageAttemptInterval). */
  txRetryMs?: number;
  /** Delay used by the rpc.lateAnswer fault. Default 35000. */
  lateAnswerMs?: number;
}

export interface StationTlsOptions {
  caPem?: string;
  certPem?: string;
  keyPem?: string;
  chainPem?: string;
}

export interface StationSimOptions {
  csmsUrl: string;
  identity: string;
  ocppVersion?: OcppVersion;
  securityProfile?: 0 | 1 | 2 | 3;
  password?: string;
  tls?: StationTlsOptions;
  /** Connectors per EVSE; default [1] (one EVSE with one connector). A number n means n EVSEs with one connector each. */
  evses?: number | number[];
  vendorName?: string;
  model?: string;
  serialNumber?: string;
  firmwareVersion?: string;
  timers?: StationTimers;
  /** TxCtrlr.TxStartPoint; default ['PowerPathClosed']. */
  txStartPoint?: string[];
  /** TxCtrlr.TxStopPoint; default ['EVConnected', 'Authorized']. */
  txStopPoint?: string[];
  /** SampledDataCtrlr measurands; default ['Energy.Active.Import.Register']. */
  measurands?: string[];
  /** Named faults (see STATION_FAULTS). Unknown names are rejected. */
  faults?: string[];
  /** The HTTP SUT-action API; default on at 127.0.0.1 port 0. `false` turns it off. */
  actionApi?: { host?: string; port?: number } | false;
  trace?: TraceSink;
  /** Default true: connect and boot at once. */
  connect?: boolean;
  /** Device model overrides applied at start: 'Component.Variable' or 'Component.Variable[Instance]' -> value. */
  variables?: Record<string, string>;
  /** Optional features this station leaves out (a variant; see variants.ts). Default: it has them all. */
  omit?: OmittedFeature[];
  /** Declares OCPPCommCtrlr.RetryBackOff* and reconnects by them (Part 4 section 5.3); default: the timers' back-off. */
  retryBackOff?: boolean;
}

/** Optional features the reference station can leave out: resetting one EVSE (Part 5 C-13), the SummaryInventory report (C-56), plugging in before authorization (a cable lock, AQ-2), the master pass without a UI (C-08; with it out, the station has a UI, C-07). */
export type OmittedFeature = 'evseReset' | 'summaryInventory' | 'plugInBeforeAuthorization' | 'masterPassWithoutUi' | 'firmwareCancel' | 'firmwareInstallDuringTransaction' | 'firmwareDownloadDuringTransaction';

export interface ConnectorSnapshot {
  evseId: number;
  connectorId: number;
  status: ConnectorStatus;
  plugged: boolean;
  faulted: boolean;
  operative: boolean;
}

export interface TransactionSnapshot {
  transactionId: string;
  evseId: number;
  connectorId?: number;
  seqNo: number;
  chargingState: ChargingState;
  idToken?: IdToken;
  energyWh: number;
}

export interface EvseSnapshot {
  evseId: number;
  operative: boolean;
  parkingBayOccupied: boolean;
  authorized?: IdToken;
  chargingState: ChargingState;
  transaction?: TransactionSnapshot;
  connectors: ConnectorSnapshot[];
}

export interface StationSnapshot {
  identity: string;
  ocppVersion: OcppVersion;
  connected: boolean;
  networkUp: boolean;
  bootState: BootState;
  bootCount: number;
  lastBootReason?: BootReason;
  heartbeatIntervalMs?: number;
  operative: boolean;
  pendingReset?: 'station' | number[];
  queuedTransactionEvents: number;
  evses: EvseSnapshot[];
  faults: string[];
}

/** A SUT action that cannot be done in the station's current state, or with these arguments. */
export class StationActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StationActionError';
  }
}

export type StationStateName =
  | 'plugged-in'
  | 'plugged-out'
  | 'faulted'
  | 'available'
  | 'unlockfailure'
  | 'suspendedEV'
  | 'suspendedEVSE'
  | 'charging';
