// Reusable states when the SUT is a Charging Station (the test system plays the CSMS). Plain async functions over a
// CsContext; each reads the station's behaviour from what arrives, with deadlines, and explains any mismatch.
import { ExpectationFailed } from '../peer/errors.ts';
import type { InboxEntry } from '../peer/inbox.ts';
import { allConnectors, validToken } from '../peer/settings.ts';
import { check, perform } from './context.ts';
import type { CsContext } from './context.ts';
import { letProtocolTimePass } from '../peer/protocol-time.ts';
import { authorizedTx, evConnectedPreSessionTx, PERIODIC_TRIGGERS } from './cs-tx-rules.ts';

type Json = Record<string, unknown>;

const key = (evseId: unknown, connectorId: unknown): string => `${String(evseId)}/${String(connectorId)}`;

/** The connector an incoming StatusNotification / NotifyEvent(AvailabilityState) is about, if it is one. */
export function connectorOf(entry: InboxEntry): string | undefined {
  const p = entry.payload;
  if (entry.action === 'StatusNotification') return key(p.evseId, p.connectorId);
  if (entry.action === 'NotifyEvent') {
    const ev = (p.eventData as Json[] | undefined)?.find(
      (d) => (d.component as Json | undefined)?.name === 'Connector' && (d.variable as Json | undefined)?.name === 'AvailabilityState',
    );
    const evse = (ev?.component as Json | undefined)?.evse as Json | undefined;
    if (ev && evse) return key(evse.id, evse.connectorId);
  }
  return undefined;
}

/** A connector status report (StatusNotification, or NotifyEvent AvailabilityState with trigger Delta) says `status`. */
export function checkConnectorStatus(ctx: CsContext, entry: InboxEntry, status: string): void {
  if (entry.action === 'StatusNotification') {
    check(ctx, 'StatusNotificationRequest', entry.payload, [['connectorStatus', status]], entry.frame);
    return;
  }
  const i = ((entry.payload.eventData as Json[] | undefined) ?? []).findIndex((d) => (d.variable as Json | undefined)?.name === 'AvailabilityState');
  check(ctx, 'NotifyEventRequest', entry.payload, [
    [`eventData[${i}].trigger`, 'Delta'],
    [`eventData[${i}].actualValue`, JSON.stringify(status)],
    [`eventData[${i}].component.name`, '"Connector"'],
    [`eventData[${i}].variable.name`, '"AvailabilityState"'],
  ], entry.frame);
}

/**
 * Every configured connector must be reported (StatusNotification and/or NotifyEvent AvailabilityState) with the status
 * `statusOf(connector)`, after inbox entry `after`. Each report that arrives is checked.
 */
export async function expectConnectorReports(
  ctx: CsContext,
  statusOf: (evseId: number, connectorId: number) => string,
  opts: { after: number; within?: number; requirementIds?: string[] },
): Promise<void> {
  const pending = new Map(allConnectors(ctx.settings).map((c) => [key(c.evseId, c.connectorId), c]));
  const deadline = Date.now() + (opts.within ?? ctx.peer.timing.expectMs);
  while (pending.size > 0) {
    const left = Math.max(1, deadline - Date.now());
    let entry: InboxEntry;
    try {
      entry = await ctx.peer.expectRequest(['StatusNotification', 'NotifyEvent'], {
        within: left,
        after: opts.after,
        where: (_p, e) => {
          const k = connectorOf(e);
          return k !== undefined;
        },
        description: `a StatusNotificationRequest or NotifyEventRequest (AvailabilityState) for connector(s) ${[...pending.keys()].join(', ')}`,
        requirementIds: opts.requirementIds,
      });
    } catch (e) {
      if (e instanceof ExpectationFailed) {
        throw new ExpectationFailed({
          expected: `a status report for every connector (${[...pending.keys()].join(', ')} still missing)`,
          actual: e.actual,
          requirementIds: opts.requirementIds ?? ctx.requirementIds,
        });
      }
      throw e;
    }
    const k = connectorOf(entry) as string;
    const [evseId, connectorId] = k.split('/').map(Number) as [number, number];
    const want = statusOf(evseId, connectorId);
    if (entry.action === 'StatusNotification') {
      check(ctx, 'StatusNotificationRequest', entry.payload, [
        ['connectorStatus', want],
        ['evseId', 'not 0'],
        ['connectorId', 'not 0'],
      ], entry.frame, opts.requirementIds);
    } else {
      const data = (entry.payload.eventData as Json[]).findIndex((d) => (d.variable as Json | undefined)?.name === 'AvailabilityState');
      check(ctx, 'NotifyEventRequest', entry.payload, [
        [`eventData[${data}].trigger`, 'Delta'],
        [`eventData[${data}].actualValue`, JSON.stringify(want)],
        [`eventData[${data}].component.name`, '"Connector"'],
        [`eventData[${data}].variable.name`, '"AvailabilityState"'],
      ], entry.frame, opts.requirementIds);
    }
    pending.delete(k);
  }
}

