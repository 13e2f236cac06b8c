// Station SUT: a device-model variable set for one case and put back when the case ends, however it ended (one
// long-lived station runs every case in a row, so a case must not leave its configuration behind).
import { deviceModelName, explainName } from '../../config/device-model-names.ts';
import { PreconditionFailed, ScriptError } from '../../peer/errors.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { asCs } from '../roles.ts';

type Json = Record<string, unknown>;

const NOT_IMPLEMENTED = ['UnknownComponent', 'UnknownVariable', 'NotSupportedAttributeType'];

function split(name: string): [string, string] {
  const m = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)$/.exec(name);
  if (!m) throw new ScriptError(`"${name}" is not Component.Variable`);
  return [m[1] as string, m[2] as string];
}

async function read(cs: CsContext, name: string): Promise<{ status: string | undefined; value: string | undefined }> {
  const [component, variable] = split(name);
  const outcome = await cs.peer.callAndAwait('GetVariables', { getVariableData: [{ component: { name: component }, variable: { name: variable } }] });
  const r = ((outcome.payload as Json).getVariableResult as Json[] | undefined)?.[0];
  return { status: r?.attributeStatus as string | undefined, value: typeof r?.attributeValue === 'string' ? r.attributeValue : undefined };
}

async function write(cs: CsContext, name: string, value: string): Promise<string | undefined> {
  const [component, variable] = split(name);
  const outcome = await cs.peer.callAndAwait('SetVariables', { setVariableData: [{ component: { name: component }, variable: { name: variable }, attributeValue: value }] });
  return ((outcome.payload as Json).setVariableResult as Json[] | undefined)?.[0]?.attributeStatus as string | undefined;
}

/**
 * Sets `name` (Part 6 or device-model spelling) to `value` for this case; the value read before is written back in
 * the case's clean-up. `ifImplemented`: a station without the variable (or with it read-only at the wanted value)
 * keeps going with a note; otherwise a refusal makes the case INCONCLUSIVE.
 */
export async function setForCase(ctx: ScenarioContext, name: string, value: string, ifImplemented: boolean): Promise<void> {
  const cs = asCs(ctx, 'a Charging Station variable for this case');
  const dm = deviceModelName(name);
  let target = dm.name;
  let before = await read(cs, target);
  if (dm.reconciled && before.status !== undefined && NOT_IMPLEMENTED.includes(before.status)) {
    target = dm.reconciled.part6;
    before = await read(cs, target);
  }
  if (before.status !== 'Accepted') {
    if (ifImplemented && before.status !== undefined && NOT_IMPLEMENTED.includes(before.status)) {
      cs.peer.note(`${explainName(name)} is not implemented by the station (${before.status}); Part 6 sets it only if implemented`);
      cs.peer.inbox.advanceCursor();
      return;
    }
    throw new PreconditionFailed(`could not read ${explainName(name)} before the case (GetVariables answered ${String(before.status)})`);
  }
  if (before.value === value) {
    cs.peer.inbox.advanceCursor();
    return;
  }
  const status = await write(cs, target, value);
  if (status !== 'Accepted') {
    if (ifImplemented && status === 'Rejected') {
      cs.peer.note(`${explainName(name)} could not be set to "${value}" (Rejected; read-only?); Part 6 sets it only if writable`);
      cs.peer.inbox.advanceCursor();
      return;
    }
    throw new PreconditionFailed(`could not set ${explainName(name)} to "${value}" before the case (SetVariables answered ${String(status)})`);
  }
  const old = before.value ?? '';
  cs.cleanUp?.(`${target} back to "${old}"`, () => write(cs, target, old));
  cs.peer.inbox.advanceCursor();
}
