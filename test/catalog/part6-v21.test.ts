// The 2.1 catalog against the id list extracted from the official 2.1 Part 6 text (data/part6-2.1-ids.json, ids and
// titles only), the resolution of Part 6's own misprints, the pinned counts, and the rule that decides which feature
// files run under 2.1.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, REPO_ROOT } from '../../src/catalog/build.ts';
import { catalogCounts, flowDecision, loadCatalog, MISPRINTS, NOT_IN_PART6, part6v21 } from '../../src/catalog/index.ts';
import type { CatalogCase, SutRole } from '../../src/catalog/index.ts';
import { applyPart6v21 } from '../../src/catalog/part6-v21.ts';
import { selectCases } from '../../src/cli/selection.ts';
import { featurePath } from '../../src/runner/index.ts';

interface IdList {
  source: string;
  ChargingStation: { id: string; title: string }[];
  CSMS: { id: string; title: string }[];
}

const idList = JSON.parse(readFileSync(join(DATA_DIR, 'part6-2.1-ids.json'), 'utf8')) as IdList;
const catalog = loadCatalog();
const v21 = (role: SutRole) => catalog.select({ version: '2.1', role });

describe('2.1 catalog vs the ids of the 2.1 Part 6 text', () => {
  it('keeps ids and titles only in the id list', () => {
    for (const role of ['ChargingStation', 'CSMS'] as const) {
      for (const entry of idList[role]) expect(Object.keys(entry).sort()).toEqual(['id', 'title']);
    }
  });

  it('CSMS (section read completely): the catalog has exactly the Part 6 ids, with the Part 6 titles', () => {
    const fromText = idList.CSMS.map((e) => e.id).sort();
    expect(fromText).toHaveLength(329);
    expect(v21('CSMS').map((c) => c.id).sort()).toEqual(fromText);
    for (const { id, title } of idList.CSMS) expect(catalog.get(id, '2.1')?.title, id).toBe(title);
  });

  it('station (section read completely): the catalog has exactly the Part 6 ids, with the Part 6 titles', () => {
    const fromText = idList.ChargingStation.map((e) => e.id).sort();
    expect(fromText).toHaveLength(578);
    expect(v21('ChargingStation').map((c) => c.id).sort()).toEqual(fromText);
    for (const { id, title } of idList.ChargingStation) expect(catalog.get(id, '2.1')?.title, id).toBe(title);
    for (const role of ['ChargingStation', 'CSMS'] as const) {
      const coverage = part6v21().coverage[role];
      expect(coverage.complete, role).toBe(true);
      expect(coverage.blocks, role).toEqual('ABCDEFGHIJKLMNOPQRS'.split(''));
    }
  });

  it('pins the counts by role and the flow comparison with 2.0.1', () => {
    const counts = catalogCounts(catalog, '2.1');
    expect(counts.byRole).toEqual({ ChargingStation: 578, CSMS: 329 });
    expect(counts.total).toBe(907);
    expect(counts.flow.CSMS).toEqual({ same: 204, changed: 45, new: 78, unknown: 2, 'not compared': 0 });
    expect(counts.flow.ChargingStation).toEqual({ same: 10, changed: 2, new: 158, unknown: 0, 'not compared': 408 });
  });
});

describe('the README quotes the 2.1 counts of the catalog', () => {
  it('names the totals and the CSMS flow comparison that list --version 2.1 prints', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const counts = catalogCounts(catalog, '2.1');
    const f = counts.flow.CSMS;
    expect(readme).toContain(`the ${counts.total} cases of 2.1 (CSMS ${counts.byRole.CSMS}, station ${counts.byRole.ChargingStation})`);
    expect(readme).toContain(`${f.same} same, ${f.changed} changed, ${f.new} new, ${f.unknown} not comparable`);
  });
});

