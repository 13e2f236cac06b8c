// Operations behind the reservation steps (Part 6 block H, CSMS cases): the reservation the operator is about to ask
// for, the checks on the CSMS's ReserveNow / CancelReservation that compare with what was asked and received, the
// station's report that a reservation ended, and the wait for a reservation to expire.
import { ExpectationFailed, PreconditionFailed, ScriptError } from '../../peer/errors.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import { letProtocolTimePass } from '../../peer/protocol-time.ts';
import type { CsmsContext, ScenarioContext } from '../../states/context.ts';
import { EXPIRY_AFTER_DURATION, EXPIRY_IN_AN_HOUR, RESERVED_FOR_VALID_TOKEN, planReservation } from '../../states/csms-reservation.ts';
import { operatorSends, sutSends, testSystemResponds, testSystemSends } from '../operations.ts';
import { asCsms } from '../roles.ts';

/** A reservation's expiry further away than this is not waited for (the case cannot be finished in reasonable time). */
const LONGEST_EXPIRY_WAIT_MS = 5 * 60_000;
/** How far the expiryDateTime sent may lie from the one asked for: a CSMS may keep whole seconds only. */
const EXPIRY_TOLERANCE_MS = 1000;

/** <reservationId>, <expiryDateTime in an hour>, <expiryDateTime after the configured transaction duration>. */
export function planNewReservation(ctx: ScenarioContext): void {
  planReservation(asCsms(ctx, 'the operator plans a reservation'));
}

/** <configured connectorType>: the type of the configured connector in the run configuration. */
export function connectorTypeConfigured(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'a connector type is configured');
  const evse = c.settings.evses.find((e) => e.id === c.settings.evseId);
  const type = evse?.connectors.find((k) => k.id === c.settings.connectorId)?.type;
  if (!type) throw new PreconditionFailed(`this case needs the type of connector ${c.settings.connectorId} of EVSE ${c.settings.evseId} (evses[].connectors[].type in the run configuration)`);
  c.memory.set('configured connectorType', type);
}

/** The ReserveNowRequest an earlier step received (the last one). */
function receivedReservation(ctx: CsmsContext): InboxEntry {
  const entry = ctx.memory.get('request:ReserveNow') as InboxEntry | undefined;
  if (!entry) throw new ScriptError('no ReserveNowRequest was received by an earlier step');
  return entry;
}

function reservationIdOf(entry: InboxEntry): number {
  const id = entry.payload.id;
  if (typeof id !== 'number') throw new ScriptError('the ReserveNowRequest has no id');
  return id;
}

/** Part 6 step 1 of H07: the reservation expires the configured transaction duration after it was asked for. */
export function expiresAfterDuration(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'the ReserveNowRequest expires after the transaction duration');
  const entry = receivedReservation(c);
  const asked = Date.parse(String(c.memory.require(EXPIRY_AFTER_DURATION, 'the operator planned no reservation')));
  const sent = entry.payload.expiryDateTime;
  const at = typeof sent === 'string' ? Date.parse(sent) : Number.NaN;
  if (Number.isNaN(at) || Math.abs(at - asked) > EXPIRY_TOLERANCE_MS) {
    throw new ExpectationFailed({
      expected: `a ReserveNowRequest whose expiryDateTime is the configured transaction duration ahead (${new Date(asked).toISOString()}, within ${EXPIRY_TOLERANCE_MS} ms)`,
      actual: `expiryDateTime is ${JSON.stringify(sent)}`,
      frame: entry.frame,
      requirementIds: c.requirementIds,
    });
  }
}

/** Part 6 lets the reservation run out before the station reports its end: wait for its expiryDateTime. */
export async function waitForExpiry(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'the test system waits for the reservation to expire');
  const at = Date.parse(String(receivedReservation(c).payload.expiryDateTime));
  if (Number.isNaN(at)) throw new PreconditionFailed('the ReserveNowRequest has no expiryDateTime to wait for');
  const wait = at - Date.now();
  if (wait > LONGEST_EXPIRY_WAIT_MS) throw new PreconditionFailed(`the reservation expires in ${Math.round(wait / 1000)} s, more than this run waits for`);
  await letProtocolTimePass(wait, 'the expiryDateTime of the reservation', (m) => c.peer.note(m));
}

