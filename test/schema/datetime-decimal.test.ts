import { describe, expect, it } from 'vitest';
import { checkOcppDateTime, formatOcppDateTime, isOcppDateTime } from '../../src/schema/datetime.ts';
import { countDecimalPlaces } from '../../src/schema/decimal.ts';

describe('checkOcppDateTime', () => {
  it.each([
    '2024-05-06T10:11:12Z',
    '2024-05-06T10:11:12.1Z',
    '2024-05-06T10:11:12.12Z',
    '2024-05-06T10:11:12.123Z',
    '2024-05-06T10:11:12.123+02:00',
    '2024-05-06T10:11:12-05:30',
    '2024-02-29T00:00:00Z',
    '2016-12-31T23:59:60Z',
  ])('accepts %s', (s) => {
    expect(checkOcppDateTime(s)).toBeUndefined();
  });

  it.each([
    ['2024-05-06T10:11:12.1234Z', '4 fraction digits'],
    ['2024-05-06T10:11:12.123456Z', '6 fraction digits'],
    ['2024-05-06T10:11:12', 'no time zone'],
    ['2024-05-06T10:11:12.123', 'no time zone'],
    ['2024-05-06 10:11:12Z', 'not an RFC 3339'],
    ['2024-05-06', 'not an RFC 3339'],
    ['2024-13-06T10:11:12Z', 'month 13'],
    ['2023-02-29T10:11:12Z', 'day 29'],
    ['2024-05-06T24:11:12Z', 'hour 24'],
    ['2024-05-06T10:60:12Z', 'minute 60'],
    ['2024-05-06T10:11:12+25:00', 'offset'],
    ['', 'not an RFC 3339'],
  ])('rejects %s (%s)', (s, why) => {
    expect(checkOcppDateTime(s)).toContain(why);
  });

  it('lenient mode lifts only the 3-digit limit', () => {
    expect(isOcppDateTime('2024-05-06T10:11:12.123456789Z', { strict: false })).toBe(true);
    expect(isOcppDateTime('2024-05-06T10:11:12.123456789', { strict: false })).toBe(false);
  });
});

describe('formatOcppDateTime', () => {
  it('always writes 3 fraction digits and Z', () => {
    expect(formatOcppDateTime(new Date(Date.UTC(2024, 4, 6, 10, 11, 12, 0)))).toBe('2024-05-06T10:11:12.000Z');
    expect(formatOcppDateTime(new Date(Date.UTC(2024, 4, 6, 10, 11, 12, 7)))).toBe('2024-05-06T10:11:12.007Z');
    expect(checkOcppDateTime(formatOcppDateTime(new Date()))).toBeUndefined();
  });
  it('refuses dates it cannot write in the OCPP shape', () => {
    expect(() => formatOcppDateTime(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => formatOcppDateTime(new Date(Date.UTC(12345, 0, 1)))).toThrow(/outside 0000-9999/);
  });
});

describe('countDecimalPlaces', () => {
  it.each([
    [0, 0],
    [42, 0],
    [-42, 0],
    [1.5, 1],
    [1.1, 1],
    [0.1 + 0.2, 17],
    [123.456789, 6],
    [1.1234567, 7],
    [-0.000001, 6],
    [1e-7, 7],
    [1.5e-7, 8],
    [1e21, 0],
    [1.25e22, 0],
    [Number.NaN, 0],
    [JSON.parse('1.500000') as number, 1],
    [JSON.parse('0.12345678901234567890') as number, 17],
  ])('%s has %i decimal places', (n, expected) => {
    expect(countDecimalPlaces(n)).toBe(expected);
  });
});
