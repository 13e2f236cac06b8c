// Transaction-block operations (Part 6 block E, SUT = Charging Station): configuration a case changes only for
// itself (restored when the case ends), the bench actions of a session (plug, park, EV state) and the connector
// report that follows them, the EV connection timeout, the clean-up that leaves the station idle. Offline periods:
// cs-tx-offline.ts; retries: cs-tx-retries.ts. One function per step of steps/cs-transactions.ts.
import { randomUUID } from 'node:crypto';
import { ExpectationFailed, PreconditionFailed, ScriptError } from '../../peer/errors.ts';
import { check, perform, resolvePlaceholder } from '../../states/context.ts';
import { configuredToken } from '../../states/cs-authorization.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { checkConnectorStatus, connectorOf, txPoints } from '../../states/cs.ts';
import { letProtocolTimePass } from '../../peer/protocol-time.ts';
import { asCs } from '../roles.ts';

type Json = Record<string, unknown>;

/** Component.Variable or Component.Variable[instance] (e.g. OCPPCommCtrlr.MessageAttempts[TransactionEvent]). */
function componentVariable(path: string): { component: { name: string }; variable: { name: string; instance?: string } } {
  const m = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)(?:\[([A-Za-z0-9_]+)\])?$/.exec(path);
  if (!m) throw new ScriptError(`"${path}" is not Component.Variable or Component.Variable[instance]`);
  return { component: { name: m[1] as string }, variable: m[3] ? { name: m[2] as string, instance: m[3] } : { name: m[2] as string } };
}

async function readVariable(cs: CsContext, path: string): Promise<string | undefined> {
  const outcome = await cs.peer.callAndAwait('GetVariables', { getVariableData: [componentVariable(path)] });
  const r = ((outcome.payload as Json).getVariableResult as Json[] | undefined)?.[0];
  return r?.attributeStatus === 'Accepted' && typeof r.attributeValue === 'string' ? r.attributeValue : undefined;
}

async function writeVariable(cs: CsContext, path: string, value: string): Promise<string | undefined> {
  const outcome = await cs.peer.callAndAwait('SetVariables', { setVariableData: [{ ...componentVariable(path), attributeValue: value }] });
  return (((outcome.payload as Json).setVariableResult as Json[] | undefined)?.[0] as Json | undefined)?.attributeStatus as string | undefined;
}

/**
 * A configuration state that holds only for this case: the value found before is read, the new one set (refusal:
 * INCONCLUSIVE), and the old one written back when the case ends, so a long-lived station keeps its configuration.
 * A value that already holds is left alone (a read-only variable with the right value is fine).
 */
export async function variableForThisCase(ctx: ScenarioContext, path: string, value: string, ifImplemented = false): Promise<void> {
  const cs = asCs(ctx, 'a Charging Station variable for this case');
  const before = await readVariable(cs, path);
  if (before === value) {
    cs.peer.inbox.advanceCursor();
    return;
  }
  const status = await writeVariable(cs, path, value);
  if (ifImplemented && ['UnknownComponent', 'UnknownVariable', 'NotSupportedAttributeType'].includes(String(status))) {
    cs.peer.note(`${path} is not implemented by the station (${String(status)}); Part 6 sets it only if implemented`);
    cs.peer.inbox.advanceCursor();
    return;
  }
  if (status !== 'Accepted') throw new PreconditionFailed(`could not set ${path} to "${value}" before the case (SetVariables answered ${String(status)})`);
  if (before !== undefined) {
    cs.cleanUp?.(`${path} set back to "${before}"`, async () => {
      const back = await writeVariable(cs, path, before);
      if (back !== 'Accepted') throw new Error(`SetVariables ${path}="${before}" answered ${String(back)}`);
    });
  }
  // The TxStartPoint / TxStopPoint the reusable states judge by are read again after a change.
  if (path.startsWith('TxCtrlr.')) cs.memory.set('txPoints', undefined);
  cs.peer.inbox.advanceCursor();
}

/** A list variable (TxStartPoint, TxStopPoint) contains the value for this case: added when missing, restored later. */
export async function variableContainsForThisCase(ctx: ScenarioContext, path: string, value: string): Promise<void> {
  const cs = asCs(ctx, 'a Charging Station list variable for this case');
  const before = await readVariable(cs, path);
  const items = (before ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '');
  if (items.includes(value)) {
    cs.peer.inbox.advanceCursor();
    return;
  }
  await variableForThisCase(cs, path, [...items, value].join(','));
}

