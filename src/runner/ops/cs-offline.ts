// The operations behind the station-side offline steps (SUT = Charging Station, block B: connector status after an
// outage, reconnection): the test system as CSMS drops the connection, refuses reconnection attempts for a while,
// then accepts one; configuration a case changes only for itself is put back by its clean-up.
import { deviceModelName } from '../../config/device-model-names.ts';
import { ExpectationFailed, PreconditionFailed, ScriptError } from '../../peer/errors.ts';
import { letProtocolTimePass } from '../../peer/protocol-time.ts';
import { check, perform } from '../../states/context.ts';
import { connectorOf } from '../../states/cs.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { asCs } from '../roles.ts';

type Json = Record<string, unknown>;
const NOT_IMPLEMENTED = ['UnknownComponent', 'UnknownVariable', 'NotSupportedAttributeType'];

function splitName(name: string): { component: { name: string }; variable: { name: string } } {
  const m = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)$/.exec(deviceModelName(name).name);
  if (!m?.[1] || !m[2]) throw new ScriptError(`"${name}" is not Component.Variable`);
  return { component: { name: m[1] }, variable: { name: m[2] } };
}

async function getValue(cs: CsContext, name: string): Promise<{ status: string; value?: string }> {
  const outcome = await cs.peer.callAndAwait('GetVariables', { getVariableData: [splitName(name)] });
  const r = ((outcome.payload as Json).getVariableResult as Json[] | undefined)?.[0] ?? {};
  return { status: String(r.attributeStatus), ...(typeof r.attributeValue === 'string' ? { value: r.attributeValue } : {}) };
}

async function setValue(cs: CsContext, name: string, value: string): Promise<string> {
  const outcome = await cs.peer.callAndAwait('SetVariables', { setVariableData: [{ ...splitName(name), attributeValue: value }] });
  return String(((outcome.payload as Json).setVariableResult as Json[] | undefined)?.[0]?.attributeStatus);
}

/**
 * Part 6 configuration state "if implemented", undone when the case ends: the old value is read first and written
 * back by the clean-up. A station without the variable leaves the step a no-op (noted).
 */
export async function setForThisCase(ctx: ScenarioContext, name: string, value: string): Promise<void> {
  const cs = asCs(ctx, `set ${name} for this case`);
  const before = await getValue(cs, name);
  if (NOT_IMPLEMENTED.includes(before.status)) {
    cs.peer.note(`${name} is not implemented by the station (${before.status}); Part 6 sets it only if implemented`);
    cs.peer.inbox.advanceCursor();
    return;
  }
  const status = await setValue(cs, name, value);
  if (status !== 'Accepted') throw new PreconditionFailed(`could not set ${name} to "${value}" before the case (SetVariables answered ${status})`);
  if (before.value !== undefined && before.value !== value) {
    const old = before.value;
    cs.cleanUp?.(`${name} back to "${old}"`, async () => {
      // The case may have ended while reconnections were refused: let the station in first.
      cs.peer.acceptConnections();
      if (!cs.peer.connected) await cs.peer.waitForConnection({ after: cs.peer.connectionsSoFar, within: Math.max(cs.peer.timing.connectMs, cs.peer.timing.sutReturnMs ?? 0) });
      await setValue(cs, name, old);
    });
  }
  cs.memory.set(`value:${name}`, value);
  cs.peer.inbox.advanceCursor();
}

/** The reconnection back-off this case set at the station (seconds), if it set RetryBackOffWaitMinimum. */
function backOffSetForThisCase(cs: CsContext): { minimumS: number; rangeS: number } | undefined {
  const minimum = cs.memory.get('value:OCPPCommCtrlr.RetryBackOffWaitMinimum');
  if (minimum === undefined) return undefined;
  return { minimumS: Number(minimum), rangeS: Number(cs.memory.get('value:OCPPCommCtrlr.RetryBackOffRandomRange') ?? 0) };
}

/** Part 6 "the OCTT closes the WebSocket connection and does not accept a reconnect". */
export async function dropAndRefuse(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'close the connection and refuse reconnection');
  // Whatever happens in the case, the station may connect again once it ends.
  cs.cleanUp?.('accept connections of the station again', async () => {
    cs.peer.acceptConnections();
    if (!cs.peer.connected) await cs.peer.waitForConnection({ after: cs.peer.connectionsSoFar, within: Math.max(cs.peer.timing.connectMs, cs.peer.timing.sutReturnMs ?? 0) });
  });
  cs.memory.set('offline:connections', cs.peer.connectionsSoFar);
  await cs.peer.dropAndRefuse();
  cs.memory.set('offline:since', Date.now());
  cs.peer.note('the test system closed the connection and refuses the station\'s reconnection attempts');
  // A station with a back-off the case set (RetryBackOffWaitMinimum) does not try before it has passed: it answered the
  // close, so it knows it is offline, and its first attempt is the one Part 6 accepts (waiting for a refused one would
  // double the outage). Part 6's offline periods are built on that wait.
  const backOff = backOffSetForThisCase(cs);
  if (backOff) {
    cs.peer.note(`the station waits its RetryBackOffWaitMinimum (${backOff.minimumS} s, set for this case) before its first attempt`);
    return;
  }
  // The station knows it is offline once it has tried to reconnect and was turned away; only then may what Part 6 does
  // "offline" happen (a plug-in right after the close could still reach the dying connection).
  const within = Math.max(cs.peer.timing.connectMs, cs.peer.timing.sutReturnMs ?? 0);
  if (!(await cs.peer.waitForRefusedAttempt(within))) {
    throw new ExpectationFailed({ expected: `a reconnection attempt of the station within ${(within / 1000).toFixed(1)} s after the test system closed the connection`, actual: 'none came', requirementIds: cs.requirementIds });
  }
}

