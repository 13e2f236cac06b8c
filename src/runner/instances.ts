// Case instances: one cucumber run may hold the same case several times, each instance with its own simulator faults
// (the self-test runs its whole fault matrix this way, a fresh simulator per instance). The runner writes a copy of
// the case's feature file per instance to <runDir>/instances/<key>/<caseId>.feature; the scenario finds its instance
// by that folder, and writes its result and trace under the instance key instead of the case id.
import { basename, dirname, join } from 'node:path';
import { ScriptError } from '../peer/errors.ts';
import type { StationTuning } from '../actions/simulator.ts';
import type { RunContext } from './context.ts';

/** What an instance key may contain (it names a folder and the result and trace files). */
export const INSTANCE_KEY = /^[A-Za-z0-9_.@~+-]{1,150}$/;

export function instanceFeaturePath(runDir: string, key: string, caseId: string): string {
  return join(runDir, 'instances', key, `${caseId}.feature`);
}

export interface ResolvedInstance {
  /** Names the result file (cases/<key>.json) and the trace (traces/<key>.ndjson); the case id without instances. */
  key: string;
  faults: string[];
  stationTuning?: StationTuning;
}

/** The instance a scenario of `caseId` read from feature file `uri` stands for (the run's own faults without instances). */
export function instanceOf(run: RunContext, caseId: string, uri: string | undefined): ResolvedInstance {
  if (!run.instances) {
    const tuning = run.caseStationTuning?.[caseId] ? { ...run.stationTuning, ...run.caseStationTuning[caseId] } : run.stationTuning;
    return { key: caseId, faults: run.faults, ...(tuning ? { stationTuning: tuning } : {}) };
  }
  const key = uri ? basename(dirname(uri)) : '';
  const spec = run.instances[key];
  if (!spec || spec.caseId !== caseId) throw new ScriptError(`the feature ${uri ?? '(no path)'} of ${caseId} is no instance of this run`);
  return { key, faults: spec.faults, ...(spec.stationTuning ? { stationTuning: spec.stationTuning } : {}) };
}
