// The CSMS's answers to station requests, as functions of (station record, options, payload). No I/O happens here
// except through `ctx.later` (work to do after the answer is on the wire), the PKI signer and the OCSP responder an
// ISO 15118 contract authorization names (areas/contract-certificates.ts).
import { signCsr } from '../../pki/index.ts';
import type { OcppVersion, RpcErrorCode } from '../../rpc/types.ts';
import { validatePayload } from '../../schema/index.ts';
import type { AuthorizationStatus, BootStatus, IdTokenRef, ResolvedOptions, TokenEntry } from './options.ts';
import type { StationRecord, TransactionState } from './state.ts';
import { variableKey } from './state.ts';
import { combinedCertificateRequested } from './areas/security.ts';
import { contractCertificateStatus } from './areas/contract-certificates.ts';

type Json = Record<string, unknown>;

/** Thrown by a handler to answer with a CALLERROR (the session turns it into the RPC layer's error). */
export class SimCallError extends Error {
  constructor(
    readonly code: RpcErrorCode,
    readonly description: string,
  ) {
    super(`${code}: ${description}`);
    this.name = 'SimCallError';
  }
}

export interface HandlerContext {
  station: StationRecord;
  opts: ResolvedOptions;
  version: OcppVersion;
  /** Runs fn after the answer was handed to the connection. */
  later(fn: () => Promise<void>): void;
  /** Starts the Pending provisioning of this station (after the answer is sent). */
  startPendingWork(): void;
  /** Sends CertificateSigned with the given chain (after the answer is sent). */
  sendCertificate(chainPem: string, certificateType: string | undefined): void;
  /** Sends a request of the CSMS's own to this station (call it from work run by `later`); resolves with the answer. */
  callStation?(action: string, payload: Json): Promise<unknown>;
}

export type Handler = (ctx: HandlerContext, payload: Json) => Json | Promise<Json>;

/** dateTime with exactly three fraction digits and Z; the heartbeat.badCurrentTime fault widens it to six. */
export function currentTime(ctx: HandlerContext, d = new Date()): string {
  const iso = d.toISOString();
  if (ctx.opts.faults.has('heartbeat.badCurrentTime')) return iso.replace(/\.(\d{3})Z$/, '.$1000Z');
  return iso;
}

