// The operations behind the station-side security steps (SUT = Charging Station, Part 6 block A): what the station
// presented at the WebSocket handshake. The test system's endpoint already refuses a wrong user or password; these
// steps say so in the case's own terms and check what the endpoint does not.
import { ExpectationFailed, PreconditionFailed } from '../../peer/errors.ts';
import type { ScenarioContext } from '../../states/context.ts';
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
