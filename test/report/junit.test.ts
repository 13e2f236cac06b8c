import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJUnit, writeJUnit } from '../../src/report/junit.ts';
import { buildRunSummary } from '../../src/report/verdict.ts';
import { escapeXmlAttr, escapeXmlText } from '../../src/report/xml.ts';
import { baseCase, NASTY_FRAME, tempDir, threeCaseRun } from './fixtures.ts';
import { childrenNamed, parseStrictXml, type XmlElement } from './xml-check.ts';

function only(el: XmlElement, name: string): XmlElement {
  const found = childrenNamed(el, name);
  expect(found, `<${el.name}> has exactly one <${name}>`).toHaveLength(1);
  return found[0] as XmlElement;
}

describe('the strict XML checker (so the JUnit test can fail)', () => {
  it('rejects raw control characters, bad references, raw ampersands and unbalanced tags', () => {
    expect(() => parseStrictXml('<a>x\u0001y</a>')).toThrow(/illegal XML character/);
    expect(() => parseStrictXml('<a>&#1;</a>')).toThrow(/non-XML character/);
    expect(() => parseStrictXml('<a>&nbsp;</a>')).toThrow(/unknown entity/);
    expect(() => parseStrictXml('<a>a & b</a>')).toThrow(/unterminated reference/);
    expect(() => parseStrictXml('<a><b></a></b>')).toThrow(/does not match/);
    expect(() => parseStrictXml('<a x=1/>')).toThrow(/unquoted/);
    expect(() => parseStrictXml('<a/><b/>')).toThrow(/second root/);
    expect(() => parseStrictXml('<a>]]></a>')).toThrow(/\]\]>/);
    expect(parseStrictXml('<a k="1&#10;2">t&lt;</a>')).toEqual({ name: 'a', attrs: { k: '1\n2' }, children: [], text: 't<' });
  });
});

describe('xml escaping', () => {
  it('makes any text well-formed and keeps control characters visible', () => {
    const text = escapeXmlText(NASTY_FRAME);
    const parsed = parseStrictXml(`<a k="${escapeXmlAttr(NASTY_FRAME)}">${text}</a>`);
    expect(parsed.text).toContain('Acc\\u0001epted');
    expect(parsed.text).toContain('\\u0000\\u001b[0m\\uffff\\ud800');
    expect(parsed.text).toContain('<a href=\\"&amp;\\">]]>');
    expect(parsed.attrs.k).toBe(parsed.text);
  });
  it('keeps a valid surrogate pair (emoji) intact', () => {
    expect(parseStrictXml(`<a>${escapeXmlText('⚡🔌')}</a>`).text).toBe('⚡🔌');
  });
});

describe('writeJUnit', () => {
  it('writes a well-formed junit.xml with one suite per role+block and the verdict mapping', async () => {
    const dir = await tempDir();
    const base = await threeCaseRun(dir);
    const summary = buildRunSummary({
      ...base,
      results: [
        ...base.results,
        baseCase({ id: 'TC_B_03_CS', verdict: 'ERROR', reason: 'transport crashed: EADDRINUSE' }),
        baseCase({ id: 'TC_B_04_CS', verdict: 'INCONCLUSIVE', reason: 'the station never rebooted within 60 s' }),
      ],
    });
    const file = await writeJUnit(summary, path.join(dir, 'out'));
    expect(path.basename(file)).toBe('junit.xml');
    const root = parseStrictXml(await readFile(file, 'utf8'));

    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '5', failures: '2', errors: '1', skipped: '1' });
    const suites = childrenNamed(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual(['ChargingStation / B Provisioning', 'ChargingStation / C Authorization']);
    const b = suites[0] as XmlElement;
    expect(b.attrs).toMatchObject({ tests: '4', failures: '2', errors: '1', skipped: '0', time: '4.800' });
    const cases = new Map(childrenNamed(b, 'testcase').map((c) => [c.attrs.name?.split(' ')[0], c]));

    const pass = cases.get('TC_B_01_CS') as XmlElement;
    expect(pass.attrs.classname).toBe('OCPP201.ChargingStation.B_Provisioning');
    expect(childrenNamed(pass, 'failure')).toHaveLength(0);
    expect(childrenNamed(pass, 'error')).toHaveLength(0);

    const fail = only(cases.get('TC_B_02_CS') as XmlElement, 'failure');
    expect(fail.attrs.type).toBe('FAIL');
    expect(fail.attrs.message).toContain('B02.FR.02');
    expect(fail.text).toContain('Step 3: while Pending the station only answers the CSMS');
    expect(fail.text).toContain('Requirement ids: B02.FR.02');
    expect(fail.text).toContain('Expected: no CALL other than BootNotificationRequest while Pending');
    expect(fail.text).toContain('Actual: StatusNotificationRequest <connector 1> & "Available"');
    expect(fail.text).toContain('Frame: [3,"42",{"status":"Acc\\u0001epted"');
    expect(fail.text).toContain('TC_B_02_CS.ndjson');

    const err = only(cases.get('TC_B_03_CS') as XmlElement, 'error');
    expect(err.attrs.message).toBe('transport crashed: EADDRINUSE');
    expect(childrenNamed(cases.get('TC_B_03_CS') as XmlElement, 'failure')).toHaveLength(0);

    const inc = only(cases.get('TC_B_04_CS') as XmlElement, 'failure');
    expect(inc.attrs.type).toBe('INCONCLUSIVE');

    const na = only(only(suites[1] as XmlElement, 'testcase'), 'skipped');
    expect(na.attrs.message).toBe('PICS: AuthCacheCtrlr not supported');
  });

  it('stays well-formed when titles, ids and reasons carry hostile text', async () => {
    const summary = buildRunSummary({
      runId: 'r"<&>',
      startedAt: 'x',
      finishedAt: 'y',
      sut: { role: 'CSMS', version: '2.1' },
      results: [baseCase({ id: 'TC_<&>"', title: 'a\u0007b\r\nc', verdict: 'ERROR', reason: '\u0000\t"\'<', block: ']]>' })],
    });
    const root = parseStrictXml(renderJUnit(summary));
    const tc = only(only(root, 'testsuite'), 'testcase');
    expect(tc.attrs.name).toBe('TC_<&>" a\\u0007b\r\nc');
    expect(only(tc, 'error').attrs.message).toBe('? "\'<');
  });
});