/** Answers a BootNotification we consumed (default Accepted) unless a step will. */
function answerBoot(ctx: CsContext, entry: InboxEntry): void {
  ctx.peer.answerIfHeld(entry);
}

/**
 * The station's TxStartPoint / TxStopPoint, asked once per scenario with GetVariables. A station that does not
 * report them is treated per Part 6's CSMS-side defaults ("EVConnected,Authorized" / "EVConnected").
 */
export async function txPoints(ctx: CsContext): Promise<{ start: string[]; stop: string[] }> {
  const cached = ctx.memory.get('txPoints') as { start: string[]; stop: string[] } | undefined;
  if (cached) return cached;
  const outcome = await ctx.peer.callAndAwait('GetVariables', {
    getVariableData: [
      { component: { name: 'TxCtrlr' }, variable: { name: 'TxStartPoint' } },
      { component: { name: 'TxCtrlr' }, variable: { name: 'TxStopPoint' } },
    ],
  });
  const results = ((outcome.payload as Json).getVariableResult ?? []) as Json[];
  const read = (name: string, fallback: string): string[] => {
    const r = results.find((x) => (x.variable as Json | undefined)?.name === name);
    const v = r?.attributeStatus === 'Accepted' && typeof r.attributeValue === 'string' ? r.attributeValue : fallback;
    return v.split(',').map((s) => s.trim()).filter((s) => s !== '');
  };
  const points = { start: read('TxStartPoint', 'EVConnected,Authorized'), stop: read('TxStopPoint', 'EVConnected') };
  ctx.memory.set('txPoints', points);
  ctx.peer.note(`station TxStartPoint=${points.start.join(',')} TxStopPoint=${points.stop.join(',')}`);
  return points;
}

function rememberTx(ctx: CsContext, entry: InboxEntry): void {
  const id = (entry.payload.transactionInfo as Json | undefined)?.transactionId;
  if (typeof id === 'string') ctx.memory.set('transactionId', id);
  if (entry.payload.eventType === 'Ended') ctx.memory.set('transactionEnded', true);
  ctx.memory.set('chargingState', (entry.payload.transactionInfo as Json | undefined)?.chargingState);
}

const txOpen = (ctx: CsContext): boolean => ctx.memory.has('transactionId') && ctx.memory.get('transactionEnded') !== true;

// ----- the states -------------------------------------------------------------------------------------------------------

/** Booted: Reset (Immediate) -> Accepted, BootNotification -> Accepted, every connector Available, a startup security event. */
export async function booted(ctx: CsContext): Promise<void> {
  ctx.peer.inbox.advanceCursor();
  const reset = await ctx.peer.callAndAwait('Reset', { type: 'Immediate' });
  check(ctx, 'ResetResponse', reset.payload, [['status', 'Accepted']], reset.frame);
  await afterReboot(ctx, { bootReason: undefined, statusOf: () => 'Available', securityEvent: true });
}

/** What follows any reboot: BootNotification (answered Accepted), connector reports, optionally the security event. */
export async function afterReboot(
  ctx: CsContext,
  opts: { bootReason: string | undefined; statusOf: (evseId: number, connectorId: number) => string; securityEvent: boolean },
): Promise<void> {
  const boot = await ctx.peer.expectRequest('BootNotification', { within: ctx.peer.timing.bootMs });
  if (opts.bootReason) check(ctx, 'BootNotificationRequest', boot.payload, [['reason', opts.bootReason]], boot.frame);
  answerBoot(ctx, boot);
  ctx.peer.inbox.cursor = boot.seq;
  await expectConnectorReports(ctx, opts.statusOf, { after: boot.seq });
  if (opts.securityEvent) {
    const ev = await ctx.peer.expectRequest('SecurityEventNotification', { after: boot.seq });
    check(ctx, 'SecurityEventNotificationRequest', ev.payload, [['type', 'one of "StartupOfTheDevice", "ResetOrReboot"']], ev.frame);
  }
}

