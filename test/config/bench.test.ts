// The optional "bench" section: Part 6 "<Configured ...>" values, their defaults, and each mistake's message.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRunConfig } from '../../src/config/load.ts';
import type { RunConfig } from '../../src/config/types.ts';
import { effectiveBench, engineSettings } from '../../src/runner/context.ts';
import { csmsSutConfig, stationSutConfig } from '../../src/runner/simulator-config.ts';

const examples = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'examples');

function ok(input: string | object): RunConfig {
  const r = loadRunConfig(input);
  if (!r.ok) throw new Error(`expected a valid config, got:\n${r.errors.join('\n')}`);
  return r.config;
}

function errors(input: object): string[] {
  const r = loadRunConfig(input);
  expect(r.ok, 'config should be rejected').toBe(false);
  return r.ok ? [] : r.errors;
}

const station = { sut: { role: 'ChargingStation', stationIdentity: 'CS-1' }, ocppVersion: '2.0.1', securityProfile: 0 };
/** Every bench value at its default (the EVSE and connector are the first configured). */
const DEFAULT_BENCH = {
  heartbeatIntervalS: 60,
  model: 'ConformanceStation',
  vendorName: 'ocpp-conformance',
  transactionDurationMs: 0,
  authorizeVariant: 'local',
  dataTransferVendorId: 'org.ocpp-conformance.test-system',
  dataTransferMessageId: 'UnsupportedTestMessage',
  clockAlignedIntervalS: 10,
  sampledIntervalS: 10,
  evseId: 1,
  connectorId: 1,
  customerIdentifier: 'OpenChargeAlliance',
};

const twoEvses = [
  { id: 1, connectors: [{ id: 1 }] },
  { id: 2, connectors: [{ id: 1 }, { id: 2 }] },
];

describe('bench: valid', () => {
  it('is optional: every value gets its default, EVSE and connector the first configured', () => {
    expect(ok(station).bench).toEqual(DEFAULT_BENCH);
  });

  it('keeps every given value', () => {
    const bench = { heartbeatIntervalS: 15, model: 'Wallbox-22', vendorName: 'ACME', transactionDurationMs: 2500, authorizeVariant: 'remote', dataTransferVendorId: 'com.example', dataTransferMessageId: 'Nope', clockAlignedIntervalS: 0.5, sampledIntervalS: 30, evseId: 2, connectorId: 2, customerIdentifier: 'Customer-7' };
    expect(ok({ ...station, evses: twoEvses, bench }).bench).toEqual(bench);
  });

  it('fills the rest around a partial section; connectorId defaults to the first connector of the chosen EVSE', () => {
    expect(ok({ ...station, evses: twoEvses, bench: { evseId: 2, heartbeatIntervalS: 5 } }).bench).toEqual({ ...DEFAULT_BENCH, heartbeatIntervalS: 5, evseId: 2 });
  });

  it('the example configs carry a bench section', () => {
    expect(ok(join(examples, 'station-under-test.json')).bench).toEqual({ ...DEFAULT_BENCH, transactionDurationMs: 10_000 });
    expect(ok(join(examples, 'csms-under-test.json')).bench).toEqual({
      ...DEFAULT_BENCH,
      heartbeatIntervalS: 300,
      model: 'LabSim-AC22',
      vendorName: 'ExampleLab',
      transactionDurationMs: 5000,
    });
  });
});