export async function plugIn(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the driver plugs the EV in');
  const { evseId, connectorId } = cs.settings;
  await perform(cs, `plug in at EVSE ${evseId} connector ${connectorId}`, (a) => a.plugIn(evseId, connectorId));
  cs.memory.set('evConnected', true);
}

export async function plugOut(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the driver unplugs the EV');
  const { evseId, connectorId } = cs.settings;
  await perform(cs, `unplug at EVSE ${evseId} connector ${connectorId}`, (a) => a.plugOut(evseId, connectorId));
  cs.memory.set('evConnected', false);
}

export async function parkingBay(ctx: ScenarioContext, occupied: boolean): Promise<void> {
  const cs = asCs(ctx, 'the EV enters or leaves the parking bay');
  const { evseId } = cs.settings;
  await perform(cs, `${occupied ? 'drive an EV into' : 'drive the EV out of'} the parking bay of EVSE ${evseId}`, (a) => a.parkingBay(occupied, evseId));
  cs.memory.set('bayOccupied', occupied);
}

/**
 * A step Part 6 asks for only under a station setting ("when AuthorizeRemoteStart is true"): the setting is read with
 * GetVariables; when it does not hold (or the station does not report it) the step is skipped with a note.
 */
export async function whenVariable(ctx: ScenarioContext, path: string, value: string, then: () => Promise<void>): Promise<void> {
  const cs = asCs(ctx, 'a step that depends on a station setting');
  const actual = await readVariable(cs, path);
  if (actual?.toLowerCase() !== value.toLowerCase()) {
    cs.peer.note(`${path} is ${actual === undefined ? 'not reported' : `"${actual}"`}, not "${value}": Part 6 skips this step`);
    return;
  }
  await then();
}

/** The status report (StatusNotification or NotifyEvent AvailabilityState) of the configured connector after the last action. */
export async function configuredConnectorReport(ctx: ScenarioContext, status: string): Promise<void> {
  const cs = asCs(ctx, 'the Charging Station reports the configured connector');
  const k = `${cs.settings.evseId}/${cs.settings.connectorId}`;
  const entry = await cs.peer.expectRequest(['StatusNotification', 'NotifyEvent'], {
    where: (_p, e) => connectorOf(e) === k,
    description: `a StatusNotificationRequest or NotifyEventRequest (AvailabilityState) for connector ${k}`,
    requirementIds: cs.requirementIds,
  });
  checkConnectorStatus(cs, entry, status);
}

/** Transactions this scenario saw (any TransactionEvent) that no Ended event closed. */
function openTransactions(cs: CsContext): string[] {
  const open = new Set<string>();
  for (const e of cs.peer.inbox.entries) {
    if (e.action !== 'TransactionEvent') continue;
    const id = (e.payload.transactionInfo as Json | undefined)?.transactionId;
    if (typeof id !== 'string') continue;
    if (e.payload.eventType === 'Ended') open.delete(id);
    else open.add(id);
  }
  return [...open];
}

/**
 * Clean-up (not a Part 6 step): the EV is unplugged (when this case plugged it in) and a transaction still open is
 * stopped with RequestStopTransaction, so the next case finds the station idle. What the station sends is still
 * judged by the general rules, but no Part 6 check applies.
 */
