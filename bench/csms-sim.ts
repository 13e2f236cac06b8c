// How many concurrent stations the reference CSMS holds (each connects, boots and heartbeats) and what each costs in
// memory. Everything runs on loopback in this one process, so every station uses two file descriptors (client and
// server side): the open-file limit (ulimit -n) caps the count; we stay below half of it. Bounded in count and time.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { OcppConnection } from '../src/rpc/index.ts';
import { startCsmsSim } from '../src/sim/csms/index.ts';
import { connect } from '../src/transport/index.ts';
import type { BenchRow } from './bench-row.ts';

const TARGET = Number(process.env.BENCH_CSMS_STATIONS ?? 2000);
const BATCH = 100;
const DEADLINE_MS = 30_000;

function openFileLimit(): number | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft && /^\d+$/.test(soft) ? Number(soft) : undefined;
  } catch {
    return undefined;
  }
}

function heapNow(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

export async function benchCsmsSim(): Promise<BenchRow[]> {
  const limit = openFileLimit();
  const target = Math.max(1, Math.min(TARGET, limit ? Math.floor((limit - 200) / 2) : TARGET));
  const sim = await startCsmsSim({ operatorApi: false, heartbeatIntervalS: 3600 });
  const conns: OcppConnection[] = [];
  const heapBefore = heapNow();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  let failures = 0;
  try {
    for (let i = 0; i < target && performance.now() - started < DEADLINE_MS; i += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, target - i) }, async (_, j) => {
        const socket = await connect({ url: sim.url, identity: `BENCH-${i + j}`, subprotocols: ['ocpp2.0.1'], securityProfile: 0 });
        const conn = new OcppConnection(socket, { version: '2.0.1', localRole: 'ChargingStation' });
        conns.push(conn);
        await conn.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'Bench', vendorName: 'Bench' } });
        await conn.call('Heartbeat', {});
      });
      const results = await Promise.allSettled(batch);
      failures += results.filter((r) => r.status === 'rejected').length;
    }
    const elapsedMs = performance.now() - started;
    const held = sim.stations().filter((s) => s.connected && s.bootStatus === 'Accepted').length;
    const heapPer = (heapNow() - heapBefore) / Math.max(held, 1);
    const rssPer = (process.memoryUsage().rss - rssBefore) / Math.max(held, 1);
    return [
      { name: 'stations held (boot + heartbeat each)', value: held, unit: `of ${target} attempted` },
      { name: 'failed stations', value: failures, unit: 'count' },
      { name: 'time to connect + boot + heartbeat all', value: elapsedMs, unit: 'ms' },
      { name: 'station set-up rate', value: held / (elapsedMs / 1000), unit: 'stations/s' },
      { name: 'heap per station (both sides, one process)', value: heapPer / 1024, unit: 'KiB' },
      { name: 'rss per station (both sides, one process)', value: rssPer / 1024, unit: 'KiB' },
      { name: 'open-file limit (ulimit -n)', value: limit ?? Number.NaN, unit: 'fds' },
    ];
  } finally {
    for (const c of conns) c.terminate();
    await sim.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchCsmsSim();
  for (const r of rows) console.log(`${r.name.padEnd(46)} ${Number.isInteger(r.value) ? r.value : r.value.toFixed(2)} ${r.unit}`);
}
