// The set-up every station simulator test shares: a ScriptedCsms and the station (identity CS001) connected to it,
// both stopped after each test, also when the test failed half-way.
import { afterEach } from 'vitest';
import type { OcppVersion } from '../../../src/rpc/types.ts';
import { startStationSim, type StationSim, type StationSimOptions } from '../../../src/sim/station/index.ts';
import { ScriptedCsms } from './scripted-csms.ts';

export interface CsmsSetup {
  /** The scripted CSMS's OCPP version (default 2.0.1). */
  version?: OcppVersion;
  /** How the CSMS listens: security profile, TLS, password check, subprotocols. */
  server?: Parameters<ScriptedCsms['start']>[0];
  /** Replaces responders before the station connects. */
  configure?: (csms: ScriptedCsms) => void;
}

export type StartStation = (station?: Partial<StationSimOptions>, csms?: CsmsSetup) => Promise<{ csms: ScriptedCsms; sim: StationSim }>;

/** Call once at the top of a test file: registers the clean-up and returns how the file's tests start CSMS and station. */
export function stationAndCsmsPerTest(): StartStation {
  let csms: ScriptedCsms | undefined;
  let sim: StationSim | undefined;

  afterEach(async () => {
    await sim?.stop();
    await csms?.close();
    sim = undefined;
    csms = undefined;
  });

  return async (station = {}, setup = {}) => {
    csms = new ScriptedCsms(setup.version);
    setup.configure?.(csms);
    const url = await csms.start(setup.server);
    sim = await startStationSim({ csmsUrl: url, identity: 'CS001', ...station });
    return { csms, sim };
  };
}
