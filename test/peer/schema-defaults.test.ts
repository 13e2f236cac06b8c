// A field the schema gives a default may be left out: expecting the default accepts an absent field, and only then.
import { describe, expect, it } from 'vitest';
import { ScriptError } from '../../src/peer/errors.ts';
import { evaluateChecks, parseChecks } from '../../src/peer/fields.ts';

const noRefs = (n: string): unknown => {
  throw new ScriptError(n);
};

describe('schema defaults in check tables', () => {
  const result = { attributeStatus: 'Accepted', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeValue: '300' };

  it('an absent attributeType satisfies "Actual", the schema default', () => {
    const checks = parseChecks('2.0.1', 'GetVariablesResponse', [['getVariableResult[0].attributeType', 'Actual']]);
    expect(evaluateChecks({ getVariableResult: [result] }, checks, noRefs)).toEqual([]);
    expect(evaluateChecks({ getVariableResult: [{ ...result, attributeType: 'Actual' }] }, checks, noRefs)).toEqual([]);
  });

  it('a different value present still fails, and so does expecting a non-default value of an absent field', () => {
    const actual = parseChecks('2.0.1', 'GetVariablesResponse', [['getVariableResult[0].attributeType', 'Actual']]);
    expect(evaluateChecks({ getVariableResult: [{ ...result, attributeType: 'Target' }] }, actual, noRefs).join()).toMatch(
      /attributeType should be "Actual" \(absent counts as "Actual", the schema default\) but is "Target"/,
    );
    const target = parseChecks('2.0.1', 'GetVariablesResponse', [['getVariableResult[0].attributeType', 'Target']]);
    expect(evaluateChecks({ getVariableResult: [result] }, target, noRefs).join()).toMatch(/attributeType should be "Target" but is absent/);
  });

  it('a field without a schema default is still required when a value is expected', () => {
    const checks = parseChecks('2.0.1', 'GetVariablesResponse', [['getVariableResult[0].attributeValue', '"300"']]);
    expect(evaluateChecks({ getVariableResult: [{ ...result, attributeValue: undefined }] }, checks, noRefs).join()).toMatch(/should be "300" but is absent/);
  });
});
