import { describe, expect, it } from 'vitest';
import { CatalogError, loadCatalog } from '../../src/catalog/catalog.ts';
import type { Pics, SelectedCase } from '../../src/catalog/types.ts';

const catalog = loadCatalog();

function one(id: string, version: '2.0.1' | '2.1', pics?: Pics, profile?: string): SelectedCase {
  const sel = catalog.select({ version, ids: [id], ...(pics ? { pics } : {}), ...(profile ? { profile } : {}) });
  expect(sel).toHaveLength(1);
  return sel[0] as SelectedCase;
}

describe('lookup', () => {
  it('gets a case by id and version, and the newest version without one', () => {
    expect(catalog.get('TC_B_01_CS', '2.0.1')).toMatchObject({ version: '2.0.1', role: 'ChargingStation', block: 'B' });
    expect(catalog.get('TC_B_01_CS')?.version).toBe('2.1');
    expect(catalog.get('TC_B_01_CSMS', '2.0.1')?.role).toBe('CSMS');
    expect(catalog.get('TC_Z_99_CS')).toBeUndefined();
    expect(catalog.all()).toHaveLength(1584);
  });

  it('is cached', () => {
    expect(loadCatalog()).toBe(catalog);
  });
});

describe('select', () => {
  it('filters by version, role, block and ids, keeping catalog order', () => {
    const sel = catalog.select({ version: '2.0.1', role: 'CSMS', blocks: ['b'] });
    expect(sel.length).toBeGreaterThan(0);
    expect(sel.every((c) => c.version === '2.0.1' && c.role === 'CSMS' && c.block === 'B')).toBe(true);
    const ids = catalog.select({ ids: ['TC_B_02_CS', 'TC_A_01_CS'] }).map((c) => `${c.version}/${c.id}`);
    expect(ids).toEqual(['2.0.1/TC_A_01_CS', '2.0.1/TC_B_02_CS', '2.1/TC_A_01_CS', '2.1/TC_B_02_CS']);
  });

  it('matches the Part 5 profile tables, M and C, except rows added by errata', () => {
    for (const v of ['2.0.1', '2.1'] as const) {
      for (const p of catalog.profiles(v)) {
        for (const role of ['ChargingStation', 'CSMS'] as const) {
          const sel = catalog.select({ version: v, role, profile: p.name }).filter((c) => c.matchedProfiles.every((r) => r.source === null));
          const ids = (req: 'M' | 'C') => sel.filter((c) => c.requirement === req).map((c) => c.id).sort();
          expect(ids('M'), `${v} ${p.name} ${role} M`).toEqual([...p.cases[role].mandatory].sort());
          expect(ids('C'), `${v} ${p.name} ${role} C`).toEqual([...p.cases[role].conditional].sort());
        }
      }
    }
  });

  it('filters by requirement within a profile', () => {
    const m = catalog.select({ version: '2.0.1', role: 'ChargingStation', profile: 'core', requirement: 'M' });
    expect(m.length).toBe(104);
    expect(m.every((c) => c.requirement === 'M')).toBe(true);
  });

  it('rejects an unknown profile or id with a message instead of an empty list', () => {
    expect(() => catalog.select({ profile: 'Smart Charing' })).toThrow(CatalogError);
    expect(() => catalog.select({ profile: 'Smart Charing' })).toThrow(/Unknown profile "Smart Charing".*Smart Charging/);
    expect(() => catalog.select({ ids: ['TC_B_999_CS'] })).toThrow(/TC_B_999_CS/);
  });

  it('never drops a case because of the PICS', () => {
    const pics: Pics = { features: { 'C-13': false, 'R-0': false }, profiles: ['Core'] };
    expect(catalog.select({ version: '2.1', pics }).length).toBe(catalog.select({ version: '2.1' }).length);
  });
});

