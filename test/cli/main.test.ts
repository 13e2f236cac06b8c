// The `ocpp-conformance` entry point, run once as a child process: an unknown command is a usage error (exit 2).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/runner/index.ts';

describe('main dispatch', () => {
  it('an unknown command exits 2, names it and shows the commands', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'frobnicate'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
    expect(r.stderr).toMatch(/commands:\n {2}run /);
  });
});