const mistakes: [string, object, string][] = [
  ['not an object', { ...station, bench: 'fast' }, 'bench: must be of type object (got a string "fast"). Give the values Part 6 calls <Configured ...>: {"heartbeatIntervalS": 60, "model": "...", "vendorName": "...", "transactionDurationMs": 0, "authorizeVariant": "local", "evseId": 1, "connectorId": 1}.'],
  ['misspelt key', { ...station, bench: { heartbeatInterval: 60 } }, 'bench.heartbeatInterval: unknown field. Did you mean "heartbeatIntervalS"?'],
  ['heartbeat zero', { ...station, bench: { heartbeatIntervalS: 0 } }, 'bench.heartbeatIntervalS: must be >= 1 (got 0). Give the configured heartbeat interval in whole seconds, from 1 to 86400 (default 60).'],
  ['heartbeat not whole', { ...station, bench: { heartbeatIntervalS: 1.5 } }, 'bench.heartbeatIntervalS: must be a whole number (got a number 1.5). Give the configured heartbeat interval in whole seconds, from 1 to 86400 (default 60).'],
  ['model too long', { ...station, bench: { model: 'x'.repeat(21) } }, 'bench.model: must be at most 20 characters (got 21). Give the station model as in BootNotification chargingStation.model, 1 to 20 characters.'],
  ['empty vendorName', { ...station, bench: { vendorName: '' } }, 'bench.vendorName: must not be empty. Give the station vendor as in BootNotification chargingStation.vendorName, 1 to 50 characters.'],
  ['negative transaction duration', { ...station, bench: { transactionDurationMs: -1 } }, 'bench.transactionDurationMs: must be >= 0 (got -1). Give how long a transaction runs before it is stopped, in milliseconds (0: stop at once; default 0).'],
  ['misspelt authorize variant', { ...station, bench: { authorizeVariant: 'remot' } }, 'bench.authorizeVariant: must be one of "local", "remote" (got "remot"). Use "local" (an idToken is presented at the station) or "remote" (the CSMS sends RequestStartTransaction).'],
  ['empty DataTransfer vendorId', { ...station, bench: { dataTransferVendorId: '' } }, 'bench.dataTransferVendorId: must not be empty. Give a DataTransfer vendorId the CSMS under test does not implement, 1 to 255 characters (default org.ocpp-conformance.test-system).'],
  ['evseId zero', { ...station, bench: { evseId: 0 } }, 'bench.evseId: must be >= 1 (got 0). Give the id of the EVSE used for transactions; it must be listed in "evses" (default: the first).'],
  ['EVSE not configured', { ...station, evses: twoEvses, bench: { evseId: 3 } }, 'bench.evseId: EVSE 3 is not in "evses" (it lists 1, 2). Use one of those ids, or add the EVSE to "evses".'],
  ['connector not on the default EVSE', { ...station, bench: { connectorId: 2 } }, 'bench.connectorId: EVSE 1 has no connector 2 (it has 1). Use one of those ids, or add the connector to evses[0].connectors.'],
  ['connector not on the chosen EVSE', { ...station, evses: twoEvses, bench: { evseId: 2, connectorId: 3 } }, 'bench.connectorId: EVSE 2 has no connector 3 (it has 1, 2). Use one of those ids, or add the connector to evses[1].connectors.'],
];

describe('bench: mistakes', () => {
  it.each(mistakes)('%s', (_name, input, message) => {
    expect(errors(input)).toEqual([message]);
  });

  it('a missing EVSE is reported once, not again for its connector', () => {
    expect(errors({ ...station, bench: { evseId: 2, connectorId: 5 } })).toEqual([
      'bench.evseId: EVSE 2 is not in "evses" (it lists 1). Use one of those ids, or add the EVSE to "evses".',
    ]);
  });
});

describe('runner: the bench values reach the engine settings', () => {
  const config = ok({ ...station, evses: twoEvses, bench: { heartbeatIntervalS: 42, model: 'Wallbox-22', vendorName: 'ACME', transactionDurationMs: 900, authorizeVariant: 'remote', evseId: 2, connectorId: 2 } });

  it('without overrides the engine gets exactly the config bench, with the EVSEs and idTokens of the config', () => {
    expect(engineSettings({ config, engine: effectiveBench(config.bench) })).toEqual({
      heartbeatIntervalS: 42,
      model: 'Wallbox-22',
      vendorName: 'ACME',
      transactionDurationMs: 900,
      authorizeVariant: 'remote',
      dataTransferVendorId: 'org.ocpp-conformance.test-system',
      dataTransferMessageId: 'UnsupportedTestMessage',
      clockAlignedIntervalS: 10,
      sampledIntervalS: 10,
      evseId: 2,
      connectorId: 2,
      customerIdentifier: 'OpenChargeAlliance',
      evses: config.evses,
      idTokens: config.idTokens,
    });
  });

  it('overrides win value by value; an undefined override keeps the config value', () => {
    const merged = effectiveBench(config.bench, { heartbeatIntervalS: 3, authorizeVariant: undefined });
    expect(merged).toEqual({ ...config.bench, heartbeatIntervalS: 3 });
    expect(config.bench.heartbeatIntervalS).toBe(42); // the config itself is untouched
  });

  it('the built-in simulator configs carry their short timers as bench values', () => {
    for (const c of [stationSutConfig(), csmsSutConfig()]) {
      expect(engineSettings({ config: c, engine: effectiveBench(c.bench, {}) })).toMatchObject({ heartbeatIntervalS: 3, transactionDurationMs: 0, evseId: 1, connectorId: 1 });
    }
  });
});
