// The junit.xml we write is valid against a JUnit schema of the shape CI reporters read (test/report/junit.xsd),
// checked with libxml2's validator (xmllint compiled to WebAssembly, no native install).
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { junitClassname, renderJUnit } from '../../src/report/junit.ts';
import { buildRunSummary } from '../../src/report/verdict.ts';
import { baseCase, tempDir, threeCaseRun } from './fixtures.ts';

const xsd = (): Promise<string> => readFile(new URL('./junit.xsd', import.meta.url), 'utf8');

async function validate(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: await xsd() }] });
  return result.errors.map((e) => e.message);
}

describe('junit.xml against a JUnit schema', () => {
  it('a run with every verdict validates', async () => {
    const base = await threeCaseRun(await tempDir());
    const summary = buildRunSummary({
      ...base,
      results: [
        ...base.results,
        baseCase({ id: 'TC_B_03_CS', verdict: 'ERROR', reason: 'transport crashed' }),
        baseCase({ id: 'TC_B_04_CS', verdict: 'INCONCLUSIVE', reason: 'no reboot', block: 'B Provisioning' }),
        baseCase({ id: 'TC_X_01_CS', verdict: 'NOT_APPLICABLE', reason: 'PICS', block: 'odd block: "name" <&>' }),
      ],
    });
    expect(await validate(renderJUnit(summary))).toEqual([]);
  });

  it('the schema is live: a testcase without a classname, or with two outcomes, is refused', async () => {
    const base = await threeCaseRun(await tempDir());
    const xml = renderJUnit(base);
    expect((await validate(xml.replace(/ classname="[^"]*"/, ''))).join('\n')).toMatch(/classname/);
    expect((await validate(xml.replace(/<system-out>/, '<skipped/><error/><system-out>'))).length).toBeGreaterThan(0);
  });

  it('classnames split into version, role and block the way Jenkins and GitLab show them', () => {
    expect(junitClassname({ version: '2.0.1', role: 'CSMS', block: 'A Security' })).toBe('OCPP201.CSMS.A_Security');
    expect(junitClassname({ version: '2.1', role: 'ChargingStation', block: 'B Provisioning' })).toBe('OCPP21.ChargingStation.B_Provisioning');
    expect(junitClassname({ version: '2.1', role: 'CSMS', block: ']]>' })).toBe('OCPP21.CSMS.unknown');
  });
});
