// `run --sim` against the built-in station: a case about a station that LACKS a feature (no per-EVSE reset, no cable
// lock, cannot cancel a firmware update, ...) runs against the variant of the reference station that leaves the feature
// out and declares so in its PICS (REFERENCE_STATION_VARIANTS). Its applicability is decided by that variant's PICS, and
// its simulator starts as that variant; every other case meets the plain reference station, as before.
import type { StationTuning } from '../actions/simulator.ts';
import { REFERENCE_STATION_VARIANTS, VARIANT_OF_CASE } from '../sim/station/pics.ts';
import { stationSutConfig, type SimConfigOptions } from '../runner/simulator-config.ts';
import { selectCases, type SelectionEntry } from './selection.ts';

export interface VariantSelection {
  entries: SelectionEntry[];
  /** case id -> the tuning that makes the simulated station the variant the case is about. */
  caseStationTuning: Record<string, StationTuning>;
}

export function withStationVariants(entries: SelectionEntry[], sim: SimConfigOptions): VariantSelection {
  const caseStationTuning: Record<string, StationTuning> = {};
  // The variants' PICS are OCPP 2.0.1 PICS (2.1 runs have none).
  if ((sim.ocppVersion ?? '2.0.1') !== '2.0.1') return { entries, caseStationTuning };
  const out = entries.map((entry) => {
    const variant = VARIANT_OF_CASE[entry.testCase.id];
    if (!variant) return entry;
    const config = stationSutConfig({ ...sim, stationVariant: variant });
    const [decided] = selectCases({ role: 'cs', version: '2.0.1', ids: [entry.testCase.id] }, config.pics);
    if (!decided) return entry;
    caseStationTuning[entry.testCase.id] = { omit: [...REFERENCE_STATION_VARIANTS[variant].omit] };
    return { ...entry, testCase: decided.testCase };
  });
  return { entries: out, caseStationTuning };
}
