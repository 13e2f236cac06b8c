// expectedFailures in the run config: read as declared, refused with the field named when malformed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRunConfig } from '../../src/config/load.ts';

const tmp = mkdtempSync(join(tmpdir(), 'xfail-config-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const base = { sut: { role: 'CSMS', csmsUrl: 'ws://127.0.0.1:9000/ocpp', identity: 'CS001' }, ocppVersion: '2.0.1', securityProfile: 1, basicAuthPassword: 'a-password-of-16+chars' };

describe('expectedFailures', () => {
  it('defaults to none and keeps declarations as written', () => {
    const none = loadRunConfig(base, { baseDir: tmp });
    expect(none.ok && none.config.expectedFailures).toEqual([]);
    const declared = [{ case: 'TC_B_02_CSMS', reason: 'boot interval ignored', reference: 'BUG-17' }];
    const r = loadRunConfig({ ...base, expectedFailures: declared }, { baseDir: tmp });
    expect(r.ok && r.config.expectedFailures).toEqual(declared);
  });

  it('refuses a declaration without a reason or with a malformed case id, naming the field', () => {
    const r = loadRunConfig({ ...base, expectedFailures: [{ case: 'B_02' }] }, { baseDir: tmp });
    expect(r.ok).toBe(false);
    const text = r.ok ? '' : r.errors.join('\n');
    expect(text).toMatch(/expectedFailures/);
    expect(text).toMatch(/reason|case/);
  });
});
