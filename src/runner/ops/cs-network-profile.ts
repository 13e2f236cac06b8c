// The operations behind the station-side network connection profile steps (SUT = Charging Station, block B:
// SetNetworkProfile). Part 6 fills connectionData with <Configured ...> values; the harness takes them from the
// connection the station uses now, so no extra configuration is needed.
import { ExpectationFailed, PreconditionFailed } from '../../peer/errors.ts';
import { check } from '../../states/context.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { asCs } from '../roles.ts';

type Json = Record<string, unknown>;

/** The CSMS URL the station connects to, without its identity (the station appends that itself). */
function csmsUrlInUse(cs: CsContext): string {
  const facts = cs.peer.connectionFacts;
  if (!facts) throw new PreconditionFailed('the station is not connected, so its connection data is unknown');
  const base = cs.peer.endpointUrl.replace(/\/$/, '');
  const path = new URL(facts.url, `${base}/`).pathname.split('/').filter((s) => s !== '');
  path.pop(); // the identity
  return path.length > 0 ? `${base}/${path.join('/')}` : base;
}

async function messageTimeoutInUse(cs: CsContext): Promise<number> {
  const outcome = await cs.peer.callAndAwait('GetVariables', {
    getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageTimeout', instance: 'Default' } }],
  });
  const r = ((outcome.payload as Json).getVariableResult as Json[] | undefined)?.[0];
  const value = Number(r?.attributeValue);
  // Part 6 names a configured value; a station that does not report one gets OCPP-J's usual 30 s.
  return r?.attributeStatus === 'Accepted' && Number.isInteger(value) && value > 0 ? value : 30;
}

/**
 * Remembers <configured ocppCsmsUrl>, <configured securityProfile>, <configured messageTimeout> and
 * <configured ocppInterface> from the connection the station uses now.
 */
export async function rememberConnectionData(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'note the connection data in use');
  if (cs.memory.has('configured ocppCsmsUrl')) return;
  const url = csmsUrlInUse(cs);
  const facts = cs.peer.connectionFacts;
  const securityProfile = facts?.securityProfile ?? (url.startsWith('wss:') ? 2 : 1);
  const messageTimeout = await messageTimeoutInUse(cs);
  // Decision: Part 6 does not say which interface; the first wired one is what a bench station most often uses.
  const ocppInterface = 'Wired0';
  cs.memory.set('configured ocppCsmsUrl', url);
  cs.memory.set('configured securityProfile', securityProfile);
  cs.memory.set('configured messageTimeout', messageTimeout);
  cs.memory.set('configured ocppInterface', ocppInterface);
  cs.peer.note(`connection data in use: ${url}, security profile ${securityProfile}, message timeout ${messageTimeout} s, interface ${ocppInterface}`);
  cs.peer.inbox.advanceCursor();
}

async function readPriority(cs: CsContext): Promise<string> {
  const outcome = await cs.peer.callAndAwait('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' } }] });
  const r = ((outcome.payload as Json).getVariableResult as Json[] | undefined)?.[0];
  if (r?.attributeStatus !== 'Accepted' || typeof r.attributeValue !== 'string') {
    throw new PreconditionFailed(`OCPPCommCtrlr.NetworkConfigurationPriority could not be read (GetVariables answered ${String(r?.attributeStatus)})`);
  }
  return r.attributeValue;
}

/**
 * Prepares a second connection profile: <configured configurationSlot> is slot 1, or slot 2 when 1 is the slot in use;
 * <new ocppCsmsUrl> is the endpoint in use with one more path segment (the station appends its identity), so the
 * test system sees which profile the station connects with; <new NetworkConfigurationPriority> puts the new slot
 * first. The clean-up puts NetworkConfigurationPriority back (it takes effect at the station's next reboot).
 */
export async function prepareSecondProfile(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'prepare a second connection profile');
  await rememberConnectionData(cs);
  const old = await readPriority(cs);
  const inUse = Number(old.split(',')[0]?.trim());
  const slot = inUse === 1 ? 2 : 1;
  const url = `${String(cs.memory.get('configured ocppCsmsUrl'))}/profile${slot}`;
  cs.memory.set('configured configurationSlot', slot);
  cs.memory.set('new ocppCsmsUrl', url);
  cs.memory.set('new NetworkConfigurationPriority', `${slot},${old}`);
  cs.cleanUp?.(`NetworkConfigurationPriority back to "${old}"`, async () => {
    if (!cs.peer.connected) await cs.peer.waitForConnection({ after: cs.peer.connectionsSoFar, within: cs.peer.timing.connectMs });
    await cs.peer.callAndAwait('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' }, attributeValue: old }] });
  });
  cs.peer.note(`second connection profile: slot ${slot}, ${url}; priority "${old}" becomes "${slot},${old}"`);
}

