// The operations behind the station-side (SUT = Charging Station) remote-control steps of steps/cs-remote-control.ts
// (Part 6 block F: TriggerMessage, remote start and stop). One function per step meaning.
import { ExpectationFailed, PreconditionFailed } from '../../peer/errors.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import { check } from '../../states/context.ts';
import { checkConnectorStatus, connectorOf } from '../../states/cs.ts';
import type { ScenarioContext } from '../../states/context.ts';
import { authorizedRemotely, energyTransferOnEveryEvse, rememberTx, stopAuthorizedRemotely, stopOnEveryEvse } from '../../states/cs-remote-control.ts';
import { inUnit } from '../../states/csms-smart-charging.ts';
import { asRows, type Rows } from '../operations.ts';
import { asCs } from '../roles.ts';
import { SMART_CHARGING_BENCH } from './smart-charging.ts';

type Json = Record<string, unknown>;

/** The EVSE a station request is about: `evseId` (MeterValues, StatusNotification) or `evse.id` (TransactionEvent). */
function evseOf(payload: Json): number | undefined {
  if (typeof payload.evseId === 'number') return payload.evseId;
  const evse = payload.evse as Json | undefined;
  return typeof evse?.id === 'number' ? evse.id : undefined;
}

/**
 * Station SUT: one `action` request for each configured EVSE (after a trigger without an EVSE), each checked against
 * the table. The test system's default responder answers each as it arrives, so the station may send them in any order.
 */
export async function stationSendsForEveryEvse(ctx: ScenarioContext, action: string, rows: Rows | undefined): Promise<void> {
  const cs = asCs(ctx, `the Charging Station sends a ${action}Request for every EVSE`);
  const received: InboxEntry[] = [];
  for (const { id } of cs.settings.evses) {
    const entry = await cs.peer.expectRequest(action, {
      where: (p) => evseOf(p) === id,
      whereText: `EVSE ${id}`,
      requirementIds: cs.requirementIds,
    });
    if (rows && rows.length > 0) check(cs, `${action}Request`, entry.payload, asRows(rows), entry.frame);
    received.push(entry);
  }
  cs.memory.set(`requests:${action}`, [...((cs.memory.get(`requests:${action}`) as InboxEntry[] | undefined) ?? []), ...received]);
}

// ----- triggered Heartbeat -----------------------------------------------------------------------------------------------

/** Timer granularity between our clock and the station's heartbeat timer. */
const TIMER_SLACK_MS = 250;

/**
 * Station SUT: a periodic HeartbeatRequest arrives (within the heartbeat interval plus the reaction time). Its arrival
 * time fixes when the next periodic one can be due at the earliest, so a Heartbeat before that is the triggered one.
 */
export async function periodicHeartbeat(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'a periodic Heartbeat');
  const intervalMs = cs.settings.heartbeatIntervalS * 1000;
  try {
    const entry = await cs.peer.expectRequest('Heartbeat', { within: intervalMs + cs.peer.timing.expectMs });
    cs.memory.set('heartbeat:periodic', entry);
  } catch (e) {
    if (e instanceof ExpectationFailed) throw new PreconditionFailed(`no periodic HeartbeatRequest within the heartbeat interval of ${cs.settings.heartbeatIntervalS} s: ${e.actual}`);
    throw e;
  }
}

/** Station SUT: the HeartbeatRequest a TriggerMessage asked for, before the next periodic one could be due. */
export async function triggeredHeartbeat(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the triggered Heartbeat');
  const periodic = cs.memory.get('heartbeat:periodic') as InboxEntry | undefined;
  if (!periodic) throw new PreconditionFailed('no periodic HeartbeatRequest was received by an earlier step, so a triggered one cannot be told apart');
  const nextPeriodicAt = periodic.at + cs.settings.heartbeatIntervalS * 1000 - TIMER_SLACK_MS;
  const within = Math.min(cs.peer.timing.expectMs, nextPeriodicAt - Date.now());
  if (within <= 0) throw new PreconditionFailed('the next periodic HeartbeatRequest was already due when the trigger was answered');
  const entry = await cs.peer.expectRequest('Heartbeat', {
    within,
    after: periodic.seq,
    description: 'the triggered HeartbeatRequest, before the next periodic one was due',
    requirementIds: cs.requirementIds,
  });
  cs.memory.set('request:Heartbeat', entry);
}