/** Authorized, local variant: present the valid token; AuthorizeRequest; a TransactionEvent when Part 6 says one is due. */
export async function authorized(ctx: CsContext): Promise<void> {
  const points = await txPoints(ctx);
  const tok = validToken(ctx.settings);
  await perform(ctx, `present idToken ${tok.idToken}`, (a) => a.presentIdToken(tok.idToken, tok.type, ctx.settings.evseId));
  const after = ctx.peer.inbox.cursor;
  const first = await ctx.peer.expectRequest(['Authorize', 'TransactionEvent'], {
    after,
    where: (p, e) => e.action === 'Authorize' || p.triggerReason === 'Authorized',
    description: 'an AuthorizeRequest for the presented idToken',
  });
  if (first.action === 'Authorize') {
    check(ctx, 'AuthorizeRequest', first.payload, [
      ['idToken.idToken', '<configured valid idToken>'],
      ['idToken.type', '<configured valid idToken type>'],
    ], first.frame);
    // A case that answers AuthorizeRequests itself holds them; the state answers its own with the default.
    ctx.peer.answerIfHeld(first);
  }
  const rule = authorizedTx({ ...points, txOpen: txOpen(ctx) });
  ctx.peer.note(`reusable state Authorized: ${rule.because}`);
  if (rule.due) {
    const te = first.action === 'TransactionEvent' ? first : await ctx.peer.expectRequest('TransactionEvent', { after, where: (p) => !PERIODIC_TRIGGERS.includes(String(p.triggerReason)), whereText: `a trigger other than periodic meter values (due because ${rule.because})` });
    check(ctx, 'TransactionEventRequest', te.payload, rule.rows, te.frame);
    rememberTx(ctx, te);
  } else if (first.action === 'TransactionEvent') rememberTx(ctx, first); // e.g. a cached token at a plugged EVSE opened the transaction
  ctx.reached.add('Authorized');
}

/**
 * EVConnectedPreSession: plug in; the configured connector reported Occupied; then the TransactionEvent Part 6 asks
 * for under this TxStartPoint / authorization (see evConnectedPreSessionTx), in any of the forms it allows.
 */
export async function evConnectedPreSession(ctx: CsContext): Promise<void> {
  const points = await txPoints(ctx);
  const { evseId, connectorId } = ctx.settings;
  const rule = evConnectedPreSessionTx({ ...points, authorized: ctx.reached.has('Authorized'), txOpen: txOpen(ctx) });
  await perform(ctx, `plug in at EVSE ${evseId} connector ${connectorId}`, (a) => a.plugIn(evseId, connectorId));
  const after = ctx.peer.inbox.cursor;
  ctx.peer.note(`reusable state EVConnectedPreSession: ${rule.because}`);
  await expectOneConnectorReport(ctx, evseId, connectorId, 'Occupied', after);
  if (rule.due) {
    const te = await ctx.peer.expectRequest('TransactionEvent', {
      after,
      where: (p) => !PERIODIC_TRIGGERS.includes(String(p.triggerReason)),
      whereText: `a trigger other than periodic meter values (due because ${rule.because})`,
    });
    check(ctx, 'TransactionEventRequest', te.payload, rule.rows, te.frame);
    rememberTx(ctx, te);
  }
  ctx.memory.set('evConnected', true);
  ctx.reached.add('EVConnectedPreSession');
}

async function expectOneConnectorReport(ctx: CsContext, evseId: number, connectorId: number, status: string, after: number): Promise<void> {
  const k = key(evseId, connectorId);
  const entry = await ctx.peer.expectRequest(['StatusNotification', 'NotifyEvent'], {
    after,
    where: (_p, e) => connectorOf(e) === k,
    description: `a StatusNotificationRequest or NotifyEventRequest for connector ${k}`,
  });
  if (entry.action === 'StatusNotification') {
    check(ctx, 'StatusNotificationRequest', entry.payload, [['connectorStatus', status]], entry.frame);
  } else {
    check(ctx, 'NotifyEventRequest', entry.payload, [
      ['eventData[?].actualValue', JSON.stringify(status)],
      ['eventData[?].trigger', 'Delta'],
    ], entry.frame);
  }
}

