// How many reference stations one process holds against a local CSMS, each doing boot + heartbeat + one
// transaction, and what each costs in memory. Bounded: at most STATIONS stations, a few seconds.

import { OcppConnection } from '../src/rpc/connection.ts';
import { formatOcppDateTime } from '../src/schema/datetime.ts';
import { startStationSim, type StationSim } from '../src/sim/station/index.ts';
import { startServer } from '../src/transport/server.ts';
import { ConditionWaits } from '../test/helpers/condition-waits.ts';
import type { BenchRow } from './bench-row.ts';

const STATIONS = Number(process.env.STATION_SIM_BENCH_COUNT ?? 1000);
const DEADLINE_MS = 30_000;

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}

export async function benchStationSim(): Promise<BenchRow[]> {
  const count = Math.max(1, Math.min(STATIONS, 1000));
  let heartbeats = 0;
  let ended = 0;
  const counts = new ConditionWaits();
  const until = (test: () => boolean, what: string): Promise<void> => counts.until(test, () => `${what} not reached within ${DEADLINE_MS} ms`, DEADLINE_MS);

  const server = await startServer({
    securityProfile: 0,
    subprotocols: ['ocpp2.0.1'],
    onConnection: (socket) => {
      const conn = new OcppConnection(socket, { version: '2.0.1', localRole: 'CSMS' });
      conn.setDefaultHandler((payload, frame) => {
        const action = 'action' in frame ? frame.action : '';
        if (action === 'BootNotification') return { currentTime: formatOcppDateTime(new Date()), interval: 300, status: 'Accepted' };
        if (action === 'Heartbeat') {
          heartbeats++;
          counts.changed();
          return { currentTime: formatOcppDateTime(new Date()) };
        }
        if (action === 'Authorize') return { idTokenInfo: { status: 'Accepted' } };
        if (action === 'TransactionEvent' && (payload as { eventType?: string }).eventType === 'Ended') {
          ended++;
          counts.changed();
        }
        return {};
      });
    },
  });

  gc();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const sims: StationSim[] = [];
  try {
    for (let i = 0; i < count; i++) {
      sims.push(
        await startStationSim({ csmsUrl: server.url, identity: `BENCH${String(i).padStart(4, '0')}`, actionApi: false, timers: { heartbeatMs: 500 } }),
      );
    }
    await Promise.all(sims.map((s) => s.waitForState((st) => st.bootState === 'Accepted', DEADLINE_MS)));
    const bootedMs = performance.now() - t0;
    await until(() => heartbeats >= count, 'one heartbeat per station');
    const t1 = performance.now();
    for (const s of sims) {
      s.plugIn(1, 1);
      s.presentToken('BENCHTAG', 1);
    }
    await Promise.all(sims.map((s) => s.waitForState((st) => st.evses[0]?.transaction !== undefined && st.queuedTransactionEvents === 0, DEADLINE_MS)));
    for (const s of sims) s.plugOut(1, 1);
    await until(() => ended >= count, 'one ended transaction per station');
    const txMs = performance.now() - t1;
    gc();
    const after = process.memoryUsage();
    return [
      { name: 'stations held (boot+heartbeat+tx)', value: count, unit: 'stations' },
      { name: 'time to boot all', value: bootedMs, unit: 'ms' },
      { name: 'boots per second', value: (count / bootedMs) * 1000, unit: '/s' },
      { name: 'time for one transaction each', value: txMs, unit: 'ms' },
      { name: 'heap per station', value: (after.heapUsed - before.heapUsed) / count / 1024, unit: 'KiB' },
      { name: 'rss per station', value: (after.rss - before.rss) / count / 1024, unit: 'KiB' },
      { name: 'gc exposed (1 = yes)', value: (globalThis as { gc?: unknown }).gc ? 1 : 0, unit: '' },
    ];
  } finally {
    await Promise.all(sims.map((s) => s.stop()));
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const rows = await benchStationSim();
  for (const r of rows) console.log(`${r.name.padEnd(36)} ${r.value.toFixed(r.value >= 100 ? 0 : 2).padStart(10)} ${r.unit}`);
}
