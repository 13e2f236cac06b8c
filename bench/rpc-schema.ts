// Benchmark of the RPC + schema layer: parse + validate cost per frame for a realistic mix, schema start-up
// cost, and CALL/CALLRESULT round trips between two connections over an in-memory socket pair.
// Run alone: npx tsx bench/rpc-schema.ts
import { pathToFileURL } from 'node:url';
import { OcppConnection } from '../src/rpc/connection.ts';
import { parseFrame, serializeFrame } from '../src/rpc/frames.ts';
import type { CallFrame, OcppVersion } from '../src/rpc/types.ts';
import { clearSchemaCache, compileAll, getValidator, validatePayload } from '../src/schema/index.ts';
import { formatOcppDateTime } from '../src/schema/datetime.ts';
import { createSocketPair } from '../test/helpers/memory-socket.ts';
import type { BenchRow } from './bench-row.ts';

const VERSION: OcppVersion = '2.0.1';

function transactionEvent(seqNo: number): Record<string, unknown> {
  const ts = formatOcppDateTime(new Date(Date.UTC(2024, 4, 6, 10, 0, seqNo)));
  const measurands = [
    ['Energy.Active.Import.Register', 'Wh'],
    ['Power.Active.Import', 'W'],
    ['Current.Import', 'A'],
    ['Voltage', 'V'],
  ] as const;
  return {
    eventType: 'Updated',
    timestamp: ts,
    triggerReason: 'MeterValuePeriodic',
    seqNo,
    transactionInfo: { transactionId: 'tx-0001', chargingState: 'Charging' },
    evse: { id: 1, connectorId: 1 },
    meterValue: Array.from({ length: 3 }, (_, m) => ({
      timestamp: ts,
      sampledValue: measurands.flatMap(([measurand, unit], i) =>
        ['L1', 'L2'].map((phase) => ({
          value: 1000 * m + i + 0.123456,
          measurand,
          phase,
          context: 'Sample.Periodic',
          location: 'Outlet',
          unitOfMeasure: { unit, multiplier: 0 },
        })),
      ),
    })),
  };
}

function notifyReport(n: number): Record<string, unknown> {
  return {
    requestId: 7,
    generatedAt: formatOcppDateTime(new Date(Date.UTC(2024, 4, 6))),
    seqNo: 0,
    tbc: false,
    reportData: Array.from({ length: n }, (_, i) => ({
      component: { name: `Component${i % 20}`, evse: { id: 1 } },
      variable: { name: `Variable${i}` },
      variableAttribute: [{ type: 'Actual', value: String(i * 3), mutability: 'ReadWrite', persistent: true, constant: false }],
      variableCharacteristics: { dataType: 'integer', supportsMonitoring: true, unit: 'W', minLimit: 0, maxLimit: 22000 },
    })),
  };
}

const BOOT = { reason: 'PowerUp', chargingStation: { model: 'SingleSocketCharger', vendorName: 'VendorX', firmwareVersion: '1.2.3' } };

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] ?? Number.NaN;
}

/** Parse + validate each frame text as an incoming CALL would be. Returns the problem count (must be 0). */
function parseAndValidate(text: string): number {
  const out = parseFrame(text, VERSION);
  if (!out.ok || out.frame.type !== 2) return 1;
  return validatePayload(VERSION, out.frame.action, 'request', out.frame.payload).length;
}

function startup(rows: BenchRow[]): void {
  clearSchemaCache();
  let t = process.hrtime.bigint();
  getValidator('2.0.1', 'BootNotification', 'request');
  rows.push({ name: 'startup: first validator, cold (2.0.1 BootNotification req)', value: ms(t), unit: 'ms' });
  t = process.hrtime.bigint();
  getValidator('2.0.1', 'TransactionEvent', 'request');
  rows.push({ name: 'startup: next validator (2.0.1 TransactionEvent req)', value: ms(t), unit: 'ms' });
  for (const version of ['2.0.1', '2.1'] as const) {
    clearSchemaCache();
    t = process.hrtime.bigint();
    const n = compileAll(version);
    rows.push({ name: `startup: compile all ${n} schemas of ${version}`, value: ms(t), unit: 'ms' });
  }
}

