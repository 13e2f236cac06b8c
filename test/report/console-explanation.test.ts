// A failure's whole explanation on the console: wrapped under the progress line with the trace to open, printed once
// (the final list points back to it), and the Report line lists html/index.html only when it was written.
import { describe, expect, it } from 'vitest';
import { progressBlock, renderConsoleSummary, wrapText } from '../../src/report/console.ts';
import { buildRunSummary } from '../../src/report/verdict.ts';
import { baseCase } from './fixtures.ts';

const longActual = `the BootNotificationResponse said ${'Rejected '.repeat(30)}and the station then went quiet END-OF-EXPLANATION`;
const failed = baseCase({
  id: 'TC_B_02_CS',
  verdict: 'FAIL',
  tracePath: '/reports/r1/traces/TC_B_02_CS.ndjson',
  failure: { step: 'Part 6 step 3', requirementIds: ['B02.FR.02'], expected: 'a BootNotificationRequest after the interval', actual: longActual },
});
const inconclusive = baseCase({ id: 'TC_B_03_CS', verdict: 'INCONCLUSIVE', reason: 'precondition: the station never tried to connect', tracePath: '/reports/r1/traces/TC_B_03_CS.ndjson' });

describe('progressBlock', () => {
  it('prints the whole explanation of a FAIL, wrapped to the width and indented, then the trace path', () => {
    const lines = progressBlock(failed, 2, 12, 80);
    expect(lines[0]).toBe('[ 2/12] FAIL            TC_B_02_CS  1.2s');
    const body = lines.slice(1, -1);
    expect(body.length).toBeGreaterThan(3);
    for (const l of body) {
      expect(l.startsWith('        ')).toBe(true);
      expect(l.length).toBeLessThanOrEqual(80);
    }
    // Nothing is cut: the words of the explanation come back whole, in order.
    expect(body.map((l) => l.trim()).join(' ')).toBe(`Part 6 step 3 [B02.FR.02]: expected a BootNotificationRequest after the interval; actual ${longActual}`);
    expect(lines.at(-1)).toBe('        trace: /reports/r1/traces/TC_B_02_CS.ndjson');
  });

  it('a PASS stays one line; an INCONCLUSIVE reason is explained the same way as a failure', () => {
    expect(progressBlock(baseCase({ id: 'TC_B_01_CS', verdict: 'PASS' }), 1, 2)).toEqual(['[1/2] PASS            TC_B_01_CS  1.2s']);
    expect(progressBlock(inconclusive, 2, 2)).toEqual([
      '[2/2] INCONCLUSIVE    TC_B_03_CS  1.2s',
      '      precondition: the station never tried to connect',
      '      trace: /reports/r1/traces/TC_B_03_CS.ndjson',
    ]);
  });

  it('wrapText keeps an over-long word on a line of its own', () => {
    expect(wrapText('a bb ccccccccccc d', 5)).toEqual(['a bb', 'ccccccccccc', 'd']);
  });
});

describe('renderConsoleSummary', () => {
  const summary = buildRunSummary({ runId: 'r1', startedAt: '', finishedAt: '', sut: { role: 'ChargingStation', version: '2.0.1' }, results: [failed, inconclusive] });

  it('after progress lines the reasons are not printed a second time', () => {
    const text = renderConsoleSummary(summary, 'reports/r1', { explainedAbove: true });
    expect(text).toMatch(/\n {2}FAIL {12}TC_B_02_CS {2}explained above\n/);
    expect(text).toMatch(/\n {2}INCONCLUSIVE {4}TC_B_03_CS {2}explained above\n/);
    expect(text).not.toContain('never tried to connect');
  });

  it('with --quiet the list carries the whole explanation, wrapped, with the trace path', () => {
    const text = renderConsoleSummary(summary, 'reports/r1');
    expect(text).toContain('END-OF-EXPLANATION');
    expect(text).toContain('trace: /reports/r1/traces/TC_B_02_CS.ndjson');
    expect(text.split('\n').every((l) => l.length <= 110)).toBe(true);
    expect(text.match(/never tried to connect/g)).toHaveLength(1);
  });

  it('the Report line lists html/index.html only when the HTML report was written', () => {
    expect(renderConsoleSummary(summary, 'reports/r1')).toContain('Report: reports/r1/ (summary.json, junit.xml, profiles.md, requirements.md, html/index.html)');
    expect(renderConsoleSummary(summary, 'reports/r1', { html: false })).toContain('Report: reports/r1/ (summary.json, junit.xml, profiles.md, requirements.md)\n');
  });

  it('cases without a feature are one line, not one each', () => {
    const many = Array.from({ length: 5 }, (_, i) => baseCase({ id: `TC_Z_0${i}_CS`, verdict: 'INCONCLUSIVE', reason: 'not implemented yet: no feature file x' }));
    const text = renderConsoleSummary(buildRunSummary({ runId: 'r2', startedAt: '', finishedAt: '', sut: { role: 'ChargingStation', version: '2.0.1' }, results: many }));
    expect(text).toContain('Not implemented yet: 5 selected case(s), INCONCLUSIVE (listed in summary.json)');
    expect(text).not.toMatch(/TC_Z_0/);
  });
});
