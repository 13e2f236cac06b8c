// What the reference CSMS remembers about each station. Records outlive connections (a station that reconnects
// without rebooting keeps its registration), and snapshots are plain JSON for the operator API.
import type { OcppVersion } from '../../rpc/types.ts';
import type { BootStatus } from './options.ts';

export interface ConnectorState {
  evseId: number;
  connectorId: number;
  status: string;
  at: string;
  via: 'StatusNotification' | 'NotifyEvent';
}

export interface TransactionEventRecord {
  seqNo: number;
  eventType: string;
  triggerReason: string;
  timestamp: string;
  chargingState?: string;
  receivedAt: string;
}

export interface TransactionState {
  transactionId: string;
  evseId?: number;
  connectorId?: number;
  state: 'Started' | 'Updated' | 'Ended';
  /** True when the first event seen for this transaction was not Started. */
  startedMissing: boolean;
  idToken?: { idToken: string; type: string };
  chargingState?: string;
  stoppedReason?: string;
  remoteStartId?: number;
  events: TransactionEventRecord[];
  /** seqNo values received, in arrival order. */
  seqNos: number[];
  /** seqNo values between the lowest and highest received that never arrived. */
  missingSeqNos: number[];
  duplicateSeqNos: number[];
  meterValueCount: number;
}

export interface ReportState {
  requestId: number;
  /** What we asked for (GetBaseReport reportBase, or 'Custom' for GetReport); absent when the report was not requested by us. */
  requested?: string;
  requestStatus?: string;
  parts: number[];
  complete: boolean;
  items: unknown[];
}

export interface SecurityEventRecord {
  type: string;
  timestamp: string;
  techInfo?: string;
  receivedAt: string;
}

export interface VariableRecord {
  component: string;
  componentInstance?: string;
  evseId?: number;
  connectorId?: number;
  variable: string;
  variableInstance?: string;
  attributeType: string;
  value?: string;
  status: string;
  source: 'GetVariables' | 'SetVariables' | 'NotifyReport';
  at: string;
}

export interface NotificationRecord {
  action: string;
  payload: unknown;
  at: string;
}

export interface StationSnapshot {
  identity: string;
  connected: boolean;
  version?: OcppVersion;
  connectionId?: string;
  securityProfile: number;
  bootStatus?: BootStatus;
  bootCount: number;
  lastBoot?: { reason: string; chargingStation: unknown; at: string };
  lastHeartbeatAt?: string;
  connectors: ConnectorState[];
  transactions: TransactionState[];
  reports: ReportState[];
  securityEvents: SecurityEventRecord[];
  variables: VariableRecord[];
  /** Firmware, log, meter-value and other notifications, newest last (bounded). */
  notifications: NotificationRecord[];
  certificatesSigned: number;
  itemsPerMessage: { getVariables?: number; setVariables?: number };
}

const MAX_NOTIFICATIONS = 200;

export class StationRecord {
  connected = false;
  version?: OcppVersion;
  connectionId?: string;
  securityProfile = 0;
  bootStatus?: BootStatus;
  bootCount = 0;
  lastBoot?: { reason: string; chargingStation: unknown; at: string };
  lastHeartbeatAt?: string;
  readonly connectors = new Map<string, ConnectorState>();
  readonly transactions = new Map<string, TransactionState>();
  readonly reports = new Map<number, ReportState>();
  readonly securityEvents: SecurityEventRecord[] = [];
  readonly variables = new Map<string, VariableRecord>();
  readonly notifications: NotificationRecord[] = [];
  certificatesSigned = 0;
  itemsPerMessage: { getVariables?: number; setVariables?: number } = {};
  /** Highest seqNo seen on any transaction of this station (for the station-wide counting check). */
  lastSeqNo?: number;
  /** Operator override of the boot answer (set-pending-boot). */
  bootOverride?: BootStatus;
  /** Operator override of boot.pendingThenAccept.afterMs for this station (set-pending-boot acceptAfterMs). */
  pendingAcceptAfterMs?: number;
  /** Pending bookkeeping: when the first Pending answer of the current run was given, and whether provisioning is done. */
  pendingSince?: number;
  pendingWorkDone = false;
  /** Set once the station was Accepted after a Pending phase: later boots are Accepted straight away. */
  provisioned = false;
  /** requestIds of GetBaseReport/GetReport requests the station accepted and has not finished reporting. */
  readonly openReportRequests = new Set<number>();
  /** Actions a TriggerMessage allowed while Pending. */
  readonly triggeredActions = new Set<string>();

  constructor(readonly identity: string) {}

  note(action: string, payload: unknown): void {
    this.notifications.push({ action, payload, at: new Date().toISOString() });
    if (this.notifications.length > MAX_NOTIFICATIONS) this.notifications.splice(0, this.notifications.length - MAX_NOTIFICATIONS);
  }

  setConnector(evseId: number, connectorId: number, status: string, via: ConnectorState['via']): void {
    this.connectors.set(`${evseId}/${connectorId}`, { evseId, connectorId, status, via, at: new Date().toISOString() });
  }

  snapshot(): StationSnapshot {
    const snap: StationSnapshot = {
      identity: this.identity,
      connected: this.connected,
      securityProfile: this.securityProfile,
      bootCount: this.bootCount,
      connectors: [...this.connectors.values()].sort((a, b) => a.evseId - b.evseId || a.connectorId - b.connectorId),
      transactions: [...this.transactions.values()].map((t) => structuredClone(t)),
      reports: [...this.reports.values()].map((r) => structuredClone(r)),
      securityEvents: [...this.securityEvents],
      variables: [...this.variables.values()],
      notifications: [...this.notifications],
      certificatesSigned: this.certificatesSigned,
      itemsPerMessage: { ...this.itemsPerMessage },
    };
    if (this.version) snap.version = this.version;
    if (this.connectionId) snap.connectionId = this.connectionId;
    if (this.bootStatus) snap.bootStatus = this.bootStatus;
    if (this.lastBoot) snap.lastBoot = this.lastBoot;
    if (this.lastHeartbeatAt) snap.lastHeartbeatAt = this.lastHeartbeatAt;
    return snap;
  }
}

/** Key of a device-model variable in the variables store. */
export function variableKey(v: Omit<VariableRecord, 'value' | 'status' | 'source' | 'at'>): string {
  return [v.component, v.componentInstance ?? '', v.evseId ?? '', v.connectorId ?? '', v.variable, v.variableInstance ?? '', v.attributeType].join('|');
}
