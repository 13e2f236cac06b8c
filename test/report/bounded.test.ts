// Finding 3: whatever a SUT sends, summary.json, junit.xml and the HTML inputs stay proportional to what a person reads.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundedList, boundCaseResult, MAX_EXPLANATION_CHARS, safeJson } from '../../src/report/bounded.ts';
import { writeAllReports } from '../../src/report/index.ts';
import { buildRunSummary } from '../../src/report/verdict.ts';
import { baseCase, tempDir } from './fixtures.ts';

const tenThousandFrames = Array.from({ length: 10_000 }, (_, i) => `[concurrent-call] peer sent CALL Heartbeat (id ${i}) while ${'x'.repeat(600)} was unanswered`);

describe('bounded explanations', () => {
  it('a list of 10,000 breaches becomes a few KB that say how many more and where to look', () => {
    const text = boundedList(tenThousandFrames);
    expect(text.length).toBeLessThan(MAX_EXPLANATION_CHARS + 100);
    expect(text).toMatch(/see trace/);
  });

  it('a value nested 20,000 levels deep is quoted as a marker, not a stack overflow', () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    expect(safeJson([2, '1', 'DataTransfer', deep])).toMatch(/^\[not re-serialisable: RangeError/);
  });

  it('summary.json and junit.xml stay small for a case whose explanation is 60 MB; no allure-results with html off', async () => {
    const huge = tenThousandFrames.join('; ').repeat(10);
    const failing = baseCase({
      id: 'TC_B_02_CS',
      verdict: 'FAIL',
      failure: { step: 'Part 6 general rules', requirementIds: [], expected: 'one CALL at a time', actual: huge, frame: huge },
      steps: [{ text: 'the station sends', status: 'failed', durationMs: 1, error: huge }],
      reason: huge,
    });
    expect(JSON.stringify(boundCaseResult(failing)).length).toBeLessThan(5 * MAX_EXPLANATION_CHARS);
    const summary = buildRunSummary({ runId: 'r1', startedAt: 'a', finishedAt: 'b', sut: { role: 'ChargingStation', version: '2.0.1' }, results: [failing] });
    const dir = await tempDir();
    const written = await writeAllReports(summary, dir, [], { html: false });
    expect(written.allureResults).toBeNull();
    const names = await readdir(dir);
    expect(names).not.toContain('allure-results');
    for (const name of names) expect((await stat(path.join(dir, name))).size, name).toBeLessThan(64 * 1024);
  });
});