// ----- triggered connector status ----------------------------------------------------------------------------------------

/** When the station says a connector report was generated (ms), from its own timestamp. */
function reportTime(entry: InboxEntry): number {
  if (entry.action === 'StatusNotification') return Date.parse(String(entry.payload.timestamp));
  const data = ((entry.payload.eventData as Json[] | undefined) ?? []).find((d) => (d.variable as Json | undefined)?.name === 'AvailabilityState');
  return Date.parse(String(data?.timestamp ?? entry.payload.generatedAt));
}

/**
 * Station SUT: the configured connector reported as `status` in answer to our last TriggerMessage, by StatusNotification
 * or by NotifyEvent (Connector.AvailabilityState, trigger Delta); either form is allowed. A report the station generated
 * no later than one we already had before the trigger (e.g. the NotifyEvent twin of a StatusNotification an earlier
 * step consumed) is not the triggered one and is passed over.
 */
export async function stationReportsConfiguredConnector(ctx: ScenarioContext, status: string): Promise<void> {
  const cs = asCs(ctx, 'the Charging Station reports the configured connector');
  const { evseId, connectorId } = cs.settings;
  const connector = `${evseId}/${connectorId}`;
  const trigger = cs.peer.lastCall('TriggerMessage');
  const earlier = cs.peer.inbox.entries.filter((e) => e.at <= trigger.sentAt && connectorOf(e) === connector).map(reportTime);
  const known = earlier.length > 0 ? Math.max(...earlier) : -Infinity;
  const entry = await cs.peer.expectRequest(['StatusNotification', 'NotifyEvent'], {
    where: (_p, e) => connectorOf(e) === connector && !(reportTime(e) <= known),
    description: `a StatusNotificationRequest or NotifyEventRequest (AvailabilityState) for connector ${connector}, generated after the trigger`,
    requirementIds: cs.requirementIds,
  });
  checkConnectorStatus(cs, entry, status);
}

// ----- every EVSE charging -------------------------------------------------------------------------------------------------

/** Station SUT: EnergyTransferStarted on every configured EVSE (src/states/cs-remote-control.ts). */
export async function chargingOnEveryEvse(ctx: ScenarioContext): Promise<void> {
  await energyTransferOnEveryEvse(asCs(ctx, 'EnergyTransferStarted on every EVSE'));
}

/** Station SUT: the transactions of the step above end (clean-up). */
export async function stopChargingOnEveryEvse(ctx: ScenarioContext): Promise<void> {
  await stopOnEveryEvse(asCs(ctx, 'stop charging on every EVSE'));
}

// ----- remote start and stop -------------------------------------------------------------------------------------------

/** Station SUT: reusable state Authorized, remote variant (src/states/cs-remote-control.ts). */
export async function authorizeRemotely(ctx: ScenarioContext): Promise<void> {
  await authorizedRemotely(asCs(ctx, 'Authorized (remote)'));
}

/**
 * Station SUT: reusable state Authorized, remote variant, with a TxProfile for the EVSE in the request (TC_K_38): no
 * transactionId, Relative, one period from 0 at 6 A or 6000 W (the configured rate unit) on the configured number of
 * phases. A station without smart charging must start the transaction as if the profile were not there.
 */
export async function authorizeRemotelyWithTxProfile(ctx: ScenarioContext): Promise<void> {
  const b = SMART_CHARGING_BENCH;
  const chargingProfile = {
    id: b.chargingProfileId,
    stackLevel: b.stackLevel,
    chargingProfilePurpose: 'TxProfile',
    chargingProfileKind: 'Relative',
    chargingSchedule: [{ id: 1, chargingRateUnit: b.chargingRateUnit, chargingSchedulePeriod: [{ startPeriod: 0, limit: inUnit(6, b.chargingRateUnit), numberPhases: b.numberPhases }] }],
  };
  await authorizedRemotely(asCs(ctx, 'Authorized (remote) with a TxProfile'), { chargingProfile });
}

