// Finding 5: no password or private key in a report folder (a CI artifact), throw-away PKIs deleted after the run,
// certificate folders private whatever the umask.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRunCommand } from '../../src/cli/run.ts';
import { temporaryPkisMade } from '../../src/pki/index.ts';
import { stationSutConfig } from '../../src/runner/simulator-config.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ocpp-secrets-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Files of a folder that contain one of the needles, with the needle. */
function leaks(dir: string, needles: string[]): string[] {
  return filesUnder(dir).flatMap((f) => {
    const text = readFileSync(f, 'latin1');
    return needles.filter((n) => text.includes(n)).map((n) => `${f}: ${n}`);
  });
}

describe('secrets stay out of the reports', () => {
  it('a station run over Basic Auth and a CSMS run over TLS leave no password nor private key under the report folder', { timeout: 120_000 }, async () => {
    const password = stationSutConfig().basicAuthPassword;
    expect(password).toBeTruthy();
    const reports = join(tmp, 'reports');
    const before = temporaryPkisMade().length;
    const code = await runRunCommand(['--sim', '--case', 'TC_B_01_CS', '--case', 'TC_B_01_CSMS', '--security-profile', '2', '--no-html', '--quiet', '--report-dir', reports], () => undefined);
    expect(code).toBe(0);
    expect(filesUnder(reports).some((f) => f.endsWith('run-context.json'))).toBe(true);
    expect(leaks(reports, [password!, 'PRIVATE KEY'])).toEqual([]);
    // The throw-away PKI the TLS run needed is gone.
    const made = temporaryPkisMade().slice(before);
    expect(made.length).toBeGreaterThan(0);
    expect(made.filter((d) => existsSync(d))).toEqual([]);
  });

  it('certs init under umask 000 makes folders only their owner can enter (keys stay 0600)', { timeout: 120_000 }, () => {
    const dir = join(tmp, 'certs');
    const r = spawnSync('sh', ['-c', `umask 000 && "${process.execPath}" --import tsx src/cli/main.ts certs init --dir "${dir}"`], { cwd: resolve('.'), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const dirs = [dir, ...filesUnder(dir).map((f) => f.slice(0, f.lastIndexOf('/')))];
    const open = [...new Set(dirs)].filter((d) => (statSync(d).mode & 0o077) !== 0).map((d) => `${d} ${(statSync(d).mode & 0o777).toString(8)}`);
    expect(open).toEqual([]);
    const keys = filesUnder(dir).filter((f) => /key/i.test(f) && (statSync(f).mode & 0o077) !== 0);
    expect(keys).toEqual([]);
  });
});
