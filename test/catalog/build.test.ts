import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalogData, compareCases, DATA_DIR, serialize, sourceDir } from '../../src/catalog/build.ts';
import { formatExpr, parseCondition } from '../../src/catalog/conditions.ts';
import type { CatalogCase, ProfilesData } from '../../src/catalog/types.ts';

const committedCasesText = readFileSync(join(DATA_DIR, 'cases.json'), 'utf8');
const committedProfilesText = readFileSync(join(DATA_DIR, 'profiles.json'), 'utf8');
const committedCases = JSON.parse(committedCasesText) as CatalogCase[];
const committedProfiles = JSON.parse(committedProfilesText) as ProfilesData;
const src = sourceDir();
const haveSource = existsSync(join(src, 'catalog.json'));

describe('committed catalog data', () => {
  it('is sorted by version, role, block and id numbers, with no duplicates', () => {
    for (let i = 1; i < committedCases.length; i++) {
      const a = committedCases[i - 1] as CatalogCase;
      const b = committedCases[i] as CatalogCase;
      expect(compareCases(a, b), `${a.version}/${a.id} before ${b.version}/${b.id}`).toBeLessThan(0);
    }
  });

  it('holds both versions and both roles with the known totals', () => {
    const count = (v: string, r: string): number => committedCases.filter((c) => c.version === v && c.role === r).length;
    expect(count('2.0.1', 'ChargingStation')).toBe(425); // 424 + the TC_H_05_CS placeholder listed by Part 5
    expect(count('2.0.1', 'CSMS')).toBe(252);
    expect(count('2.1', 'ChargingStation')).toBe(578);
    expect(count('2.1', 'CSMS')).toBe(329);
  });

  it('agrees with each id: role suffix and block letter', () => {
    for (const c of committedCases) {
      expect(c.id.endsWith(c.role === 'CSMS' ? '_CSMS' : '_CS'), c.id).toBe(true);
      expect(c.id.startsWith(`TC_${c.block}_`), c.id).toBe(true);
    }
  });

  it('stores each evaluable condition in canonical form, which the runtime parses back to the same text', () => {
    let n = 0;
    for (const c of committedCases) {
      for (const r of c.profiles) {
        if (r.condition !== 'expression') continue;
        const p = parseCondition(r.featureExpr ?? '', c.role, []);
        expect(p.ok && formatExpr(p.expr), `${c.version}/${c.id}`).toBe(r.featureExpr);
        n++;
      }
    }
    expect(n).toBeGreaterThan(450);
  });

  it('reads the Core CSMS feature columns the shared extraction split (B_30, B_31, E_31, F_06) as Part 5 prints them', () => {
    const expr = (id: string): Array<string | null> =>
      committedCases.filter((c) => c.version === '2.0.1' && c.id === id).flatMap((c) => c.profiles.filter((r) => r.profile === 'Core').map((r) => r.featureExpr));
    expect(expr('TC_B_30_CSMS')).toEqual(['C-44 OR NOT AQ-6']);
    expect(expr('TC_B_31_CSMS')).toEqual(['C-44 OR NOT AQ-6']);
    expect(expr('TC_E_31_CSMS')).toEqual(['C-16']);
    expect(expr('TC_F_06_CSMS')).toEqual(['C-11']);
  });

  it('says why each manual row is manual, and nothing for the others', () => {
    for (const c of committedCases) {
      for (const r of c.profiles) expect(r.unreadable !== null, `${c.version}/${c.id}`).toBe(r.condition === 'manual');
    }
  });

  it('is written in the build format (serialize round-trips the committed text)', () => {
    expect(serialize(committedCases)).toBe(committedCasesText);
    expect(serialize(committedProfiles)).toBe(committedProfilesText);
  });
});

describe('build script', () => {
  // The only check that needs ../shared/catalog; CI has it.
  it.skipIf(!haveSource && !process.env.CI)('reproduces the committed data from the shared catalog, byte for byte', () => {
    const built = buildCatalogData(src);
    expect(serialize(built.cases)).toBe(committedCasesText);
    expect(serialize(built.profiles)).toBe(committedProfilesText);
  });

  it.skipIf(!haveSource && !process.env.CI)('is deterministic', () => {
    expect(serialize(buildCatalogData(src))).toBe(serialize(buildCatalogData(src)));
  });
});