export async function leaveIdle(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'leave the station idle');
  if (cs.memory.get('bayOccupied') === true) await parkingBay(cs, false);
  if (cs.memory.get('evConnected') === true) {
    await plugOut(cs);
    const k = `${cs.settings.evseId}/${cs.settings.connectorId}`;
    // A late report of the earlier status may still arrive first: only the Available one is awaited.
    await cs.peer.expectRequest(['StatusNotification', 'NotifyEvent'], {
      where: (p, e) => connectorOf(e) === k && JSON.stringify(p).includes('"Available"'),
      description: `a status report of connector ${k} saying Available after the EV was unplugged`,
    });
  }
  for (const transactionId of openTransactions(cs)) {
    const ended = (): boolean => cs.peer.inbox.entries.some((e) => e.action === 'TransactionEvent' && e.payload.eventType === 'Ended' && (e.payload.transactionInfo as Json | undefined)?.transactionId === transactionId);
    if (ended()) continue;
    // The unplugging may have ended it already, its event still on the way: a ping round trip lets it arrive.
    await cs.peer.pingBarrier();
    if (ended()) continue;
    const answer = await cs.peer.callAndAwait('RequestStopTransaction', { transactionId });
    if ((answer.payload as Json).status !== 'Accepted') {
      // Refused: the transaction may be ending on its own, its Ended event still queued; give it the message timeout.
      try {
        const end = await cs.peer.expectRequest('TransactionEvent', { where: (p) => p.eventType === 'Ended' && (p.transactionInfo as Json | undefined)?.transactionId === transactionId, whereText: `eventType Ended for ${transactionId}` });
        cs.peer.answerIfHeld(end);
      } catch (e) {
        if (!(e instanceof ExpectationFailed)) throw e;
        cs.peer.note(`clean-up: transaction ${transactionId} is still open (RequestStopTransaction refused, no Ended event)`);
      }
      continue;
    }
    const end = await cs.peer.expectRequest('TransactionEvent', {
      where: (p) => p.eventType === 'Ended' && (p.transactionInfo as Json | undefined)?.transactionId === transactionId,
      whereText: `eventType Ended for ${transactionId}`,
    });
    cs.peer.answerIfHeld(end);
  }
}

/** Part 6's "the tool waits the configured transaction duration" before a driver ends the session. */
export async function transactionDurationPasses(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the configured transaction duration passes');
  await letProtocolTimePass(cs.settings.transactionDurationMs, 'the configured transaction duration', (m) => cs.peer.note(m));
}

/** Part 6's "randomly generated transactionId": a fresh UUID no station can know, remembered as <random transactionId>. */
export function randomTransactionId(ctx: ScenarioContext): void {
  asCs(ctx, 'a random transactionId').memory.set('random transactionId', randomUUID());
}

// ----- EV connection timeout ---------------------------------------------------------------------------------------------

/** TxCtrlr.EVConnectionTimeOut for this case (restored afterwards); the waits below are derived from it. */
export async function evConnectionTimeout(ctx: ScenarioContext, seconds: string): Promise<void> {
  const cs = asCs(ctx, 'the EV connection timeout');
  await variableForThisCase(cs, 'TxCtrlr.EVConnectionTimeOut', seconds);
  cs.memory.set('evConnectionTimeoutS', Number(seconds));
}

/**
 * The authorization expires without a cable. A TransactionEvent is due only when a transaction was already running
 * (TxStartPoint ParkingBayOccupancy or Authorized, or one the case saw start and not end): trigger EVConnectTimeout; Ended with stoppedReason Timeout when
 * TxStopPoint contains Authorized, else Updated. Otherwise the timeout is only waited out (its effect is judged by
 * the next steps: the EVSE takes a new authorization).
 */
export async function evConnectTimeoutPasses(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the EV connection timeout passes');
  const seconds = Number(cs.memory.get('evConnectionTimeoutS'));
  if (!(seconds > 0)) throw new ScriptError('the EV connection timeout of this case is not known: set it with "the EV connection timeout is ... seconds for this case"');
  const points = await txPoints(cs);
  const within = seconds * 1000 + cs.peer.timing.expectMs;
  // A transaction this case saw start and not end (e.g. the EV left on its side, TC_E_27) is running too.
  const open = cs.memory.has('transactionId') && cs.memory.get('transactionEnded') !== true;
  if (!open && !points.start.some((p) => p === 'ParkingBayOccupancy' || p === 'Authorized')) {
    cs.peer.note(`TxStartPoint ${points.start.join(',')}: no transaction runs yet, so none is due at the timeout`);
    await letProtocolTimePass(within, 'the EV connection timeout and the message timeout', (m) => cs.peer.note(m));
    return;
  }
  const ends = points.stop.includes('Authorized');
  const te = await cs.peer.expectRequest('TransactionEvent', {
    within,
    where: (p) => p.triggerReason === 'EVConnectTimeout' || p.eventType === 'Ended',
    whereText: `triggerReason EVConnectTimeout (due: ${open ? 'a transaction is open' : `a transaction runs under TxStartPoint ${points.start.join(',')}`})`,
  });
  const rows: Array<[string, string]> = [['triggerReason', 'EVConnectTimeout'], ['eventType', ends ? 'Ended' : 'Updated']];
  if (ends) rows.push(['transactionInfo.stoppedReason', 'Timeout']);
  check(cs, 'TransactionEventRequest', te.payload, rows, te.frame);
  // The states that follow start from a station without a running transaction of ours.
  if (ends) cs.memory.set('transactionEnded', true);
}

