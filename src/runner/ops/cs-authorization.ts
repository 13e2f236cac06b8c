// The operations behind the station-side (SUT = Charging Station) authorization steps of steps/cs-authorization.ts
// (Part 6 block C): configuration that lasts for one case, the IdTokenCached memory state, checks that the station
// decided from its cache, negative waits on a running transaction, and the clean-up of a session without a transaction.
import { noTransactionEvent } from './cs-no-transaction-event.ts';
import { deviceModelName, explainName } from '../../config/device-model-names.ts';
import { ExpectationFailed, PreconditionFailed, ScriptError } from '../../peer/errors.ts';
import { letProtocolTimePass } from '../../peer/protocol-time.ts';
import { check, perform, resolvePlaceholder } from '../../states/context.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { connectorOf, txPoints } from '../../states/cs.ts';
import { authorizeSinceCached, idTokenCached, noAuthorizeSinceCached } from '../../states/cs-authorization.ts';
import { authorizedTx } from '../../states/cs-tx-rules.ts';
import { asRows, type Rows } from '../operations.ts';
import { asCs } from '../roles.ts';

type Json = Record<string, unknown>;

const NOT_IMPLEMENTED = ['UnknownComponent', 'UnknownVariable', 'NotSupportedAttributeType'];

function split(name: string): { component: string; variable: string } {
  const m = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)$/.exec(name);
  if (!m) throw new ScriptError(`"${name}" is not Component.Variable`);
  return { component: m[1] as string, variable: m[2] as string };
}

async function getVariable(cs: CsContext, name: string): Promise<{ status: string; value?: string }> {
  const { component, variable } = split(name);
  const outcome = await cs.peer.callAndAwait('GetVariables', { getVariableData: [{ component: { name: component }, variable: { name: variable } }] });
  const r = ((outcome.payload as Json).getVariableResult as Json[] | undefined)?.[0] ?? {};
  return { status: String(r.attributeStatus), ...(typeof r.attributeValue === 'string' ? { value: r.attributeValue } : {}) };
}

async function setVariable(cs: CsContext, name: string, value: string): Promise<string> {
  const { component, variable } = split(name);
  const outcome = await cs.peer.callAndAwait('SetVariables', { setVariableData: [{ component: { name: component }, variable: { name: variable }, attributeValue: value }] });
  return String((((outcome.payload as Json).setVariableResult as Json[] | undefined)?.[0] as Json | undefined)?.attributeStatus);
}

/**
 * A configuration state of Part 6 that holds for this case only: the variable (device-model spelling, see
 * src/config/device-model-names.ts) is read, set, and put back to what it was when the case ends, so a station that
 * lives through the run is left as it was found. `optional`: Part 6's "(If implemented)": a station without the variable
 * skips it with a note. The value may be a <placeholder>.
 */
export async function variableForCase(ctx: ScenarioContext, name: string, rawValue: string, optional: boolean): Promise<void> {
  const cs = asCs(ctx, 'configure a variable for this case');
  const placeholder = /^<(.+)>$/.exec(rawValue);
  const value = placeholder ? String(resolvePlaceholder(cs, placeholder[1] as string)) : rawValue;
  let dm = deviceModelName(name).name;
  let before = await getVariable(cs, dm);
  const part6 = deviceModelName(name).reconciled?.part6;
  if (NOT_IMPLEMENTED.includes(before.status) && part6) {
    const alt = await getVariable(cs, part6);
    if (!NOT_IMPLEMENTED.includes(alt.status)) {
      dm = part6;
      before = alt;
    }
  }
  if (NOT_IMPLEMENTED.includes(before.status)) {
    if (optional) {
      cs.peer.note(`${explainName(name)} is not implemented by the station (${before.status}); Part 6 sets it only if implemented, so nothing changes`);
      cs.peer.inbox.advanceCursor();
      return;
    }
    throw new PreconditionFailed(`this case needs ${explainName(name)}, which the station does not implement (GetVariables answered ${before.status})`);
  }
  if (before.value !== value) {
    const status = await setVariable(cs, dm, value);
    if (status !== 'Accepted') throw new PreconditionFailed(`could not set ${explainName(name)} to "${value}" before the case (SetVariables answered ${status})`);
    const old = before.value;
    if (old !== undefined) {
      cs.cleanUp?.(`${dm} back to "${old}"`, async () => {
        const back = await setVariable(cs, dm, old);
        if (back !== 'Accepted') throw new Error(`SetVariables ${dm} = "${old}" answered ${back}`);
      });
    }
  }
  cs.peer.inbox.advanceCursor();
}

