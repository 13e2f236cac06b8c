// Operations behind the availability steps (block G, SUT = CSMS): the Unavailable state for a named part of the
// station, and connector status reports for a part of the station.
import { ScriptError } from '../../peer/errors.ts';
import { connectorsOf, unavailable } from '../../states/csms-availability.ts';
import type { AvailabilityScope } from '../../states/csms-availability.ts';
import type { ScenarioContext } from '../../states/context.ts';
import { asCsms } from '../roles.ts';


/** Reusable state Unavailable for the whole station, the configured EVSE or the configured connector. */
export async function unavailableFor(ctx: ScenarioContext, scope: AvailabilityScope): Promise<void> {
  const c = asCsms(ctx, 'the reusable state Unavailable');
  c.peer.note(`reusable state Unavailable (${scope}): begin`);
  await unavailable(c, scope);
  c.peer.note(`reusable state Unavailable (${scope}): reached`);
}

/** Which connectors a report step speaks of: a part of the station, or every connector but the configured one. */
export type ReportedConnectors = AvailabilityScope | 'AllButConfigured';

/** The test system reports the chosen connectors with `status` (StatusNotification + NotifyEvent); each answer awaited. */
export async function reportConnectors(ctx: ScenarioContext, which: ReportedConnectors, status: string): Promise<void> {
  const c = asCsms(ctx, 'the test system reports connectors');
  const { evseId, connectorId } = c.settings;
  const list =
    which === 'AllButConfigured'
      ? connectorsOf(c, 'ChargingStation').filter((k) => k.evseId !== evseId || k.connectorId !== connectorId)
      : connectorsOf(c, which);
  if (list.length === 0) {
    // "every connector but the configured one" of a one-connector station is the empty set: nothing to report.
    if (which === 'AllButConfigured') {
      c.peer.note('no connector besides the configured one: there is nothing to report (empty scope)');
      return;
    }
    throw new ScriptError(`the configured station has no connectors for "${which}"`);
  }
  for (const k of list) await c.peer.reportConnector(k.evseId, k.connectorId, status);
}
