import { describe, expect, it } from 'vitest';
import { evaluate, formatExpr, parseCondition, segmentForRole } from '../../src/catalog/conditions.ts';
import type { Pics } from '../../src/catalog/types.ts';

function parsed(text: string, role: 'ChargingStation' | 'CSMS' = 'ChargingStation', refs: string[] = [], cond: string | null = null): string {
  const p = parseCondition(text, role, refs, cond);
  return p.ok ? formatExpr(p.expr) : `!${p.why}`;
}

describe('parseCondition', () => {
  it.each([
    ['C-13', 'C-13'],
    ['Not C-56', 'NOT C-56'],
    ['C-43 and NOT AQ- 7', 'C-43 AND NOT AQ-7'],
    ['C-17 OR DM-0', 'C-17 OR DM-0'],
    ['AQ-2 and (C-30 or C-31 or C-32)', 'AQ-2 AND (C-30 OR C-31 OR C-32)'],
    ['NOT (SC- 2.1 and SC-2.2)', 'NOT (SC-2.1 AND SC-2.2)'],
    ['HFS-8 > 1', 'HFS-8 > 1'],
  ])('reads %s', (text, want) => {
    expect(parsed(text)).toBe(want);
  });

  it.each([
    ['or C-31 or C-32', 'leading operator'],
    ['and (C-30 or C-31 or C-32)', 'leading operator'],
    ['LA-3 and (C-30 or C-31 or C-', 'cut id'],
    ['SC-10 AND Bidirectio nal Power Transfer', 'prose'],
    ['(C-30 or C-31', 'unbalanced'],
    ['HFS-8', 'numeric id without comparison'],
    ['C-13 > 1', 'comparison on a boolean id'],
  ])('refuses %s (%s)', (text) => {
    expect(parsed(text)).toMatch(/^!/);
  });

  it('refuses a cell that lost an id the row refers to', () => {
    expect(parsed('C-13', 'ChargingStation', ['C-13', 'C-49'])).toMatch(/C-49/);
    expect(parsed('C-13', 'ChargingStation', ['C-13'])).toBe('C-13');
  });

  it('refuses a row whose prose condition holds a capitalised NOT (a negation may have moved there)', () => {
    expect(parsed('C-43 and AQ-7', 'ChargingStation', ['C-43'], 'X is NOT implemented')).toMatch(/^!.*NOT/);
    expect(parsed('C-43 and AQ-7', 'ChargingStation', ['C-43'], 'X is not implemented')).toBe('C-43 AND AQ-7');
  });

  it('uses only the part of a split cell that belongs to the role', () => {
    expect(parsed('CS: C-63 CSMS: P-0', 'ChargingStation')).toBe('C-63');
    expect(parsed('CS: C-63 CSMS: P-0', 'CSMS')).toBe('P-0');
    expect(parsed('For CSMS: R-1, For CS: R-2', 'CSMS')).toBe('R-1');
    expect(parsed('For CSMS: R-1, For CS: R-2', 'ChargingStation')).toBe('R-2');
    expect(parsed('P-0 and P-1 CSMS: P-0', 'ChargingStation')).toBe('P-0 AND P-1');
    expect(parsed('P-0 and P-1 CSMS: P-0', 'CSMS')).toBe('P-0');
    expect(segmentForRole('CSMS: C-11 HFS-1', 'ChargingStation')).toBeNull();
  });
});

describe('evaluate', () => {
  const expr = (t: string) => {
    const p = parseCondition(t, 'ChargingStation', []);
    if (!p.ok) throw new Error(p.why);
    return p.expr;
  };
  const pics = (features: Record<string, boolean>, numberOfEvses?: number): Pics => ({
    features,
    ...(numberOfEvses === undefined ? {} : { facts: { numberOfEvses } }),
  });

  it('is three-valued and names what it read and what was missing', () => {
    expect(evaluate(expr('C-43 and NOT AQ-7'), pics({ 'C-43': true, 'AQ-7': false }))).toEqual({
      value: true,
      used: ['features.AQ-7 = false', 'features.C-43 = true'],
      missing: [],
    });
    expect(evaluate(expr('C-43 and NOT AQ-7'), pics({ 'C-43': true })).value).toBe('unknown');
    expect(evaluate(expr('C-43 and NOT AQ-7'), pics({ 'C-43': false })).value).toBe(false);
    expect(evaluate(expr('C-30 or C-31'), pics({ 'C-31': true })).value).toBe(true);
    expect(evaluate(expr('C-30 or C-31'), pics({ 'C-31': false })).missing).toEqual(['features.C-30']);
  });

  it('compares HFS-8 against facts.numberOfEvses', () => {
    expect(evaluate(expr('HFS-8 > 1'), pics({}, 2)).value).toBe(true);
    expect(evaluate(expr('HFS-8 > 1'), pics({}, 1))).toMatchObject({ value: false, used: ['facts.numberOfEvses = 1'] });
    expect(evaluate(expr('HFS-8 > 1'), pics({})).missing).toEqual(['facts.numberOfEvses']);
  });
});