function throughput(rows: BenchRow[]): void {
  const mix: Array<{ name: string; text: string }> = [];
  for (let i = 0; i < 8; i++) {
    mix.push({ name: 'TransactionEvent', text: serializeFrame({ type: 2, id: `te-${i}`, action: 'TransactionEvent', payload: transactionEvent(i) } satisfies CallFrame) });
  }
  mix.push({ name: 'NotifyReport', text: serializeFrame({ type: 2, id: 'nr', action: 'NotifyReport', payload: notifyReport(100) }) });
  mix.push({ name: 'BootNotification', text: serializeFrame({ type: 2, id: 'bn', action: 'BootNotification', payload: BOOT }) });
  for (const m of mix) {
    const problems = parseAndValidate(m.text);
    if (problems !== 0) throw new Error(`bench payload ${m.name} is not valid (${problems} problems)`);
  }
  const avgBytes = mix.reduce((s, m) => s + m.text.length, 0) / mix.length;

  // warm-up
  for (let i = 0; i < 2000; i++) parseAndValidate(mix[i % mix.length]?.text ?? '');

  const N = 20_000;
  const samples = new Float64Array(N);
  const perKind = new Map<string, number[]>();
  const wall = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const m = mix[i % mix.length];
    if (!m) continue;
    const t = process.hrtime.bigint();
    parseAndValidate(m.text);
    const us = Number(process.hrtime.bigint() - t) / 1e3;
    samples[i] = us;
    let arr = perKind.get(m.name);
    if (!arr) perKind.set(m.name, (arr = []));
    arr.push(us);
  }
  const wallMs = ms(wall);
  samples.sort();
  rows.push({ name: `parse+validate: mix throughput (avg ${Math.round(avgBytes)} B/frame)`, value: N / (wallMs / 1000), unit: 'frames/s' });
  rows.push({ name: 'parse+validate: mix p50', value: percentile(samples, 50), unit: 'us/frame' });
  rows.push({ name: 'parse+validate: mix p99', value: percentile(samples, 99), unit: 'us/frame' });
  for (const [name, arr] of perKind) {
    const sorted = Float64Array.from(arr).sort();
    rows.push({ name: `parse+validate: ${name} p50`, value: percentile(sorted, 50), unit: 'us/frame' });
    rows.push({ name: `parse+validate: ${name} p99`, value: percentile(sorted, 99), unit: 'us/frame' });
  }
}

async function roundTrips(rows: BenchRow[]): Promise<void> {
  const [a, b] = createSocketPair();
  const csms = new OcppConnection(a, { version: VERSION, localRole: 'CSMS' });
  const station = new OcppConnection(b, { version: VERSION, localRole: 'ChargingStation' });
  const now = formatOcppDateTime(new Date());
  csms.handle('TransactionEvent', () => ({}));
  csms.handle('Heartbeat', () => ({ currentTime: now }));
  for (let i = 0; i < 200; i++) await station.call('Heartbeat', {});
  const N = 3000;
  const t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await station.call('TransactionEvent', transactionEvent(i % 50));
  const elapsed = ms(t);
  rows.push({ name: 'connection: TransactionEvent CALL->CALLRESULT round trips', value: N / (elapsed / 1000), unit: 'calls/s' });
  rows.push({ name: 'connection: mean round trip', value: (elapsed * 1000) / N, unit: 'us' });
  station.close();
  csms.close();
}

export async function benchRpcSchema(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  startup(rows);
  throughput(rows);
  await roundTrips(rows);
  return rows;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchRpcSchema();
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    const v = Math.abs(r.value) >= 100 ? r.value.toFixed(0) : r.value.toFixed(2);
    console.log(`${r.name.padEnd(width)}  ${v.padStart(10)} ${r.unit}`);
  }
}
