// The configured-values table is the one place: the schema's "bench" section and the README table are generated from
// it (and must be in sync), the loader's defaults and the <configured ...> placeholders come from it.
import { readdirSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { BENCH_DEFAULTS, benchSchema, CONFIGURED_VALUES, configuredPlaceholders, resolveConfigured } from '../../src/config/configured-values.ts';
import type { BenchConfig, ConfiguredValueRow } from '../../src/config/configured-values.ts';
import { CONFIGURED_ID_TOKENS } from '../../src/config/configured-id-tokens.ts';
import { README_FILE, readText, readmeWithTable, SCHEMA_FILE, schemaWithBench } from '../../src/config/generated.ts';
import { DEFAULTS, loadRunConfig } from '../../src/config/load.ts';

const rows = CONFIGURED_VALUES as readonly ConfiguredValueRow[];
const FIX = 'run `npx tsx src/config/write-generated.ts`';

describe('generated from the table', () => {
  it(`the schema's "bench" section is the table's (else ${FIX})`, () => {
    const text = readText(SCHEMA_FILE);
    expect((JSON.parse(text) as { properties: { bench: unknown } }).properties.bench).toEqual(benchSchema());
    expect(schemaWithBench(text), FIX).toBe(text);
  });

  it(`the README table is the table's (else ${FIX})`, () => {
    const text = readText(README_FILE);
    expect(readmeWithTable(text), FIX).toBe(text);
    for (const r of rows) expect(text).toContain(`| \`${r.key}\` |`);
    for (const r of CONFIGURED_ID_TOKENS) expect(text).toContain(`| \`${r.field}\` |`);
  });

  it('the loader fills in exactly the rows with a fixed default', () => {
    expect(DEFAULTS.bench).toEqual(Object.fromEntries(rows.filter((r) => r.default !== undefined).map((r) => [r.key, r.default])));
    const r = loadRunConfig({ sut: { role: 'CSMS', csmsUrl: 'ws://x/ocpp', identity: 'CS1' }, ocppVersion: '2.0.1', securityProfile: 0 });
    expect(r.ok && r.config.bench).toEqual({ ...BENCH_DEFAULTS, evseId: 1, connectorId: 1 });
  });
});

describe('the rows', () => {
  it('keys and placeholder spellings (bench and idTokens) are unique (ignoring case, spaces, "-" and "_")', () => {
    const keys = rows.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    const all = [...rows.flatMap((r) => r.spellings), ...CONFIGURED_ID_TOKENS.flatMap((r) => [...r.spellings, ...r.typeSpellings])];
    const spellings = all.map((s) => s.toLowerCase().replace(/[\s_-]+/g, ''));
    expect(new Set(spellings).size).toBe(spellings.length);
  });

  it('every default satisfies its own row, and every row says what it is and how to fix a mistake', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(benchSchema());
    for (const r of rows) {
      expect(r.default !== undefined && r.defaultFrom !== undefined, `${r.key}: a default or a derived default, not both`).toBe(false);
      if (r.default !== undefined) expect(validate({ [r.key]: r.default }), `${r.key}: default ${String(r.default)}`).toBe(true);
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.hint).toMatch(/^(Give|Use) /);
    }
  });

  it('the example configs still load', () => {
    const dir = new URL('../../examples/', import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('-under-test.json'))) {
      const r = loadRunConfig(new URL(f, dir).pathname);
      expect(r.ok ? [] : r.errors, f).toEqual([]);
    }
  });
});

describe('<configured ...> placeholders', () => {
  const bench: BenchConfig = { ...BENCH_DEFAULTS, heartbeatIntervalS: 42, transactionDurationMs: 2500, evseId: 2, connectorId: 3 };

  it('answer to every spelling of a row, whatever the case, spaces, "-" or "_"', () => {
    expect(resolveConfigured(bench, 'configured heartbeatInterval')).toEqual({ key: 'heartbeatIntervalS', value: 42 });
    expect(resolveConfigured(bench, 'Configured EVSEId')?.value).toBe(2);
    expect(resolveConfigured(bench, 'configured evseID')?.value).toBe(2);
    expect(resolveConfigured(bench, 'configured connectorId')?.value).toBe(3);
    expect(resolveConfigured(bench, 'configured vendorId')?.value).toBe(BENCH_DEFAULTS.dataTransferVendorId);
    expect(resolveConfigured(bench, 'configured transaction_updated_metervalues_interval')).toEqual({ key: 'sampledIntervalS', value: 10 });
    expect(resolveConfigured({ ...bench, sampledIntervalS: undefined }, 'configured sampled Meter Values Updated interval')).toEqual({ key: 'sampledIntervalS', value: undefined });
  });

  it('give a duration configured in ms in seconds, as Part 6 means it', () => {
    for (const spelling of ['Transaction Duration', 'transaction duration', 'TransactionDuration', 'transaction_duration']) {
      expect(resolveConfigured(bench, `configured ${spelling}`)).toEqual({ key: 'transactionDurationMs', value: 2.5 });
    }
  });

  it('leave other names alone (idTokens, values remembered by steps, plain placeholders)', () => {
    for (const name of ['configured valid idToken', 'configured chargingProfileId', 'transactionId', 'heartbeatInterval', 'configured authorizeVariant']) {
      expect(resolveConfigured(bench, name)).toBeUndefined();
    }
    expect(configuredPlaceholders()).toContain('configured heartbeatInterval');
  });
});