/** ReservationStatusUpdate for the reservation the CSMS made (the id of the received ReserveNowRequest). */
export function reportReservationEnded(ctx: ScenarioContext, status: string): void {
  const c = asCsms(ctx, 'the test system reports the end of the reservation');
  const id = reservationIdOf(receivedReservation(c));
  testSystemSends(c, 'ReservationStatusUpdate', [
    ['reservationId', String(id)],
    ['reservationUpdateStatus', status],
  ]);
}

/** The operator asks the CSMS to cancel the reservation it made (the id of the received ReserveNowRequest). */
export function operatorCancels(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'the operator cancels the reservation');
  operatorSends(c, 'CancelReservation', [['reservationId', String(reservationIdOf(receivedReservation(c)))]]);
}

/** Part 6 H17 step 5: the CancelReservationRequest names the reservation made at step 1. */
export function cancelNamesReservation(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'the CancelReservationRequest names the reservation');
  const id = reservationIdOf(receivedReservation(c));
  const cancel = c.memory.get('request:CancelReservation') as InboxEntry | undefined;
  if (!cancel) throw new ScriptError('no CancelReservationRequest was received by an earlier step');
  if (cancel.payload.reservationId !== id) {
    throw new ExpectationFailed({
      expected: `a CancelReservationRequest for reservation ${id}, the id of the ReserveNowRequest`,
      actual: `reservationId is ${JSON.stringify(cancel.payload.reservationId)}`,
      frame: cancel.frame,
      requirementIds: c.requirementIds,
    });
  }
}

/**
 * H14: the operator has the CSMS reserve an unspecified EVSE as many times as the test system's station has EVSEs;
 * each ReserveNowRequest must leave evseId and connectorType out and name the configured valid idToken; each is
 * accepted.
 */
export async function reserveEveryEvse(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'reserve an unspecified EVSE once per EVSE');
  for (let i = 0; i < c.settings.evses.length; i++) {
    planReservation(c);
    operatorSends(c, 'ReserveNow', [
      ['id', '<reservationId>'],
      ['expiryDateTime', `<${EXPIRY_IN_AN_HOUR}>`],
      ['idToken.idToken', '<configured valid idToken>'],
      ['idToken.type', '<configured valid idToken type>'],
    ]);
    await sutSends(c, 'the CSMS', 'ReserveNow', [['evseId', 'absent'], ['connectorType', 'absent'], ...RESERVED_FOR_VALID_TOKEN]);
    // Held when the case answers ReserveNow in a step of its own; otherwise the default answer (Accepted) went out.
    if (c.peer.isHeld(receivedReservation(c))) testSystemResponds(c, 'ReserveNow', [['status', 'Accepted']]);
  }
}

/** H08 step 3: only a station with a single EVSE reports it Reserved for a reservation of an unspecified EVSE. */
export async function reportReservedIfSingleEvse(ctx: ScenarioContext, status: string): Promise<void> {
  const c = asCsms(ctx, 'a single-EVSE station reports its connectors');
  if (c.settings.evses.length !== 1) {
    c.peer.note(`the test system's station has ${c.settings.evses.length} EVSEs, so no EVSE is reserved yet and nothing is reported`);
    return;
  }
  const evse = c.settings.evses[0];
  for (const k of evse?.connectors ?? []) await c.peer.reportConnector(evse?.id ?? 1, k.id, status);
}

/** <configured groupIdToken type>: the type of the group the valid idTokens share, from the run configuration. */
export function groupConfigured(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'a groupIdToken is configured');
  const group = c.settings.idTokens.groupId;
  if (!group) throw new PreconditionFailed('this case needs idTokens.groupId in the run configuration (<configured groupIdToken>)');
  c.memory.set('configured groupIdToken type', group.type);
}
