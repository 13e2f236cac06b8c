// The configured values ("bench" section of the run config): the values Part 6 writes as <Configured ...>, which the
// lab sets up for the SUT. This table is the one place they are declared. From it come the run-config schema's
// "bench" section (schemas/run-config.schema.json, written by write-generated.ts), the BenchConfig type, the defaults
// the loader fills in, the <configured ...> placeholders of feature tables (resolveConfigured) and the table in
// src/config/README.md. The idTokens, which are pairs in their own section, have their rows in configured-id-tokens.ts.
// Adding a value: one row here, then its use (read settings.<key>, or write
// <configured <spelling>> in a feature table), then `npx tsx src/config/write-generated.ts`.

import { CONFIGURED_ID_TOKENS, idTokensReadmeTable } from './configured-id-tokens.ts';

interface RowBase {
  /** The field under "bench" in the run config, and in the settings the peers and states get. */
  key: string;
  /**
   * How Part 6 (or, where Part 6 has none, our features) spells it; a feature table writes <configured X> with any of
   * them. Matching ignores case, spaces, '-' and '_' ("Transaction Duration" = "transaction_duration"). Empty: the
   * value is ours (no placeholder).
   */
  spellings: readonly string[];
  description: string;
  /** The fix a config mistake message ends with (the schema's x-hint). */
  hint: string;
  /**
   * Left out of the config: `default` is filled in; `defaultFrom` says what the loader derives it from (load.ts);
   * neither: it stays unset and its user decides.
   */
  default?: number | string;
  defaultFrom?: string;
  /** The value a placeholder stands for, when the config's unit is not the OCPP one (e.g. ms -> s). */
  placeholder?: (value: number) => number;
}

interface NumberRow extends RowBase {
  type: 'integer' | 'number';
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
}
interface StringRow extends RowBase {
  type: 'string';
  minLength: number;
  maxLength: number;
}
interface EnumRow extends RowBase {
  type: 'enum';
  values: readonly string[];
}
export type ConfiguredValueRow = NumberRow | StringRow | EnumRow;

