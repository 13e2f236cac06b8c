// Helper for the self-test (and by hand: `tsx test/selftest/run.ts TC_B_01_CS TC_B_01_CSMS [--fault x] [--sp 2]`):
// runs slice cases against the built-in simulators through runCases.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../src/catalog/index.ts';
import type { SelectedCase } from '../../src/catalog/types.ts';
import type { RunConfig } from '../../src/config/types.ts';
import { runCases } from '../../src/runner/index.ts';
import type { RunSummary } from '../../src/report/verdict.ts';
import { csmsSutConfig, stationSutConfig } from '../../src/runner/simulator-config.ts';
import type { SimConfigOptions } from '../../src/runner/simulator-config.ts';
import type { OcppVersion } from '../../src/rpc/types.ts';
import type { StationTuning } from '../../src/actions/simulator.ts';
import type { ReferenceStationVariant } from '../../src/sim/station/pics.ts';
import { VARIANT_OF_CASE, variantTuning } from './station-variants.ts';

export function selectCases(ids: string[], version: OcppVersion = '2.0.1'): SelectedCase[] {
  return loadCatalog().select({ version, ids });
}

export async function runSlice(
  ids: string[],
  opts: { faults?: string[]; sim?: SimConfigOptions; stationTuning?: StationTuning; parallel?: number; runDir?: string; echo?: boolean } = {},
): Promise<RunSummary[]> {
  const cases = selectCases(ids, opts.sim?.ocppVersion);
  const byRole: Array<[RunConfig, SelectedCase[], ReferenceStationVariant | undefined]> = [];
  const cs = cases.filter((c) => c.role === 'ChargingStation');
  const csms = cases.filter((c) => c.role === 'CSMS');
  // Station cases about a feature's absence run against the variant of the station without it (station-variants.ts).
  const variantOf = (id: string): ReferenceStationVariant | undefined => ((opts.sim?.ocppVersion ?? '2.0.1') === '2.0.1' ? VARIANT_OF_CASE[id] : undefined);
  const variants = [...new Set(cs.map((c) => variantOf(c.id)))];
  for (const v of variants) {
    const mine = cs.filter((c) => variantOf(c.id) === v);
    byRole.push([stationSutConfig({ ...opts.sim, ...(v ? { stationVariant: v } : {}) }), mine, v]);
  }
  if (csms.length > 0) byRole.push([csmsSutConfig(opts.sim), csms, undefined]);
  const base = opts.runDir ?? mkdtempSync(join(tmpdir(), 'ocpp-selftest-'));
  return await Promise.all(
    byRole.map(([config, list, variant]) => {
      const tuning = variantTuning(variant, opts.stationTuning);
      return runCases({
        config,
        cases: list,
        runDir: join(base, config.sut.role === 'CSMS' ? 'csms' : variant ? `cs-${variant}` : 'cs'),
        faults: opts.faults ?? [],
        ...(tuning ? { stationTuning: tuning } : {}),
        ...(opts.parallel ? { parallel: opts.parallel } : {}),
        ...(opts.echo ? { echo: true } : {}),
        timeoutMs: 300_000,
      });
    }),
  );
}

if (process.argv[1]?.endsWith('/selftest/run.ts')) {
  const args = process.argv.slice(2);
  const faults: string[] = [];
  const ids: string[] = [];
  let sp: 0 | 1 | 2 | 3 | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--fault') faults.push(args[++i] ?? '');
    else if (args[i] === '--sp') sp = Number(args[++i]) as 0 | 1 | 2 | 3;
    else ids.push(args[i] ?? '');
  }
  const t0 = Date.now();
  const summaries = await runSlice(ids, { faults, sim: sp !== undefined ? { securityProfile: sp } : {}, echo: true, parallel: 2 });
  for (const s of summaries) {
    for (const r of s.results) {
      console.log(`${r.id.padEnd(14)} ${r.verdict.padEnd(14)} ${(r.durationMs / 1000).toFixed(1)}s ${r.reason ?? ''}${r.failure ? `${r.failure.step}: expected ${r.failure.expected}; actual ${r.failure.actual}` : ''}`);
      console.log(`   trace: ${r.tracePath ?? '-'}`);
    }
  }
  console.log(`wall ${(Date.now() - t0) / 1000}s`);
}
