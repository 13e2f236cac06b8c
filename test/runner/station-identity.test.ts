// A pool of station identities against a CSMS: the run config's "sut.identities" (list or pattern), which worker runs
// under which identity, `sim csms --station`, and the refusal of --parallel N with fewer identities than workers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRunCommand } from '../../src/cli/run.ts';
import { expandPattern, fillPlaceholder, parseStationSpec } from '../../src/config/identity-pool.ts';
import { loadRunConfig } from '../../src/config/load.ts';
import type { RunConfig } from '../../src/config/types.ts';
import { identityOfWorker, identityPool, poolShortfall, workerIndex } from '../../src/runner/station-identity.ts';
import { carryForward, loadIdentityState } from '../../src/runner/sut-state.ts';

const tmp = mkdtempSync(join(tmpdir(), 'identity-pool-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function csmsConfig(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sut: { role: 'CSMS', csmsUrl: 'ws://127.0.0.1:1/ocpp', identity: 'CS001', ...extra },
    ocppVersion: '2.0.1',
    securityProfile: 1,
    basicAuthPassword: 'the-default-password-01',
    actions: { kind: 'http-octt', baseUrl: 'http://127.0.0.1:1' },
  };
}

function load(raw: Record<string, unknown>): RunConfig {
  const r = loadRunConfig(raw, { baseDir: tmp });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.config;
}

describe('identity patterns', () => {
  it('fills {n} and the zero-padded {n:W}', () => {
    expect(fillPlaceholder('CS{n}', 7)).toBe('CS7');
    expect(fillPlaceholder('CS{n:3}-{n}', 7)).toBe('CS007-7');
    expect(expandPattern({ pattern: 'CS{n:3}', count: 3, from: 9, basicAuthPassword: 'pw-{n:3}' }, 'f')).toEqual([
      { identity: 'CS009', basicAuthPassword: 'pw-009' },
      { identity: 'CS010', basicAuthPassword: 'pw-010' },
      { identity: 'CS011', basicAuthPassword: 'pw-011' },
    ]);
  });

  it('refuses a pattern without a placeholder or one giving no identity', () => {
    expect(() => expandPattern({ pattern: 'CS', count: 2 }, 'sut.identities')).toThrow(/sut.identities.pattern: "CS" has no \{n\}/);
    expect(() => expandPattern({ pattern: 'CS:{n}', count: 2 }, 'sut.identities')).toThrow(/gives "CS:1", which is not a station identity/);
  });

  it('sim csms --station: lists, passwords per identity, patterns with a count', () => {
    expect(parseStationSpec('CS001,CS002:pw:with:colons', undefined, undefined)).toEqual([{ identity: 'CS001' }, { identity: 'CS002', basicAuthPassword: 'pw:with:colons' }]);
    expect(parseStationSpec('CS{n:3}:pw-{n:3}', 2, undefined)).toEqual([
      { identity: 'CS001', basicAuthPassword: 'pw-001' },
      { identity: 'CS002', basicAuthPassword: 'pw-002' },
    ]);
    expect(() => parseStationSpec('CS{n}', undefined, undefined)).toThrow(/--station-count/);
    expect(() => parseStationSpec('CS001,,CS002', undefined, undefined)).toThrow(/empty entry/);
  });
});

describe('the run config\'s "sut.identities"', () => {
  it('without it the pool is the one identity', () => {
    expect(identityPool(load(csmsConfig()))).toEqual([{ identity: 'CS001' }]);
  });

  it('a pattern: "identity" first, the duplicate dropped', () => {
    const c = load(csmsConfig({ identities: { pattern: 'CS{n:3}', count: 4, basicAuthPassword: 'password-of-{n:3}-padded' } }));
    expect(identityPool(c).map((p) => p.identity)).toEqual(['CS001', 'CS002', 'CS003', 'CS004']);
    expect(identityPool(c)[0]?.basicAuthPassword).toBeUndefined(); // "identity" keeps the run's basicAuthPassword
    expect(identityPool(c)[2]?.basicAuthPassword).toBe('password-of-003-padded');
  });

  it('a list with passwords and certificates (paths made absolute, files must exist)', () => {
    writeFileSync(join(tmp, 'cs2.pem'), 'x');
    writeFileSync(join(tmp, 'cs2.key'), 'x');
    const c = load(csmsConfig({ identities: [{ identity: 'CS002', basicAuthPassword: 'second-password-0001', clientCert: 'cs2.pem', clientKey: 'cs2.key' }] }));
    expect(identityPool(c)[1]).toEqual({ identity: 'CS002', basicAuthPassword: 'second-password-0001', clientCert: join(tmp, 'cs2.pem'), clientKey: join(tmp, 'cs2.key') });
    const bad = loadRunConfig(csmsConfig({ identities: [{ identity: 'CS002', clientCert: 'missing.pem' }] }), { baseDir: tmp });
    expect(bad.ok ? [] : bad.errors.join('\n')).toMatch(/sut.identities\[0\].clientCert: file not found[\s\S]*give clientCert and clientKey together/);
  });

  it('worker k runs under the k-th identity', () => {
    const c = load(csmsConfig({ identities: { pattern: 'CS{n:3}', count: 3 } }));
    expect(workerIndex({})).toBe(0);
    expect(identityOfWorker(c, {}).identity).toBe('CS001');
    expect(identityOfWorker(c, { CUCUMBER_WORKER_ID: '2' }).identity).toBe('CS003');
    expect(() => identityOfWorker(c, { CUCUMBER_WORKER_ID: '3' })).toThrow(/worker 4 has no station identity/);
  });
});

describe('--parallel N against a CSMS', () => {
  it('is refused with fewer identities than workers, naming the field', () => {
    const one = load(csmsConfig());
    expect(poolShortfall(one, 1)).toBeUndefined();
    expect(poolShortfall(one, 4)).toMatch(/--parallel 4 .* names 1 \(CS001\)\. List at least 3 more in "sut.identities"/);
    const four = load(csmsConfig({ identities: { pattern: 'CS{n:3}', count: 4 } }));
    expect(poolShortfall(four, 4)).toBeUndefined();
    expect(poolShortfall(four, 5)).toMatch(/names 4/);
  });

  it('the CLI stops before any case (exit 2)', async () => {
    const file = join(tmp, 'one-identity.json');
    writeFileSync(file, JSON.stringify(csmsConfig()));
    const lines: string[] = [];
    const code = await runRunCommand(['--config', file, '--case', 'TC_B_01_CSMS', '--parallel', '2', '--no-html'], (l) => lines.push(l));
    expect(code).toBe(2);
    expect(lines.join('\n')).toMatch(/run: --parallel 2 .*"sut.identities"/);
  });
});

describe('carried SUT state is kept per identity', () => {
  it('a password one identity received is not carried to another', () => {
    const runDir = mkdtempSync(join(tmp, 'run-'));
    expect(carryForward(runDir, 'TC_A_09_CSMS', { basicAuthPassword: 'the-new-password-of-cs002' }, 'CS002')).toEqual(['the CSMS installed a new BasicAuthPassword on the station']);
    expect(loadIdentityState(runDir, 'CS002').credentials.basicAuthPassword).toBe('the-new-password-of-cs002');
    expect(loadIdentityState(runDir, 'CS001')).toEqual({ credentials: {}, changes: [] });
  });
});