/** Memory state IdTokenCached for the configured token of a role (src/states/cs-authorization.ts). */
export async function idTokenCachedFor(ctx: ScenarioContext, role: string, withGroup = false): Promise<void> {
  await idTokenCached(asCs(ctx, 'memory state IdTokenCached'), role, withGroup);
}

/** The station decided about the cached token without asking the CSMS. */
export function noAuthorizeForCached(ctx: ScenarioContext, role: string): void {
  noAuthorizeSinceCached(asCs(ctx, 'no AuthorizeRequest for a cached token'), role);
}

/** After the cache lifetime passed, the station asked the CSMS about the token again (C10.FR.08). */
export function authorizeForExpired(ctx: ScenarioContext, role: string): void {
  authorizeSinceCached(asCs(ctx, 'an AuthorizeRequest for an expired cache entry'), role, 'its cache entry outlived AuthCacheCtrlr.LifeTime (C10.FR.08)');
}

/**
 * Reusable state Authorized for a token the station may decide from its cache (no AuthorizeRequest need come): the
 * configured valid idToken is presented; a TransactionEventRequest with trigger Authorized is awaited and checked when
 * Part 6 says one is due (TxStartPoint Authorized, or a transaction already runs), else none is.
 */
export async function presentCachedToken(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'present the cached valid idToken');
  const points = await txPoints(cs);
  const open = cs.memory.has('transactionId') && cs.memory.get('transactionEnded') !== true;
  const tok = cs.settings.idTokens.valid[0];
  if (!tok) throw new ScriptError('the run configuration has no valid idToken');
  await perform(cs, `present idToken ${tok.idToken} (cached)`, (a) => a.presentIdToken(tok.idToken, tok.type, cs.settings.evseId));
  const rule = authorizedTx({ ...points, txOpen: open });
  cs.peer.note(`cached token presented: ${rule.because}`);
  if (rule.due) {
    const te = await cs.peer.expectRequest('TransactionEvent', { where: (p) => p.triggerReason === 'Authorized', whereText: `triggerReason Authorized (due because ${rule.because})` });
    check(cs, 'TransactionEventRequest', te.payload, rule.rows, te.frame);
    const info = (te.payload.transactionInfo ?? {}) as Json;
    if (typeof info.transactionId === 'string') cs.memory.set('transactionId', info.transactionId);
    cs.memory.set('chargingState', info.chargingState);
  }
  cs.reached.add('Authorized');
}

/**
 * During a transaction, after a token that must not end it: for the configured message timeout no TransactionEvent
 * names an idToken and none ends the transaction (periodic meter values may come and go).
 */
export async function transactionGoesOn(ctx: ScenarioContext): Promise<void> {
  await noTransactionEvent(asCs(ctx, 'the transaction goes on'), {
    where: (p) => p.idToken !== undefined || p.eventType === 'Ended' || p.triggerReason === 'StopAuthorized',
    description: 'a TransactionEventRequest with an idToken, a StopAuthorized trigger or eventType Ended',
    expectation: 'the transaction to go on',
  });
}

/**
 * Clean-up of a session that never became a transaction of this case (a refused token): the EV is unplugged and the
 * configured connector reported Available; a transaction the plug-in opened (TxStartPoint EVConnected) ends with it.
 */