/** EnergyTransferStarted: Authorized first if needed, plug in if needed, then the TransactionEvent that says Charging. */
export async function energyTransferStarted(ctx: CsContext): Promise<void> {
  if (!ctx.reached.has('Authorized')) await authorized(ctx);
  if (ctx.memory.get('evConnected') !== true) await evConnectedPreSession(ctx);
  // Plugging in may already have closed the power path (TxStartPoint PowerPathClosed): that event said Charging.
  if (txOpen(ctx) && ctx.memory.get('chargingState') === 'Charging') {
    ctx.reached.add('EnergyTransferStarted');
    return;
  }
  const charging = await ctx.peer.expectRequest('TransactionEvent', {
    where: (p) => (p.transactionInfo as Json | undefined)?.chargingState === 'Charging',
    whereText: 'transactionInfo.chargingState Charging',
    within: ctx.peer.timing.expectMs,
  });
  check(ctx, 'TransactionEventRequest', charging.payload, [['triggerReason', 'one of ChargingStateChanged, CablePluggedIn, Authorized, RemoteStart']], charging.frame);
  rememberTx(ctx, charging);
  ctx.reached.add('EnergyTransferStarted');
}

/** StopAuthorized, local variant: after the transaction duration the same token again; the station stops charging. */
export async function stopAuthorized(ctx: CsContext): Promise<void> {
  if (!ctx.reached.has('EnergyTransferStarted')) await energyTransferStarted(ctx);
  const points = await txPoints(ctx);
  await letProtocolTimePass(ctx.settings.transactionDurationMs, 'the configured transaction duration', (m) => ctx.peer.note(m));
  const tok = validToken(ctx.settings);
  await perform(ctx, `present idToken ${tok.idToken} again to stop`, (a) => a.presentIdToken(tok.idToken, tok.type, ctx.settings.evseId));
  const after = ctx.peer.inbox.cursor;
  const stopped = await ctx.peer.expectRequest('TransactionEvent', {
    after,
    where: (p) => (p.transactionInfo as Json | undefined)?.chargingState === 'EVConnected' || p.eventType === 'Ended',
    whereText: 'transactionInfo.chargingState EVConnected',
  });
  const endsHere = points.stop.some((s) => ['Authorized', 'PowerPathClosed', 'EnergyTransfer'].includes(s));
  const rows: Array<[string, string]> = [
    ['triggerReason', 'one of ChargingStateChanged, StopAuthorized'],
    ['transactionInfo.chargingState', 'EVConnected'],
  ];
  if (endsHere) rows.push(['eventType', 'Ended'], ['transactionInfo.stoppedReason', 'absent or Local']);
  check(ctx, 'TransactionEventRequest', stopped.payload, rows, stopped.frame);
  rememberTx(ctx, stopped);
  ctx.reached.add('StopAuthorized');
}

/** EVDisconnected: unplug; the connector reported Available; the transaction ends if it was still open. */
export async function evDisconnected(ctx: CsContext): Promise<void> {
  if (!ctx.reached.has('StopAuthorized')) await stopAuthorized(ctx);
  const { evseId, connectorId } = ctx.settings;
  const wasOpen = txOpen(ctx);
  await perform(ctx, `unplug at EVSE ${evseId} connector ${connectorId}`, (a) => a.plugOut(evseId, connectorId));
  const after = ctx.peer.inbox.cursor;
  await expectOneConnectorReport(ctx, evseId, connectorId, 'Available', after);
  if (wasOpen) {
    const te = await ctx.peer.expectRequest('TransactionEvent', { after, where: (p) => p.triggerReason === 'EVCommunicationLost' || p.eventType === 'Ended', whereText: 'triggerReason EVCommunicationLost' });
    check(ctx, 'TransactionEventRequest', te.payload, [
      ['triggerReason', 'EVCommunicationLost'],
      ['transactionInfo.chargingState', 'Idle'],
    ], te.frame);
    rememberTx(ctx, te);
  }
  ctx.memory.set('evConnected', false);
  ctx.reached.add('EVDisconnected');
}

/** The whole stop sequence of TC_B_21: StopAuthorized, then (while the transaction is still open) unplug. */
export async function stopUntilIdle(ctx: CsContext): Promise<'stopped-at-authorization' | 'stopped-at-unplug'> {
  await stopAuthorized(ctx);
  if (!txOpen(ctx)) return 'stopped-at-authorization';
  await evDisconnected(ctx);
  return 'stopped-at-unplug';
}

/**
 * EnergyTransferSuspended: after the transaction duration the EV pauses charging; the station reports it (Updated,
 * SuspendedEV or EVConnected; or Ended with StoppedByEV). Under TxStopPoint EnergyTransfer the pause ends the
 * transaction, which the case itself judges, so nothing is awaited here.
 */
