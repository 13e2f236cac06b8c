// The operations behind TC_B_49_CS (SUT = Charging Station, B10.FR.07): the new connection profile fails
// NetworkProfileConnectionAttempts times, the station falls back to the previous one, that attempt is turned away
// too, and the station keeps trying on its back-off until the previous profile lets it in. The test system tells the
// profiles apart by URL path (as for TC_B_46); every wait derives from the back-off the station declares.
import { ExpectationFailed } from '../../peer/errors.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { asCs } from '../roles.ts';
import { connectedWithPreviousProfile, newProfilePath, refuseNewProfile } from './cs-network-profile.ts';

type Json = Record<string, unknown>;
type BackOff = { minimumS: number; rangeS: number };

/** The previous profile: wherever the station goes that is not the new profile ('*', every other path; see connectedWithPreviousProfile). */
const OTHER_PATHS = '*';
const previousPath = (): string => OTHER_PATHS;

/** An OCPPCommCtrlr variable the station declares, as a whole number; undefined where it does not declare it. */
async function declared(cs: CsContext, name: string): Promise<number | undefined> {
  const outcome = await cs.peer.callAndAwait('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name } }] });
  const r = ((outcome.payload as Json).getVariableResult as Json[] | undefined)?.[0];
  const value = Number(r?.attributeValue);
  return r?.attributeStatus === 'Accepted' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/**
 * How long one attempt may take to come: the station's back-off (RetryBackOffWaitMinimum plus RetryBackOffRandomRange,
 * not doubled: the case set RetryBackOffRepeatTimes to 0) plus the connect deadline; without a declared back-off, the
 * deadline for a SUT that lost its connection to come back.
 */
function perAttemptMs(cs: CsContext): number {
  const b = cs.memory.get('fallback:backOff') as BackOff | undefined;
  const floor = Math.max(cs.peer.timing.connectMs, cs.peer.timing.sutReturnMs ?? 0);
  return b ? Math.max(floor, (b.minimumS + b.rangeS) * 1000 + cs.peer.timing.connectMs) : floor;
}

/**
 * A failed check lets the station in with either profile at once: the clean-up needs it connected, and a station that
 * never falls back would otherwise be turned away until every clean-up deadline has passed.
 */
async function lettingInOnFailure(cs: CsContext, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (e) {
    cs.peer.refuseAtPath(newProfilePath(cs), 0);
    cs.peer.refuseAtPath(previousPath(), 0);
    throw e;
  }
}

/**
 * Part 6 steps 8 and 10, set up before the reset: every attempt with the new profile and the first one with the
 * previous profile are turned away. The back-off the station declares is read now, while it is connected.
 */
export async function refuseNewAndFirstPrevious(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'turn away the new profile and the first attempt with the previous one');
  const minimumS = await declared(cs, 'RetryBackOffWaitMinimum');
  const rangeS = await declared(cs, 'RetryBackOffRandomRange');
  if (minimumS !== undefined) cs.memory.set('fallback:backOff', { minimumS, rangeS: rangeS ?? 0 } satisfies BackOff);
  cs.peer.note(minimumS !== undefined ? `the station declares RetryBackOffWaitMinimum ${minimumS} s, RetryBackOffRandomRange ${rangeS ?? 0} s` : 'the station declares no RetryBackOffWaitMinimum: its waits are not timed');
  cs.peer.inbox.advanceCursor();
  refuseNewProfile(cs);
  const previous = previousPath();
  cs.peer.refuseAtPath(previous, 1);
  cs.cleanUp?.('accept the previous connection profile again', () => {
    cs.peer.refuseAtPath(previous, 0);
    return Promise.resolve();
  });
  cs.peer.note('the first connection attempt elsewhere than the new profile (with the previous profile) will be turned away');
}

/**
 * Part 6 steps 7-10: after the reset the station tries the new profile exactly NetworkProfileConnectionAttempts times
 * (the value set for this case), then the previous one (turned away).
 */
export async function triesNewThenPrevious(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'try the new profile, then the previous one');
  await lettingInOnFailure(cs, () => triesNewThenPreviousIn(cs));
}

