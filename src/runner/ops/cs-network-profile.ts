// The operations behind the station-side network connection profile steps (SUT = Charging Station, block B:
// SetNetworkProfile). Part 6 fills connectionData with <Configured ...> values; the harness takes them from the
// connection the station uses now, so no extra configuration is needed.
import { PreconditionFailed } from '../../peer/errors.ts';
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
