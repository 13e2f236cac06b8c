// The operations behind the station-side (SUT = Charging Station) availability steps of steps/cs-availability.ts
// (Part 6 block G). One function per step meaning; the states and report checks live in src/states/cs-availability.ts.
import { allConnectors } from '../../peer/settings.ts';
import type { ScenarioContext } from '../../states/context.ts';
import { perform } from '../../states/context.ts';
import { afterReboot } from '../../states/cs.ts';
import { asScope, connectorsOf, expectReports, restoreWhenDone, unavailable } from '../../states/cs-availability.ts';
import { rememberTx, txOpen } from '../../states/cs-remote-control.ts';
import { asCs } from '../roles.ts';

/** Station SUT: reusable state Unavailable for the station, the configured EVSE or the configured connector. */
export async function unavailableFor(ctx: ScenarioContext, scope: string): Promise<void> {
  await unavailable(asCs(ctx, 'reusable state Unavailable'), asScope(scope));
}

/** Station SUT: the case's clean-up makes every connector Operative again (registered before the case changes any). */
export function restoreAvailabilityWhenDone(ctx: ScenarioContext): void {
  restoreWhenDone(asCs(ctx, 'availability restored after the case'));
}

/** Station SUT: every connector of the scope reported with `status`, since the previous step. */
export async function reportsScope(ctx: ScenarioContext, scope: string, status: string): Promise<void> {
  const cs = asCs(ctx, 'connector status reports');
  await expectReports(cs, connectorsOf(cs, asScope(scope)), () => [status], { after: cs.peer.inbox.cursor });
}

/** Station SUT: every connector outside the configured EVSE reported with `status` (the EVSEs without a transaction). */
export async function reportsOtherEvses(ctx: ScenarioContext, status: string): Promise<void> {
  const cs = asCs(ctx, 'connector status reports of the other EVSEs');
  const others = allConnectors(cs.settings).filter((c) => c.evseId !== cs.settings.evseId).map((c) => `${c.evseId}/${c.connectorId}`);
  if (others.length === 0) {
    cs.peer.note('the station has no EVSE besides the configured one: nothing to report');
    return;
  }
  await expectReports(cs, others, () => [status], { after: cs.peer.inbox.cursor });
}

/** Station SUT: when the transaction of the case has ended by now, the scope's connectors are reported with `status`. */
export async function reportsScopeIfEnded(ctx: ScenarioContext, scope: string, status: string): Promise<void> {
  const cs = asCs(ctx, 'connector status reports after the transaction');
  if (txOpen(cs)) {
    cs.peer.note('the transaction is still open: the status report follows when it ends');
    return;
  }
  // The cursor still stands where the stop began (the SUT action moved it; expectations do not), so reports that came
  // together with the Ended event count.
  await expectReports(cs, connectorsOf(cs, asScope(scope)), () => [status], { after: cs.peer.inbox.cursor });
}

/**
 * Station SUT: the EV leaves (EVConnectedPostSession to ParkingBayUnoccupied in one): unplug; a transaction still open
 * ends now, and then the scope's connectors are reported with `status`.
 */
export async function unplugAfterScheduledChange(ctx: ScenarioContext, scope: string, status: string): Promise<void> {
  const cs = asCs(ctx, 'the EV leaves');
  const { evseId, connectorId } = cs.settings;
  const wasOpen = txOpen(cs);
  await perform(cs, `unplug at EVSE ${evseId} connector ${connectorId}`, (a) => a.plugOut(evseId, connectorId));
  const after = cs.peer.inbox.cursor;
  cs.memory.set('evConnected', false);
  if (!wasOpen) return;
  const ended = await cs.peer.expectRequest('TransactionEvent', { after, where: (p) => p.eventType === 'Ended', whereText: 'eventType Ended' });
  rememberTx(cs, ended);
  await expectReports(cs, connectorsOf(cs, asScope(scope)), () => [status], { after });
}

/**
 * Station SUT: after a reset (reusable state Booting) the station boots (answered Accepted), reports the connectors of
 * the scope with `inScope` and every other connector with `others`, and sends its start-up security event.
 */
export async function rebootsReporting(ctx: ScenarioContext, scope: string, inScope: string, others: string): Promise<void> {
  const cs = asCs(ctx, 'the station reboots and reports its connectors');
  const covered = new Set(connectorsOf(cs, asScope(scope)));
  await afterReboot(cs, { bootReason: undefined, statusOf: (e, c) => (covered.has(`${e}/${c}`) ? inScope : others), securityEvent: true });
}

/** Station SUT action: the driver unplugs the EV from the configured connector (what follows is asserted by later steps). */
export async function unplug(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the driver unplugs the EV');
  const { evseId, connectorId } = cs.settings;
  await perform(cs, `unplug at EVSE ${evseId} connector ${connectorId}`, (a) => a.plugOut(evseId, connectorId));
  cs.memory.set('evConnected', false);
}
