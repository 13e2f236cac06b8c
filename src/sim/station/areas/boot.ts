// Boot and heartbeat (Part 6 block B): BootNotification with its retries after Pending/Rejected, the heartbeat,
// TriggerMessage BootNotification/Heartbeat. This area's named faults and behaviour of the reference station.
import { ConnectionClosedError } from '../../../rpc/errors.ts';
import type { StationCore } from '../core.ts';
import { errText, perStation, type Json } from '../state.ts';
import type { ConnectorState } from '../state.ts';
import type { BootReason, ConnectorStatus } from '../types.ts';
import { connectorStatus } from './availability.ts';
import type { StationArea } from './types.ts';

export const FAULTS = {
  'boot.omitVendorName': 'BootNotification carries no chargingStation.vendorName (schema-invalid request).',
  'boot.omitFirmwareVersion': 'BootNotification leaves out the optional chargingStation.firmwareVersion.',
  'boot.wrongReason': 'BootNotification always says PowerUp, also after a reset or a TriggerMessage.',
  'boot.triggerBootWhenAccepted': 'TriggerMessage BootNotification is Accepted (and the station boots again) after an Accepted boot.',
  'boot.triggerNoHeartbeat': 'TriggerMessage Heartbeat is Accepted but no Heartbeat follows.',
  'boot.ignorePending': 'A Pending boot is treated like Accepted: status, events and heartbeats are sent anyway.',
  'boot.noRetryAfterRejected': 'After a Rejected boot the station never sends BootNotification again.',
  'boot.retryTooEarly': 'After Rejected/Pending the station retries the boot at a tenth of the interval it was given.',
  'heartbeat.never': 'No Heartbeat is ever sent.',
  'offline.changedOnlyAfterLongOutage': 'After an outage longer than OfflineThreshold only the connectors whose status changed are reported, not all.',
  'offline.noReportAfterOutage': 'After an outage the connectors whose status changed meanwhile are not reported.',
  'boot.answerWhileRejected': 'While its boot is Rejected the station answers CSMS requests as if accepted (no SecurityError).',
} as const satisfies Record<string, string>;

// What the CSMS had been told about each connector when the connection dropped (read by the offline.* faults).
const toldBeforeOutage = perStation<StationCore, { reported: Map<ConnectorState, ConnectorStatus | undefined> }>(() => ({ reported: new Map() }));

/** Reconnected without a boot: the offline.* faults falsify what the station believes it has reported. */
function afterOutage(st: StationCore): void {
  const told = toldBeforeOutage(st).reported;
  for (const { evse, connector } of st.allConnectors()) {
    if (st.faults.has('offline.changedOnlyAfterLongOutage') && told.has(connector)) connector.reported = told.get(connector);
    if (st.faults.has('offline.noReportAfterOutage')) connector.reported = connectorStatus(st, evse, connector);
  }
}

function rememberTold(st: StationCore): void {
  const told = toldBeforeOutage(st).reported;
  told.clear();
  for (const { connector } of st.allConnectors()) told.set(connector, connector.reported);
}

const timers = perStation<StationCore, { heartbeat?: ReturnType<typeof setInterval>; bootRetry?: ReturnType<typeof setTimeout> }>(() => ({}));

function bootPayload(st: StationCore, reason: BootReason): Json {
  const cs: Json = {
    model: st.opts.model ?? 'RefStation',
    vendorName: st.opts.vendorName ?? 'OpenConformance',
    serialNumber: st.opts.serialNumber ?? `SIM-${st.identity}`.slice(0, 25),
    firmwareVersion: st.opts.firmwareVersion ?? '1.0.0',
  };
  if (st.faults.has('boot.omitVendorName')) delete cs.vendorName;
  if (st.faults.has('boot.omitFirmwareVersion')) delete cs.firmwareVersion;
  return { reason: st.faults.has('boot.wrongReason') ? 'PowerUp' : reason, chargingStation: cs };
}

