import { describe, expect, it } from 'vitest';
import * as raw20 from 'typed-ocpp/dist/ocpp20/schemas.js';
import type { OcppVersion } from '../../src/rpc/types.ts';
import {
  compileAll,
  getValidator,
  isKnownAction,
  isSendOnly,
  knownActions,
  mostSevereCode,
  validatePayload,
} from '../../src/schema/index.ts';
import type { ValidationProblem } from '../../src/schema/index.ts';

const VERSIONS: OcppVersion[] = ['2.0.1', '2.1'];

function boot(model = 'SingleSocketCharger'): Record<string, unknown> {
  return { reason: 'PowerUp', chargingStation: { model, vendorName: 'VendorX' } };
}

function meterValues(value: unknown, timestamp: unknown = '2024-05-06T10:11:12.345Z'): Record<string, unknown> {
  return { evseId: 1, meterValue: [{ timestamp, sampledValue: [{ value }] }] };
}

function only(problems: ValidationProblem[]): ValidationProblem {
  expect(problems).toHaveLength(1);
  const p = problems[0];
  if (!p) throw new Error('no problem');
  return p;
}

describe('message catalog', () => {
  it('2.0.1 has 64 request/response pairs and nothing else', () => {
    const actions = knownActions('2.0.1');
    expect(actions).toHaveLength(64);
    for (const a of actions) {
      expect(getValidator('2.0.1', a, 'request'), `${a} request`).toBeDefined();
      expect(getValidator('2.0.1', a, 'response'), `${a} response`).toBeDefined();
      expect(isSendOnly('2.0.1', a)).toBe(false);
    }
    expect(actions).toContain('BootNotification');
    expect(actions).not.toContain('NotifyPeriodicEventStream');
  });

  it('2.1 has 90 request/response pairs plus the SEND-only NotifyPeriodicEventStream', () => {
    const actions = knownActions('2.1');
    expect(actions).toHaveLength(91);
    const pairs = actions.filter((a) => getValidator('2.1', a, 'request') && getValidator('2.1', a, 'response'));
    expect(pairs).toHaveLength(90);
    expect(actions.filter((a) => isSendOnly('2.1', a))).toEqual(['NotifyPeriodicEventStream']);
    expect(getValidator('2.1', 'NotifyPeriodicEventStream', 'request')).toBeDefined();
    expect(getValidator('2.1', 'NotifyPeriodicEventStream', 'response')).toBeUndefined();
  });

  it('compiles every schema of both versions (128 and 181)', () => {
    expect(compileAll('2.0.1')).toBe(128);
    expect(compileAll('2.1')).toBe(181);
  });

  it('unknown actions give undefined and a NotImplemented problem, never a throw', () => {
    expect(getValidator('2.0.1', 'NoSuchThing', 'request')).toBeUndefined();
    expect(getValidator('2.0.1', 'constructor', 'request')).toBeUndefined();
    expect(isKnownAction('2.0.1', 'toString')).toBe(false);
    const p = only(validatePayload('2.0.1', 'NoSuchThing', 'request', {}));
    expect(p.code).toBe('NotImplemented');
    expect(p.message).toContain('NoSuchThing');
  });

  it('does not modify the package schema objects', () => {
    getValidator('2.0.1', 'MeterValues', 'request');
    expect(JSON.stringify(raw20.MeterValuesRequest)).not.toContain('ocppDecimal');
  });

  it('caches validators', () => {
    expect(getValidator('2.1', 'Heartbeat', 'request')).toBe(getValidator('2.1', 'Heartbeat', 'request'));
  });
});