export async function unplugToIdle(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'unplug the EV');
  const { evseId, connectorId } = cs.settings;
  if (cs.memory.get('evConnected') === false) {
    cs.peer.note('the EV was already unplugged by an earlier step');
    return;
  }
  const id = cs.memory.get('transactionId');
  const endedSeen = cs.peer.inbox.entries.some((e) => e.action === 'TransactionEvent' && e.payload.eventType === 'Ended' && (e.payload.transactionInfo as Json | undefined)?.transactionId === id);
  const open = id !== undefined && cs.memory.get('transactionEnded') !== true && !endedSeen;
  await perform(cs, `unplug at EVSE ${evseId} connector ${connectorId}`, (a) => a.plugOut(evseId, connectorId));
  const key = `${evseId}/${connectorId}`;
  const report = await cs.peer.expectRequest(['StatusNotification', 'NotifyEvent'], { where: (_p, e) => connectorOf(e) === key, description: `a status report for connector ${key}` });
  if (report.action === 'StatusNotification') check(cs, 'StatusNotificationRequest', report.payload, [['connectorStatus', 'Available']], report.frame);
  if (open) {
    await cs.peer.expectRequest('TransactionEvent', { where: (p) => p.eventType === 'Ended' && (p.transactionInfo as Json | undefined)?.transactionId === id, whereText: `eventType Ended for ${String(id)}` });
    cs.memory.set('transactionEnded', true);
  }
  cs.memory.set('evConnected', false);
  // The twin report (StatusNotification and NotifyEvent) of the same change is not the next step's.
  await cs.peer.pingBarrier();
  cs.peer.inbox.advanceCursor();
}

/** Bookkeeping: the session is over and the EVSE idle; the reusable states of the next session start afresh. */
export function nextSession(ctx: ScenarioContext): void {
  const cs = asCs(ctx, 'the next session');
  for (const s of ['Authorized', 'EVConnectedPreSession', 'EnergyTransferStarted', 'StopAuthorized', 'EVDisconnected']) cs.reached.delete(s);
  // The last transaction is over (the memory keeps its id for reference) and no EV is plugged in.
  cs.memory.set('transactionEnded', true);
  cs.memory.set('chargingState', undefined);
  cs.memory.set('evConnected', false);
}

/** No AuthorizeRequest for the role's token after the one an earlier step received: the cache decided (C10.FR.04). */
export function noFurtherAuthorize(ctx: ScenarioContext, role: string): void {
  const cs = asCs(ctx, 'no further AuthorizeRequest');
  const first = cs.memory.get('request:Authorize') as { seq: number } | undefined;
  if (!first) throw new ScriptError('no AuthorizeRequest was received by an earlier step');
  const name = role === 'valid2' ? 'configured valid idToken2' : `configured ${role} idToken`;
  const idToken = String(resolvePlaceholder(cs, name));
  const again = cs.peer.inbox.entries.find((e) => e.seq > first.seq && e.action === 'Authorize' && (e.payload.idToken as Json | undefined)?.idToken === idToken);
  if (!again) return;
  throw new ExpectationFailed({
    expected: `no further AuthorizeRequest for ${idToken}: the CSMS accepted it in an AuthorizeResponse, so it is cached as Accepted and LocalPreAuthorize is true (C10.FR.04)`,
    actual: `one arrived: ${JSON.stringify(again.payload).slice(0, 200)}`,
    frame: again.frame,
    requirementIds: cs.requirementIds,
  });
}

/** The lifetime a case gives the cache: the configured transaction duration, at least the variable's 1 s minimum. */
const lifetimeS = (cs: CsContext): number => Math.max(1, Math.ceil(cs.settings.transactionDurationMs / 1000));

/** AuthCacheCtrlr.LifeTime = the configured transaction duration, for this case. */
export async function cacheLifetimeForCase(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the authorization cache lifetime');
  await variableForCase(cs, 'AuthCacheCtrlr.LifeTime', String(lifetimeS(cs)), false);
}