async function triesNewThenPreviousIn(cs: CsContext): Promise<void> {
  const attempts = Number(cs.memory.require('value:OCPPCommCtrlr.NetworkProfileConnectionAttempts', 'set OCPPCommCtrlr.NetworkProfileConnectionAttempts for this case first'));
  const before = cs.memory.require('fallback:connections', 'the new profile must be refused by an earlier step') as number;
  const [fresh, previous] = [newProfilePath(cs), previousPath()];
  const within = perAttemptMs(cs);
  for (;;) {
    const [seenNew, seenPrevious] = [cs.peer.attemptsAt(fresh).length, cs.peer.attemptsAt(previous).length];
    if (seenPrevious > 0) break;
    if (cs.peer.connectionsSoFar > before) {
      throw new ExpectationFailed({ expected: 'the station to try the previous connection profile once the new one failed', actual: `it connected to ${cs.peer.connectionFacts?.url ?? '(unknown)'} first`, requirementIds: cs.requirementIds });
    }
    if (seenNew > attempts) {
      throw new ExpectationFailed({
        expected: `${attempts} connection attempt(s) with the new profile (NetworkProfileConnectionAttempts), then one with the previous profile`,
        actual: `attempt ${seenNew} came with the new profile again (${fresh}/<identity>)`,
        requirementIds: cs.requirementIds,
      });
    }
    const more = await Promise.race([cs.peer.waitForAttemptsAt(fresh, seenNew, within), cs.peer.waitForAttemptsAt(previous, seenPrevious, within)]);
    if (!more) {
      throw new ExpectationFailed({ expected: `the station's next connection attempt within ${(within / 1000).toFixed(1)} s (its back-off and the connect deadline)`, actual: `after ${seenNew} attempt(s) with the new profile none came`, requirementIds: cs.requirementIds });
    }
  }
  const firstPrevious = cs.peer.attemptsAt(previous)[0] ?? Date.now();
  const tried = cs.peer.attemptsAt(fresh).filter((t) => t <= firstPrevious).length;
  if (tried !== attempts) {
    throw new ExpectationFailed({
      expected: `${attempts} connection attempt(s) with the new profile (NetworkProfileConnectionAttempts) before the previous one was tried`,
      actual: `${tried} attempt(s) at ${fresh}/<identity>`,
      requirementIds: cs.requirementIds,
    });
  }
  cs.peer.note(`the station tried the new profile ${tried} time(s), then the previous one, which was turned away`);
}

/**
 * Part 6 steps 11-12: the station waits its RetryBackOffWaitMinimum after the turned-away attempt, tries again, and
 * connects with the previous profile. Attempts with the new profile in between (a station that goes round the whole
 * NetworkConfigurationPriority again) stay turned away: the one accepted is its next one with the previous profile.
 */
export async function reconnectsWithPrevious(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'reconnect with the previous profile');
  await lettingInOnFailure(cs, () => reconnectsWithPreviousIn(cs));
}

async function reconnectsWithPreviousIn(cs: CsContext): Promise<void> {
  const attempts = Number(cs.memory.require('value:OCPPCommCtrlr.NetworkProfileConnectionAttempts', 'set OCPPCommCtrlr.NetworkProfileConnectionAttempts for this case first'));
  const before = cs.memory.require('fallback:connections', 'the new profile must be refused by an earlier step') as number;
  const previous = previousPath();
  const refusedAt = cs.peer.attemptsAt(previous)[0] ?? Date.now();
  // Up to one round of the priority list (the new profile's attempts, then the previous one), each on the back-off.
  const within = perAttemptMs(cs) * (attempts + 2);
  await cs.peer.waitForConnection({ after: before, within, failure: 'expectation', what: 'the Charging Station to connect with its previous connection profile' });
  const b = cs.memory.get('fallback:backOff') as BackOff | undefined;
  const next = cs.peer.attemptTimes.find((t) => t > refusedAt) ?? Date.now();
  const waited = next - refusedAt;
  cs.peer.note(`the station's next attempt came ${(waited / 1000).toFixed(3)} s after the turned-away one with the previous profile`);
  if (b && waited < b.minimumS * 1000) {
    throw new ExpectationFailed({
      expected: `the next attempt no earlier than RetryBackOffWaitMinimum (${b.minimumS} s) after the turned-away one`,
      actual: `it came after ${(waited / 1000).toFixed(3)} s`,
      requirementIds: cs.requirementIds,
    });
  }
  const dir = connectedWithPreviousProfile(cs);
  cs.peer.note(`the station connected with its previous connection profile (${dir}/<identity>)`);
}
