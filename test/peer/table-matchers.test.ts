// The time and emptiness matchers of check tables: "about now", "now + D s", "± T s", "not empty", "present".
import { describe, expect, it } from 'vitest';
import { ScriptError } from '../../src/peer/errors.ts';
import { DEFAULT_TIME_TOLERANCE_S, evaluateChecks, parseChecks } from '../../src/peer/fields.ts';

const refs = (n: string): unknown => {
  if (n === 'configured heartbeatInterval') return 300;
  if (n === 'configured model') return 'M';
  throw new ScriptError(`unknown <${n}>`);
};
const iso = (offsetS: number): string => new Date(Date.now() + offsetS * 1000).toISOString();
/** Problems of one check row against one field value (undefined: the field is left out). */
function judge(message: string, path: string, expectation: string, value: unknown): string[] {
  const payload: Record<string, unknown> = {};
  if (value !== undefined) {
    const keys = path.split('.');
    let node = payload;
    keys.slice(0, -1).forEach((k) => (node = (node[k] = {}) as Record<string, unknown>));
    node[keys[keys.length - 1] ?? ''] = value;
  }
  return evaluateChecks(payload, parseChecks('2.0.1', message, [[path, expectation]]), refs);
}

describe('about now', () => {
  // A station case checks what the station sent (TransactionEventRequest); a CSMS case what the CSMS answered.
  it('accepts a dateTime within the default tolerance, in either role, whatever its zone spelling', () => {
    expect(judge('TransactionEventRequest', 'timestamp', 'about now', iso(-5))).toEqual([]);
    expect(judge('BootNotificationResponse', 'currentTime', 'about now', iso(DEFAULT_TIME_TOLERANCE_S - 5))).toEqual([]);
    const local = new Date(Date.now() + 2 * 3600_000).toISOString().replace(/\.\d+Z$/, '+02:00');
    expect(judge('HeartbeatResponse', 'currentTime', 'about now', local)).toEqual([]);
  });

  it('rejects a dateTime outside the tolerance, naming the distance and the clock it compared with', () => {
    const [problem] = judge('HeartbeatResponse', 'currentTime', 'about now', iso(-3600));
    expect(problem).toMatch(/^currentTime should be about now ± 60 s \(= \d{4}-.+Z on the test system's clock\) but is ".+" \(3600\.\d s early\)$/);
    expect(judge('HeartbeatResponse', 'currentTime', 'about now ± 5 s', iso(20))).toEqual([expect.stringMatching(/about now ± 5 s .*\(20\.\d s late\)/)]);
    expect(judge('HeartbeatResponse', 'currentTime', 'about now +/- 30 s', iso(20))).toEqual([]);
  });

  it('rejects an absent field and a value that is no dateTime', () => {
    expect(judge('HeartbeatResponse', 'currentTime', 'about now', undefined)).toEqual([expect.stringMatching(/^currentTime should be about now ± 60 s .* but is absent$/)]);
    expect(judge('HeartbeatResponse', 'currentTime', 'about now', 'yesterday')[0]).toMatch(/but is "yesterday" \(not a dateTime\)$/);
    expect(judge('HeartbeatResponse', 'currentTime', 'about now', iso(0).replace('Z', ''))[0]).toMatch(/not a dateTime/);
    expect(judge('HeartbeatResponse', 'currentTime', 'absent or about now', undefined)).toEqual([]);
  });
});

describe('now + duration', () => {
  it('accepts a dateTime the stated seconds ahead (or behind), within the tolerance', () => {
    expect(judge('ReserveNowRequest', 'expiryDateTime', 'now + 3600 s', iso(3600 - 20))).toEqual([]);
    expect(judge('ReserveNowRequest', 'expiryDateTime', 'now + 3600 s ± 10 s', iso(3605))).toEqual([]);
    expect(judge('TransactionEventRequest', 'timestamp', 'now - 60 s', iso(-70))).toEqual([]);
    expect(judge('ReserveNowRequest', 'expiryDateTime', 'now + <configured heartbeatInterval> s', iso(300))).toEqual([]);
  });

  it('rejects a dateTime at now, or the duration off by more than the tolerance', () => {
    expect(judge('ReserveNowRequest', 'expiryDateTime', 'now + 3600 s', iso(0))[0]).toMatch(/should be now \+ 3600 s ± 60 s .* \(3600\.\d s early\)$/);
    expect(judge('ReserveNowRequest', 'expiryDateTime', 'now + 3600 s ± 10 s', iso(3630))[0]).toMatch(/\(30\.\d s late\)$/);
    expect(judge('ReserveNowRequest', 'expiryDateTime', 'now + <configured heartbeatInterval> s ± 5 s', iso(3600))[0]).toMatch(/3300\.\d s late/);
  });

  it('a placeholder that is not a number of seconds is a script error', () => {
    expect(() => judge('ReserveNowRequest', 'expiryDateTime', 'now + <configured model> s', iso(0))).toThrow(/<configured model> in "now \+ <configured model> s ± 60 s" is "M", not a number of seconds/);
  });
});

describe('time matchers: mistakes in the table are script errors', () => {
  it.each([
    ['a field that is no dateTime', 'BootNotificationResponse', 'interval', 'about now', /"about now" is for dateTime fields/],
    ['a duration without unit', 'ReserveNowRequest', 'expiryDateTime', 'now + 3600', /cannot read "now \+ 3600"; write "about now"/],
    ['a tolerance without unit', 'HeartbeatResponse', 'currentTime', 'about now ± 5', /cannot read/],
  ])('%s', (_name, message, path, expectation, error) => {
    expect(() => parseChecks('2.0.1', message, [[path, expectation]])).toThrow(error);
  });
});

describe('present and not empty', () => {
  it('present accepts any value that is there, even an empty one; rejects an absent field', () => {
    expect(judge('BootNotificationRequest', 'chargingStation.firmwareVersion', 'present', '')).toEqual([]);
    expect(judge('BootNotificationRequest', 'chargingStation.firmwareVersion', 'present', undefined)).toEqual(['chargingStation.firmwareVersion should be present but is absent']);
  });

  it('not empty accepts text, a list or an object with something in it', () => {
    expect(judge('BootNotificationRequest', 'chargingStation.firmwareVersion', 'not empty', '1.0')).toEqual([]);
    expect(judge('BootNotificationRequest', 'chargingStation.firmwareVersion', 'present and not empty', '1.0')).toEqual([]);
    expect(judge('GetVariablesResponse', 'getVariableResult', 'not empty', [{ attributeStatus: 'Accepted' }])).toEqual([]);
    expect(judge('BootNotificationResponse', 'statusInfo', 'not empty', { reasonCode: 'X' })).toEqual([]);
  });

  it('not empty rejects an absent field, "", spaces, null, [] and {}', () => {
    for (const value of [undefined, '', '   ', null]) {
      expect(judge('BootNotificationRequest', 'chargingStation.firmwareVersion', 'not empty', value)).toHaveLength(1);
    }
    expect(judge('GetVariablesResponse', 'getVariableResult', 'not empty', [])).toEqual(['getVariableResult should be not empty but is []']);
    expect(judge('BootNotificationResponse', 'statusInfo', 'present and not empty', {})).toEqual(['statusInfo should be not empty but is {}']);
  });
});
