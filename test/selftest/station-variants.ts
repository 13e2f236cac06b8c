// Conditional station cases about the ABSENCE of an optional feature (no per-EVSE reset, no SummaryInventory report)
// are NOT_APPLICABLE against the reference station, which has the feature and says so in its PICS. The self-test runs
// them, clean and under their fault-matrix rows, against the variant of the station that leaves the feature out and
// declares that in its PICS (REFERENCE_STATION_VARIANTS in src/sim/station/pics.ts).
import type { StationTuning } from '../../src/actions/simulator.ts';
import { REFERENCE_STATION_VARIANTS } from '../../src/sim/station/pics.ts';
import type { ReferenceStationVariant } from '../../src/sim/station/pics.ts';

export { VARIANT_OF_CASE } from '../../src/sim/station/pics.ts';

/** The station tuning that makes the reference station the variant (added to an instance's own tuning). */
export function variantTuning(variant: ReferenceStationVariant | undefined, own?: StationTuning): StationTuning | undefined {
  if (!variant) return own;
  return { ...own, omit: REFERENCE_STATION_VARIANTS[variant].omit };
}