/** Manual action while the station is offline: the EV is plugged in at the configured connector. */
export async function plugInWhileOffline(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'plug the EV in while offline');
  const { evseId, connectorId } = cs.settings;
  await perform(cs, `plug in at EVSE ${evseId} connector ${connectorId}`, (a) => a.plugIn(evseId, connectorId));
  cs.memory.set('evConnected', true);
  // A case that fails before its own unplugging step must not leave the EV plugged in for the next case.
  cs.cleanUp?.('unplug the EV plugged in while offline', async () => {
    if (cs.memory.get('evConnected') !== true) return;
    await cs.actions.plugOut(evseId, connectorId);
    cs.memory.set('evConnected', false);
  });
}

/**
 * Accepts the station's next reconnection attempt; with `afterThreshold`, only once the station has been offline
 * longer than its OfflineThreshold (the value set for this case, or the one the station reports).
 */
export async function acceptReconnection(ctx: ScenarioContext, afterThreshold: boolean): Promise<void> {
  const cs = asCs(ctx, 'accept the reconnection');
  const since = cs.memory.require('offline:since', 'the connection must have been closed by an earlier step') as number;
  const before = cs.memory.require('offline:connections', 'the connection must have been closed by an earlier step') as number;
  let thresholdMs = 0;
  if (afterThreshold) {
    const known = cs.memory.get('value:OCPPCommCtrlr.OfflineThreshold');
    if (known === undefined) throw new ScriptError('set OCPPCommCtrlr.OfflineThreshold for this case before accepting the reconnection after it');
    thresholdMs = Number(known) * 1000;
    // A second beyond the threshold, so "longer than" holds whatever the station's clock granularity.
    await letProtocolTimePass(since + thresholdMs + 1000 - Date.now(), 'the station must be offline longer than its OfflineThreshold', (m) => cs.peer.note(m));
  }
  cs.peer.inbox.advanceCursor();
  cs.peer.acceptConnections();
  cs.peer.note(`accepting reconnection after ${cs.peer.refusedAttemptTimes.length} refused attempt(s)`);
  // The station retries on its own back-off (which the run cannot know): the deadline for a SUT that lost its
  // connection to come back (timeouts.sutReturnMs) bounds the wait for its next attempt.
  // With a back-off set for this case, its first attempt comes by RetryBackOffWaitMinimum plus RetryBackOffRandomRange
  // after the close, and the wait covers that too.
  const backOff = backOffSetForThisCase(cs);
  const byBackOff = backOff ? since + (backOff.minimumS + backOff.rangeS) * 1000 + cs.peer.timing.connectMs - Date.now() : 0;
  const within = Math.max(cs.peer.timing.connectMs, cs.peer.timing.sutReturnMs ?? 0, byBackOff);
  await cs.peer.waitForConnection({ after: before, within, failure: 'expectation', what: 'the Charging Station to reconnect on its back-off' });
  cs.peer.note(`the station was offline ${((Date.now() - since) / 1000).toFixed(1)} s`);
}

/** After reconnecting: the configured connector is reported (StatusNotification or NotifyEvent AvailabilityState) as `status`. */
export async function reportsConfiguredConnector(ctx: ScenarioContext, status: string): Promise<void> {
  const cs = asCs(ctx, 'the Charging Station reports the configured connector');
  const k = `${cs.settings.evseId}/${cs.settings.connectorId}`;
  const entry = await cs.peer.expectRequest(['StatusNotification', 'NotifyEvent'], {
    where: (_p, e) => connectorOf(e) === k,
    description: `a StatusNotificationRequest or NotifyEventRequest for connector ${k}`,
  });
  if (entry.action === 'StatusNotification') {
    check(cs, 'StatusNotificationRequest', entry.payload, [['connectorStatus', status]], entry.frame);
  } else {
    check(cs, 'NotifyEventRequest', entry.payload, [
      ['eventData[?].actualValue', JSON.stringify(status)],
      ['eventData[?].trigger', 'Delta'],
    ], entry.frame);
  }
}
