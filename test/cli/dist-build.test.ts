// The compiled CLI path (scripts/build.js, scripts/dist-state.js): dist is used only while it was built from exactly
// the current sources; an edited (newer or older mtime), added or removed source, a moved checkout, an older build
// format or OCPP_CONFORMANCE_NO_DIST=1 make the launcher and the cucumber child fall back to tsx. And the real bundle
// behaves like the TypeScript it was made from.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEntry, distState, manifestFor, NO_DIST_ENV } from '../../scripts/dist-state.js';
import { build } from '../../scripts/build.js';
import { cucumberGlue } from '../../src/runner/cucumber-glue.ts';
import { REPO_ROOT } from '../../src/runner/run-cases.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A checkout in miniature: two sources and a dist whose manifest matches them. */
function fakeCheckout(): string {
  const root = mkdtempSync(join(tmpdir(), 'ocpp-dist-'));
  roots.push(root);
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  mkdirSync(join(root, 'steps'), { recursive: true });
  writeFileSync(join(root, 'src', 'cli', 'main.ts'), 'export {};\n');
  writeFileSync(join(root, 'steps', 'hooks.ts'), 'export {};\n');
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'manifest.json'), JSON.stringify(manifestFor(root)));
  return root;
}

const env = {};

describe('dist staleness', () => {
  it('a build of exactly these sources is used by the launcher and the cucumber child', () => {
    const root = fakeCheckout();
    expect(distState(root, env)).toMatchObject({ fresh: true });
    expect(cliEntry(root, env)).toEqual([join(root, 'dist', 'cli.js')]);
    const glue = cucumberGlue(root, env);
    expect(glue.compiled).toBe(true);
    expect(glue.nodeArgs).toEqual(['--import', join(root, 'dist', 'parent-watch.js')]);
    expect(glue.configuration).toEqual({ file: 'cucumber.mjs', profiles: ['compiled'] });
  });

  it('an edited source (its mtime moved either way) makes both fall back to tsx', () => {
    for (const shift of [+5, -5]) {
      const root = fakeCheckout();
      const file = join(root, 'steps', 'hooks.ts');
      const t = new Date(Date.now() + shift * 1000);
      utimesSync(file, t, t);
      expect(distState(root, env)).toEqual({ dir: join(root, 'dist'), fresh: false, reason: 'steps/hooks.ts changed since the build' });
      const entry = cliEntry(root, env);
      expect(entry[0]).toBe('--import');
      expect(entry[1]).toMatch(/tsx/);
      expect(entry[2]).toBe(join(root, 'src', 'cli', 'main.ts'));
      const glue = cucumberGlue(root, env);
      expect(glue.compiled).toBe(false);
      expect(glue.nodeArgs.slice(0, 2)).toEqual(['--import', 'tsx']);
      expect(glue.configuration).toEqual({ file: 'cucumber.mjs', profiles: [] });
    }
  });

  it('an added or removed source, another folder, an older format, no build, or the switch make dist stale', () => {
    const added = fakeCheckout();
    writeFileSync(join(added, 'src', 'cli', 'new.ts'), 'export {};\n');
    expect(distState(added, env).reason).toBe('source files were added or removed since the build');
    const removed = fakeCheckout();
    rmSync(join(removed, 'steps', 'hooks.ts'));
    expect(distState(removed, env).reason).toBe('source files were added or removed since the build');
    const moved = fakeCheckout();
    writeFileSync(join(moved, 'dist', 'manifest.json'), JSON.stringify({ ...manifestFor(moved), root: '/elsewhere' }));
    expect(distState(moved, env).reason).toBe('built in another folder');
    const old = fakeCheckout();
    writeFileSync(join(old, 'dist', 'manifest.json'), JSON.stringify({ ...manifestFor(old), format: 0 }));
    expect(distState(old, env).reason).toBe('built by an older build script');
    const none = fakeCheckout();
    rmSync(join(none, 'dist'), { recursive: true });
    expect(distState(none, env).reason).toBe('no build (npm run build)');
    expect(distState(fakeCheckout(), { [NO_DIST_ENV]: '1' }).fresh).toBe(false);
  });
});

describe('the real build', () => {
  it('is fresh right after `npm run build`, and its CLI answers as the TypeScript does', async () => {
    await build(REPO_ROOT);
    expect(distState(REPO_ROOT, env)).toMatchObject({ fresh: true });
    const args = ['list', '--profile', 'Core', '--sut', 'csms'];
    const compiled = execFileSync(process.execPath, [join(REPO_ROOT, 'bin', 'ocpp-conformance.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
    const typescript = execFileSync(process.execPath, [join(REPO_ROOT, 'bin', 'ocpp-conformance.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, [NO_DIST_ENV]: '1' } });
    expect(compiled).toBe(typescript);
    expect(compiled).toMatch(/TC_B_01_CSMS/);
    // A run: compiled, the CLI runs inside the launcher and takes the cucumber child the launcher started first.
    const reports = mkdtempSync(join(tmpdir(), 'ocpp-dist-run-'));
    roots.push(reports);
    const run = ['run', '--sim', '--sut', 'csms', '--case', 'TC_B_01_CSMS', '--no-html', '--report-dir', reports];
    const runOnce = (env: Record<string, string>): string => execFileSync(process.execPath, [join(REPO_ROOT, 'bin', 'ocpp-conformance.js'), ...run], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
    for (const env of [{}, { [NO_DIST_ENV]: '1' }]) expect(runOnce(env)).toMatch(/\[1\/1\] PASS\s+TC_B_01_CSMS/);
    // A build found stale only after the launcher started the compiled cucumber child: that child is dropped and the
    // TypeScript CLI runs with its own. (Other tests running meanwhile fall back to tsx for that moment: still right.)
    const source = join(REPO_ROOT, 'src', 'cli', 'main.ts');
    const { atime, mtime } = statSync(source);
    utimesSync(source, atime, new Date(mtime.getTime() + 5000));
    try {
      expect(distState(REPO_ROOT, env)).toMatchObject({ fresh: false });
      expect(runOnce({})).toMatch(/\[1\/1\] PASS\s+TC_B_01_CSMS/);
    } finally {
      // Put back to the millisecond only (not exactly what the manifest recorded): the build makes dist fresh again.
      utimesSync(source, atime, mtime);
      await build(REPO_ROOT);
    }
    expect(distState(REPO_ROOT, env)).toMatchObject({ fresh: true });
  }, 180_000);
});
