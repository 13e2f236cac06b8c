// Station-side (SUT = Charging Station) reusable states of the remote-control cases that the general ones in
// src/states/cs.ts do not cover: EnergyTransferStarted on every configured EVSE at once (TriggerMessage for all EVSEs),
// and the remote variants of Authorized and StopAuthorized (RequestStart/StopTransaction).
// Each further EVSE runs the ordinary states from its own view (its EVSE, its own valid idToken, its own memory).
import { randomInt } from 'node:crypto';
import { PreconditionFailed } from '../peer/errors.ts';
import type { InboxEntry } from '../peer/inbox.ts';
import { letProtocolTimePass } from '../peer/protocol-time.ts';
import { validToken } from '../peer/settings.ts';
import { check, Memory } from './context.ts';
import type { CsContext } from './context.ts';
import { stopUntilIdle, txPoints } from './cs.ts';
import { PERIODIC_TRIGGERS } from './cs-tx-rules.ts';
import { enterState } from './index.ts';

const VIEWS = 'remoteControl:everyEvseViews';

/** EnergyTransferStarted on the configured EVSE, then on every other configured EVSE, each with its own valid idToken. */
export async function energyTransferOnEveryEvse(ctx: CsContext): Promise<void> {
  const { evses, evseId, idTokens } = ctx.settings;
  const others = evses.filter((e) => e.id !== evseId);
  if (idTokens.valid.length < others.length + 1) {
    throw new PreconditionFailed(`this case needs one valid idToken per EVSE (${evses.length}); the run configuration has ${idTokens.valid.length} in idTokens.valid`);
  }
  await enterState(ctx, 'EnergyTransferStarted');
  const views: CsContext[] = [];
  for (const [i, evse] of others.entries()) {
    const token = idTokens.valid[i + 1] as (typeof idTokens.valid)[number];
    const connectorId = evse.connectors[0]?.id ?? 1;
    const view: CsContext = {
      ...ctx,
      settings: { ...ctx.settings, evseId: evse.id, connectorId, idTokens: { ...idTokens, valid: [token] } },
      memory: new Memory(),
      reached: new Set(['Booted']),
    };
    ctx.peer.note(`EnergyTransferStarted on EVSE ${evse.id} with idToken ${token.idToken}`);
    await enterState(view, 'EnergyTransferStarted');
    views.push(view);
  }
  ctx.memory.set(VIEWS, views);
}

/** Clean-up: end the transaction of every EVSE the state above started (the configured EVSE last). */
export async function stopOnEveryEvse(ctx: CsContext): Promise<void> {
  for (const view of (ctx.memory.get(VIEWS) as CsContext[] | undefined) ?? []) await stopUntilIdle(view);
  await stopUntilIdle(ctx);
}

// ----- Authorized and StopAuthorized, remote variants (Part 6 Main B of each state) ------------------------------------

type Json = Record<string, unknown>;

export const txOpen = (ctx: CsContext): boolean => ctx.memory.has('transactionId') && ctx.memory.get('transactionEnded') !== true;

export function rememberTx(ctx: CsContext, entry: InboxEntry): void {
  const info = entry.payload.transactionInfo as Json | undefined;
  if (typeof info?.transactionId === 'string') ctx.memory.set('transactionId', info.transactionId);
  // A new transaction after an ended one (the same scenario may start two) is open again.
  if (entry.payload.eventType === 'Started') ctx.memory.set('transactionEnded', false);
  if (entry.payload.eventType === 'Ended') ctx.memory.set('transactionEnded', true);
  ctx.memory.set('chargingState', info?.chargingState);
}

/** Boolean variables of the station, read once per scenario; undefined when the station does not report them. */
async function readBooleans(ctx: CsContext, names: Array<[string, string]>): Promise<Map<string, boolean | undefined>> {
  const outcome = await ctx.peer.callAndAwait('GetVariables', {
    getVariableData: names.map(([component, variable]) => ({ component: { name: component }, variable: { name: variable } })),
  });
  const results = ((outcome.payload as Json).getVariableResult ?? []) as Json[];
  const out = new Map<string, boolean | undefined>();
  for (const [component, variable] of names) {
    const r = results.find((x) => (x.component as Json | undefined)?.name === component && (x.variable as Json | undefined)?.name === variable);
    out.set(`${component}.${variable}`, r?.attributeStatus === 'Accepted' ? String(r.attributeValue).toLowerCase() === 'true' : undefined);
  }
  return out;
}

/**
 * Authorized, remote variant: RequestStartTransaction with the configured valid idToken for the configured EVSE;
 * Accepted (with the open transaction's id when one already runs); an AuthorizeRequest when AuthorizeRemoteStart is
 * true (the station may answer from its cache instead when LocalPreAuthorize is true: Part 6 lets a cached token skip
 * it); then, when TxStartPoint contains Authorized or a transaction runs, a TransactionEvent with trigger RemoteStart,
 * our remoteStartId and the idToken. `extra` adds fields to the request (TC_K_38: a chargingProfile).
 */
