// Verified preconditions when the SUT is a long-lived Charging Station (run-scoped endpoint). "The Charging Station is
// connected, accepted and idle" is established and then checked, starting from what the run saw on the wire
// (StationFacts) and asking the station where that is not enough:
//   connected - the station holds the endpoint's connection (the run waited for it, visibly, at its start);
//   accepted  - its latest BootNotification got Accepted; a boot an earlier case left Pending or Rejected is retried by
//               the station after the interval it was given, and is answered Accepted here;
//   idle      - no transaction (stopped with RequestStopTransaction), no EV (unplugged through the SUT actions),
//               every connector Available.
// A precondition that cannot be reached makes the case INCONCLUSIVE, naming the precondition and the state found.
import { ExpectationFailed, PreconditionFailed } from '../peer/errors.ts';
import type { InboxEntry } from '../peer/inbox.ts';
import { allConnectors } from '../peer/settings.ts';
import type { StationFacts } from '../runner/station-facts.ts';
import { perform } from './context.ts';
import type { CsContext } from './context.ts';
import { connectorOf, settleBoot } from './cs.ts';

const PRECONDITION = 'the Charging Station is connected, accepted and idle';

function unreachable(found: string): PreconditionFailed {
  return new PreconditionFailed(`precondition "${PRECONDITION}" not reached: ${found}`);
}

/** Answers a boot the station sent and lets its connector reports settle. */
function acceptBoot(ctx: CsContext, boot: InboxEntry): Promise<void> {
  return settleBoot(ctx, boot, 'the boot');
}

/** accepted: a boot waiting in the inbox is answered; a boot left Pending/Rejected is awaited for its retry. */
async function ensureAccepted(ctx: CsContext, facts: StationFacts): Promise<void> {
  const waiting = ctx.peer.inbox.entries.find((e) => e.action === 'BootNotification' && !e.consumed);
  if (waiting) {
    await acceptBoot(ctx, waiting);
    return;
  }
  const last = facts.boot;
  if (!last || last.status === 'Accepted') return;
  const within = Math.max(0, last.answeredAt + (last.interval ?? 0) * 1000 - Date.now()) + ctx.peer.timing.expectMs;
  ctx.peer.note(`set-up: an earlier case left the station ${last.status}; waiting up to ${(within / 1000).toFixed(1)} s for its retried BootNotificationRequest`);
  let boot: InboxEntry;
  try {
    boot = await ctx.peer.expectRequest('BootNotification', { within, after: 0 });
  } catch (e) {
    if (e instanceof ExpectationFailed) throw unreachable(`the station's last boot was answered ${last.status} and it sent no BootNotificationRequest within ${(within / 1000).toFixed(1)} s`);
    throw e;
  }
  await acceptBoot(ctx, boot);
}

/**
 * Connectors the run has no report of yet (the first case of a run: the station may have been left busy before the
 * run started): the station is asked with TriggerMessage(StatusNotification) per connector.
 */
async function learnUnknownConnectors(ctx: CsContext, facts: StationFacts): Promise<void> {
  for (const { evseId, connectorId } of allConnectors(ctx.settings)) {
    const key = `${evseId}/${connectorId}`;
    if (facts.connectors.has(key)) continue;
    const after = ctx.peer.inbox.cursor;
    const answer = await ctx.peer.callAndAwait('TriggerMessage', { requestedMessage: 'StatusNotification', evse: { id: evseId, connectorId } });
    if ((answer.payload as { status?: string }).status !== 'Accepted') {
      ctx.peer.note(`set-up: the station did not report connector ${key} on request (TriggerMessage ${JSON.stringify(answer.payload)}); its status stays unknown`);
      continue;
    }
    try {
      await ctx.peer.expectRequest('StatusNotification', { after, where: (_p, e) => connectorOf(e) === key, description: `the StatusNotificationRequest for connector ${key} the TriggerMessageRequest asked for` });
    } catch (e) {
      if (e instanceof ExpectationFailed) throw unreachable(`connector ${key} was asked for its status (TriggerMessage accepted) and reported nothing`);
      throw e;
    }
  }
}

/** idle: open transactions stopped, the EV unplugged, every connector Available. */
async function ensureIdle(ctx: CsContext, facts: StationFacts): Promise<void> {
  await learnUnknownConnectors(ctx, facts);
  for (const transactionId of [...facts.openTransactions]) {
    ctx.peer.note(`set-up: transaction ${transactionId} is still open; stopping it`);
    const answer = await ctx.peer.callAndAwait('RequestStopTransaction', { transactionId });
    if ((answer.payload as { status?: string }).status !== 'Accepted') throw unreachable(`transaction ${transactionId} is still open and RequestStopTransaction was answered ${JSON.stringify(answer.payload)}`);
    try {
      await ctx.peer.expectRequest('TransactionEvent', { where: (p) => p.eventType === 'Ended' && (p.transactionInfo as { transactionId?: string } | undefined)?.transactionId === transactionId, whereText: `eventType Ended for ${transactionId}` });
    } catch (e) {
      if (e instanceof ExpectationFailed) throw unreachable(`transaction ${transactionId} did not end after RequestStopTransaction`);
      throw e;
    }
  }
  for (const [key, status] of [...facts.connectors]) {
    if (status !== 'Occupied') continue;
    const [evseId, connectorId] = key.split('/').map(Number) as [number, number];
    const after = ctx.peer.inbox.cursor;
    await perform(ctx, `unplug the EV at EVSE ${evseId} connector ${connectorId} (left plugged in by an earlier case)`, (a) => a.plugOut(evseId, connectorId));
    try {
      await ctx.peer.expectRequest(['StatusNotification', 'NotifyEvent'], { after, where: (_p, e) => connectorOf(e) === key, description: `a status report for connector ${key}` });
    } catch (e) {
      if (e instanceof ExpectationFailed) throw unreachable(`connector ${key} was ${status} and reported nothing after the EV was unplugged`);
      throw e;
    }
  }
  await ctx.peer.pingBarrier();
  const busy = facts.busyConnectors();
  if (busy.length > 0 || facts.openTransactions.size > 0) {
    throw unreachable(`connectors ${busy.join(', ') || 'Available'}${facts.openTransactions.size > 0 ? `, open transactions ${[...facts.openTransactions].join(', ')}` : ''}`);
  }
}

/** The verified precondition for a station that lives through the run. */
export async function verifiedConnectedAndIdle(ctx: CsContext, facts: StationFacts): Promise<void> {
  try {
    await ctx.peer.waitForConnection({ failure: 'precondition' });
  } catch (e) {
    if (e instanceof PreconditionFailed) throw unreachable(`the station is not connected (${e.message})`);
    throw e;
  }
  await ctx.peer.pingBarrier();
  await ensureAccepted(ctx, facts);
  await ensureIdle(ctx, facts);
  // A transaction the set-up met (and ended) began before this case: its first event is not this case's to judge.
  ctx.peer.rules.inheritTransactionsSeenSoFar();
  ctx.peer.inbox.advanceCursor();
}
