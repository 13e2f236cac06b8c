// Station-side (SUT = Charging Station) availability: reusable state Unavailable for the whole station, the configured
// EVSE or the configured connector; status reports of a set of connectors (StatusNotification, or NotifyEvent
// AvailabilityState at connector, EVSE or station level, which Part 6 accepts alike); and putting every connector back
// to Operative when a case ends, so the next case finds the station Available.
import { ExpectationFailed, ScriptError } from '../peer/errors.ts';
import type { InboxEntry } from '../peer/inbox.ts';
import { allConnectors } from '../peer/settings.ts';
import { check } from './context.ts';
import type { CsContext } from './context.ts';
import { connectorOf } from './cs.ts';

type Json = Record<string, unknown>;

/** Which part of the station a ChangeAvailability names: the whole station, the configured EVSE or connector. */
export type Scope = 'ChargingStation' | 'EVSE' | 'connector';

export function asScope(word: string): Scope {
  if (word === 'ChargingStation' || word === 'EVSE' || word === 'connector') return word;
  throw new ScriptError(`"${word}" is not an availability scope (ChargingStation, EVSE = the configured EVSE, connector = the configured connector)`);
}

const key = (evseId: number, connectorId: number): string => `${evseId}/${connectorId}`;

/** The connectors (evse/connector keys) a scope covers. */
export function connectorsOf(ctx: CsContext, scope: Scope): string[] {
  const { evseId, connectorId } = ctx.settings;
  return allConnectors(ctx.settings)
    .filter((c) => scope === 'ChargingStation' || (c.evseId === evseId && (scope === 'EVSE' || c.connectorId === connectorId)))
    .map((c) => key(c.evseId, c.connectorId));
}

/** The ChangeAvailabilityRequest for a scope. */
export function changeAvailability(ctx: CsContext, scope: Scope, operationalStatus: 'Operative' | 'Inoperative'): Json {
  const { evseId, connectorId } = ctx.settings;
  if (scope === 'ChargingStation') return { operationalStatus };
  return { operationalStatus, evse: scope === 'EVSE' ? { id: evseId } : { id: evseId, connectorId } };
}

/** The AvailabilityState data of a NotifyEvent and the connectors it speaks for (connector, EVSE or station level). */
function availabilityEvent(ctx: CsContext, entry: InboxEntry): { index: number; covers: string[] } | undefined {
  const data = (entry.payload.eventData as Json[] | undefined) ?? [];
  const index = data.findIndex((d) => (d.variable as Json | undefined)?.name === 'AvailabilityState');
  const d = data[index];
  if (!d) return undefined;
  const component = d.component as Json | undefined;
  const evse = component?.evse as Json | undefined;
  const all = allConnectors(ctx.settings);
  if (component?.name === 'ChargingStation') return { index, covers: all.map((c) => key(c.evseId, c.connectorId)) };
  if (component?.name === 'EVSE' && typeof evse?.id === 'number') return { index, covers: all.filter((c) => c.evseId === evse.id).map((c) => key(c.evseId, c.connectorId)) };
  const k = connectorOf(entry);
  return k ? { index, covers: [k] } : undefined;
}

/**
 * Every connector in `connectors` is reported with one of `statusOf(key)` after inbox entry `after`: by StatusNotification,
 * or by a NotifyEvent AvailabilityState (trigger Delta) of the connector, its EVSE or the station. Each report that
 * arrives for one of them is checked; a report about another connector is passed over.
 */