export async function authorizedRemotely(ctx: CsContext, extra: Record<string, unknown> = {}): Promise<void> {
  const points = await txPoints(ctx);
  const vars = await readBooleans(ctx, [['AuthCtrlr', 'AuthorizeRemoteStart'], ['AuthCtrlr', 'LocalPreAuthorize'], ['AuthCtrlr', 'Enabled']]);
  const tok = validToken(ctx.settings);
  const wasOpen = txOpen(ctx);
  const remoteStartId = randomInt(1, 2 ** 31 - 1);
  ctx.memory.set('remoteStartId', remoteStartId);
  ctx.peer.inbox.advanceCursor();
  const after = ctx.peer.inbox.cursor;
  const answer = await ctx.peer.callAndAwait('RequestStartTransaction', { idToken: { idToken: tok.idToken, type: tok.type }, evseId: ctx.settings.evseId, remoteStartId, ...extra });
  ctx.memory.set('remoteStart:after', after);
  const rows: Array<[string, string]> = [['status', 'Accepted']];
  if (wasOpen) rows.push(['transactionId', '<transactionId>']);
  check(ctx, 'RequestStartTransactionResponse', answer.payload, rows, answer.frame);
  const authorizeDue = vars.get('AuthCtrlr.AuthorizeRemoteStart') === true && vars.get('AuthCtrlr.Enabled') !== false && vars.get('AuthCtrlr.LocalPreAuthorize') !== true;
  if (authorizeDue) {
    const auth = await ctx.peer.expectRequest('Authorize', { after, description: 'an AuthorizeRequest for the remotely started idToken (AuthorizeRemoteStart is true)', requirementIds: ctx.requirementIds });
    check(ctx, 'AuthorizeRequest', auth.payload, [
      ['idToken.idToken', '<configured valid idToken>'],
      ['idToken.type', '<configured valid idToken type>'],
    ], auth.frame);
  } else {
    ctx.peer.note(`reusable state Authorized (remote): no AuthorizeRequest is required (AuthorizeRemoteStart ${String(vars.get('AuthCtrlr.AuthorizeRemoteStart'))}, LocalPreAuthorize ${String(vars.get('AuthCtrlr.LocalPreAuthorize'))})`);
  }
  const reasons: string[] = [];
  if (points.start.includes('Authorized')) reasons.push('TxStartPoint contains Authorized');
  if (wasOpen) reasons.push('a transaction is already open');
  const plugged = ctx.memory.get('evConnected') === true;
  if (plugged && points.start.includes('PowerPathClosed')) reasons.push('the EV is plugged in and TxStartPoint contains PowerPathClosed');
  if (reasons.length > 0) {
    ctx.peer.note(`reusable state Authorized (remote): a TransactionEvent is due because ${reasons.join('; ')}`);
    const te = await ctx.peer.expectRequest('TransactionEvent', {
      after,
      where: (p) => !PERIODIC_TRIGGERS.includes(String(p.triggerReason)),
      whereText: `a trigger other than periodic meter values (due because ${reasons.join('; ')})`,
      requirementIds: ctx.requirementIds,
    });
    check(ctx, 'TransactionEventRequest', te.payload, [
      ['eventType', wasOpen ? 'Updated' : 'Started'],
      ['triggerReason', 'RemoteStart'],
      ['transactionInfo.remoteStartId', String(remoteStartId)],
      ['idToken.idToken', '<configured valid idToken>'],
      ['idToken.type', '<configured valid idToken type>'],
    ], te.frame);
    if (!wasOpen) check(ctx, 'TransactionEventRequest', te.payload, [['evse.id', '<configured evseId>']], te.frame);
    rememberTx(ctx, te);
  } else {
    ctx.peer.note(`reusable state Authorized (remote): no TransactionEvent is due yet (TxStartPoint ${points.start.join(',')}, no open transaction, no EV)`);
  }
  ctx.reached.add('Authorized');
}

/**
 * StopAuthorized, remote variant: after the configured transaction duration, RequestStopTransaction with the running
 * transaction's id; Accepted; then a TransactionEvent with trigger RemoteStop (Ended with stoppedReason Remote when
 * the station ends the transaction with it).
 */
export async function stopAuthorizedRemotely(ctx: CsContext): Promise<void> {
  if (!ctx.reached.has('EnergyTransferStarted')) await enterState(ctx, 'EnergyTransferStarted');
  await letProtocolTimePass(ctx.settings.transactionDurationMs, 'the configured transaction duration', (m) => ctx.peer.note(m));
  const transactionId = ctx.memory.require('transactionId', 'StopAuthorized (remote) needs the running transaction') as string;
  ctx.peer.inbox.advanceCursor();
  const after = ctx.peer.inbox.cursor;
  const answer = await ctx.peer.callAndAwait('RequestStopTransaction', { transactionId });
  check(ctx, 'RequestStopTransactionResponse', answer.payload, [['status', 'Accepted']], answer.frame);
  const te = await ctx.peer.expectRequest('TransactionEvent', {
    after,
    where: (p) => !PERIODIC_TRIGGERS.includes(String(p.triggerReason)) && (p.transactionInfo as Json | undefined)?.transactionId === transactionId,
    whereText: `transaction ${transactionId}, a trigger other than periodic meter values`,
    requirementIds: ctx.requirementIds,
  });
  const rows: Array<[string, string]> = [['triggerReason', 'RemoteStop']];
  if (te.payload.eventType === 'Ended') rows.push(['transactionInfo.stoppedReason', 'Remote']);
  check(ctx, 'TransactionEventRequest', te.payload, rows, te.frame);
  rememberTx(ctx, te);
  ctx.reached.add('StopAuthorized');
}
