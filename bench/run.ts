// `npm run bench`: runs every benchmark module and prints one table, plus ratios where a pair is comparable.
// Each module exports an async function returning rows; a module that is missing or throws is reported, not fatal.

interface BenchRow {
  name: string;
  value: number;
  unit: string;
}

const suites: Array<{ title: string; load: () => Promise<() => Promise<BenchRow[]>> }> = [
  { title: 'rpc + schema', load: async () => (await import('./rpc-schema.ts')).benchRpcSchema },
  { title: 'transport', load: async () => (await import('./transport.ts')).benchTransport },
  { title: 'station simulator', load: async () => (await import('./station-sim.ts')).benchStationSim },
  { title: 'csms simulator', load: async () => (await import('./csms-sim.ts')).benchCsmsSim },
];

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  let failures = 0;
  for (const suite of suites) {
    if (only.length > 0 && !only.some((word) => suite.title.includes(word))) continue;
    console.log(`\n## ${suite.title}`);
    try {
      const bench = await suite.load();
      const rows = await bench();
      const width = Math.max(...rows.map((row) => row.name.length), 10);
      for (const row of rows) console.log(`  ${row.name.padEnd(width)}  ${formatValue(row.value).padStart(12)} ${row.unit}`);
    } catch (error) {
      failures += 1;
      console.log(`  failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  process.exitCode = failures > 0 ? 1 : 0;
}

await main();
