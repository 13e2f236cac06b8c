// The fault matrix, one test per matrix file (functional area): each listed fault makes its case FAIL with the expected
// explanation. One area at a time keeps every test's budget to that area's rows, and prints progress per area.
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadMatrixFile, matrixFiles, printMatrix, runMatrix } from './fault-run.ts';

describe('fault matrix', () => {
  for (const file of matrixFiles()) {
    const area = basename(fileURLToPath(file), '.json');
    const matrix = loadMatrixFile(file);
    const rows = Object.values(matrix.cases).reduce((n, entries) => n + entries.length, 0);
    // Budget: generous per row (a cucumber run per fault group, on a possibly busy machine); the PASS path never waits it out.
    it(`${area}: every fault kills its case (${rows} rows)`, { timeout: 120_000 + rows * 15_000 }, async () => {
      const t0 = Date.now();
      const result = await runMatrix(matrix, 3);
      const problems = result.filter((r) => !r.ok);
      console.log(`[fault matrix] ${area}: ${result.length} rows, ${problems.length} problem(s), ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      if (problems.length > 0) console.log(printMatrix(problems));
      expect(problems.map((r) => `${r.id} x ${r.fault}: ${r.problem ?? ''}`)).toEqual([]);
    });
  }
});
