// Conditional station cases about the ABSENCE of an optional feature (no per-EVSE reset, no SummaryInventory report)
// are NOT_APPLICABLE against the reference station, which has the feature and says so in its PICS. The self-test runs
// them, clean and under their fault-matrix rows, against the variant of the station that leaves the feature out and
// declares that in its PICS (REFERENCE_STATION_VARIANTS in src/sim/station/pics.ts).
import type { StationTuning } from '../../src/actions/simulator.ts';
import { REFERENCE_STATION_VARIANTS } from '../../src/sim/station/pics.ts';
import type { ReferenceStationVariant } from '../../src/sim/station/pics.ts';

export const VARIANT_OF_CASE: Readonly<Record<string, ReferenceStationVariant>> = {
  TC_B_15_CS: 'reduced',
  TC_B_28_CS: 'reduced',
  TC_B_29_CS: 'reduced',
  TC_C_05_CS: 'cableLock',
  TC_C_47_CS: 'masterPassUi',
  TC_C_48_CS: 'masterPassUi',
  TC_L_11_CS: 'noFirmwareCancel',
  TC_L_13_CS: 'firmwareWaitsForTransactions',
  TC_L_15_CS: 'firmwareInstallWaitsForTransactions',
};

/** The station tuning that makes the reference station the variant (added to an instance's own tuning). */
export function variantTuning(variant: ReferenceStationVariant | undefined, own?: StationTuning): StationTuning | undefined {
  if (!variant) return own;
  return { ...own, omit: REFERENCE_STATION_VARIANTS[variant].omit };
}
