// Reusable states of availability (block G) when the SUT is a CSMS: Unavailable for the whole Charging Station, the
// configured EVSE or the configured connector. The operator asks the CSMS to take that part out of service; the CSMS
// must send a ChangeAvailabilityRequest addressing exactly that part, and must answer the status reports that follow.
import { allConnectors } from '../peer/settings.ts';
import { check } from './context.ts';
import type { CsmsContext } from './context.ts';

type Json = Record<string, unknown>;

/** What a ChangeAvailabilityRequest addresses: the whole station, one EVSE or one connector of an EVSE. */
export type AvailabilityScope = 'ChargingStation' | 'EVSE' | 'Connector';

/** The connectors of the configured station that a change of `scope` (around the configured EVSE/connector) affects. */
export function connectorsOf(ctx: CsmsContext, scope: AvailabilityScope): Array<{ evseId: number; connectorId: number }> {
  const { evseId, connectorId } = ctx.settings;
  return allConnectors(ctx.settings).filter(
    (c) => scope === 'ChargingStation' || (c.evseId === evseId && (scope === 'EVSE' || c.connectorId === connectorId)),
  );
}

/** The `evse` field an operator's ChangeAvailabilityRequest carries for `scope` (none for the whole station). */
export function availabilityTarget(ctx: CsmsContext, scope: AvailabilityScope): Json {
  const { evseId, connectorId } = ctx.settings;
  if (scope === 'ChargingStation') return {};
  return { evse: scope === 'EVSE' ? { id: evseId } : { id: evseId, connectorId } };
}

/** Check rows for the addressing part of the CSMS's ChangeAvailabilityRequest: nothing more and nothing less than `scope`. */
export function availabilityTargetChecks(scope: AvailabilityScope): Array<[string, string]> {
  switch (scope) {
    case 'ChargingStation':
      return [['evse', 'absent']];
    case 'EVSE':
      return [
        ['evse.id', '<configured evseId>'],
        ['evse.connectorId', 'absent'],
      ];
    case 'Connector':
      return [
        ['evse.id', '<configured evseId>'],
        ['evse.connectorId', '<configured connectorId>'],
      ];
  }
}

/**
 * Unavailable: the operator asks for `scope` to become Inoperative; the CSMS's ChangeAvailabilityRequest must say
 * Inoperative for exactly that part; we accept it and report every affected connector Unavailable (StatusNotification
 * and NotifyEvent AvailabilityState), each report answered by the CSMS.
 */
export async function unavailable(ctx: CsmsContext, scope: AvailabilityScope): Promise<void> {
  const asked = { operationalStatus: 'Inoperative', ...availabilityTarget(ctx, scope) };
  ctx.peer.inbox.advanceCursor();
  ctx.peer.note(`operator trigger: make the CSMS send ChangeAvailabilityRequest (via ${ctx.triggers.kind})`, asked);
  ctx.track('operator trigger ChangeAvailability', ctx.triggers.send('ChangeAvailability', asked));
  const entry = await ctx.peer.expectRequest('ChangeAvailability');
  check(ctx, 'ChangeAvailabilityRequest', entry.payload, [['operationalStatus', 'Inoperative'], ...availabilityTargetChecks(scope)], entry.frame);
  // A case that answers ChangeAvailability itself later holds these requests; here the answer is always Accepted.
  if (ctx.peer.isHeld(entry)) ctx.peer.respond(entry, { payload: { status: 'Accepted' } });
  // The station reports the new status only after its answer is on the wire (written once pending callbacks ran).
  await new Promise<void>((resolve) => setImmediate(resolve));
  for (const c of connectorsOf(ctx, scope)) await ctx.peer.reportConnector(c.evseId, c.connectorId, 'Unavailable');
  ctx.peer.inbox.advanceCursor();
  ctx.reached.add('Unavailable');
}

/** Without a scope Part 6 means the specified EVSE, which for this bench is the configured one. */
export const AVAILABILITY_STATES: Record<string, (ctx: CsmsContext) => Promise<void>> = {
  Unavailable: (ctx) => unavailable(ctx, 'EVSE'),
};