/** Station SUT: reusable state StopAuthorized, remote variant. */
export async function stopRemotely(ctx: ScenarioContext): Promise<void> {
  await stopAuthorizedRemotely(asCs(ctx, 'StopAuthorized (remote)'));
}

/**
 * Station SUT: no AuthorizeRequest arrived since the last RequestStartTransactionRequest. Checked once the transaction
 * is charging, so a station that authorizes first would have sent it by then.
 */
export async function noAuthorizeSinceRemoteStart(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'no AuthorizeRequest after the remote start');
  await cs.peer.pingBarrier();
  const after = cs.memory.require('remoteStart:after', 'no RequestStartTransactionRequest was sent by an earlier step') as number;
  const sent = cs.peer.inbox.entries.find((e) => e.seq > after && e.action === 'Authorize');
  if (sent) {
    throw new ExpectationFailed({
      expected: 'no AuthorizeRequest for a remotely started transaction while AuthorizeRemoteStart is false',
      actual: `the station sent one: ${JSON.stringify(sent.payload).slice(0, 300)}`,
      frame: sent.frame,
      requirementIds: cs.requirementIds,
    });
  }
}

// ----- EV connection timeout -------------------------------------------------------------------------------------------

/** How early (ms) the station's own timestamps may put the timeout's end: clock and timer granularity of one second. */
const TIMEOUT_TOLERANCE_MS = 1000;

/**
 * Station SUT: the transaction a remote start opened (no cable was plugged in) ends with trigger EVConnectTimeout once
 * TxCtrlr.EVConnectionTimeOut (read from the station) has passed: waited for that long plus the message timeout, and
 * by the station's own timestamps not earlier than the timeout after the Started event.
 */
export async function evConnectionTimeoutEnds(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the EV connection timeout ends the transaction');
  const outcome = await cs.peer.callAndAwait('GetVariables', { getVariableData: [{ component: { name: 'TxCtrlr' }, variable: { name: 'EVConnectionTimeOut' } }] });
  const result = ((outcome.payload as Json).getVariableResult as Json[] | undefined)?.[0];
  const timeoutS = Number(result?.attributeValue);
  if (result?.attributeStatus !== 'Accepted' || !Number.isFinite(timeoutS)) throw new PreconditionFailed(`TxCtrlr.EVConnectionTimeOut could not be read (${JSON.stringify(result)})`);
  const transactionId = cs.memory.require('transactionId', 'no transaction was started by an earlier step') as string;
  const started = cs.peer.inbox.entries.find((e) => e.action === 'TransactionEvent' && e.payload.eventType === 'Started' && (e.payload.transactionInfo as Json | undefined)?.transactionId === transactionId);
  const ended = await cs.peer.expectRequest('TransactionEvent', {
    within: timeoutS * 1000 + cs.peer.timing.expectMs,
    after: started?.seq ?? 0,
    where: (p) => p.eventType === 'Ended' || p.triggerReason === 'EVConnectTimeout',
    whereText: `eventType Ended for ${transactionId}, within TxCtrlr.EVConnectionTimeOut (${timeoutS} s) plus the message timeout`,
    requirementIds: cs.requirementIds,
  });
  check(cs, 'TransactionEventRequest', ended.payload, [
    ['triggerReason', 'EVConnectTimeout'],
    ['eventType', 'Ended'],
    ['transactionInfo.transactionId', '<transactionId>'],
  ], ended.frame);
  rememberTx(cs, ended);
  if (started) {
    const ranMs = Date.parse(String(ended.payload.timestamp)) - Date.parse(String(started.payload.timestamp));
    if (ranMs < timeoutS * 1000 - TIMEOUT_TOLERANCE_MS) {
      throw new ExpectationFailed({
        expected: `the transaction to end on the EV connection timeout, ${timeoutS} s after it started (station timestamps, ${TIMEOUT_TOLERANCE_MS} ms tolerance)`,
        actual: `it ended ${(ranMs / 1000).toFixed(3)} s after it started`,
        frame: ended.frame,
        requirementIds: cs.requirementIds,
      });
    }
  }
}
