// `run --shard i/n` on three "runners" and `merge-reports` of their folders give the report one run gives: every case
// exactly once, the same verdicts, counts and profile table. A shard set with a case twice is refused.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMergeReportsCommand } from '../../src/cli/merge-reports.ts';
import { runRunCommand } from '../../src/cli/run.ts';

interface Summary {
  total: number;
  counts: Record<string, number>;
  results: Array<{ id: string; verdict: string; tracePath?: string }>;
}
const read = (dir: string): Summary => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;
const verdicts = (s: Summary): string[] => s.results.map((r) => `${r.id} ${r.verdict}`).sort();

async function run(reportDir: string, extra: string[]): Promise<{ dir: string; code: number }> {
  const lines: string[] = [];
  const code = await runRunCommand(['--sim', '--sut', 'csms', '--block', 'G', '--no-html', '--quiet', '--report-dir', reportDir, ...extra], (l) => lines.push(l));
  const m = /Reports under (\S+)/.exec(lines.join('\n'));
  if (!m?.[1]) throw new Error(`no report folder in the output:\n${lines.join('\n')}`);
  return { dir: m[1], code };
}

describe('shards and merge-reports', () => {
  it('three shards merged equal one run (verdicts, counts, profile table)', { timeout: 600_000 }, async () => {
    const base = mkdtempSync(join(tmpdir(), 'shard-merge-'));
    const [single, ...shards] = await Promise.all([run(join(base, 'single'), []), ...[1, 2, 3].map((i) => run(join(base, `shard${i}`), ['--shard', `${i}/3`]))]);
    const parts = shards.map((s) => read(s.dir));
    // Each shard ran a part; together every case once.
    expect(parts.every((p) => p.total > 0)).toBe(true);
    expect(parts.flatMap((p) => p.results.map((r) => r.id)).sort()).toEqual(read(single.dir).results.map((r) => r.id).sort());
    const lines: string[] = [];
    const out = join(base, 'merged');
    const code = await runMergeReportsCommand([...shards.map((s) => s.dir), '--out', out, '--no-html'], (l) => lines.push(l));
    const merged = read(out);
    const one = read(single.dir);
    expect(verdicts(merged)).toEqual(verdicts(one));
    expect(merged.counts).toEqual(one.counts);
    expect(code).toBe(single.code);
    const profileRow = (file: string): string | undefined => readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith('| Core'));
    expect(profileRow(join(out, 'profiles.md'))).toBe(profileRow(join(single.dir, 'profiles.md')));
    // The merged folder stands alone: its traces are copies inside it.
    expect(merged.results.every((r) => r.tracePath?.startsWith(join(out, 'traces')))).toBe(true);
    expect(lines.join('\n')).toMatch(/csms: 3 shard\(s\), \d+ case\(s\)/);
    // The same shard twice is not a split of one run.
    const twice: string[] = [];
    expect(await runMergeReportsCommand([shards[0]?.dir ?? '', shards[0]?.dir ?? '', '--out', join(base, 'bad'), '--no-html'], (l) => twice.push(l))).toBe(2);
    expect(twice.join('\n')).toMatch(/is in two shards/);
  });

  it('a bad --shard is a usage error', async () => {
    const lines: string[] = [];
    expect(await runRunCommand(['--sim', '--sut', 'csms', '--shard', '4/3'], (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toMatch(/--shard must be i\/n/);
  });
});