export const CONFIGURED_VALUES = [
  {
    key: 'heartbeatIntervalS',
    type: 'integer',
    minimum: 1,
    maximum: 86400,
    default: 60,
    spellings: ['heartbeatInterval'],
    description: 'The heartbeat interval, s: the one the test system gives as CSMS, or expects as a station.',
    hint: 'Give the configured heartbeat interval in whole seconds, from 1 to 86400 (default 60).',
  },
  {
    key: 'model',
    type: 'string',
    minLength: 1,
    maxLength: 20,
    default: 'ConformanceStation',
    spellings: ['model'],
    description: 'chargingStation.model the test system sends in BootNotification when it plays the station.',
    hint: 'Give the station model as in BootNotification chargingStation.model, 1 to 20 characters.',
  },
  {
    key: 'vendorName',
    type: 'string',
    minLength: 1,
    maxLength: 50,
    default: 'ocpp-conformance',
    spellings: ['vendorName'],
    description: 'chargingStation.vendorName the test system sends in BootNotification when it plays the station.',
    hint: 'Give the station vendor as in BootNotification chargingStation.vendorName, 1 to 50 characters.',
  },
  {
    key: 'transactionDurationMs',
    type: 'integer',
    minimum: 0,
    maximum: 86_400_000,
    default: 0,
    spellings: ['Transaction Duration'],
    description: 'How long a transaction runs before it is stopped, ms (a placeholder gives seconds).',
    hint: 'Give how long a transaction runs before it is stopped, in milliseconds (0: stop at once; default 0).',
    placeholder: (ms: number) => ms / 1000,
  },
  {
    key: 'clockAlignedIntervalS',
    type: 'number',
    exclusiveMinimum: 0,
    maximum: 86400,
    default: 10,
    spellings: ['clock-aligned Meter Values interval'],
    description: 'Interval of the clock-aligned meter values the test system reports as a station, s.',
    hint: 'Give the interval, in seconds, of the clock-aligned meter values the test system reports when it plays the station (fractions allowed; default 10).',
  },
  {
    key: 'sampledIntervalS',
    type: 'number',
    exclusiveMinimum: 0,
    maximum: 86400,
    default: 10,
    spellings: ['sampled Meter Values Updated interval', 'transaction_updated_metervalues_interval'],
    description: 'Interval of the sampled (periodic) meter values the test system reports as a station, s.',
    hint: 'Give the interval, in seconds, of the sampled (periodic) meter values the test system reports when it plays the station (fractions allowed; default 10).',
  },
  {
    key: 'dataTransferVendorId',
    type: 'string',
    minLength: 1,
    maxLength: 255,
    default: 'org.ocpp-conformance.test-system',
    spellings: ['vendorId'],
    description: 'A DataTransfer vendorId the CSMS under test does not implement (TC_P_02_CSMS sends it).',
    hint: 'Give a DataTransfer vendorId the CSMS under test does not implement, 1 to 255 characters (default org.ocpp-conformance.test-system).',
  },
  {
    key: 'dataTransferMessageId',
    type: 'string',
    minLength: 1,
    maxLength: 50,
    default: 'UnsupportedTestMessage',
    spellings: ['messageId'],
    description: 'A DataTransfer messageId the CSMS under test does not implement.',
    hint: 'Give a DataTransfer messageId the CSMS under test does not implement, 1 to 50 characters (default UnsupportedTestMessage).',
  },
  {
    key: 'authorizeVariant',
    type: 'enum',
    values: ['local', 'remote'],
    default: 'local',
    spellings: [],
    description: 'Not used by any case (a run refuses "remote"): Part 6 says per case which variant of Authorized it runs; "local" is accepted so older configs load.',
    hint: 'Use "local" (an idToken is presented at the station) or "remote" (the CSMS sends RequestStartTransaction).',
  },
  {
    key: 'evseId',
    type: 'integer',
    minimum: 1,
    defaultFrom: 'the first EVSE of "evses"',
    spellings: ['evseId'],
    description: 'The EVSE where transactions happen; it must be listed in "evses".',
    hint: 'Give the id of the EVSE used for transactions; it must be listed in "evses" (default: the first).',
  },
  {
    key: 'connectorId',
    type: 'integer',
    minimum: 1,
    defaultFrom: 'the first connector of that EVSE',
    spellings: ['connectorId'],
    description: 'The connector on that EVSE where transactions happen.',
    hint: 'Give the connector id on that EVSE used for transactions (default: its first connector).',
  },
  {
    key: 'customerIdentifier',
    type: 'string',
    minLength: 1,
    maxLength: 64,
    default: 'OpenChargeAlliance',
    spellings: ['CustomerIdentifier'],
    description: 'A customerIdentifier the station under test keeps customer data for; the operator stores it there (TC_N_62_CS).',
    hint: 'Give the customerIdentifier an operator can store at the station, 1 to 64 characters (default OpenChargeAlliance).',
  },
] as const satisfies readonly ConfiguredValueRow[];

type Row = (typeof CONFIGURED_VALUES)[number];
type ValueOf<R> = R extends { values: readonly (infer E)[] } ? E : R extends { type: 'string' } ? string : number;
/** Filled in after loading: a row with a default or a derived default. */
type Always = Extract<Row, { default: unknown } | { defaultFrom: string }>;
type Maybe = Exclude<Row, Always>;

/** The configured values after loading (see the table): every value with a default is set. */
export type BenchConfig = { [R in Always as R['key']]: ValueOf<R> } & { [R in Maybe as R['key']]?: ValueOf<R> | undefined };

/** The defaults of the rows that have a fixed one (evseId / connectorId are derived by the loader). */
export const BENCH_DEFAULTS = Object.fromEntries(
  (CONFIGURED_VALUES as readonly ConfiguredValueRow[]).filter((r) => r.default !== undefined).map((r) => [r.key, r.default]),
) as { [R in Extract<Row, { default: unknown }> as R['key']]: ValueOf<R> };

