// Availability and connector status (Part 6 block G): StatusNotification / NotifyEvent AvailabilityState on every
// change, ChangeAvailability (Scheduled while a transaction runs), TriggerMessage StatusNotification.
// This area's named faults and behaviour of the reference station.
import type { StationCore } from '../core.ts';
import { nowText, perStation, type ConnectorState, type EvseState, type Json } from '../state.ts';
import type { ConnectorStatus } from '../types.ts';
import type { StationArea } from './types.ts';

export const FAULTS = {
  'status.skipConnector': 'The last connector of the last EVSE is never reported with StatusNotification/NotifyEvent.',
  'status.triggerRejectsConnector': 'TriggerMessage StatusNotification naming an EVSE and connector is Rejected.',
  'status.triggerAlwaysAvailable': 'A triggered StatusNotification says Available whatever the connector state.',
  'status.noNotifyEvent': 'Connector status changes are reported by StatusNotification only, without NotifyEvent.',
  'status.neverOccupied': 'A connector with a cable plugged in is reported Available instead of Occupied.',
  'status.silentUnplug': 'A connector that becomes Available after being Occupied is not reported.',
  'availability.ignoreInoperative': 'ChangeAvailability Inoperative is answered as usual but changes nothing.',
  'availability.ignoreOperative': 'ChangeAvailability Operative is answered as usual but changes nothing.',
  'availability.rejectUnchanged': 'ChangeAvailability to the state already in force is Rejected.',
  'availability.acceptedWhileCharging': 'ChangeAvailability Inoperative during a transaction is answered Accepted instead of Scheduled.',
  'availability.forgetOnReboot': 'After a reboot every EVSE and connector is Operative again (availability does not persist).',
} as const satisfies Record<string, string>;

const nextEventId = perStation<StationCore, { value: number }>(() => ({ value: 1 }));

/** Reasons another area holds every connector without a transaction Unavailable (a firmware update waiting for transactions to end, L01.FR.07). */
export const heldUnavailable = perStation<StationCore, { by: Set<string> }>(() => ({ by: new Set() }));

export function connectorStatus(st: StationCore, e: EvseState, c: ConnectorState): ConnectorStatus {
  if (c.faulted) return 'Faulted';
  const operative = st.stationOperative && e.operative && c.operative && heldUnavailable(st).by.size === 0;
  if (!operative && !e.tx) return 'Unavailable';
  if (c.plugged && !st.faults.has('status.neverOccupied')) return 'Occupied';
  return 'Available';
}

/** The AvailabilityState of an EVSE or the station from its connectors' statuses. */
export function aggregate(statuses: ConnectorStatus[]): string {
  if (statuses.length > 0 && statuses.every((s) => s === 'Unavailable')) return 'Unavailable';
  if (statuses.length > 0 && statuses.every((s) => s === 'Faulted')) return 'Faulted';
  if (statuses.includes('Occupied')) return 'Occupied';
  return 'Available';
}

/** Tells the CSMS about every connector whose status differs from what it was last told. */
export function reportStatusChanges(st: StationCore, triggered = false): void {
  if (!st.mayCall('StatusNotification', triggered)) return;
  const all = st.allConnectors();
  const last = all[all.length - 1];
  for (const { evse, connector } of all) {
    const status = connectorStatus(st, evse, connector);
    if (connector.reported === status) continue;
    if (st.faults.has('status.silentUnplug') && connector.reported === 'Occupied' && status === 'Available') continue;
    connector.reported = status;
    if (st.faults.has('status.skipConnector') && last && connector === last.connector) continue;
    sendStatus(st, evse, connector, status, triggered);
  }
}

function sendStatus(st: StationCore, evse: EvseState, connector: ConnectorState, status: ConnectorStatus, triggered: boolean): void {
  const timestamp = nowText();
  const conn = st.conn;
  void st.callSafe('StatusNotification', { timestamp, connectorStatus: status, evseId: evse.id, connectorId: connector.id }, triggered).then((answer) => {
    // Lost with a connection that was going away (the CSMS closed it as the status changed): the CSMS was not told, so
    // the report after the reconnection tells it.
    if (answer === undefined && conn?.closed === true && connector.reported === status) connector.reported = undefined;
  });
  if (st.faults.has('status.noNotifyEvent')) return;
  const component = { name: 'Connector', evse: { id: evse.id, connectorId: connector.id } };
  const event = { eventId: nextEventId(st).value++, timestamp, trigger: 'Delta', actualValue: status, eventNotificationType: 'HardWiredNotification', component, variable: { name: 'AvailabilityState' } };
  void st.callSafe('NotifyEvent', { generatedAt: timestamp, seqNo: 0, tbc: false, eventData: [event] }, triggered);
}

/** After something changed at an EVSE: report status changes and tell listeners. */
export function afterEvseChange(st: StationCore): void {
  reportStatusChanges(st);
  st.changed();
}

/** What a ChangeAvailability is answered while a transaction runs at the EVSE(s) it names. */
function whileCharging(st: StationCore): Json {
  return { status: st.faults.has('availability.acceptedWhileCharging') ? 'Accepted' : 'Scheduled' };
}

