// The operations behind the step vocabulary, one function per step meaning. Steps pass their table rows verbatim.
import { randomInt } from 'node:crypto';
import { ActionFailed } from '../actions/types.ts';
import { PromptAdapter } from '../actions/prompt.ts';
import { ExpectationFailed, PreconditionFailed, ScriptError } from '../peer/errors.ts';
import { applyPayloadFields, parsePayloadFields } from '../peer/fields.ts';
import type { ExpectOptions, InboxEntry } from '../peer/inbox.ts';
import type { Reply, SentCall } from '../peer/peer.ts';
import type { TransportError } from '../transport/errors.ts';
import type { ProbeOutcome } from '../peer/handshake-probe.ts';
import { check, perform, resolvePlaceholder } from '../states/context.ts';
import type { CsmsContext, ScenarioContext } from '../states/context.ts';
import { connectedAndIdle, stopUntilIdle as stopSequence } from '../states/cs.ts';
import { connectedAndAccepted, reportAllConnectors, waitBootInterval as waitInterval } from '../states/csms.ts';
import { enterState as enter } from '../states/index.ts';
import { verifiedConnectedAndIdle } from '../states/cs-preconditions.ts';
import { asCs, asCsms } from './roles.ts';

type Json = Record<string, unknown>;
export type Rows = string[][];

const SUT_NAME = { ChargingStation: 'the Charging Station', CSMS: 'the CSMS' } as const;



/** "the Charging Station" / "the CSMS" in a step must name this case's SUT. */
export function checkSut(ctx: ScenarioContext, sut: string): void {
  if (SUT_NAME[ctx.role] !== sut) throw new ScriptError(`this case tests ${SUT_NAME[ctx.role]}, but the step speaks of ${sut}`);
}

export function asRows(rows: Rows | undefined): Array<[string, string]> {
  return (rows ?? []).map((r) => {
    if (r.length !== 2) throw new ScriptError(`table rows need two cells (field | value), got ${r.length}`);
    return [r[0] ?? '', r[1] ?? ''];
  });
}

// ----- preconditions and states --------------------------------------------------------------------------------------

/** A long-lived station (run-scoped endpoint) gets the verified precondition; a simulator started for the case is fresh. */
export function stationConnectedAndIdle(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the Charging Station is connected');
  const endpoint = cs.peer.runEndpoint;
  return endpoint ? verifiedConnectedAndIdle(cs, endpoint.facts) : connectedAndIdle(cs);
}

export async function testSystemConnected(ctx: ScenarioContext): Promise<void> {
  await asCsms(ctx, 'the test system is connected to the CSMS').peer.connect();
}

export const testSystemAccepted = (ctx: ScenarioContext): Promise<void> => connectedAndAccepted(asCsms(ctx, 'the test system is accepted'));

/** StopAuthorized, then EVConnectedPostSession / EVDisconnected / ParkingBayUnoccupied only while the transaction is open. */
export async function stopUntilIdle(ctx: ScenarioContext): Promise<void> {
  await stopSequence(asCs(ctx, 'stop the transaction'));
}

export const enterState = (ctx: ScenarioContext, name: string): Promise<void> => enter(ctx, name);

/** A configuration state of Part 6 ("OCPPCommCtrlr.OfflineThreshold is 300"), set with SetVariables; refusal -> INCONCLUSIVE. */
export async function stationVariableIs(ctx: ScenarioContext, path: string, value: string): Promise<void> {
  const cs = asCs(ctx, 'a Charging Station variable');
  const m = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)$/.exec(path);
  if (!m) throw new ScriptError(`"${path}" is not Component.Variable`);
  const outcome = await cs.peer.callAndAwait('SetVariables', {
    setVariableData: [{ component: { name: m[1] }, variable: { name: m[2] }, attributeValue: value }],
  });
  const status = (((outcome.payload as Json).setVariableResult as Json[] | undefined)?.[0] as Json | undefined)?.attributeStatus;
  if (status !== 'Accepted') throw new PreconditionFailed(`could not set ${path} to "${value}" before the case (SetVariables answered ${String(status)})`);
  cs.peer.inbox.advanceCursor();
}