/** The section's own hint: what a "bench" object looks like. */
export const BENCH_HINT =
  'Give the values Part 6 calls <Configured ...>: {"heartbeatIntervalS": 60, "model": "...", "vendorName": "...", "transactionDurationMs": 0, "authorizeVariant": "local", "evseId": 1, "connectorId": 1}.';

/** The "bench" section of the run-config schema. */
export function benchSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const r of CONFIGURED_VALUES as readonly ConfiguredValueRow[]) {
    const p: Record<string, unknown> =
      r.type === 'enum'
        ? { enum: [...r.values] }
        : r.type === 'string'
          ? { type: 'string', minLength: r.minLength, maxLength: r.maxLength }
          : {
              type: r.type,
              ...(r.minimum !== undefined ? { minimum: r.minimum } : {}),
              ...(r.exclusiveMinimum !== undefined ? { exclusiveMinimum: r.exclusiveMinimum } : {}),
              ...(r.maximum !== undefined ? { maximum: r.maximum } : {}),
            };
    properties[r.key] = { ...p, 'x-hint': r.hint };
  }
  return { type: 'object', additionalProperties: false, properties, 'x-hint': BENCH_HINT };
}

const normal = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * The value of a <configured X> placeholder, if X is a spelling of a row: its key and value (undefined when unset
 * in this run); undefined when X is no configured value of the table.
 */
export function resolveConfigured(bench: Partial<BenchConfig>, name: string): { key: string; value: unknown } | undefined {
  const m = /^configured (.+)$/i.exec(name.trim());
  if (!m) return undefined;
  const wanted = normal(m[1] ?? '');
  const row = (CONFIGURED_VALUES as readonly ConfiguredValueRow[]).find((r) => r.spellings.some((s) => normal(s) === wanted));
  if (!row) return undefined;
  const value = (bench as Record<string, unknown>)[row.key];
  return { key: row.key, value: typeof value === 'number' && row.placeholder ? row.placeholder(value) : value };
}

/** The placeholder names the table answers to (for "unknown placeholder" messages). */
export function configuredPlaceholders(): string[] {
  const first = (list: readonly string[]): string[] => list.slice(0, 1).map((s) => `configured ${s}`);
  return [
    ...(CONFIGURED_VALUES as readonly ConfiguredValueRow[]).flatMap((r) => first(r.spellings)),
    ...CONFIGURED_ID_TOKENS.flatMap((r) => [...first(r.spellings), ...first(r.typeSpellings)]),
  ];
}

/** The README tables (between the markers in src/config/README.md): the bench values, then the idTokens. */
export function readmeTable(): string {
  return `${benchReadmeTable()}\n\n${idTokensReadmeTable()}`;
}

function benchReadmeTable(): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|');
  const type = (r: ConfiguredValueRow): string =>
    r.type === 'enum' ? r.values.map((v) => `"${v}"`).join(' \\| ') : r.type === 'string' ? `text, ${r.minLength}-${r.maxLength}` : [r.type === 'integer' ? 'whole number' : 'number', r.exclusiveMinimum !== undefined ? `> ${r.exclusiveMinimum}` : `>= ${r.minimum ?? 0}`, ...(r.maximum !== undefined ? [`<= ${r.maximum}`] : [])].join(', ');
  const dflt = (r: ConfiguredValueRow): string => (r.default !== undefined ? `\`${JSON.stringify(r.default)}\`` : (r.defaultFrom ?? 'unset'));
  const lines = [
    '| `bench` field | type | default | placeholder spellings | what it is |',
    '| --- | --- | --- | --- | --- |',
    ...(CONFIGURED_VALUES as readonly ConfiguredValueRow[]).map(
      (r) => `| \`${r.key}\` | ${type(r)} | ${dflt(r)} | ${r.spellings.map((s) => `\`<configured ${s}>\``).join(', ') || '-'} | ${cell(r.description)} |`,
    ),
  ];
  return lines.join('\n');
}