export async function energyTransferSuspended(ctx: CsContext): Promise<void> {
  if (!ctx.reached.has('EnergyTransferStarted')) await energyTransferStarted(ctx);
  const points = await txPoints(ctx);
  const { evseId, connectorId } = ctx.settings;
  await letProtocolTimePass(ctx.settings.transactionDurationMs, 'the configured transaction duration', (m) => ctx.peer.note(m));
  await perform(ctx, `make the EV suspend the energy transfer at EVSE ${evseId} connector ${connectorId}`, (a) => a.evState('suspendedEV', evseId, connectorId));
  if (!points.stop.includes('EnergyTransfer')) {
    const after = ctx.peer.inbox.cursor;
    const te = await ctx.peer.expectRequest('TransactionEvent', {
      after,
      where: (p) => ['EVConnected', 'SuspendedEV'].includes(String((p.transactionInfo as Json | undefined)?.chargingState)) || p.eventType === 'Ended',
      whereText: 'transactionInfo.chargingState SuspendedEV or EVConnected',
    });
    const rows: Array<[string, string]> = [
      ['eventType', 'one of Ended, Updated'],
      ['transactionInfo.chargingState', 'one of EVConnected, SuspendedEV'],
    ];
    if ((te.payload.transactionInfo as Json | undefined)?.chargingState === 'SuspendedEV') rows.push(['triggerReason', 'ChargingStateChanged']);
    if (te.payload.eventType === 'Ended') rows.push(['transactionInfo.stoppedReason', 'StoppedByEV']);
    check(ctx, 'TransactionEventRequest', te.payload, rows, te.frame);
    rememberTx(ctx, te);
  }
  ctx.reached.add('EnergyTransferSuspended');
}

export const CS_STATES: Record<string, (ctx: CsContext) => Promise<void>> = {
  Booted: booted,
  Authorized: authorized,
  EVConnectedPreSession: evConnectedPreSession,
  EnergyTransferStarted: energyTransferStarted,
  StopAuthorized: stopAuthorized,
  EVDisconnected: evDisconnected,
  EnergyTransferSuspended: energyTransferSuspended,
};

/**
 * General preconditions: the station is connected to us and, if it (re)booted on connecting, its boot is accepted and
 * its connectors reported. Whether it booted is learnt without guessing: a WebSocket ping is answered after anything
 * the station sent on connecting, so a BootNotification sent at connect time is in the inbox by the time the pong is.
 */
/**
 * Answers a boot the station sent (Accepted, unless the case holds the answer) and lets its connector reports settle.
 * A station that reports badly here is judged by the case's own steps, not by this set-up: a note, no verdict.
 */
export async function settleBoot(ctx: CsContext, boot: InboxEntry, what: string): Promise<void> {
  boot.consumed = true;
  ctx.peer.answerIfHeld(boot);
  try {
    await expectConnectorReports(ctx, () => 'Available', { after: boot.seq, within: ctx.peer.timing.bootMs });
  } catch (e) {
    if (!(e instanceof ExpectationFailed)) throw e;
    ctx.peer.note(`set-up: the connector reports after ${what} were incomplete or unexpected: ${e.actual}`);
  }
}

export async function connectedAndIdle(ctx: CsContext): Promise<void> {
  await ctx.peer.waitForConnection({ failure: 'precondition' });
  await ctx.peer.pingBarrier();
  const boot = ctx.peer.inbox.entries.find((e) => e.action === 'BootNotification' && !e.consumed);
  // Settle the boot-on-connect so its messages do not mix with the case's.
  if (boot) await settleBoot(ctx, boot, 'the boot on connecting');
  ctx.peer.inbox.advanceCursor();
}

/** Clean-up of a case that ended the transaction itself with the EV still plugged in: unplug; the connector is reported Available. */
export async function unplugAfterEnd(ctx: CsContext): Promise<void> {
  const { evseId, connectorId } = ctx.settings;
  await perform(ctx, `unplug at EVSE ${evseId} connector ${connectorId}`, (a) => a.plugOut(evseId, connectorId));
  // A report of the connector still Occupied may overtake the unplugging (e.g. an EVSE coming back from a reset):
  // the clean-up waits for the Available one.
  const k = key(evseId, connectorId);
  const says = (p: Json): unknown =>
    p.connectorStatus ?? ((p.eventData as Json[] | undefined) ?? []).find((d) => (d.variable as Json | undefined)?.name === 'AvailabilityState')?.actualValue;
  await ctx.peer.expectRequest(['StatusNotification', 'NotifyEvent'], {
    after: ctx.peer.inbox.cursor,
    where: (p, e) => connectorOf(e) === k && says(p) === 'Available',
    description: `a StatusNotificationRequest or NotifyEventRequest reporting connector ${k} Available`,
  });
  ctx.memory.set('evConnected', false);
}