/**
 * After an expired authorization the EV is plugged in: the connector reports Occupied and, for the configured message
 * timeout, any TransactionEventRequest must be about the cable (CablePluggedIn) and must not say Charging: the old
 * authorization may not start the energy transfer.
 */
export async function noChargingAfterPlugIn(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'no charging after the expired authorization');
  const after = cs.peer.inbox.cursor;
  const until = Date.now() + cs.peer.timing.expectMs;
  for (;;) {
    const left = until - Date.now();
    if (left <= 0) break;
    let te;
    try {
      te = await cs.peer.expectRequest('TransactionEvent', { after, within: left, where: (p) => p.triggerReason !== 'MeterValuePeriodic', description: 'a TransactionEventRequest after plugging in' });
    } catch (e) {
      if (e instanceof ExpectationFailed) break;
      throw e;
    }
    check(cs, 'TransactionEventRequest', te.payload, [
      ['triggerReason', 'CablePluggedIn'],
      ['transactionInfo.chargingState', 'not Charging'],
    ], te.frame);
  }
}

/** The EV pauses the energy transfer (or is ready again), through the bench's EV action. */
export async function evState(ctx: ScenarioContext, state: 'suspendedEV' | 'charging'): Promise<void> {
  const cs = asCs(ctx, 'the EV changes its state');
  const { evseId, connectorId } = cs.settings;
  await perform(cs, `${state === 'suspendedEV' ? 'make the EV suspend' : 'make the EV resume'} the energy transfer at EVSE ${evseId} connector ${connectorId}`, (a) => a.evState(state, evseId, connectorId));
}

/**
 * The EV side of the cable is disconnected. The bench's unplug action is that disconnect: on a station with an
 * attached cable it is the only one there is, and an EV simulator on the gateway unplugs at the EV side.
 */
export async function evSideDisconnect(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the EV is disconnected on the EV side');
  const { evseId, connectorId } = cs.settings;
  await perform(cs, `disconnect the EV on the EV side at EVSE ${evseId} connector ${connectorId}`, (a) => a.plugOut(evseId, connectorId));
  cs.memory.set('evConnected', false);
}

/**
 * From now on the test system's answers about the role's configured token name the configured group (Part 6 "State
 * is Authorized with <Configured GroupIdToken>": the CSMS knows the token's group and says so when asked).
 */
export function tokenInConfiguredGroup(ctx: ScenarioContext, role: string): void {
  const cs = asCs(ctx, 'a token of the configured group');
  const token = configuredToken(cs, role);
  const group = { idToken: String(resolvePlaceholder(cs, 'configured groupIdToken')), type: String(resolvePlaceholder(cs, 'configured groupIdToken type')) };
  cs.peer.assignTokenGroup(token.idToken, token.type, group);
  cs.peer.note(`the test system gives ${token.idToken} the group ${group.idToken}`);
}

/**
 * Memory state "none of the configured valid idTokens is in the authorization cache": ClearCache. Rejected means the
 * cache is switched off (then it decides nothing either). Decision: a local authorization list is left as the lab
 * configured it (Part 6 asks that it does not hold the configured valid idTokens; changing it here would change
 * the SUT for every later case).
 */
export async function noValidTokenCached(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'no configured valid idToken in the authorization cache');
  const outcome = await cs.peer.callAndAwait('ClearCache', {});
  const status = String((outcome.payload as Json).status);
  if (status !== 'Accepted' && status !== 'Rejected') throw new PreconditionFailed(`ClearCache answered ${status}`);
  cs.peer.note(status === 'Accepted' ? 'the authorization cache was emptied' : 'ClearCache Rejected: the authorization cache is switched off, so it holds no token that could decide');
  cs.peer.inbox.advanceCursor();
}
