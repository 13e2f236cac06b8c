// General station-side (SUT = Charging Station) operations Part 6 uses in many blocks: present a configured token, a
// negative wait bounded by the configured message timeout, configuration "if implemented". One function per step.
import { deviceModelName, explainName } from '../../config/device-model-names.ts';
import { ExpectationFailed, PreconditionFailed, ScriptError } from '../../peer/errors.ts';
import { perform, resolvePlaceholder } from '../../states/context.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { asCs } from '../roles.ts';

type Json = Record<string, unknown>;

const TOKEN_ROLES = ['valid', 'valid2', 'invalid', 'blocked', 'expired', 'masterPass'] as const;

/** The driver presents the configured token of this role (<configured valid idToken>, ...) at the configured EVSE. */
export async function presentConfiguredToken(ctx: ScenarioContext, role: string): Promise<void> {
  const cs = asCs(ctx, 'present a configured idToken');
  if (!(TOKEN_ROLES as readonly string[]).includes(role)) throw new ScriptError(`"${role}" is not a configured idToken role (${TOKEN_ROLES.join(', ')})`);
  const name = role === 'valid2' ? 'configured valid idToken2' : `configured ${role} idToken`;
  const idToken = String(resolvePlaceholder(cs, name));
  const type = String(resolvePlaceholder(cs, `${name} type`));
  await perform(cs, `present the ${role} idToken ${idToken}`, (a) => a.presentIdToken(idToken, type, cs.settings.evseId));
}

/**
 * "The Charging Station sends no X": waits the configured message timeout (the deadline the SUT has for any
 * message) and fails if an X arrives. Only what arrives after the previous step counts.
 */
export async function sendsNothing(ctx: ScenarioContext, action: string): Promise<void> {
  const cs = asCs(ctx, 'the Charging Station sends nothing');
  const within = cs.peer.timing.expectMs;
  let got;
  try {
    got = await cs.peer.expectRequest(action, { within, description: `no ${action}Request` });
  } catch (e) {
    if (e instanceof ExpectationFailed) {
      cs.peer.note(`no ${action}Request within the configured message timeout (${within} ms), as required`);
      return;
    }
    throw e;
  }
  throw new ExpectationFailed({
    expected: `no ${action}Request within the configured message timeout (${(within / 1000).toFixed(1)} s)`,
    actual: `one arrived: ${JSON.stringify(got.payload).slice(0, 300)}`,
    frame: got.frame,
    requirementIds: cs.requirementIds,
  });
}

const NOT_IMPLEMENTED = ['UnknownComponent', 'UnknownVariable', 'NotSupportedAttributeType'];

async function setVariable(cs: CsContext, name: string, value: string): Promise<string | undefined> {
  const m = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)$/.exec(name);
  if (!m) throw new ScriptError(`"${name}" is not Component.Variable`);
  const outcome = await cs.peer.callAndAwait('SetVariables', { setVariableData: [{ component: { name: m[1] }, variable: { name: m[2] }, attributeValue: value }] });
  const result = ((outcome.payload as Json).setVariableResult as Json[] | undefined)?.[0];
  return result?.attributeStatus as string | undefined;
}

/**
 * Part 6's "if implemented" configuration: set the variable (in the device model's spelling, see
 * src/config/device-model-names.ts); a station that does not implement it (UnknownComponent / UnknownVariable /
 * NotSupportedAttributeType) makes the step a no-op with a note; a refusal of an implemented variable is INCONCLUSIVE.
 */
export async function setIfImplemented(ctx: ScenarioContext, name: string, value: string): Promise<void> {
  const cs = asCs(ctx, 'configure a variable if implemented');
  const dm = deviceModelName(name);
  let status = await setVariable(cs, dm.name, value);
  // A station that follows Part 6's spelling rather than the device model's.
  if (dm.reconciled && status !== undefined && NOT_IMPLEMENTED.includes(status)) status = await setVariable(cs, dm.reconciled.part6, value);
  if (status === 'Accepted' || status === 'RebootRequired') {
    cs.peer.inbox.advanceCursor();
    return;
  }
  if (status !== undefined && NOT_IMPLEMENTED.includes(status)) {
    cs.peer.note(`${explainName(name)} is not implemented by the station (${status}); Part 6 sets it only if implemented, so nothing changes`);
    cs.peer.inbox.advanceCursor();
    return;
  }
  throw new PreconditionFailed(`could not set ${explainName(name)} to "${value}" before the case (SetVariables answered ${String(status)})`);
}
