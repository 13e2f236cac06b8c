// The operations behind the station-side reconnection steps (SUT = Charging Station, TC_B_57, Part 4 section 5.3):
// the test system as CSMS closes the connection and times the station's attempts at its handshake. The waits derive
// from the RetryBackOff* values the station declares (read with GetVariables), never from a fixed sleep.
import { ExpectationFailed, PreconditionFailed } from '../../peer/errors.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { asCs } from '../roles.ts';

type Json = Record<string, unknown>;

/**
 * What the test system's clock cannot tell apart: it times an attempt when the handshake arrives, not when the station's
 * timer fired, so a doubled wait may look this much shorter than twice the one before it.
 */
const MEASURE_ALLOWANCE_MS = 250;

async function declared(cs: CsContext, name: string): Promise<number> {
  const outcome = await cs.peer.callAndAwait('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name } }] });
  const r = ((outcome.payload as Json).getVariableResult as Json[] | undefined)?.[0];
  const value = Number(r?.attributeValue);
  if (r?.attributeStatus !== 'Accepted' || !Number.isInteger(value) || value < 0) {
    throw new PreconditionFailed(`the station does not declare OCPPCommCtrlr.${name} (GetVariables answered ${String(r?.attributeStatus)}${r?.attributeValue !== undefined ? ` "${String(r.attributeValue)}"` : ''}); Part 6 sets the reconnection back-off through it`);
  }
  return value;
}

/** A wait of `seconds` of the station's back-off plus the connect deadline (ms). */
function afterBackOff(cs: CsContext, seconds: number): number {
  return seconds * 1000 + cs.peer.timing.connectMs;
}

/** Reads the back-off the station declares now (after the case's configuration state). */
async function backOff(cs: CsContext): Promise<{ minimumS: number; rangeS: number }> {
  const known = cs.memory.get('backOff') as { minimumS: number; rangeS: number } | undefined;
  if (known) return known;
  const b = { minimumS: await declared(cs, 'RetryBackOffWaitMinimum'), rangeS: await declared(cs, 'RetryBackOffRandomRange') };
  cs.memory.set('backOff', b);
  cs.peer.note(`the station declares RetryBackOffWaitMinimum ${b.minimumS} s, RetryBackOffRandomRange ${b.rangeS} s`);
  cs.peer.inbox.advanceCursor();
  return b;
}

/**
 * Part 6 steps 1-3: the test system closes the connection and accepts the reconnection, whose attempt must come no
 * earlier than RetryBackOffWaitMinimum after the close began (waited for up to the minimum plus the random range plus
 * the connect deadline).
 */
export async function dropAndAcceptAfterMinimum(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'close the connection and time the reconnection');
  const { minimumS, rangeS } = await backOff(cs);
  const before = cs.peer.connectionsSoFar;
  const firstAttempt = cs.peer.attemptTimes.length;
  const closedAt = Date.now();
  await cs.peer.dropAndRefuse();
  cs.peer.acceptConnections();
  const within = afterBackOff(cs, minimumS + rangeS);
  await cs.peer.waitForConnection({ after: before, within, failure: 'expectation', what: `the Charging Station to reconnect within RetryBackOffWaitMinimum plus RetryBackOffRandomRange (${minimumS + rangeS} s) and the connect deadline` });
  const waited = (cs.peer.attemptTimes[firstAttempt] ?? Date.now()) - closedAt;
  cs.peer.note(`the station's first reconnection attempt came ${(waited / 1000).toFixed(3)} s after the test system closed the connection`);
  if (waited < minimumS * 1000) {
    throw new ExpectationFailed({
      expected: `the first reconnection attempt no earlier than RetryBackOffWaitMinimum (${minimumS} s) after the test system closed the connection`,
      actual: `it came after ${(waited / 1000).toFixed(3)} s`,
      requirementIds: cs.requirementIds,
    });
  }
}

/**
 * Part 6 steps 4-6: the test system closes the connection again and turns away the station's next attempt. The
 * station waits its back-off once more, so the attempt is waited for up to RetryBackOffWaitMinimum plus
 * RetryBackOffRandomRange plus the connect deadline (Part 6 validates this wait only through step 7).
 */
export async function dropAndRefuseNextAttempt(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'close the connection and turn away the next attempt');
  const { minimumS, rangeS } = await backOff(cs);
  // Whatever happens in the case, the station may connect again once it ends.
  cs.cleanUp?.('accept connections of the station again', async () => {
    cs.peer.acceptConnections();
    if (!cs.peer.connected) await cs.peer.waitForConnection({ after: cs.peer.connectionsSoFar, within: afterBackOff(cs, 2 * (minimumS + rangeS)) });
  });
  cs.memory.set('offline:connections', cs.peer.connectionsSoFar);
  await cs.peer.dropAndRefuse();
  cs.memory.set('offline:since', Date.now());
  const within = afterBackOff(cs, minimumS + rangeS);
  if (!(await cs.peer.waitForRefusedAttempt(within))) {
    throw new ExpectationFailed({
      expected: `a reconnection attempt within RetryBackOffWaitMinimum plus RetryBackOffRandomRange (${minimumS + rangeS} s) and the connect deadline after the test system closed the connection`,
      actual: `none came within ${(within / 1000).toFixed(1)} s`,
      requirementIds: cs.requirementIds,
    });
  }
  cs.peer.note(`the station's attempt ${(((cs.peer.refusedAttemptTimes[0] ?? Date.now()) - (cs.memory.get('offline:since') as number)) / 1000).toFixed(3)} s after the close was turned away`);
}

/**
 * Part 6 steps 7-8, after the connection was closed and one attempt refused: the next attempt is accepted, and it must
 * come no earlier than twice the wait before the refused attempt (less the measuring allowance).
 */
export async function acceptAfterDoubledWait(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'accept the reconnection after the doubled wait');
  const { minimumS, rangeS } = await backOff(cs);
  const since = cs.memory.require('offline:since', 'the connection must have been closed by an earlier step') as number;
  const before = cs.memory.require('offline:connections', 'the connection must have been closed by an earlier step') as number;
  const refusedAt = cs.peer.refusedAttemptTimes[0];
  if (refusedAt === undefined) throw new PreconditionFailed('no reconnection attempt was refused by an earlier step');
  const firstWait = refusedAt - since;
  cs.peer.acceptConnections();
  const within = afterBackOff(cs, (2 * firstWait) / 1000 + 2 * rangeS);
  await cs.peer.waitForConnection({ after: before, within, failure: 'expectation', what: `the Charging Station to reconnect after twice its last wait (${((2 * firstWait) / 1000).toFixed(1)} s)` });
  const next = cs.peer.attemptTimes.find((t) => t > refusedAt) ?? Date.now();
  const secondWait = next - refusedAt;
  cs.peer.note(`waits before the refused and the accepted attempt: ${(firstWait / 1000).toFixed(3)} s, ${(secondWait / 1000).toFixed(3)} s (RetryBackOffWaitMinimum ${minimumS} s)`);
  if (secondWait < 2 * firstWait - MEASURE_ALLOWANCE_MS) {
    throw new ExpectationFailed({
      expected: `the attempt after the refused one no earlier than twice the wait before it (2 x ${(firstWait / 1000).toFixed(3)} s, less ${MEASURE_ALLOWANCE_MS} ms of measuring allowance)`,
      actual: `it came ${(secondWait / 1000).toFixed(3)} s after the refused attempt`,
      requirementIds: cs.requirementIds,
    });
  }
}
