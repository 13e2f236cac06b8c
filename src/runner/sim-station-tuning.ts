// What the built-in reference station of single cases needs beyond the run's own tuning (simulator mode only).
import type { StationTuning } from '../actions/simulator.ts';

/**
 * The RetryBackOff* variables: the default built-in station reconnects on short fixed timers that OCPP cannot
 * express (RetryBackOffWaitMinimum counts whole seconds), so it does not declare them, and the cases that set them
 * "if implemented" for their own way of going offline (TC_B_51, TC_B_52) stay quick. The cases about the back-off
 * itself meet a station that declares them (small values; `sim station` declares them too, with realistic ones).
 */
export const SIM_STATION_TUNING_OF_CASE: Readonly<Record<string, StationTuning>> = {
  TC_B_57_CS: { retryBackOff: true },
  TC_B_49_CS: { retryBackOff: true },
};

/** The built-in station's tuning for a case: what the case needs, under the instance's own. */
export function simStationTuning(own: StationTuning | undefined, caseId: string): StationTuning | undefined {
  const needed = SIM_STATION_TUNING_OF_CASE[caseId];
  return own || needed ? { ...needed, ...own } : undefined;
}
