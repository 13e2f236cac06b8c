// `ocpp-conformance run`: tag expressions, usage errors (exit 2 before anything runs), and two real runs against the
// built-in CSMS simulator (cucumber is spawned by runRunCommand itself), one clean and one with a fault.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { idsFromTags, runRunCommand } from '../../src/cli/run.ts';
import { selectCases } from '../../src/cli/selection.ts';
import type { SummaryJson } from '../../src/report/json-summary.ts';

const tmp = mkdtempSync(join(tmpdir(), 'cli-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await runRunCommand(argv, (l) => lines.push(l));
  return { code, text: lines.join('\n') };
}

describe('idsFromTags', () => {
  it.each([
    ['one tag', '@TC_B_01_CS', { include: ['TC_B_01_CS'], exclude: [] }],
    ['or', '@TC_B_01_CS or @tc_b_02_csms', { include: ['TC_B_01_CS', 'TC_B_02_CSMS'], exclude: [] }],
    ['not', 'not @TC_B_03_CS', { include: [], exclude: ['TC_B_03_CS'] }],
    ['not ... and not ...', 'not @TC_B_03_CS and not @TC_B_04_CS', { include: [], exclude: ['TC_B_03_CS', 'TC_B_04_CS'] }],
    ['not of a group', 'not (@TC_B_03_CS or @TC_B_04_CS)', { include: [], exclude: ['TC_B_03_CS', 'TC_B_04_CS'] }],
    ['a group minus one', '(@TC_B_01_CS or @TC_B_02_CS) and not @TC_B_02_CS', { include: ['TC_B_01_CS'], exclude: [] }],
  ])('%s: %s', (_name, expression, expected) => {
    expect(idsFromTags(expression)).toEqual(expected);
  });

  it.each([
    ['no case tag', '@smoke', /--tags "@smoke": "@smoke" is not a case tag/],
    ['empty', '  ', /--tags " {2}": it is empty/],
    ['dangling operator', '@TC_B_01_CS or', /ends too early/],
    ['unclosed group', '(@TC_B_01_CS or @TC_B_02_CS', /a "\(" is not closed/],
    ['two tags without an operator', '@TC_B_01_CS @TC_B_02_CS', /unexpected "@TC_B_02_CS"/],
    ['a contradiction', '@TC_B_01_CS and @TC_B_02_CS', /selects no case \(every case has exactly one tag, its id\)/],
  ])('rejects %s', (_name, expression, message) => {
    expect(() => idsFromTags(expression)).toThrow(message);
  });
});

describe('run: usage errors exit 2 before anything runs', () => {
  const badConfig = join(tmp, 'bad-config.json');
  writeFileSync(badConfig, JSON.stringify({ sut: { role: 'ChargingStation', stationIdentity: 'CS-1' }, ocppVersion: '2.0.1', securityProfile: 5, bench: { evseId: 4 } }));

  it.each([
    ['nothing to test', [], /^run: say what to test: --config FILE \(a real SUT\), --sim or --main/],
    ['--fault without --sim (with a config)', ['--config', badConfig, '--fault', 'boot.wrongStatus'], /^run: --fault only applies to the built-in simulators \(--sim\)$/],
    ['--fault with --main', ['--main', '--fault', 'boot.wrongStatus'], /^run: --fault only applies to the built-in simulators \(--sim\)$/],
    ['--parallel not a number', ['--sim', '--parallel', 'many'], /^run: --parallel must be a whole number from 1 to 32, got "many"$/],
    ['--parallel zero', ['--sim', '--parallel', '0'], /^run: --parallel must be a whole number from 1 to 32, got "0"$/],
    ['bad --sut', ['--sim', '--sut', 'wallbox'], /^run: --sut must be "cs" .* got "wallbox"$/],
    ['unknown profile', ['--sim', '--profile', 'Coer'], /^run: --profile: unknown profile "Coer"/],
    ['unknown case id', ['--sim', '--case', 'TC_Z_99_CS'], /^run: --case: unknown case id "TC_Z_99_CS"/],
    ['bad --tags', ['--sim', '--tags', 'smoke'], /^run: --tags "smoke": "smoke" is not a case tag/],
    ['unknown flag', ['--sim', '--colour'], /^run: Unknown option '--colour'/],
    ['--security-profile out of range', ['--sim', '--security-profile', '5'], /^run: --security-profile must be 0, 1, 2 or 3 \(got "5"\)$/],
    ['--security-profile with a config', ['--config', badConfig, '--security-profile', '2'], /^run: --security-profile only applies to the built-in simulators/],
    ['missing config file', ['--config', join(tmp, 'nope.json')], /^run: the run config .*nope\.json has problems:\n {2}config: run config file not found/],
  ])('%s', async (_name, argv, message) => {
    const { code, text } = await run(argv);
    expect(code).toBe(2);
    expect(text).toMatch(message);
  });

  it('a config with errors lists every problem', async () => {
    const { code, text } = await run(['--config', badConfig]);
    expect(code).toBe(2);
    expect(text).toBe(
      `run: the run config ${badConfig} has problems:\n` +
        '  securityProfile: must be one of 0, 1, 2, 3 (got 5). Set "securityProfile" to the profile your SUT uses.',
    );
    // With the schema satisfied, the semantic problems are listed (here the bench EVSE).
    const semantic = join(tmp, 'semantic-config.json');
    writeFileSync(semantic, JSON.stringify({ sut: { role: 'ChargingStation', stationIdentity: 'CS-1' }, ocppVersion: '2.0.1', securityProfile: 1, bench: { evseId: 4 } }));
    const second = await run(['--config', semantic]);
    expect(second.code).toBe(2);
    expect(second.text.split('\n')).toEqual([
      `run: the run config ${semantic} has problems:`,
      `  basicAuthPassword: missing. Security profile 1 uses HTTP Basic Auth; set "basicAuthPassword" to the station's password (16 to 40 characters).`,
      '  bench.evseId: EVSE 4 is not in "evses" (it lists 1). Use one of those ids, or add the EVSE to "evses".',
    ]);
  });

  it('an empty selection exits 2 (a simulator run keeps only implemented cases)', async () => {
    const notImplemented = selectCases({ role: 'csms' }).find((e) => e.featurePath === null);
    expect(notImplemented, 'some CSMS case has no feature yet').toBeDefined();
    const { code, text } = await run(['--sim', '--sut', 'csms', '--case', notImplemented?.testCase.id ?? '', '--report-dir', tmp]);
    expect(code).toBe(2);
    expect(text).toBe('run: the selection is empty; `ocpp-conformance list --all` shows what can be selected');
  });
});

function onlySummary(reportDir: string): SummaryJson {
  const runs = readdirSync(reportDir);
  expect(runs).toHaveLength(1);
  return JSON.parse(readFileSync(join(reportDir, runs[0] ?? '', 'summary.json'), 'utf8')) as SummaryJson;
}

describe('run: against the built-in CSMS simulator', () => {
  it('TC_B_01_CSMS passes: exit 0 and summary.json says PASS', async () => {
    const reportDir = join(tmp, 'clean');
    const { code, text } = await run(['--sim', '--sut', 'csms', '--case', 'TC_B_01_CSMS', '--no-html', '--report-dir', reportDir]);
    expect(code, text).toBe(0);
    const summary = onlySummary(reportDir);
    expect(summary.overall).toBe('PASS');
    expect(summary.exitCode).toBe(0);
    expect(summary.results.map((r) => [r.id, r.verdict])).toEqual([['TC_B_01_CSMS', 'PASS']]);
    expect(text).toContain('TC_B_01_CSMS');
  });

  it('a CSMS under test runs over SP2 by default, so the TLS case TC_A_04_CSMS applies and passes; over SP1 it is NOT_APPLICABLE', async () => {
    const sp2 = join(tmp, 'sp2');
    const first = await run(['--sim', '--sut', 'csms', '--case', 'TC_A_04_CSMS', '--no-html', '--quiet', '--report-dir', sp2]);
    expect(first.code, first.text).toBe(0);
    expect(onlySummary(sp2).results.map((r) => [r.id, r.verdict])).toEqual([['TC_A_04_CSMS', 'PASS']]);
    const sp1 = join(tmp, 'sp1');
    const second = await run(['--sim', '--sut', 'csms', '--case', 'TC_A_04_CSMS', '--security-profile', '1', '--no-html', '--quiet', '--report-dir', sp1]);
    expect(second.code, second.text).toBe(0);
    const [result] = onlySummary(sp1).results;
    expect([result?.verdict, result?.reason]).toEqual(['NOT_APPLICABLE', 'the case runs under security profile SP2 or SP3; this run uses SP1']);
  });

  it('with --fault boot.wrongStatus it fails: exit 1 and summary.json says FAIL', async () => {
    const reportDir = join(tmp, 'fault');
    const { code, text } = await run(['--sim', '--sut', 'csms', '--case', 'TC_B_01_CSMS', '--fault', 'boot.wrongStatus', '--no-html', '--quiet', '--report-dir', reportDir]);
    expect(code, text).toBe(1);
    const summary = onlySummary(reportDir);
    expect(summary.overall).toBe('FAIL');
    expect(summary.exitCode).toBe(1);
    expect(summary.results[0]?.verdict).toBe('FAIL');
    expect(summary.results[0]?.failure?.actual).toBeTruthy();
  });
});