// ----- SUT actions and operator triggers -------------------------------------------------------------------------------

export async function rebootStation(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the operator reboots the Charging Station');
  await perform(cs, 'reboot the Charging Station', (a) => a.reboot());
}

/** The operator makes the CSMS send a request; delivery runs in the background (its answer comes from our steps). */
export function operatorSends(ctx: ScenarioContext, action: string, rows?: Rows): void {
  const c = asCsms(ctx, 'the operator makes the CSMS send');
  const fields = parsePayloadFields(c.peer.version, `${action}Request`, rows ?? []);
  const payload = applyPayloadFields({}, fields, (n) => resolvePlaceholder(c, n));
  c.peer.inbox.advanceCursor();
  c.peer.note(`operator trigger: make the CSMS send ${action}Request (via ${c.triggers.kind})`, payload);
  // What the operator asked for, for steps that compare the CSMS's requests with it (e.g. a list sent in parts).
  c.memory.set(`operator:${action}`, payload);
  // The public trigger convention has no GetBaseReport helper: the operator gives the requestId in call/GetBaseReport.
  if (action === 'GetBaseReport' && payload.requestId === undefined) payload.requestId = randomInt(1, 2 ** 31 - 1);
  const work = c.triggers.send(action, payload);
  // A person makes the CSMS act: the wait for its request lasts as long as they may take (plus the usual deadline).
  if (c.triggers instanceof PromptAdapter) c.peer.awaitPersonUntil(Date.now() + c.triggers.timeoutMs, work);
  c.track(`operator trigger ${action}`, work);
}

export async function csmsPendingFirst(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'the CSMS answers Pending first');
  // Part 6 post-condition: the station ends Accepted. The CSMS's boot policy is a setting of this case only, so the
  // case's clean-up switches it back however the case ended (a long-lived CSMS would otherwise hold every later case
  // in Pending).
  c.cleanUp?.('the CSMS accepts BootNotificationRequests again (set-pending-boot pending=false)', () => c.triggers.helper('set-pending-boot', { pending: false }));
  try {
    await c.triggers.helper('set-pending-boot', { pending: true });
  } catch (e) {
    if (e instanceof ActionFailed) throw new PreconditionFailed(`could not make the CSMS answer Pending: ${e.message}`);
    throw e;
  }
}

// ----- messages of the SUT ---------------------------------------------------------------------------------------------

const CLOCK_DRIVEN = ['MeterValuePeriodic', 'MeterValueClock'];

/**
 * Periodic / clock-aligned TransactionEvents may come at any moment of a transaction; a step about some other
 * TransactionEvent (say, the Ended one after a reset) must not take one of them for its message.
 */
function skipClockDriven(action: string, rows: Rows | undefined): { where?: (p: Json) => boolean; whereText?: string } {
  if (action !== 'TransactionEvent') return {};
  const asksForOne = (rows ?? []).some((r) => r[0]?.trim() === 'triggerReason' && CLOCK_DRIVEN.some((t) => (r[1] ?? '').includes(t)));
  if (asksForOne) return {};
  return { where: (p) => !CLOCK_DRIVEN.includes(p.triggerReason as string), whereText: `triggerReason not ${CLOCK_DRIVEN.join(' / ')}` };
}

/**
 * How long to wait for a BootNotificationRequest. After a Pending/Rejected answer of ours the station retries once
 * the interval we gave has passed: that interval (from our answer) plus the time the SUT may take to react
 * (timeouts.defaultMs). Otherwise (a reboot) timeouts.bootMs.
 */
export function bootWait(ctx: ScenarioContext): number {
  const boots = (ctx.memory.get('requests:BootNotification') as InboxEntry[] | undefined) ?? [];
  const last = boots[boots.length - 1];
  const answer = last?.answer?.payload as Json | undefined;
  if (!last?.answer || answer?.status === 'Accepted' || typeof answer?.interval !== 'number') return ctx.peer.timing.bootMs;
  const intervalEndsIn = last.answer.at + answer.interval * 1000 - Date.now();
  return Math.max(0, intervalEndsIn) + ctx.peer.timing.expectMs;
}