export async function expectReports(
  ctx: CsContext,
  connectors: string[],
  statusOf: (key: string) => string[],
  opts: { after: number; within?: number },
): Promise<void> {
  const pending = new Set(connectors);
  const deadline = Date.now() + (opts.within ?? ctx.peer.timing.expectMs);
  const covered = (entry: InboxEntry): string[] => {
    if (entry.action === 'StatusNotification') return [connectorOf(entry) as string];
    return availabilityEvent(ctx, entry)?.covers ?? [];
  };
  // A station may report one change twice (StatusNotification and NotifyEvent). A report the station generated no
  // later than one that had already arrived for that connector is such a twin of an earlier change, not a new one.
  const known = new Map<string, number>();
  for (const e of ctx.peer.inbox.entries) {
    if (e.seq > opts.after || (e.action !== 'StatusNotification' && e.action !== 'NotifyEvent')) continue;
    for (const k of covered(e)) known.set(k, Math.max(known.get(k) ?? -Infinity, reportTime(e)));
  }
  const fresh = (e: InboxEntry, k: string): boolean => pending.has(k) && !(reportTime(e) <= (known.get(k) ?? -Infinity));
  while (pending.size > 0) {
    let entry: InboxEntry;
    try {
      entry = await ctx.peer.expectRequest(['StatusNotification', 'NotifyEvent'], {
        within: Math.max(1, deadline - Date.now()),
        after: opts.after,
        where: (_p, e) => covered(e).some((k) => fresh(e, k)),
        description: `a StatusNotificationRequest or NotifyEventRequest (AvailabilityState) for connector(s) ${[...pending].join(', ')}`,
        requirementIds: ctx.requirementIds,
      });
    } catch (e) {
      if (e instanceof ExpectationFailed) {
        throw new ExpectationFailed({ expected: `a status report for connector(s) ${[...pending].join(', ')}`, actual: e.actual, requirementIds: ctx.requirementIds });
      }
      throw e;
    }
    const keys = covered(entry).filter((k) => fresh(entry, k));
    const want = statusOf(keys[0] as string);
    const oneOf = (texts: string[]): string => (texts.length === 1 ? (texts[0] as string) : `one of ${texts.join(', ')}`);
    if (entry.action === 'StatusNotification') {
      check(ctx, 'StatusNotificationRequest', entry.payload, [['connectorStatus', oneOf(want)], ['evseId', 'not 0'], ['connectorId', 'not 0']], entry.frame);
    } else {
      const i = availabilityEvent(ctx, entry)?.index ?? 0;
      check(ctx, 'NotifyEventRequest', entry.payload, [
        [`eventData[${i}].trigger`, 'Delta'],
        [`eventData[${i}].actualValue`, oneOf(want.map((w) => JSON.stringify(w)))],
        [`eventData[${i}].variable.name`, '"AvailabilityState"'],
      ], entry.frame);
    }
    for (const k of keys) pending.delete(k);
  }
}

/** When the station says it generated a status report (ms), from its own timestamp. */
function reportTime(entry: InboxEntry): number {
  if (entry.action === 'StatusNotification') return Date.parse(String(entry.payload.timestamp));
  const data = ((entry.payload.eventData as Json[] | undefined) ?? []).find((d) => (d.variable as Json | undefined)?.name === 'AvailabilityState');
  return Date.parse(String(data?.timestamp ?? entry.payload.generatedAt));
}

const RESTORE = 'every connector Operative again';

/** The last status reported for each connector in this scenario (connector-level reports). */
function lastReported(ctx: CsContext): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of ctx.peer.inbox.entries) {
    const k = connectorOf(e);
    if (!k) continue;
    if (e.action === 'StatusNotification') out.set(k, String(e.payload.connectorStatus));
    else {
      const d = ((e.payload.eventData as Json[] | undefined) ?? []).find((x) => (x.variable as Json | undefined)?.name === 'AvailabilityState');
      if (d) out.set(k, String(d.actualValue));
    }
  }
  return out;
}

/**
 * Clean-up: the station, every EVSE and every connector set Operative; connectors last reported Unavailable must be
 * reported again (Available, or Occupied with a cable in) before the next case starts.
 */
export async function restoreOperative(ctx: CsContext): Promise<void> {
  const after = ctx.peer.inbox.cursor;
  await ctx.peer.callAndAwait('ChangeAvailability', { operationalStatus: 'Operative' });
  for (const e of ctx.settings.evses) {
    await ctx.peer.callAndAwait('ChangeAvailability', { operationalStatus: 'Operative', evse: { id: e.id } });
    for (const c of e.connectors) await ctx.peer.callAndAwait('ChangeAvailability', { operationalStatus: 'Operative', evse: { id: e.id, connectorId: c.id } });
  }
  await ctx.peer.pingBarrier();
  const unavailable = [...lastReported(ctx)].filter(([, s]) => s === 'Unavailable').map(([k]) => k);
  if (unavailable.length > 0) await expectReports(ctx, unavailable, () => ['Available', 'Occupied'], { after: Math.min(after, ctx.peer.inbox.cursor) });
}

/** Registers the clean-up above (once per scenario). */
export function restoreWhenDone(ctx: CsContext): void {
  ctx.cleanUp?.(RESTORE, () => restoreOperative(ctx));
}

/**
 * Reusable state Unavailable for a scope: ChangeAvailability Inoperative, Accepted, then every connector of the scope
 * reported Unavailable. The case's clean-up makes everything Operative again.
 */
export async function unavailable(ctx: CsContext, scope: Scope): Promise<void> {
  restoreWhenDone(ctx);
  ctx.peer.inbox.advanceCursor();
  const after = ctx.peer.inbox.cursor;
  const answer = await ctx.peer.callAndAwait('ChangeAvailability', changeAvailability(ctx, scope, 'Inoperative'));
  check(ctx, 'ChangeAvailabilityResponse', answer.payload, [['status', 'Accepted']], answer.frame);
  await expectReports(ctx, connectorsOf(ctx, scope), () => ['Unavailable'], { after });
  ctx.reached.add('Unavailable');
}