/** Whether the station carries out a ChangeAvailability to `operative` (the faults accept and then do nothing). */
function carriesOut(st: StationCore, operative: boolean): boolean {
  return !st.faults.has(operative ? 'availability.ignoreOperative' : 'availability.ignoreInoperative');
}

function onChangeAvailability(st: StationCore, p: Json): Json {
  const operative = p.operationalStatus === 'Operative';
  const ref = p.evse as { id: number; connectorId?: number } | undefined;
  const act = carriesOut(st, operative);
  if (!ref || ref.id === 0) {
    if (st.stationOperative === operative) return unchanged(st, () => reportAgain(st));
    // Inoperative while charging: the idle EVSEs go Unavailable now, a charging one when its transaction ends
    // (connectorStatus keeps an EVSE with a transaction out of Unavailable).
    const charging = st.evses.some((e) => e.tx) && !operative;
    if (act) st.stationOperative = operative;
    st.afterReply(() => afterEvseChange(st));
    return charging ? whileCharging(st) : { status: 'Accepted' };
  }
  const e = st.evses[ref.id - 1];
  if (!e) return { status: 'Rejected', statusInfo: { reasonCode: 'UnknownEvse' } };
  if (ref.connectorId !== undefined) {
    const c = e.connectors[ref.connectorId - 1];
    if (!c) return { status: 'Rejected', statusInfo: { reasonCode: 'UnknownConnectorId' } };
    if (c.operative === operative) return unchanged(st);
    if (act) c.operative = operative;
    st.afterReply(() => afterEvseChange(st));
    return e.tx && !operative ? whileCharging(st) : { status: 'Accepted' };
  }
  if (e.operative === operative && e.scheduledOperative === undefined) return unchanged(st);
  if (e.tx && !operative) {
    if (act) e.scheduledOperative = operative;
    return whileCharging(st);
  }
  if (act) e.operative = operative;
  st.afterReply(() => afterEvseChange(st));
  return { status: 'Accepted' };
}

/** A change to the state already in force: Accepted (and, for the whole station, its connectors reported again). */
function unchanged(st: StationCore, then?: () => void): Json {
  if (st.faults.has('availability.rejectUnchanged')) return { status: 'Rejected' };
  if (then) st.afterReply(then);
  return { status: 'Accepted' };
}

/** Reports every connector again, changed or not (the CSMS confirmed the station's state). */
function reportAgain(st: StationCore): void {
  for (const { connector } of st.allConnectors()) connector.reported = undefined;
  afterEvseChange(st);
}

/** A transaction ended at `e`: availability changes that waited for it happen now. */
export function applyScheduledAvailability(st: StationCore, e: EvseState): void {
  if (e.scheduledOperative !== undefined) {
    e.operative = e.scheduledOperative;
    e.scheduledOperative = undefined;
  }
  if (!st.evses.some((x) => x.tx) && st.scheduledStationOperative !== undefined) {
    st.stationOperative = st.scheduledStationOperative;
    st.scheduledStationOperative = undefined;
  }
}

export const AREA = {
  name: 'availability',
  blocks: ['G', 'F'],
  faults: FAULTS,
  handlers: { ChangeAvailability: onChangeAvailability },
  triggers: {
    StatusNotification: (st, evseRef) => {
      if (evseRef?.connectorId !== undefined && st.faults.has('status.triggerRejectsConnector')) return { status: 'Rejected' };
      st.afterReply(() => {
        for (const { evse, connector } of st.allConnectors()) {
          if (evseRef && evse.id !== evseRef.id) continue;
          if (evseRef?.connectorId !== undefined && connector.id !== evseRef.connectorId) continue;
          const status = st.faults.has('status.triggerAlwaysAvailable') ? 'Available' : connectorStatus(st, evse, connector);
          connector.reported = status;
          void st.callSafe('StatusNotification', { timestamp: nowText(), connectorStatus: status, evseId: evse.id, connectorId: connector.id }, true);
        }
      });
      return { status: 'Accepted' };
    },
  },
  accepted(st) {
    for (const c of st.allConnectors()) c.connector.reported = undefined;
    reportStatusChanges(st);
  },
  reconnected: (st) => reportStatusChanges(st),
  rebooting(st) {
    // Availability survives resets; a change scheduled for the end of a transaction applies now.
    for (const e of st.evses) {
      if (e.scheduledOperative !== undefined) e.operative = e.scheduledOperative;
      e.scheduledOperative = undefined;
      for (const c of e.connectors) c.reported = undefined;
    }
    if (st.scheduledStationOperative !== undefined) st.stationOperative = st.scheduledStationOperative;
    st.scheduledStationOperative = undefined;
    if (st.faults.has('availability.forgetOnReboot')) {
      st.stationOperative = true;
      for (const e of st.evses) {
        e.operative = true;
        for (const c of e.connectors) c.operative = true;
      }
    }
  },
} satisfies StationArea;