/**
 * Part 6 steps 5-6: the OnIdle reset is sent when the station answered RebootRequired, or when it answered Accepted
 * but does not reboot by itself within the boot deadline; it must be Accepted.
 */
export async function resetIfNeeded(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'reset if the station needs it');
  const answer = cs.memory.get('answer:SetVariables') as Json | undefined;
  const status = (answer?.setVariableResult as Json[] | undefined)?.[0]?.attributeStatus;
  if (status !== 'RebootRequired') {
    const own = await cs.peer.expectRequest('BootNotification', { within: cs.peer.timing.bootMs, description: 'a reboot of its own' }).catch((e: unknown) => {
      if (e instanceof ExpectationFailed) return undefined;
      throw e;
    });
    if (own) {
      // The boot belongs to the next step (Booted): leave it to that step.
      own.consumed = false;
      cs.peer.inbox.cursor = own.seq - 1;
      cs.peer.note('the station rebooted by itself; no ResetRequest needed');
      return;
    }
  }
  const reset = await cs.peer.callAndAwait('Reset', { type: 'OnIdle' });
  check(cs, 'ResetResponse', reset.payload, [['status', 'Accepted']], reset.frame);
}

/** The URL path of <new ocppCsmsUrl> (where the station appends its identity). */
export function newProfilePath(cs: CsContext): string {
  return new URL(String(cs.memory.require('new ocppCsmsUrl', 'the second profile must be prepared by an earlier step'))).pathname.replace(/\/$/, '');
}

/** The endpoint path (without the identity) of the station's current connection. */
function connectedPath(cs: CsContext): string {
  const facts = cs.peer.connectionFacts;
  return facts ? new URL(facts.url, 'ws://x').pathname.split('/').slice(0, -1).join('/') : '(no connection)';
}

/**
 * TC_B_46, TC_B_47, TC_B_49: the station's current connection came with its previous connection profile, that is
 * anywhere but the new profile. Decision: not the URL the station used when the case started, since a case before may
 * have left it connected through a profile its NetworkConfigurationPriority no longer puts first; it falls back by
 * that priority. `expected`: what the case expected, for the failure.
 */
export function connectedWithPreviousProfile(cs: CsContext, expected = 'the station connected with its previous connection profile'): string {
  const dir = connectedPath(cs);
  if (!cs.peer.connectionFacts || dir === newProfilePath(cs)) {
    throw new ExpectationFailed({
      expected: `${expected} (any path but the new profile's)`,
      actual: cs.peer.connectionFacts ? `it connected with the new connection profile (${dir}/<identity>)` : 'it is not connected',
      requirementIds: cs.requirementIds,
    });
  }
  return dir;
}

/** The station's current connection was opened with the URL of the new profile (<new ocppCsmsUrl>/<identity>). */
export function connectedWithNewProfile(ctx: ScenarioContext): void {
  const cs = asCs(ctx, 'the station uses the new connection profile');
  const expected = newProfilePath(cs);
  const dir = connectedPath(cs);
  if (dir !== expected) {
    throw new ExpectationFailed({
      expected: `the station connected with the new connection profile (path ${expected}/<identity>)`,
      actual: `it connected to ${dir}/<identity>`,
      requirementIds: cs.requirementIds,
    });
  }
}

/**
 * TC_A_22: connection data one security profile below the one in use, for the slot not in use: <lower securityProfile>,
 * <lower ocppCsmsUrl> (the scheme that profile needs, one more path segment), <configured configurationSlot>. The
 * test system serves nothing there: a correct station refuses the profile, so it never connects with it.
 */