/** The SUT sends a request; its fields are checked against the table. */
export async function sutSends(ctx: ScenarioContext, sut: string, action: string, rows?: Rows, select?: Partial<ExpectOptions>): Promise<void> {
  checkSut(ctx, sut);
  const entry = await ctx.peer.expectRequest(action, { ...(action === 'BootNotification' ? { within: bootWait(ctx) } : skipClockDriven(action, rows)), ...select });
  ctx.memory.set(`request:${action}`, entry);
  ctx.memory.set(`requests:${action}`, [...((ctx.memory.get(`requests:${action}`) as InboxEntry[] | undefined) ?? []), entry]);
  if (action === 'BootNotification') ctx.peer.inbox.cursor = Math.max(ctx.peer.inbox.cursor, entry.seq);
  if (rows && rows.length > 0) check(ctx, `${action}Request`, entry.payload, asRows(rows), entry.frame);
}

/** The test system answers the request a previous step received (default answer + the table's fields). */
export function testSystemResponds(ctx: ScenarioContext, action: string, rows?: Rows): void {
  const entry = ctx.memory.get(`request:${action}`) as InboxEntry | undefined;
  if (!entry) throw new ScriptError(`no ${action}Request was received by an earlier step, so there is nothing to answer`);
  const fields = parsePayloadFields(ctx.peer.version, `${action}Response`, rows ?? []);
  const def = ctx.peer.defaultReplyFor(entry);
  const base = 'payload' in def ? def.payload : {};
  const payload = applyPayloadFields(base, fields, (n) => resolvePlaceholder(ctx, n));
  const reply: Reply = { payload };
  ctx.memory.set(`reply:${action}`, { payload, at: Date.now() });
  ctx.peer.respond(entry, reply);
}

/** The test system sends a request built from the table (plus the station model's defaults when we are the station). */
export function testSystemSends(ctx: ScenarioContext, action: string, rows?: Rows): void {
  const fields = parsePayloadFields(ctx.peer.version, `${action}Request`, rows ?? []);
  const resolve = (n: string): unknown => resolvePlaceholder(ctx, n);
  ctx.peer.inbox.advanceCursor();
  let call: SentCall;
  if (ctx.role === 'CSMS') {
    const payload = applyPayloadFields(ctx.peer.template(action), fields, resolve);
    call = ctx.peer.sendRequest(action, payload);
  } else {
    const payload = applyPayloadFields({}, fields, resolve);
    call = ctx.peer.sendCall(action, payload);
  }
  ctx.memory.set(`sent:${action}`, call);
}

/** The SUT's answer to our last request of this action, checked against the table. */
export async function sutResponds(ctx: ScenarioContext, sut: string, action: string, rows?: Rows): Promise<void> {
  checkSut(ctx, sut);
  const call = ctx.peer.lastCall(action);
  const outcome = await ctx.peer.awaitAnswer(call);
  ctx.memory.set(`answer:${action}`, outcome.payload);
  if (action === 'BootNotification') ctx.memory.set('bootResponse', outcome.payload);
  if (rows && rows.length > 0) check(ctx, `${action}Response`, outcome.payload, asRows(rows), outcome.frame);
}

// ----- connectors ------------------------------------------------------------------------------------------------------

/** CSMS SUT: the test system reports every connector; the CSMS must answer each report. */
export async function testSystemReportsConnectors(ctx: ScenarioContext, status: string): Promise<void> {
  const c = asCsms(ctx, 'the test system reports its connectors');
  await reportAllConnectors(c, () => status);
}

// ----- reports ---------------------------------------------------------------------------------------------------------

/** CSMS SUT: every NotifyReportRequest the test system sent was answered (without CALLERROR). */
export async function csmsAcceptsReport(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'the CSMS accepts the report');
  // The report goes out right after our GetBaseReportResponse, as follow-up work of the station model.
  await c.peer.settleFollowUps();
  if (!c.peer.sent.some((s) => s.action === 'NotifyReport')) {
    throw new ExpectationFailed({ expected: 'the test system to have sent its report', actual: 'no NotifyReportRequest was sent (was the GetBaseReportRequest answered Accepted?)' });
  }
  for (const s of c.peer.sent.filter((x) => x.action === 'NotifyReport')) await c.peer.awaitAnswer(s, c.requirementIds);
}

