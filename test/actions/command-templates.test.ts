// actions.kind "command" with one template per action: the shipped example (examples/station-command-bench.json with
// examples/bench.sh) loads, passes the template check and drives every station action; a template that uses a
// placeholder its action lacks (the old one-string hint) is refused before the run, naming the action.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandTemplateProblems } from '../../src/actions/command-check.ts';
import { sutActionsFor } from '../../src/actions/index.ts';
import { configProblem } from '../../src/cli/preflight.ts';
import { loadRunConfig } from '../../src/config/index.ts';

const tmp = mkdtempSync(join(tmpdir(), 'command-bench-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the documented command bench', () => {
  it('loads, passes the checks and runs one command per station action', async () => {
    const loaded = loadRunConfig('examples/station-command-bench.json');
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const config = loaded.config;
    expect(await configProblem(config)).toBeUndefined();
    const log = join(tmp, 'bench.log');
    process.env['BENCH_LOG'] = log;
    try {
      const bench = sutActionsFor(config.actions, { version: '2.0.1', station: 'LAB-WALLBOX-01', promptTimeoutMs: 1000 });
      await bench.plugIn(1, 1);
      await bench.presentIdToken('04A1B2C3D4E5F6', 'ISO14443', 1);
      await bench.plugOut(1, 1);
      await bench.setOnline(false);
      await bench.parkingBay(true, 2);
      await bench.reboot();
    } finally {
      delete process.env['BENCH_LOG'];
    }
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['plug-in 1 1', 'card 04A1B2C3D4E5F6 ISO14443 1', 'plug-out 1 1', 'network false', 'parking-bay true 2', 'reboot']);
  });
});

describe('commandTemplateProblems', () => {
  it('the old one-string hint fails for the actions without an EVSE, and {action} is no station placeholder', () => {
    const problems = commandTemplateProblems('./bench.sh {action} {evseId}', 'ChargingStation');
    expect(problems).toHaveLength(6);
    expect(problems.find((p) => p.includes('serves reboot'))).toBe(
      'actions.command: "./bench.sh {action} {evseId}" serves reboot, which has no {action}, {evseId} (it has {name}, {station}, {version}). Give reboot its own template ("command": {"reboot": "..."}), or use only placeholders every action has.',
    );
  });

  it('a one-string template with only common placeholders serves every action', () => {
    expect(commandTemplateProblems('./bench.sh {name} {station}', 'ChargingStation')).toEqual([]);
    expect(commandTemplateProblems('./csms-ctl {action} {payload}', 'CSMS')).toEqual(['actions.command: "./csms-ctl {action} {payload}" serves helper, which has no {action} (it has {name}, {station}, {version}, {helper}, {payload}). Give helper its own template ("command": {"helper": "..."}), or use only placeholders every action has.']);
  });

  it('per-action templates: each is checked against its own action, "*" against the actions it serves', () => {
    expect(commandTemplateProblems({ plugIn: './b in {evseId} {connectorId}', '*': './b {name}' }, 'ChargingStation')).toEqual([]);
    expect(commandTemplateProblems({ reboot: './b reboot {evseId}', '*': './b {name}' }, 'ChargingStation')).toEqual([
      'actions.command.reboot: "./b reboot {evseId}" serves reboot, which has no {evseId} (it has {name}, {station}, {version}). Give reboot its own template ("command": {"reboot": "..."}), or use only placeholders every action has.',
    ]);
    // A bench that cannot do an action leaves it out; the cases that need it end INCONCLUSIVE at run time.
    expect(commandTemplateProblems({ plugIn: './b in {evseId}' }, 'ChargingStation')).toEqual([]);
  });
});

describe('bench.authorizeVariant "remote"', () => {
  it('is refused before the run instead of being ignored', async () => {
    const loaded = loadRunConfig({ sut: { role: 'ChargingStation', stationIdentity: 'CS-1' }, ocppVersion: '2.0.1', securityProfile: 0, bench: { authorizeVariant: 'remote' } });
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    expect(await configProblem(loaded.config)).toMatch(/^bench.authorizeVariant: "remote" is not used: Part 6 says per case which variant of Authorized it runs .* Remove the field or set it to "local"\.$/);
  });
});
