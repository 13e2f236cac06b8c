// The operations behind the station-side security steps (SUT = Charging Station, Part 6 block A): what the station
// presented at the WebSocket handshake. The test system's endpoint already refuses a wrong user or password; these
// steps say so in the case's own terms and check what the endpoint does not.
import { randomBytes } from 'node:crypto';
import { ExpectationFailed, PreconditionFailed } from '../../peer/errors.ts';
import { check } from '../../states/context.ts';
import type { ScenarioContext } from '../../states/context.ts';
import { afterReboot } from '../../states/cs.ts';
import { explainRefusals } from '../../transport/refusal-reason.ts';
import { asCs } from '../roles.ts';

// identifierString: letters, digits and * - _ = : + | @ .
const IDENTIFIER_STRING = /^[A-Za-z0-9*\-_=:+|@.]*$/;

/** The current connection was opened with Basic Auth: user = the identity of the URL, the configured password. */
export function basicAuthUsed(ctx: ScenarioContext): void {
  const cs = asCs(ctx, 'the station authenticated with Basic Auth');
  const facts = cs.peer.connectionFacts;
  if (!facts) throw new ExpectationFailed({ expected: 'a connection of the station', actual: 'none', requirementIds: cs.requirementIds });
  const password = cs.peer.basicAuthPassword;
  if (password === null) throw new PreconditionFailed('this run uses no Basic Auth password (security profile 3 or 0)');
  const problems: string[] = [];
  if (facts.authUser === undefined) problems.push('the upgrade request had no Basic Auth user');
  else if (facts.authUser !== facts.identity) problems.push(`the Basic Auth user "${facts.authUser}" is not the identity "${facts.identity}" of the URL`);
  if (facts.authOk !== true) problems.push('the password was not the configured BasicAuthPassword');
  if (password.length < 16 || password.length > 40) problems.push(`the BasicAuthPassword has ${password.length} characters (16 to 40 allowed)`);
  if (!IDENTIFIER_STRING.test(password)) problems.push('the BasicAuthPassword has characters outside identifierString');
  if (problems.length > 0) {
    throw new ExpectationFailed({
      expected: 'an upgrade request with Authorization: Basic <identity>:<configured BasicAuthPassword> (16 to 40 identifierString characters)',
      actual: problems.join('; '),
      requirementIds: cs.requirementIds,
    });
  }
  cs.peer.note(`Basic Auth at the handshake: user ${facts.authUser ?? '?'}, password accepted`);
}

// ----- TC_A_09_CS: a new BasicAuthPassword ----------------------------------------------------------------------------

/** Letters and digits only: valid identifierString, 24 characters (16 to 40 allowed). */
function newPassword(): string {
  return `Pw${randomBytes(16).toString('hex')}`.slice(0, 24);
}

/**
 * <new BasicAuthPassword> for the station. From now on the test system's endpoint accepts only it (the open
 * connection stays); when the case ends the station gets its configured password back and the endpoint expects that
 * again, so the next case finds the station as the run configured it.
 */
export function chooseNewPassword(ctx: ScenarioContext): void {
  const cs = asCs(ctx, 'choose a new BasicAuthPassword');
  const old = cs.peer.basicAuthPassword;
  if (old === null) throw new PreconditionFailed('this run uses no Basic Auth password (security profile 3 or 0)');
  const password = newPassword();
  cs.memory.set('new BasicAuthPassword', password);
  cs.memory.set('password:connections', cs.peer.connectionsSoFar);
  cs.memory.set('password:refusals', cs.peer.refusalsSoFar);
  cs.cleanUp?.('the configured BasicAuthPassword back on the station', async () => {
    cs.peer.expectPassword();
    const within = Math.max(cs.peer.timing.connectMs, cs.peer.timing.sutReturnMs ?? 0);
    if (!cs.peer.connected) await cs.peer.waitForConnection({ after: cs.peer.connectionsSoFar, within });
    const before = cs.peer.connectionsSoFar;
    await cs.peer.callAndAwait('SetVariables', { setVariableData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: old }] });
    // A station that took the new password reconnects with the old one now; one that never took it stays connected.
    const reconnected = await cs.peer.waitForClose(cs.peer.timing.expectMs, 'the station to reconnect with its configured password').then(() => true, () => false);
    if (reconnected) await cs.peer.waitForConnection({ after: before, within });
  });
  cs.peer.expectPassword(password);
  cs.peer.note(`new BasicAuthPassword chosen (${password.length} characters); the endpoint accepts only it from now on`);
}

/**
 * Part 6 steps 3-8: the station connects again, with its identity as user and the new password (the endpoint refuses
 * any other). After RebootRequired the test system resets it (OnIdle) and it must boot and report its connectors.
 */
export async function reconnectsWithNewPassword(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the station reconnects with the new BasicAuthPassword');
  const after = Number(cs.memory.require('password:connections', 'a new BasicAuthPassword must be chosen by an earlier step'));
  const answer = cs.memory.get('answer:SetVariables') as Record<string, unknown> | undefined;
  const status = ((answer?.setVariableResult as Array<Record<string, unknown>> | undefined)?.[0])?.attributeStatus;
  if (status === 'RebootRequired') {
    const reset = await cs.peer.callAndAwait('Reset', { type: 'OnIdle' });
    check(cs, 'ResetResponse', reset.payload, [['status', 'Accepted']], reset.frame);
  }
  cs.peer.inbox.advanceCursor();
  // The first attempt decides: the endpoint refuses any password but the new one.
  const within = Math.max(cs.peer.timing.connectMs, cs.peer.timing.sutReturnMs ?? 0);
  const attempt = await cs.peer.nextAttempt({ refusals: Number(cs.memory.get('password:refusals') ?? 0), connections: after, within });
  if (attempt.kind !== 'connected') {
    throw new ExpectationFailed({
      expected: `a connection of the station with the new BasicAuthPassword within ${(within / 1000).toFixed(1)} s`,
      actual: attempt.kind === 'none' ? 'no connection attempt came' : explainRefusals([attempt.refusal]) ?? attempt.refusal.reason,
      requirementIds: cs.requirementIds,
    });
  }
  basicAuthUsed(cs);
  if (status === 'RebootRequired') await afterReboot(cs, { bootReason: undefined, statusOf: () => 'Available', securityEvent: false });
}