// ----- CSMS SUT: connection-level steps ----------------------------------------------------------------------------------

export const waitBootInterval = (ctx: ScenarioContext): Promise<void> => waitInterval(asCsms(ctx, 'wait the boot interval'));

export async function restart(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'the test system restarts');
  await c.peer.disconnect();
  await c.peer.connect();
  c.peer.inbox.advanceCursor();
}

export async function openConnection(ctx: ScenarioContext, subprotocols: string[], only: boolean): Promise<void> {
  const c = asCsms(ctx, 'open a connection');
  if (c.peer.connected) await c.peer.disconnect();
  if (only) {
    c.memory.set('probe', { offered: subprotocols, outcome: await c.peer.probe(subprotocols) });
    return;
  }
  const outcome = await c.peer.tryConnect({ offerSubprotocols: subprotocols });
  c.memory.set('handshake', { offered: subprotocols, outcome });
}

function handshake(ctx: CsmsContext): { offered: string[]; outcome: { ok: true; facts: { chosenSubprotocol?: string } } | { ok: false; error: TransportError } } {
  const h = ctx.memory.get('handshake') as ReturnType<typeof handshake> | undefined;
  if (!h) throw new ScriptError('no connection attempt was made by an earlier step');
  return h;
}

/** Part 4: without a common subprotocol the CSMS refuses the upgrade, or completes it without one and closes at once. */
export function csmsRefusesConnection(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'the CSMS refuses the connection');
  const p = c.memory.get('probe') as { offered: string[]; outcome: ProbeOutcome } | undefined;
  if (!p) throw new ScriptError('no "offering only" connection attempt was made by an earlier step');
  const expected = `the CSMS to refuse a WebSocket upgrade offering only [${p.offered.join(', ')}]: a 101 without Sec-WebSocket-Protocol, followed at once by a close`;
  const o = p.outcome;
  if (o.kind === 'network') throw new PreconditionFailed(`the connection attempt failed before the CSMS could answer: ${o.message}`);
  // Part 4 (3.2): without a common subprotocol the CSMS completes the handshake without one and closes at once; an
  // HTTP error status is a refusal too, but not the one the specification requires.
  if (o.kind === 'http-status') {
    throw new ExpectationFailed({
      expected,
      actual: `it refused with HTTP ${o.status}; OCPP-J requires completing the upgrade without Sec-WebSocket-Protocol and then closing`,
      requirementIds: c.requirementIds,
    });
  }
  if (o.subprotocol !== undefined && o.subprotocol !== '') {
    throw new ExpectationFailed({ expected, actual: `it upgraded with Sec-WebSocket-Protocol "${o.subprotocol}"`, requirementIds: c.requirementIds });
  }
  if (o.closedWithin === undefined) {
    throw new ExpectationFailed({ expected, actual: 'it upgraded without a subprotocol and kept the connection open', requirementIds: c.requirementIds });
  }
}

export function csmsAcceptsConnection(ctx: ScenarioContext, subprotocol: string): void {
  const c = asCsms(ctx, 'the CSMS accepts the connection');
  const h = handshake(c);
  if (!h.outcome.ok) {
    throw new ExpectationFailed({
      expected: `the CSMS to accept a WebSocket upgrade offering [${h.offered.join(', ')}] with subprotocol ${subprotocol}`,
      actual: `it refused: ${h.outcome.error.message}`,
      requirementIds: c.requirementIds,
    });
  }
  if (h.outcome.facts.chosenSubprotocol !== subprotocol) {
    throw new ExpectationFailed({
      expected: `Sec-WebSocket-Protocol ${subprotocol}`,
      actual: `${h.outcome.facts.chosenSubprotocol ?? 'none'}`,
      requirementIds: c.requirementIds,
    });
  }
}