describe.each(VERSIONS)('error codes under %s', (version) => {
  it('accepts a valid BootNotification and MeterValues', () => {
    expect(validatePayload(version, 'BootNotification', 'request', boot())).toEqual([]);
    expect(validatePayload(version, 'MeterValues', 'request', meterValues(230.123456))).toEqual([]);
    expect(validatePayload(version, 'Heartbeat', 'response', { currentTime: '2024-05-06T10:11:12Z' })).toEqual([]);
  });

  it('wrong JSON type -> TypeConstraintViolation', () => {
    const p = only(validatePayload(version, 'MeterValues', 'request', { ...meterValues(1), evseId: '1' }));
    expect(p).toMatchObject({ pointer: '/evseId', keyword: 'type', code: 'TypeConstraintViolation' });
    expect(p.message).toBe('/evseId must be integer (got string)');
  });

  it('missing required field -> OccurrenceConstraintViolation, pointing at the missing field', () => {
    const p = only(validatePayload(version, 'BootNotification', 'request', { reason: 'PowerUp', chargingStation: { model: 'm' } }));
    expect(p).toMatchObject({ pointer: '/chargingStation/vendorName', keyword: 'required', code: 'OccurrenceConstraintViolation' });
    expect(p.message).toBe('/chargingStation/vendorName is required but missing');
  });

  it('empty list where one item is needed -> OccurrenceConstraintViolation', () => {
    const p = only(validatePayload(version, 'MeterValues', 'request', { evseId: 1, meterValue: [] }));
    expect(p).toMatchObject({ pointer: '/meterValue', keyword: 'minItems', code: 'OccurrenceConstraintViolation' });
    expect(p.message).toBe('/meterValue must have at least 1 item (got 0)');
  });

  it('string too long -> PropertyConstraintViolation with the limit and the actual length', () => {
    const p = only(validatePayload(version, 'BootNotification', 'request', boot('x'.repeat(31))));
    expect(p).toMatchObject({ pointer: '/chargingStation/model', keyword: 'maxLength', code: 'PropertyConstraintViolation' });
    expect(p.message).toBe('/chargingStation/model must be at most 20 characters (got 31)');
  });

  it('value outside an enum -> PropertyConstraintViolation', () => {
    const p = only(validatePayload(version, 'BootNotification', 'request', { ...boot(), reason: 'Sunrise' }));
    expect(p).toMatchObject({ pointer: '/reason', keyword: 'enum', code: 'PropertyConstraintViolation' });
    expect(p.message).toContain('PowerUp');
    expect(p.message).toContain('(got "Sunrise")');
  });

  it('unknown field -> PropertyConstraintViolation at that field', () => {
    const p = only(validatePayload(version, 'BootNotification', 'request', { ...boot(), colour: 'red' }));
    expect(p).toMatchObject({ pointer: '/colour', keyword: 'additionalProperties', code: 'PropertyConstraintViolation' });
  });

  it('number below its minimum -> PropertyConstraintViolation', () => {
    const payload = { evseId: -1, meterValue: [{ timestamp: '2024-05-06T10:11:12Z', sampledValue: [{ value: 1 }] }] };
    const problems = validatePayload(version, 'MeterValues', 'request', payload);
    // evseId has minimum 0 in 2.1 only; in 2.0.1 -1 is a valid integer. Check a field that has a minimum in both:
    if (version === '2.1') {
      expect(only(problems)).toMatchObject({ pointer: '/evseId', keyword: 'minimum', code: 'PropertyConstraintViolation' });
    } else {
      expect(problems).toEqual([]);
    }
    const soc = {
      evseId: 1,
      chargingNeeds: { requestedEnergyTransfer: 'DC', dcChargingParameters: { evMaxCurrent: 10, evMaxVoltage: 400, stateOfCharge: 101 } },
    };
    const p = only(validatePayload(version, 'NotifyEVChargingNeeds', 'request', soc));
    expect(p).toMatchObject({ pointer: '/chargingNeeds/dcChargingParameters/stateOfCharge', keyword: 'maximum', code: 'PropertyConstraintViolation' });
    expect(p.message).toBe('/chargingNeeds/dcChargingParameters/stateOfCharge must be <= 100 (got 101)');
  });

  it('date-time: 3 fraction digits pass, 6 digits and no time zone are FormatViolation', () => {
    expect(validatePayload(version, 'Heartbeat', 'response', { currentTime: '2024-05-06T10:11:12.123Z' })).toEqual([]);
    expect(validatePayload(version, 'Heartbeat', 'response', { currentTime: '2024-05-06T10:11:12.1+02:00' })).toEqual([]);
    const six = only(validatePayload(version, 'Heartbeat', 'response', { currentTime: '2024-05-06T10:11:12.123456Z' }));
    expect(six).toMatchObject({ pointer: '/currentTime', keyword: 'format', code: 'FormatViolation' });
    expect(six.message).toContain('6 fraction digits');
    const noZone = only(validatePayload(version, 'Heartbeat', 'response', { currentTime: '2024-05-06T10:11:12' }));
    expect(noZone.code).toBe('FormatViolation');
    expect(noZone.message).toContain('no time zone');
    const garbage = only(validatePayload(version, 'Heartbeat', 'response', { currentTime: 'yesterday' }));
    expect(garbage.message).toContain('not an RFC 3339 date-time');
    // date-times nested deep in a request are checked too
    const nested = only(validatePayload(version, 'MeterValues', 'request', meterValues(1, '2024-05-06T10:11:12.1234Z')));
    expect(nested.pointer).toBe('/meterValue/0/timestamp');
  });

  it('lenient date-time mode accepts more fraction digits but still wants a zone', () => {
    expect(validatePayload(version, 'Heartbeat', 'response', { currentTime: '2024-05-06T10:11:12.123456Z' }, { strictDateTime: false })).toEqual([]);
    expect(validatePayload(version, 'Heartbeat', 'response', { currentTime: '2024-05-06T10:11:12' }, { strictDateTime: false })).toHaveLength(1);
  });

  it('decimal with 7 places -> FormatViolation; 6 places pass', () => {
    expect(validatePayload(version, 'MeterValues', 'request', meterValues(0.000001))).toEqual([]);
    const p = only(validatePayload(version, 'MeterValues', 'request', meterValues(1.1234567)));
    expect(p).toMatchObject({ pointer: '/meterValue/0/sampledValue/0/value', keyword: 'ocppDecimal', code: 'FormatViolation' });
    expect(p.message).toContain('7 decimal places');
    expect(only(validatePayload(version, 'MeterValues', 'request', meterValues(1e-7))).keyword).toBe('ocppDecimal');
  });

  it('reports every problem at once (allErrors) and picks one code for a CALLERROR', () => {
    const problems = validatePayload(version, 'BootNotification', 'request', {
      reason: 5,
      chargingStation: { model: 'x'.repeat(21) },
      extra: true,
    });
    expect(problems.map((p) => p.code).sort()).toEqual([
      'OccurrenceConstraintViolation',
      'PropertyConstraintViolation',
      'PropertyConstraintViolation',
      'TypeConstraintViolation',
    ]);
    expect(mostSevereCode(problems)).toBe('TypeConstraintViolation');
  });

  it('never throws on payloads of any shape', () => {
    const odd: unknown[] = [undefined, null, 0, 'x', [], [1, 2], { chargingStation: [] }, { chargingStation: null }];
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) deep = { chargingStation: deep };
    odd.push(deep);
    for (const payload of odd) {
      const problems = validatePayload(version, 'BootNotification', 'request', payload);
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) expect(p.message.length).toBeLessThan(400);
    }
    const root = only(validatePayload(version, 'Heartbeat', 'request', null));
    expect(root.message).toBe('the payload must be object (got null)');
  });
});

describe('mostSevereCode', () => {
  it('orders format, type, occurrence, property', () => {
    const mk = (code: ValidationProblem['code']): ValidationProblem => ({ pointer: '', keyword: 'x', message: 'm', code });
    expect(mostSevereCode([mk('PropertyConstraintViolation'), mk('OccurrenceConstraintViolation')])).toBe('OccurrenceConstraintViolation');
    expect(mostSevereCode([mk('TypeConstraintViolation'), mk('FormatViolation')])).toBe('FormatViolation');
    expect(mostSevereCode([mk('PropertyConstraintViolation')])).toBe('PropertyConstraintViolation');
    expect(mostSevereCode([])).toBe('GenericError');
  });
});