describe('misprints of Part 6 and the reading we took', () => {
  it('TC_Q_125_CSMS: the id row prints TC_Q_150_CS; we keep TC_Q_125_CSMS', () => {
    expect(catalog.get('TC_Q_125_CSMS', '2.1')?.notes.join(' ')).toMatch(/TC_Q_150_CS/);
    expect(catalog.get('TC_Q_150_CS', '2.1')).toBeUndefined();
    expect(catalog.get('TC_Q_150_CSMS', '2.1')).toBeUndefined();
  });

  it('TC_N_103_CSMS exists (its id row prints TC_N_102_CSMS); TC_N_102_2_CSMS and TC_G_01_CSMS are gone', () => {
    expect(catalog.get('TC_N_103_CSMS', '2.1')?.title).toBe('Retrieve Log Information - Authentication - HTTPS');
    expect(catalog.get('TC_N_102_CSMS', '2.1')?.title).toBe('Retrieve Log Information - Authentication - HTTP');
    expect(catalog.get('TC_N_102_2_CSMS', '2.1')).toBeUndefined();
    expect(catalog.get('TC_G_01_CSMS', '2.1')).toBeUndefined();
    expect(Object.keys(NOT_IN_PART6).sort()).toEqual(['TC_G_01_CSMS', 'TC_N_102_2_CSMS']);
    expect(catalog.get('TC_G_01_CS', '2.0.1')).toBeDefined();
  });

  it('B_105, I_110 and N_100 (CSMS) print the station as SUT; we keep the CSMS role', () => {
    for (const id of ['TC_B_105_CSMS', 'TC_I_110_CSMS', 'TC_N_100_CSMS']) {
      expect(part6v21().cases[id]?.sutPrinted, id).toBe('ChargingStation');
      const c = catalog.get(id, '2.1');
      expect(c?.role, id).toBe('CSMS');
      expect(c?.notes.some((n) => n.includes('misprint')), id).toBe(true);
    }
    expect(MISPRINTS.map((m) => m.id).sort()).toEqual(['TC_B_105_CSMS', 'TC_I_110_CSMS', 'TC_K_136_CS', 'TC_N_100_CSMS', 'TC_N_103_CSMS', 'TC_Q_125_CSMS']);
  });

  it('the overlay refuses a 2.1 id of a fully read role that Part 6 lacks, unless NOT_IN_PART6 explains it', () => {
    const base = catalog.get('TC_B_01_CSMS', '2.1') as CatalogCase;
    const data = { ...part6v21(), cases: {} };
    expect(() => applyPart6v21([{ ...base, id: 'TC_B_99_CSMS' }], data)).toThrow(/not in Part 6/);
    expect(applyPart6v21([{ ...base, id: 'TC_G_01_CSMS' }], data)).toEqual([]);
  });
});

describe('which feature files run under 2.1', () => {
  it('flowDecision: 2.0.1 always; 2.1 only when the flow is the same', () => {
    expect(flowDecision({ version: '2.0.1', flow21: null }).runs).toBe(true);
    expect(flowDecision({ version: '2.1', flow21: { status: 'same', differences: [] } }).runs).toBe(true);
    for (const status of ['changed', 'new', 'unknown'] as const) {
      expect(flowDecision({ version: '2.1', flow21: { status, differences: ['x'] } }).runs, status).toBe(false);
    }
    expect(flowDecision({ version: '2.1', flow21: null })).toEqual({ runs: false, reason: expect.stringMatching(/not been compared/) });
  });

  it('every feature file on disk gets its 2.1 decision from the catalog data (so later features are covered too)', () => {
    for (const version of ['2.0.1', '2.1'] as const) {
      for (const e of selectCases({ version })) {
        const written = existsSync(featurePath(e.testCase));
        const expected = written && (version === '2.0.1' || e.testCase.flow21?.status === 'same');
        expect(e.featurePath !== null, `${version} ${e.testCase.id}`).toBe(expected);
      }
    }
  });

  it('a changed case with a 2.0.1 feature is not implemented for 2.1; an unchanged one is', () => {
    const [changed] = selectCases({ version: '2.1', ids: ['TC_B_20_CSMS'] });
    const [same] = selectCases({ version: '2.1', ids: ['TC_B_01_CSMS'] });
    const [old] = selectCases({ version: '2.0.1', ids: ['TC_B_20_CSMS'] });
    expect(changed?.testCase.flow21?.differences.join(' ')).toMatch(/evseId/);
    expect(changed?.featurePath).toBeNull();
    expect(same?.featurePath).not.toBeNull();
    expect(old?.featurePath).not.toBeNull();
  });
});
