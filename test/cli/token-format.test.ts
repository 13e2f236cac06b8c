// A run config file with an ISO14443 idToken that is not a card UID is refused before the run, naming the field.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRunCommand } from '../../src/cli/run.ts';
import { loadRunConfig } from '../../src/config/index.ts';

const tmp = mkdtempSync(join(tmpdir(), 'cli-tokens-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, idTokens: unknown): string {
  const path = join(tmp, `${name}.json`);
  writeFileSync(path, JSON.stringify({ sut: { role: 'ChargingStation', stationIdentity: 'CS-1' }, ocppVersion: '2.0.1', securityProfile: 0, idTokens }));
  return path;
}

const ok = { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' };

describe('ISO14443 idTokens in a run config file', () => {
  it('4- and 7-byte hex UIDs (either case) and other types in any shape are accepted', () => {
    const path = file('good', { valid: [ok, { idToken: 'a1b2c3d4', type: 'ISO14443' }], invalid: { idToken: 'NOT-A-CARD', type: 'Central' }, blocked: { idToken: '04FFFFFFFFFF02', type: 'ISO14443' }, expired: { idToken: '04FFFFFFFFFF03', type: 'ISO14443' } });
    const r = loadRunConfig(path);
    expect(r.ok, r.ok ? '' : r.errors.join('\n')).toBe(true);
  });

  it('a token that is not a UID: run refuses the config (exit 2) with one line per token naming the field', async () => {
    const path = file('bad', { valid: [{ idToken: 'OCTT-VALID-0001', type: 'ISO14443' }], invalid: { idToken: '04A1B2C3D4', type: 'ISO14443' }, blocked: { idToken: '04FFFFFFFFFF02', type: 'ISO14443' }, expired: { idToken: '04FFFFFFFFFF03', type: 'ISO14443' } });
    const lines: string[] = [];
    expect(await runRunCommand(['--config', path], (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n').split('\n')).toEqual([
      `run: the run config ${path} has problems:`,
      '  idTokens.valid[0].idToken: an ISO14443 idToken is the card\'s UID in hex, 8 or 14 hex characters (4 or 7 bytes), e.g. "04A1B2C3D4E5F6" (got "OCTT-VALID-0001"). Use the UID the station reads from the card, or another type (e.g. "Central").',
      '  idTokens.invalid.idToken: an ISO14443 idToken is the card\'s UID in hex, 8 or 14 hex characters (4 or 7 bytes), e.g. "04A1B2C3D4E5F6" (got "04A1B2C3D4"). Use the UID the station reads from the card, or another type (e.g. "Central").',
    ]);
  });

  it('the shipped examples pass the check', () => {
    for (const example of ['examples/station-under-test.json', 'examples/csms-under-test.json']) {
      const r = loadRunConfig(example);
      expect(r.ok ? [] : r.errors.filter((e) => e.includes('ISO14443'))).toEqual([]);
    }
  });
});