describe('applicability', () => {
  it('M rows apply without notes', () => {
    expect(one('TC_A_01_CS', '2.0.1', { features: {} }).applicability).toEqual({ applicable: true, notes: [] });
  });

  it('a C row follows its feature (C-13 = reset per EVSE)', () => {
    expect(one('TC_B_25_CS', '2.0.1', { features: { 'C-13': true } }).applicability).toEqual({ applicable: true, notes: [] });
    const no = one('TC_B_25_CS', '2.0.1', { features: { 'C-13': false } }).applicability;
    expect(no).toEqual({ applicable: false, reason: 'condition C-13 (C in "Core") is false: PICS features.C-13 = false' });
  });

  it('negated conditions are read the right way round', () => {
    expect(one('TC_B_28_CS', '2.0.1', { features: { 'C-13': true } }).applicability.applicable).toBe(false);
    expect(one('TC_B_28_CS', '2.0.1', { features: { 'C-13': false } }).applicability.applicable).toBe(true);
  });

  it('HFS-8 > 1 uses the number of EVSEs', () => {
    const a = one('TC_B_41_CS', '2.0.1', { features: {}, facts: { numberOfEvses: 1 } }).applicability;
    expect(a.applicable).toBe(false);
    expect(a.applicable ? '' : a.reason).toContain('facts.numberOfEvses = 1');
    expect(one('TC_B_41_CS', '2.0.1', { features: {}, facts: { numberOfEvses: 2 } }).applicability.applicable).toBe(true);
  });

  it('an undeclared feature keeps the case, with a note naming the missing PICS entry', () => {
    const a = one('TC_B_25_CS', '2.0.1', { features: {} }).applicability;
    expect(a).toEqual({ applicable: true, notes: ['C in "Core": condition C-13 undecided, PICS does not declare features.C-13'] });
  });

  it('without PICS, C rows are kept and say they were not evaluated', () => {
    const a = one('TC_B_25_CS', '2.0.1').applicability;
    expect(a.applicable && a.notes[0]).toMatch(/not evaluated \(no PICS given\)/);
  });

  it('a condition that is not machine-readable keeps the case and names the row, the reason and the feature refs', () => {
    const a = one('TC_K_38_CS', '2.0.1', { features: {} }).applicability;
    expect(a.applicable).toBe(true);
    expect(a.applicable && a.notes[0]).toMatch(/^C in "Core": condition not machine-readable \(.+\); decide it by hand from the Part 5 row for TC_K_38_CS \(Core, C; no feature refs\)$/);
    const b = one('TC_C_06_CS', '2.0.1', { features: {} }).applicability;
    expect(b.applicable && b.notes[0]).toMatch(/TC_C_06_CS \(Core, C; feature refs: AQ-2, C-30, C-31, C-32\)$/);
  });

  it('a row from errata without a feature says where it comes from (TC_B_14_CS)', () => {
    const a = one('TC_B_14_CS', '2.0.1', { features: {} }, 'Core').applicability;
    expect(a.applicable && a.notes[0]).toMatch(/^C in "Core": condition not machine-readable .*; row from Part 5 errata/);
    const b = one('TC_Q_108_CSMS', '2.1', { features: {} }).applicability;
    expect(b.applicable && b.notes[0]).toMatch(/\(Part 5 gives this condition in prose only\).*\(Bidirectional Power Transfer \(2\.1\), C; no feature refs\)$/);
  });

  it('notes and reasons carry ids and our words, not the Part 5 condition text', () => {
    for (const c of catalog.select({ pics: { features: {} } })) {
      const texts = c.applicability.applicable ? c.applicability.notes : [c.applicability.reason];
      for (const t of texts) expect(t, c.id).not.toMatch(/\bthe Charging Station (supports|has)\b/i);
    }
  });

  it('rows whose negation may have slid into the prose are not evaluated (TC_C_06_CS)', () => {
    const a = one('TC_C_06_CS', '2.0.1', { features: { 'AQ-2': false, 'C-30': false, 'C-31': false, 'C-32': false } }).applicability;
    expect(a.applicable).toBe(true);
    expect(a.applicable && a.notes[0]).toMatch(/not machine-readable/);
  });

  it('such a row with a hand-written feature column is evaluated (TC_L_15_CS: NOT C-43 and AQ-7)', () => {
    expect(one('TC_L_15_CS', '2.0.1', { features: { 'C-43': false, 'AQ-7': true } }).applicability).toEqual({ applicable: true, notes: [] });
    expect(one('TC_L_15_CS', '2.0.1', { features: { 'C-43': true, 'AQ-7': true } }).applicability.applicable).toBe(false);
  });

  it('a 2.1 feature-gated sub-profile is not applicable when its gate is false', () => {
    const a = one('TC_H_01_CS', '2.1', { features: { 'R-0': false } }, 'Core / Reservation').applicability;
    expect(a).toEqual({ applicable: false, reason: 'profile "Core / Reservation" needs R-0, and PICS features.R-0 = false' });
  });

  it('PICS profiles limit the run to claimed profiles', () => {
    const a = one('TC_K_37_CS', '2.0.1', { features: {}, profiles: ['Core'] }).applicability;
    expect(a).toEqual({ applicable: false, reason: 'PICS "profiles" does not claim "Smart Charging"' });
    expect(one('TC_K_37_CS', '2.0.1', { features: {}, profiles: ['smart charging'] }).applicability.applicable).toBe(true);
  });

  it('every C-only case without a decision carries a note; no case is silently judged', () => {
    const sel = catalog.select({ pics: { features: {} } });
    for (const c of sel) {
      expect(c.applicability.applicable, c.id).toBe(true);
      if (c.requirement === 'C' && c.applicability.applicable) expect(c.applicability.notes.length, c.id).toBeGreaterThan(0);
    }
  });
});

describe('profileSummary', () => {
  it('counts M and C per profile and role, and applicability under a PICS', () => {
    const rows = catalog.profileSummary({ version: '2.0.1', role: 'ChargingStation' });
    expect(rows.find((r) => r.profile === 'Core')).toEqual({ profile: 'Core', version: '2.0.1', role: 'ChargingStation', mandatory: 104, conditional: 119 });
    const withPics = catalog.profileSummary({ version: '2.0.1', role: 'ChargingStation', pics: { features: { 'C-13': false } } });
    const core = withPics.find((r) => r.profile === 'Core');
    expect(core?.notApplicable).toBeGreaterThan(0);
    expect((core?.applicable ?? 0) + (core?.notApplicable ?? 0)).toBe(223);
  });
});
