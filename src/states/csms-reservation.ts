// Reusable state Reserved when the SUT is a CSMS: the operator asks the CSMS to reserve the configured EVSE for the
// configured valid idToken; the CSMS must send a ReserveNowRequest for exactly that EVSE and token, which the test
// system accepts; then the test system reports the EVSE's connectors Reserved and the CSMS must answer each report.
import { formatOcppDateTime } from '../schema/index.ts';
import { validToken } from '../peer/settings.ts';
import { check } from './context.ts';
import type { CsmsContext } from './context.ts';
import { connectorsOf } from './csms-availability.ts';

/** Memory names (also usable as <placeholders> in tables): the id and expiry times the operator asks for. */
export const RESERVATION_ID = 'reservationId';
export const EXPIRY_IN_AN_HOUR = 'expiryDateTime in an hour';
export const EXPIRY_AFTER_DURATION = 'expiryDateTime after the configured transaction duration';

/**
 * A new reservation the operator is about to ask for: a fresh id, an expiry an hour ahead (long enough for any case),
 * and one the configured transaction duration ahead (Part 6's choice where the reservation is to expire unused).
 */
export function planReservation(ctx: CsmsContext): number {
  const id = Math.floor(Math.random() * 1_000_000) + 1;
  ctx.memory.set(RESERVATION_ID, id);
  ctx.memory.set(EXPIRY_IN_AN_HOUR, formatOcppDateTime(new Date(Date.now() + 3600_000)));
  ctx.memory.set(EXPIRY_AFTER_DURATION, formatOcppDateTime(new Date(Date.now() + ctx.settings.transactionDurationMs)));
  return id;
}

/** Check rows for the token part of a ReserveNowRequest: the configured valid idToken. */
export const RESERVED_FOR_VALID_TOKEN: Array<[string, string]> = [
  ['idToken.idToken', '<configured valid idToken>'],
  ['idToken.type', '<configured valid idToken type>'],
];

export async function reserved(ctx: CsmsContext): Promise<void> {
  const tok = validToken(ctx.settings);
  const asked = {
    id: planReservation(ctx),
    expiryDateTime: ctx.memory.get(EXPIRY_IN_AN_HOUR),
    idToken: { idToken: tok.idToken, type: tok.type },
    evseId: ctx.settings.evseId,
  };
  ctx.peer.inbox.advanceCursor();
  ctx.peer.note(`operator trigger: make the CSMS send ReserveNowRequest (via ${ctx.triggers.kind})`, asked);
  ctx.track('operator trigger ReserveNow', ctx.triggers.send('ReserveNow', asked));
  const entry = await ctx.peer.expectRequest('ReserveNow');
  ctx.memory.set('request:ReserveNow', entry);
  check(ctx, 'ReserveNowRequest', entry.payload, [['evseId', '<configured evseId>'], ['connectorType', 'absent'], ...RESERVED_FOR_VALID_TOKEN], entry.frame);
  if (ctx.peer.isHeld(entry)) ctx.peer.respond(entry, { payload: { status: 'Accepted' } });
  // The station reports the new status only after its answer is on the wire (written once pending callbacks ran).
  await new Promise<void>((resolve) => setImmediate(resolve));
  for (const c of connectorsOf(ctx, 'EVSE')) await ctx.peer.reportConnector(c.evseId, c.connectorId, 'Reserved');
  ctx.peer.inbox.advanceCursor();
  ctx.reached.add('Reserved');
}

export const RESERVATION_STATES: Record<string, (ctx: CsmsContext) => Promise<void>> = {
  Reserved: reserved,
};
