// Project rule: no sentence of the OCA documents in the project. This test looks for any run of 9 words (lower-case
// [a-z]+ words) that the committed catalog data or the module READMEs share with Part 6 (2.0.1) or Part 5 (2.0.1, 2.1).
// Titles are facts and exempt, also where a summary or note quotes one; feature expressions must consist of ids and
// operators only and are then exempt too. Without ../shared/spec only the comparison with the documents is skipped.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, REPO_ROOT } from '../../src/catalog/build.ts';
import { featureLabel } from '../../src/catalog/feature-labels.ts';
import type { CatalogCase, FeatureDef, ProfilesData } from '../../src/catalog/types.ts';

const N = 9;
const SPEC_DIR = resolve(REPO_ROOT, '..', 'shared', 'spec');
const SPEC_FILES = [
  'ocpp-2.0.1/OCPP-2.0.1_edition3_part6-testcases.txt',
  'ocpp-2.0.1/OCPP-2.0.1_edition3_part5_certification_profiles.txt',
  'ocpp-2.1/OCPP-2.1_edition2_part5_certification_profiles.txt',
].map((f) => join(SPEC_DIR, f));
const present = SPEC_FILES.filter((f) => existsSync(f));

const cases = JSON.parse(readFileSync(join(DATA_DIR, 'cases.json'), 'utf8')) as CatalogCase[];
const profiles = JSON.parse(readFileSync(join(DATA_DIR, 'profiles.json'), 'utf8')) as ProfilesData;

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}

function* grams(text: string): Generator<string> {
  const w = words(text);
  for (let i = 0; i + N <= w.length; i++) yield w.slice(i, i + N).join(' ');
}

function specGrams(): Set<string> {
  const set = new Set<string>();
  for (const f of present) for (const g of grams(readFileSync(f, 'utf8'))) set.add(g);
  return set;
}

/** Every title in the data: quoted in a summary or note, a title is a fact like the `title` field itself. */
const TITLES = new Set(cases.flatMap((c) => [c.title, ...(c.part5Title ? [c.part5Title] : [])]));
const EXEMPT_KEYS = new Set(['title', 'part5Title']);
const EXPR = /^(?:[A-Z]{1,4}-\d+(?:\.\d+)?|AND|OR|NOT|>|\d+|[()]|\s)+$/;

function withoutQuotedTitles(text: string): string {
  return text.replace(/"([^"]+)"/g, (all, inner: string) => (TITLES.has(inner) ? '""' : all));
}

/** The strings of a JSON value with their paths, minus the exempt keys. */
function strings(value: unknown, path: string, out: { path: string; text: string }[] = []): { path: string; text: string }[] {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!EXEMPT_KEYS.has(k)) strings(v, `${path}.${k}`, out);
  }
  return out;
}

function caseStrings(): { path: string; text: string }[] {
  return cases.flatMap((c) => strings(c, `${c.version}/${c.id}`));
}

function matches(texts: { path: string; text: string }[], spec: Set<string>): string[] {
  const out: string[] = [];
  for (const { path, text } of texts) {
    if (/\.featureExpr$/.test(path)) continue; // checked to be ids and operators only, below
    for (const g of grams(withoutQuotedTitles(text))) {
      if (spec.has(g)) {
        out.push(`${path}: "${g}"`);
        break;
      }
    }
  }
  return out;
}

describe('catalog data holds facts, not document text', () => {
  it('stores feature expressions as ids and operators only', () => {
    for (const c of cases) {
      for (const r of c.profiles) {
        if (r.featureExpr !== null) expect(r.featureExpr, c.id).toMatch(EXPR);
        expect(r.condition === 'expression', `${c.id} ${r.profile}`).toBe(r.featureExpr !== null);
      }
    }
  });

  it('keeps no prose condition column and no Part 5 feature names', () => {
    for (const c of cases) {
      for (const r of c.profiles) {
        expect(['expression', 'manual', 'none'], c.id).toContain(r.condition);
        expect(Object.keys(r), c.id).toEqual(['profile', 'requirement', 'condition', 'featureExpr', 'featureRefs', 'unreadable', 'source']);
      }
    }
    const all: FeatureDef[] = Object.values(profiles).flatMap((vp) => [
      ...vp.profiles.flatMap((p) => [...p.optionalFeatures.ChargingStation, ...p.optionalFeatures.CSMS]),
      ...vp.additionalQuestions.ChargingStation,
      ...vp.additionalQuestions.CSMS,
      ...vp.hardwareFeatures,
    ]);
    expect(all.length).toBeGreaterThan(100);
    for (const f of all) {
      expect(Object.keys(f).sort(), f.id).toEqual(['id', 'label']);
      expect(f.label.split(/\s+/).length, `${f.id}: ${f.label}`).toBeLessThanOrEqual(10);
      expect(f.label, f.id).not.toMatch(/\?/);
    }
  });

  it('has a label of ours for every feature id in profiles.json (no "see Part 5" fallback)', () => {
    const missing: string[] = [];
    for (const [v, vp] of Object.entries(profiles) as [keyof ProfilesData, ProfilesData[keyof ProfilesData]][]) {
      const check = (scope: 'ChargingStation' | 'CSMS' | 'hardware', list: FeatureDef[]): void => {
        for (const f of list) if (featureLabel(v, scope, f.id) === null) missing.push(`${v} ${scope} ${f.id}`);
      };
      for (const p of vp.profiles) {
        check('ChargingStation', p.optionalFeatures.ChargingStation);
        check('CSMS', p.optionalFeatures.CSMS);
      }
      check('ChargingStation', vp.additionalQuestions.ChargingStation);
      check('CSMS', vp.additionalQuestions.CSMS);
      check('hardware', vp.hardwareFeatures);
    }
    expect(missing).toEqual([]);
  });
});

describe.skipIf(present.length === 0 && !process.env.CI)('no 9-word run shared with Part 5 / Part 6', () => {
  const spec = specGrams();

  it('reads the documents that are present', () => {
    expect(present).toEqual(SPEC_FILES); // all three are in ../shared/spec; if one moves, update SPEC_FILES
    expect(spec.size).toBeGreaterThan(50_000);
    // The matcher finds a run taken from the Part 5 text itself (so a silent tokenizer bug cannot pass the test); the
    // probe is read at run time, never written into this file.
    const part5 = readFileSync(SPEC_FILES[1] as string, 'utf8');
    const probe = words(part5).slice(1000, 1000 + N).join(' ');
    expect(matches([{ path: 'probe', text: `Our words, then ${probe.toUpperCase()}.` }], spec)).toHaveLength(1);
  });

  it('in cases.json, summaries included (titles exempt)', () => {
    expect(matches(caseStrings(), spec)).toEqual([]);
  });

  it('in part6-2.1.json, our facts from the 2.1 Part 6 (titles exempt)', () => {
    const part6 = JSON.parse(readFileSync(join(DATA_DIR, 'part6-2.1.json'), 'utf8')) as unknown;
    expect(matches(strings(part6, 'part6-2.1'), spec)).toEqual([]);
  });

  it('in profiles.json', () => {
    expect(matches(strings(profiles, 'profiles'), spec)).toEqual([]);
  });

  it('in the catalog and config READMEs', () => {
    for (const f of ['src/catalog/README.md', 'src/config/README.md']) {
      expect(matches([{ path: f, text: readFileSync(join(REPO_ROOT, f), 'utf8') }], spec)).toEqual([]);
    }
  });
});