/** The cache lifetime (the station's own declared timer) passes, with a second for its clock granularity. */
export async function waitCacheLifetime(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'wait the authorization cache lifetime');
  await letProtocolTimePass(lifetimeS(cs) * 1000 + 1000, 'AuthCacheCtrlr.LifeTime (the configured transaction duration) must run out', (m) => cs.peer.note(m));
  cs.peer.inbox.advanceCursor();
}

/**
 * Bookkeeping after a case did the steps of reusable state Authorized itself (explicit checks on the AuthorizeRequest
 * and TransactionEvent): later states (EnergyTransferStarted) continue from there instead of presenting a token again,
 * and know the transaction the last TransactionEventRequest of the case named.
 */
export function countAsAuthorized(ctx: ScenarioContext): void {
  const cs = asCs(ctx, 'count as reusable state Authorized');
  const te = cs.memory.get('request:TransactionEvent') as { payload: Json } | undefined;
  if (te) {
    const info = (te.payload.transactionInfo ?? {}) as Json;
    if (typeof info.transactionId === 'string') cs.memory.set('transactionId', info.transactionId);
    cs.memory.set('transactionEnded', te.payload.eventType === 'Ended');
    cs.memory.set('chargingState', info.chargingState);
  }
  cs.reached.add('Authorized');
}

/** For the configured message timeout no TransactionEvent says the EV is charging (a token that may not start one). */
export async function noCharging(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'no charging');
  const within = cs.peer.timing.expectMs;
  let got;
  try {
    got = await cs.peer.expectRequest('TransactionEvent', {
      within,
      where: (p) => (p.transactionInfo as Json | undefined)?.chargingState === 'Charging',
      description: 'a TransactionEventRequest with chargingState Charging',
    });
  } catch (e) {
    if (e instanceof ExpectationFailed) {
      cs.peer.note(`no TransactionEventRequest with chargingState Charging within ${within} ms, as required`);
      return;
    }
    throw e;
  }
  throw new ExpectationFailed({
    expected: `no TransactionEventRequest with chargingState Charging within the configured message timeout (${(within / 1000).toFixed(1)} s)`,
    actual: `one arrived: ${JSON.stringify(got.payload).slice(0, 300)}`,
    frame: got.frame,
    requirementIds: cs.requirementIds,
  });
}

/**
 * Every configured EVSE's transaction reports its stop: one TransactionEventRequest per EVSE (a distinct transaction
 * each) with trigger StopAuthorized or eventType Ended, each checked against the table.
 */
export async function everyTransactionStops(ctx: ScenarioContext, rows: Rows | undefined): Promise<void> {
  const cs = asCs(ctx, 'every transaction stops');
  const seen = new Set<string>();
  for (let i = 0; i < cs.settings.evses.length; i++) {
    const entry = await cs.peer.expectRequest('TransactionEvent', {
      where: (p) => {
        const id = String((p.transactionInfo as Json | undefined)?.transactionId);
        return !seen.has(id) && (p.triggerReason === 'StopAuthorized' || p.eventType === 'Ended');
      },
      whereText: `the stop of a further transaction (${seen.size} of ${cs.settings.evses.length} seen)`,
      requirementIds: cs.requirementIds,
    });
    seen.add(String((entry.payload.transactionInfo as Json | undefined)?.transactionId));
    if (rows && rows.length > 0) check(cs, 'TransactionEventRequest', entry.payload, asRows(rows), entry.frame);
  }
}

/** Clean-up after sessions on every EVSE ended: each EV is unplugged and its connector reported Available. */
export async function unplugEveryEvse(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'unplug every EV');
  for (const evse of cs.settings.evses) {
    const connectorId = evse.connectors[0]?.id ?? 1;
    const key = `${evse.id}/${connectorId}`;
    await perform(cs, `unplug at EVSE ${key}`, (a) => a.plugOut(evse.id, connectorId));
    await cs.peer.expectRequest(['StatusNotification', 'NotifyEvent'], { where: (_p, e) => connectorOf(e) === key, description: `a status report for connector ${key}` });
  }
  await cs.peer.pingBarrier();
  cs.peer.inbox.advanceCursor();
}