/** Sends BootNotification; on Accepted every area's `accepted` hook runs, otherwise a retry is scheduled. */
export async function boot(st: StationCore, reason: BootReason = st.nextBootReason): Promise<void> {
  const conn = st.conn;
  if (!conn) return;
  clearTimeout(timers(st).bootRetry);
  if (st.bootState !== 'Pending') st.bootState = 'Booting';
  st.changed();
  let res: Json;
  try {
    res = (await conn.call('BootNotification', bootPayload(st, reason))) as Json;
  } catch (e) {
    if (e instanceof ConnectionClosedError || st.conn !== conn) return;
    st.note(`BootNotification failed: ${errText(e)}`);
    scheduleBootRetry(st, st.timers.bootRetryMs ?? 30_000);
    return;
  }
  if (st.conn !== conn) return;
  const reported = String(res.status);
  const status = reported === 'Pending' && st.faults.has('boot.ignorePending') ? 'Accepted' : reported;
  const interval = typeof res.interval === 'number' ? res.interval : 0;
  if (status === 'Accepted') {
    st.bootState = 'Accepted';
    st.bootCount++;
    st.lastBootReason = reason;
    st.nextBootReason = 'PowerUp';
    if (interval > 0) st.dm.setInternal('OCPPCommCtrlr', 'HeartbeatInterval', String(interval));
    st.changed();
    for (const area of st.areas) area.accepted?.(st, reason);
    return;
  }
  st.bootState = status === 'Pending' ? 'Pending' : 'Rejected';
  st.changed();
  if (status === 'Rejected' && st.faults.has('boot.noRetryAfterRejected')) return;
  let delay = st.timers.bootRetryMs ?? (interval > 0 ? interval * 1000 : 30_000);
  if (st.faults.has('boot.retryTooEarly')) delay = Math.floor(delay / 10);
  scheduleBootRetry(st, delay);
}

function scheduleBootRetry(st: StationCore, delayMs: number): void {
  const t = timers(st);
  clearTimeout(t.bootRetry);
  t.bootRetry = setTimeout(() => {
    t.bootRetry = undefined;
    void boot(st);
  }, delayMs);
}

function startHeartbeat(st: StationCore): void {
  stopHeartbeat(st);
  if (st.faults.has('heartbeat.never')) return;
  const ms = st.timers.heartbeatMs ?? st.dm.int('OCPPCommCtrlr', 'HeartbeatInterval') * 1000;
  st.heartbeatMs = ms;
  if (ms <= 0) return;
  timers(st).heartbeat = setInterval(() => void st.callSafe('Heartbeat', {}), ms);
}

function stopHeartbeat(st: StationCore): void {
  const t = timers(st);
  clearInterval(t.heartbeat);
  t.heartbeat = undefined;
}

function stopAll(st: StationCore): void {
  stopHeartbeat(st);
  clearTimeout(timers(st).bootRetry);
}

export const AREA = {
  name: 'boot',
  blocks: ['B', 'F'],
  faults: FAULTS,
  triggers: {
    BootNotification: (st) => {
      if (st.bootState === 'Accepted' && !st.faults.has('boot.triggerBootWhenAccepted')) return { status: 'Rejected' };
      st.afterReply(() => void boot(st, 'Triggered'));
      return { status: 'Accepted' };
    },
    Heartbeat: (st) => {
      if (!st.faults.has('boot.triggerNoHeartbeat')) st.afterReply(() => void st.callSafe('Heartbeat', {}, true));
      return { status: 'Accepted' };
    },
  },
  accepted(st) {
    // rpc.concurrentCall: a Heartbeat goes out while the messages after the boot are still unanswered.
    if (st.faults.has('rpc.concurrentCall')) void st.callSafe('Heartbeat', {});
    startHeartbeat(st);
  },
  reconnected(st) {
    afterOutage(st);
    startHeartbeat(st);
  },
  disconnected(st) {
    rememberTold(st);
    stopAll(st);
  },
  halt: stopAll,
  variableChanged(st, component, variable) {
    if (component.name === 'OCPPCommCtrlr' && variable.name === 'HeartbeatInterval' && timers(st).heartbeat !== undefined) startHeartbeat(st);
  },
} satisfies StationArea;
