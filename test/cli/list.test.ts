// `ocpp-conformance list`: the counts of a selection, and the usage errors (exit 2, naming the flag).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.ts';
import { runListCommand } from '../../src/cli/list.ts';
import { REPO_ROOT } from '../../src/runner/index.ts';

async function list(argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runListCommand(argv, (l) => lines.push(l));
  return { code, lines };
}

/** Ids of the feature files under features/csms whose 2.0.1 catalog case is in the Core profile. */
function coreCsmsFeatureIds(): string[] {
  const catalog = loadCatalog();
  const dir = join(REPO_ROOT, 'features', 'csms');
  const ids = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(dir, d.name)).filter((f) => f.endsWith('.feature')).map((f) => f.replace(/\.feature$/, '')));
  return ids.filter((id) => catalog.get(id, '2.0.1')?.profiles.some((p) => p.profile === 'Core'));
}

describe('list: counts', () => {
  it('--sut csms --profile Core: 132 cases for 2.0.1, implemented = the Core feature files under features/csms', async () => {
    const implemented = coreCsmsFeatureIds();
    expect(implemented.length).toBeGreaterThan(0);
    const { code, lines } = await list(['--sut', 'csms', '--profile', 'Core']);
    expect(code).toBe(0);
    const last = lines.at(-1) ?? '';
    const m = /^(\d+) cases selected \((\d+) M, (\d+) C or none\); (\d+) implemented, (\d+) not yet$/.exec(last);
    expect(m, last).not.toBeNull();
    const [, total, mandatory, other, impl, notYet] = (m ?? []).map(Number);
    expect(total).toBe(132);
    expect((mandatory ?? 0) + (other ?? 0)).toBe(132);
    expect(impl).toBe(implemented.length);
    expect(notYet).toBe(132 - implemented.length);
    // Without --all only the implemented cases are listed, one line each, all marked "impl".
    const rows = lines.slice(0, -1);
    expect(rows.map((l) => /TC_\w+/.exec(l)?.[0]).sort()).toEqual([...implemented].sort());
    expect(rows.every((l) => l.startsWith('impl'))).toBe(true);
  });

  it('--all --json lists the whole selection with its implemented flags', async () => {
    const { code, lines } = await list(['--sut', 'csms', '--profile', 'Core', '--all', '--json']);
    expect(code).toBe(0);
    const rows = JSON.parse(lines.join('\n')) as Array<{ id: string; role: string; implemented: boolean }>;
    expect(rows).toHaveLength(132);
    expect(rows.every((r) => r.role === 'CSMS')).toBe(true);
    expect(rows.filter((r) => r.implemented).map((r) => r.id).sort()).toEqual(coreCsmsFeatureIds().sort());
  });
});

describe('list: usage errors exit 2 and name the flag', () => {
  it.each([
    ['bad --sut', ['--sut', 'wallbox'], /^list: --sut must be "cs" .* got "wallbox"$/],
    ['unknown profile', ['--profile', 'Coer'], /^list: --profile: unknown profile "Coer" for OCPP 2\.0\.1; known: .*Core/],
    ['unknown case id', ['--case', 'TC_Z_99_CS'], /^list: --case: unknown case id "TC_Z_99_CS" for OCPP 2\.0\.1$/],
    ['bad --version', ['--version', '1.6'], /^list: --version must be 2\.0\.1 or 2\.1, got "1\.6"$/],
    ['unknown flag', ['--colour'], /^list: Unknown option '--colour'/],
  ])('%s', async (_name, argv, message) => {
    const { code, lines } = await list(argv);
    expect(code).toBe(2);
    expect(lines.join('\n')).toMatch(message);
  });
  it('--version 2.1 counts the 2.1 catalog by role, block, profile and flow, and what runs under 2.1', async () => {
    const { code, lines } = await list(['--version', '2.1', '--sut', 'csms']);
    expect(code).toBe(0);
    expect(lines).toContain('OCPP 2.1: 907 cases (ChargingStation 578, CSMS 329)');
    expect(lines.some((l) => /^ {2}CSMS by block: A 13, B 27, /.test(l))).toBe(true);
    expect(lines.some((l) => /^ {2}profile Core: ChargingStation \d+ M \+ \d+ C, CSMS 114 M \+ 36 C$/.test(l))).toBe(true);
    expect(lines).toContain('  CSMS flow vs 2.0.1: same 204, changed 45, new 78, unknown 2');
    expect(lines.some((l) => /^ {2}implemented for 2\.1: \d+ of \d+ feature files \(by profile: Core \d+/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^329 cases selected/);
  });
});