export async function prepareLowerProfile(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'prepare a connection profile with a lower security profile');
  await rememberConnectionData(cs);
  const sp = Number(cs.memory.get('configured securityProfile'));
  if (!(sp >= 1)) throw new PreconditionFailed(`security profile ${sp} has no lower profile to offer`);
  const lower = sp - 1;
  const inUse = Number((await readPriority(cs)).split(',')[0]?.trim());
  const slot = inUse === 1 ? 2 : 1;
  const url = new URL(String(cs.memory.get('configured ocppCsmsUrl')));
  const scheme = lower >= 2 ? 'wss:' : 'ws:';
  const lowerUrl = `${scheme}//${url.host}${url.pathname.replace(/\/$/, '')}/profile-sp${lower}`;
  cs.memory.set('configured configurationSlot', slot);
  cs.memory.set('lower securityProfile', lower);
  cs.memory.set('lower ocppCsmsUrl', lowerUrl);
  cs.peer.note(`lower connection profile: slot ${slot}, security profile ${lower}, ${lowerUrl}`);
}

/** TC_B_46: from now on every connection attempt with the new profile is turned away at the handshake. */
export function refuseNewProfile(ctx: ScenarioContext): void {
  const cs = asCs(ctx, 'refuse the new connection profile');
  const path = newProfilePath(cs);
  cs.memory.set('fallback:connections', cs.peer.connectionsSoFar);
  cs.peer.refuseAtPath(path);
  // Whatever the verdict, the station may use the new profile again once the case ends (its clean-up needs it).
  cs.cleanUp?.('accept the new connection profile again', () => {
    cs.peer.refuseAtPath(path, 0);
    return Promise.resolve();
  });
  cs.peer.note(`connection attempts at ${path}/<identity> (the new profile) will be turned away`);
}

/**
 * TC_B_46 steps 7-8: the station tries the new profile exactly NetworkProfileConnectionAttempts times (the value set
 * for this case), then connects with the profile it used before. The station's back-off is its own, so the wait is
 * bounded by the deadline for a SUT that lost its connection to come back.
 */
export async function fallsBackAfterAttempts(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'fall back to the previous connection profile');
  const attempts = Number(cs.memory.require('value:OCPPCommCtrlr.NetworkProfileConnectionAttempts', 'set OCPPCommCtrlr.NetworkProfileConnectionAttempts for this case first'));
  const before = cs.memory.require('fallback:connections', 'the new profile must be refused by an earlier step') as number;
  const path = newProfilePath(cs);
  // The station's back-off is its own: after each refused attempt it has the deadline for a SUT that lost its
  // connection to come back. A station that tries the new profile once more than it may has not fallen back.
  const within = Math.max(cs.peer.timing.connectMs, cs.peer.timing.sutReturnMs ?? 0);
  const connected = cs.peer.waitForConnection({ after: before, within: within * (attempts + 2), failure: 'expectation', what: 'the Charging Station to connect with its previous connection profile after the new one failed' });
  connected.catch(() => undefined);
  for (let seen = cs.peer.attemptsAt(path).length; ; seen = cs.peer.attemptsAt(path).length) {
    if (seen > attempts) {
      cs.peer.refuseAtPath(path, 0);
      throw new ExpectationFailed({
        expected: `${attempts} connection attempt(s) with the new profile (NetworkProfileConnectionAttempts), then one with the previous profile`,
        actual: `attempt ${attempts + 1} came with the new profile again (${path}/<identity>)`,
        requirementIds: cs.requirementIds,
      });
    }
    const next = await Promise.race([connected.then(() => 'connected' as const), cs.peer.waitForAttemptsAt(path, seen, within).then((more) => (more ? ('attempt' as const) : ('timeout' as const)))]);
    if (next === 'connected') break;
    if (next === 'timeout') {
      throw new ExpectationFailed({ expected: `the station to connect with its previous connection profile within ${(within / 1000).toFixed(1)} s of its last attempt`, actual: `after ${seen} attempt(s) with the new profile it neither tried again nor connected`, requirementIds: cs.requirementIds });
    }
  }
  await connected;
  const tried = cs.peer.attemptsAt(path).length;
  const dir = connectedWithPreviousProfile(cs);
  if (tried !== attempts) {
    throw new ExpectationFailed({
      expected: `${attempts} connection attempt(s) with the new profile (NetworkProfileConnectionAttempts) before the previous one was used`,
      actual: `${tried} attempt(s) at ${path}/<identity>`,
      requirementIds: cs.requirementIds,
    });
  }
  cs.peer.note(`the station tried the new profile ${tried} time(s), then connected with the previous one (${dir}/<identity>)`);
}