function asObj(v: unknown): Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
}
function asStr(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
function asNum(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Boot

/** The status the CSMS wants to give this station now, before faults. */
export function decideBootStatus(station: StationRecord, opts: ResolvedOptions, now = Date.now()): BootStatus {
  const configured = station.bootOverride ?? opts.boot.perIdentity[station.identity] ?? opts.boot.status;
  if (configured !== 'Pending') return configured;
  if (station.provisioned) return 'Accepted';
  if (station.pendingSince === undefined) return 'Pending';
  if (opts.faults.has('boot.pendingNeverAccepts')) return 'Pending';
  const afterMs = station.pendingAcceptAfterMs ?? opts.boot.pendingThenAccept?.afterMs;
  if (afterMs === undefined) return 'Pending';
  return now - station.pendingSince >= afterMs && station.pendingWorkDone ? 'Accepted' : 'Pending';
}

const bootNotification: Handler = (ctx, p) => {
  const { station, opts } = ctx;
  let status = decideBootStatus(station, opts);
  if (opts.faults.has('boot.wrongStatus')) status = status === 'Accepted' ? 'Rejected' : 'Accepted';
  station.bootCount++;
  station.bootStatus = status;
  station.lastBoot = { reason: asStr(p.reason) ?? '', chargingStation: p.chargingStation, at: new Date().toISOString() };
  const res: Json = { currentTime: currentTime(ctx), status };
  if (status === 'Accepted') {
    res.interval = opts.faults.has('boot.zeroInterval') ? 0 : opts.heartbeatIntervalS;
    station.provisioned = true;
    station.pendingSince = undefined;
    station.triggeredActions.clear();
    station.openReportRequests.clear();
  } else {
    res.interval = opts.boot.intervalS;
  }
  if (opts.faults.has('boot.noInterval')) delete res.interval;
  if (status === 'Pending' && station.pendingSince === undefined) {
    station.pendingSince = Date.now();
    station.pendingWorkDone = false;
    ctx.startPendingWork();
  }
  return res;
};

const heartbeat: Handler = (ctx) => {
  ctx.station.lastHeartbeatAt = new Date().toISOString();
  return { currentTime: currentTime(ctx) };
};

// ---------------------------------------------------------------------------------------------------------------
// Availability

const statusNotification: Handler = (ctx, p) => {
  const evseId = asNum(p.evseId);
  const connectorId = asNum(p.connectorId);
  const status = asStr(p.connectorStatus);
  if (evseId !== undefined && connectorId !== undefined && status) ctx.station.setConnector(evseId, connectorId, status, 'StatusNotification');
  return {};
};

const notifyEvent: Handler = (ctx, p) => {
  const data = Array.isArray(p.eventData) ? p.eventData : [];
  for (const raw of data) {
    const ev = asObj(raw);
    const component = asObj(ev.component);
    const variable = asObj(ev.variable);
    if (component.name === 'Connector' && variable.name === 'AvailabilityState') {
      const evse = asObj(component.evse);
      const evseId = asNum(evse.id);
      const value = asStr(ev.actualValue);
      if (evseId !== undefined && value) ctx.station.setConnector(evseId, asNum(evse.connectorId) ?? 1, value, 'NotifyEvent');
    }
  }
  ctx.station.note('NotifyEvent', p);
  return {};
};

// ---------------------------------------------------------------------------------------------------------------
// Authorization

function findToken(opts: ResolvedOptions, idToken: IdTokenRef): TokenEntry | undefined {
  return opts.tokens.find((t) => t.idToken === idToken.idToken && t.type === idToken.type);
}

/** The idTokenInfo for a token, with every auth.* fault applied here and nowhere else. */
export function idTokenInfoFor(opts: ResolvedOptions, idToken: IdTokenRef): Json {
  const entry = findToken(opts, idToken);
  let status: AuthorizationStatus = entry?.status ?? (idToken.type === 'NoAuthorization' ? 'Accepted' : opts.unknownTokenStatus);
  const f = opts.faults;
  if (f.has('auth.blockedAsAccepted') && status === 'Blocked') status = 'Accepted';
  if (f.has('auth.invalidAsAccepted') && (status === 'Invalid' || status === 'Unknown')) status = 'Accepted';
  if (f.has('auth.expiredAsAccepted') && status === 'Expired') status = 'Accepted';
  const info: Json = { status };
  if (entry) {
    const group = entry.groupIdToken ?? (entry.masterPass && opts.masterPassGroupId !== undefined ? opts.masterPassGroupId : undefined);
    if (group !== undefined && !f.has('auth.noGroupIdToken')) {
      info.groupIdToken = typeof group === 'string' ? { idToken: group, type: 'Central' } : { idToken: group.idToken, type: group.type };
    }
    if (entry.cacheExpiryDateTime) info.cacheExpiryDateTime = entry.cacheExpiryDateTime;
  }
  return info;
}

function tokenRef(v: unknown): IdTokenRef | undefined {
  const o = asObj(v);
  const idToken = asStr(o.idToken);
  const type = asStr(o.type);
  return idToken !== undefined && type !== undefined ? { idToken, type } : undefined;
}

const authorize: Handler = async (ctx, p) => {
  const token = tokenRef(p.idToken);
  if (!token) throw new SimCallError('OccurrenceConstraintViolation', 'idToken is required');
  const idTokenInfo = idTokenInfoFor(ctx.opts, token);
  // ISO 15118 contract certificate data: its OCSP status decides first (C07.FR.16: not Accepted means Invalid).
  const certificateStatus = await contractCertificateStatus(ctx, p);
  if (certificateStatus === undefined) return { idTokenInfo };
  return { idTokenInfo: certificateStatus === 'Accepted' ? idTokenInfo : { ...idTokenInfo, status: 'Invalid' }, certificateStatus };
};

// ---------------------------------------------------------------------------------------------------------------
// Transactions

function recomputeMissing(tx: TransactionState): void {
  const seen = new Set(tx.seqNos);
  if (seen.size === 0) return;
  const min = Math.min(...seen);
  const max = Math.max(...seen);
  const missing: number[] = [];
  // Bounded: a wildly wrong seqNo must not make us allocate millions of entries.
  for (let s = min; s <= max && missing.length < 1000; s++) if (!seen.has(s)) missing.push(s);
  tx.missingSeqNos = missing;
}

const transactionEvent: Handler = (ctx, p) => {
  const { station, opts } = ctx;
  const info = asObj(p.transactionInfo);
  const transactionId = asStr(info.transactionId) ?? '';
  const seqNo = asNum(p.seqNo) ?? 0;
  const eventType = asStr(p.eventType) ?? '';
  if (opts.faults.has('tx.rejectSeqNoRestart') && station.lastSeqNo !== undefined && seqNo <= station.lastSeqNo) {
    throw new SimCallError('PropertyConstraintViolation', `seqNo ${seqNo} does not follow ${station.lastSeqNo}`);
  }
  station.lastSeqNo = Math.max(station.lastSeqNo ?? seqNo, seqNo);

  let tx = station.transactions.get(transactionId);
  if (!tx) {
    tx = {
      transactionId,
      state: 'Started',
      startedMissing: eventType !== 'Started',
      events: [],
      seqNos: [],
      missingSeqNos: [],
      duplicateSeqNos: [],
      meterValueCount: 0,
    };
    station.transactions.set(transactionId, tx);
  }
  if (tx.seqNos.includes(seqNo)) tx.duplicateSeqNos.push(seqNo);
  tx.seqNos.push(seqNo);
  if (!opts.faults.has('tx.ignoreSeqNoGap')) recomputeMissing(tx);
  if (eventType === 'Started' || eventType === 'Updated' || eventType === 'Ended') {
    // A late Updated must not reopen an Ended transaction.
    if (tx.state !== 'Ended') tx.state = eventType;
  }
  const chargingState = asStr(info.chargingState);
  if (chargingState) tx.chargingState = chargingState;
  const stoppedReason = asStr(info.stoppedReason);
  if (stoppedReason) tx.stoppedReason = stoppedReason;
  const remoteStartId = asNum(info.remoteStartId);
  if (remoteStartId !== undefined) tx.remoteStartId = remoteStartId;
  const evse = asObj(p.evse);
  const evseId = asNum(evse.id);
  if (evseId !== undefined) tx.evseId = evseId;
  const connectorId = asNum(evse.connectorId);
  if (connectorId !== undefined) tx.connectorId = connectorId;
  if (Array.isArray(p.meterValue)) tx.meterValueCount += p.meterValue.length;
  const token = tokenRef(p.idToken);
  if (token) tx.idToken = token;
  const record: TransactionState['events'][number] = {
    seqNo,
    eventType,
    triggerReason: asStr(p.triggerReason) ?? '',
    timestamp: asStr(p.timestamp) ?? '',
    receivedAt: new Date().toISOString(),
  };
  if (chargingState) record.chargingState = chargingState;
  tx.events.push(record);

  const res: Json = {};
  if (token && !opts.faults.has('tx.noIdTokenInfo')) res.idTokenInfo = idTokenInfoFor(opts, token);
  return res;
};

// ---------------------------------------------------------------------------------------------------------------
// Device model reports

const notifyReport: Handler = (ctx, p) => {
  const { station } = ctx;
  const requestId = asNum(p.requestId) ?? -1;
  let report = station.reports.get(requestId);
  if (!report) {
    report = { requestId, parts: [], complete: false, items: [] };
    station.reports.set(requestId, report);
  }
  report.parts.push(asNum(p.seqNo) ?? report.parts.length);
  const items = Array.isArray(p.reportData) ? p.reportData : [];
  report.items.push(...items);
  if (p.tbc !== true) {
    report.complete = true;
    station.openReportRequests.delete(requestId);
  }
  const at = new Date().toISOString();
  for (const raw of items) {
    const item = asObj(raw);
    const component = asObj(item.component);
    const variable = asObj(item.variable);
    const evse = asObj(component.evse);
    const cName = asStr(component.name);
    const vName = asStr(variable.name);
    if (!cName || !vName) continue;
    const attrs = Array.isArray(item.variableAttribute) ? item.variableAttribute : [];
    for (const rawAttr of attrs) {
      const attr = asObj(rawAttr);
      const attributeType = asStr(attr.type) ?? 'Actual';
      const rec = {
        component: cName,
        componentInstance: asStr(component.instance),
        evseId: asNum(evse.id),
        connectorId: asNum(evse.connectorId),
        variable: vName,
        variableInstance: asStr(variable.instance),
        attributeType,
      };
      const value = asStr(attr.value);
      station.variables.set(variableKey(rec), { ...rec, value, status: 'Reported', source: 'NotifyReport', at });
      if (cName === 'DeviceDataCtrlr' && vName === 'ItemsPerMessage' && attributeType === 'Actual' && value !== undefined) {
        const n = Number.parseInt(value, 10);
        if (Number.isInteger(n) && n > 0) {
          if (rec.variableInstance === 'GetVariables') station.itemsPerMessage.getVariables = n;
          if (rec.variableInstance === 'SetVariables') station.itemsPerMessage.setVariables = n;
        }
      }
    }
  }
  return {};
};

// ---------------------------------------------------------------------------------------------------------------
// Security

const securityEventNotification: Handler = (ctx, p) => {
  const rec = { type: asStr(p.type) ?? '', timestamp: asStr(p.timestamp) ?? '', receivedAt: new Date().toISOString() };
  const techInfo = asStr(p.techInfo);
  ctx.station.securityEvents.push(techInfo === undefined ? rec : { ...rec, techInfo });
  return {};
};

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 3)}...`;
}

const signCertificate: Handler = async (ctx, p) => {
  const pki = ctx.opts.pki;
  if (!pki) return { status: 'Rejected', statusInfo: { reasonCode: 'NoCA', additionalInfo: 'this CSMS has no CA configured' } };
  const csr = asStr(p.csr) ?? '';
  const certificateType = asStr(p.certificateType);
  const v2g = certificateType === 'V2GCertificate';
  // A CSR without certificateType after we asked for a combined certificate (one certificate for both the OCPP and
  // the ISO 15118 connection, A02/A03): issued within the V2G PKI when there is one; it is also the OCPP client certificate.
  const requested = combinedCertificateRequested(ctx.station);
  const combined = certificateType === undefined && requested.pending && pki.v2gIssuer !== undefined;
  if (certificateType === undefined) requested.pending = false;
  try {
    const signed = await signCsr({
      issuer: v2g || combined ? (pki.v2gIssuer ?? pki.issuer) : pki.issuer,
      csrPem: csr,
      usage: v2g ? 'server' : 'client',
      ...(pki.requireCnMatchesIdentity && !v2g ? { expectedCommonName: ctx.station.identity } : {}),
    });
    ctx.sendCertificate(signed.chainPem, certificateType);
    return { status: 'Accepted' };
  } catch (err) {
    return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidCSR', additionalInfo: clip(err instanceof Error ? err.message : String(err), 512) } };
  }
};

// ---------------------------------------------------------------------------------------------------------------
// Everything else

const dataTransfer: Handler = (ctx, p) => {
  const vendorId = asStr(p.vendorId) ?? '';
  ctx.station.note('DataTransfer', p);
  return { status: ctx.opts.dataTransferVendors.includes(vendorId) ? 'Accepted' : 'UnknownVendorId' };
};

const acknowledge =
  (action: string): Handler =>
  (ctx, p) => {
    ctx.station.note(action, p);
    return {};
  };

export const HANDLERS: Record<string, Handler> = {
  BootNotification: bootNotification,
  Heartbeat: heartbeat,
  StatusNotification: statusNotification,
  NotifyEvent: notifyEvent,
  Authorize: authorize,
  TransactionEvent: transactionEvent,
  NotifyReport: notifyReport,
  SecurityEventNotification: securityEventNotification,
  SignCertificate: signCertificate,
  DataTransfer: dataTransfer,
  FirmwareStatusNotification: acknowledge('FirmwareStatusNotification'),
  LogStatusNotification: acknowledge('LogStatusNotification'),
  MeterValues: acknowledge('MeterValues'),
  NotifyMonitoringReport: acknowledge('NotifyMonitoringReport'),
  NotifyCustomerInformation: acknowledge('NotifyCustomerInformation'),
  NotifyDisplayMessages: acknowledge('NotifyDisplayMessages'),
  NotifyChargingLimit: acknowledge('NotifyChargingLimit'),
  ClearedChargingLimit: acknowledge('ClearedChargingLimit'),
  ReservationStatusUpdate: acknowledge('ReservationStatusUpdate'),
  ReportChargingProfiles: acknowledge('ReportChargingProfiles'),
  PublishFirmwareStatusNotification: acknowledge('PublishFirmwareStatusNotification'),
};

/** Fallback answers for station messages we do not model, tried in order; the first schema-valid one is used. */
const FALLBACK_ANSWERS: Json[] = [{}, { status: 'Rejected' }, { status: 'Failed' }, { status: 'NotSupported' }];

/** A schema-valid "we note it but do nothing" answer for an action without a handler, or undefined. */
export function fallbackAnswer(version: OcppVersion, action: string): Json | undefined {
  return FALLBACK_ANSWERS.find((a) => validatePayload(version, action, 'response', a).length === 0);
}
