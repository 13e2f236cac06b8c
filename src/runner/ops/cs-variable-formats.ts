// The operation behind TC_B_11_CS's step (SUT = Charging Station): each Part 6 test value is written to one variable of
// a known data type; the ill-formed ones must be refused, and the variable is put back the way it was.
import { ExpectationFailed, ScriptError } from '../../peer/errors.ts';
import { check } from '../../states/context.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { asCs } from '../roles.ts';

type Json = Record<string, unknown>;

const DATA_TYPES = ['integer', 'decimal', 'boolean', 'dateTime'] as const;
type DataType = (typeof DATA_TYPES)[number];

/** Whether `value` is a well-formed value of `type` (the OCPP primitive types the device model uses). */
function wellFormed(type: DataType, value: string): boolean {
  switch (type) {
    case 'integer':
      return /^-?\d+$/.test(value);
    case 'decimal':
      return /^-?\d+(\.\d+)?$/.test(value);
    case 'boolean':
      return value === 'true' || value === 'false';
    case 'dateTime':
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
  }
}

function splitName(name: string): { component: string; variable: string } {
  const m = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)$/.exec(name);
  if (!m?.[1] || !m[2]) throw new ScriptError(`"${name}" is not Component.Variable`);
  return { component: m[1], variable: m[2] };
}

async function readValue(cs: CsContext, component: string, variable: string): Promise<{ status: string; value?: string }> {
  const outcome = await cs.peer.callAndAwait('GetVariables', { getVariableData: [{ component: { name: component }, variable: { name: variable } }] });
  const r = ((outcome.payload as Json).getVariableResult as Json[] | undefined)?.[0] ?? {};
  return { status: String(r.attributeStatus), ...(typeof r.attributeValue === 'string' ? { value: r.attributeValue } : {}) };
}

/** The five values of Part 6: the OfflineThreshold in use (standing in for <Configured offlineThreshold>), that plus 0.1, true, now, "abc". */
async function testValues(cs: CsContext): Promise<string[]> {
  const threshold = await readValue(cs, 'OCPPCommCtrlr', 'OfflineThreshold');
  if (threshold.status !== 'Accepted' || threshold.value === undefined || !/^\d+$/.test(threshold.value)) {
    throw new ExpectationFailed({
      expected: 'OCPPCommCtrlr.OfflineThreshold (a required variable) readable as an integer',
      actual: `GetVariables answered ${threshold.status}${threshold.value === undefined ? '' : ` "${threshold.value}"`}`,
      requirementIds: cs.requirementIds,
    });
  }
  const now = new Date().toISOString().replace(/\.\d+Z$/, (m) => m.slice(0, 4) + 'Z');
  return [threshold.value, `${threshold.value}.1`, 'true', now, 'abc'];
}

/**
 * Writes every test value to `name` (one SetVariablesRequest each, as Part 6 repeats its steps) and checks each answer:
 * the names echoed, attributeType Actual, Accepted or Rejected (reasonCode absent or InvalidValue), and Rejected for a
 * value that is not of `type`. A well-formed value may still be refused (the station's limits). With `optional`, a
 * station without the variable, or with it read-only, skips these steps as Part 6 allows.
 */
export async function writeTestValues(ctx: ScenarioContext, type: string, name: string, optional: boolean): Promise<void> {
  const cs = asCs(ctx, `write the test values to ${name}`);
  if (!(DATA_TYPES as readonly string[]).includes(type)) throw new ScriptError(`"${type}" is not one of ${DATA_TYPES.join(', ')}`);
  const dataType = type as DataType;
  const { component, variable } = splitName(name);
  const before = await readValue(cs, component, variable);
  if (before.status !== 'Accepted') {
    if (optional) {
      cs.peer.note(`${name} is not readable (${before.status}); Part 6 writes it only where the station has it`);
      return;
    }
    throw new ExpectationFailed({ expected: `${name} (a required variable) readable`, actual: `GetVariables answered ${before.status}`, requirementIds: cs.requirementIds });
  }
  const values = await testValues(cs);
  let changed = false;
  try {
    for (const value of values) {
      const outcome = await cs.peer.callAndAwait('SetVariables', { setVariableData: [{ component: { name: component }, variable: { name: variable }, attributeValue: value }] });
      const result = ((outcome.payload as Json).setVariableResult as Json[] | undefined)?.[0];
      const status = result?.attributeStatus;
      const reason = (result?.attributeStatusInfo as Json | undefined)?.reasonCode;
      if (optional && status === 'Rejected' && reason === 'ReadOnly') {
        cs.peer.note(`${name} is read-only here; Part 6 writes it only where it is read-write`);
        return;
      }
      const rows: Array<[string, string]> = [
        ['setVariableResult[0].attributeType', 'absent or Actual'],
        ['setVariableResult[0].component.name', `"${component}"`],
        ['setVariableResult[0].variable.name', `"${variable}"`],
      ];
      if (wellFormed(dataType, value)) {
        if (status !== 'Accepted') rows.push(['setVariableResult[0].attributeStatus', 'Rejected']);
      } else {
        rows.push(['setVariableResult[0].attributeStatus', 'Rejected']);
      }
      if (status === 'Rejected') rows.push(['setVariableResult[0].attributeStatusInfo.reasonCode', 'absent or "InvalidValue"']);
      if (status === 'Accepted') changed = true;
      cs.peer.note(`${name} = "${value}" is ${wellFormed(dataType, value) ? 'a well-formed' : 'not a'} ${dataType}; the station answered ${String(status)}`);
      check(cs, 'SetVariablesResponse', outcome.payload, rows, outcome.frame);
    }
  } finally {
    // Leave the variable as it was, so the next case finds the station unchanged.
    if (changed && before.value !== undefined) {
      await cs.peer.callAndAwait('SetVariables', { setVariableData: [{ component: { name: component }, variable: { name: variable }, attributeValue: before.value }] }).catch(() => undefined);
    }
    cs.peer.inbox.advanceCursor();
  }
}
