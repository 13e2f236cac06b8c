// The built-in simulators as the SUT: started per scenario, driven only through their HTTP APIs with the same HTTP
// adapters a real bench uses (so the self-test exercises those adapters too). Nothing here knows any test case.
import { startCsmsSim } from '../sim/csms/index.ts';
import { isCsmsFault } from '../sim/csms/faults.ts';
import { isStationFault, startStationSim } from '../sim/station/index.ts';
import type { OcppVersion } from '../rpc/types.ts';
import type { TraceSink } from '../report/trace-types.ts';
import type { EngineSettings } from '../peer/settings.ts';
import { HttpGatewayActions, HttpOcttTriggers } from './http.ts';
import type { OperatorTriggers, SutActions } from './types.ts';

export interface SimTls {
  caPem: string;
  serverCertPem: string;
  serverKeyPem: string;
  clientCertPem: string;
  clientKeyPem: string;
}

/** Correct-but-different station behaviour the self-test uses to exercise tolerant checks. */
export interface StationTuning {
  /** Periodic meter values during a transaction every this many ms (the station's default follows its device model). */
  meterSampleMs?: number;
}

export interface SimCommon {
  version: OcppVersion;
  identity: string;
  securityProfile: 0 | 1 | 2 | 3;
  password: string | null;
  tls?: SimTls | undefined;
  settings: EngineSettings;
  /** Named faults; only those of the simulator being started are used. */
  faults: string[];
  /** Correct-but-different station behaviour (self-test only). */
  stationTuning?: StationTuning | undefined;
  trace?: TraceSink | undefined;
}

export interface StartedStationSim {
  actions: SutActions;
  stop(): Promise<void>;
}

/** A reference Charging Station that connects to `csmsUrl` (the test system's endpoint). */
export async function startSimulatedStation(csmsUrl: string, o: SimCommon): Promise<StartedStationSim> {
  const sim = await startStationSim({
    csmsUrl,
    identity: o.identity,
    ocppVersion: o.version,
    securityProfile: o.securityProfile,
    ...(o.password !== null ? { password: o.password } : {}),
    ...(o.tls ? { tls: { caPem: o.tls.caPem, certPem: o.tls.clientCertPem, keyPem: o.tls.clientKeyPem } } : {}),
    evses: o.settings.evses.map((e) => e.connectors.length),
    vendorName: o.settings.vendorName,
    model: o.settings.model,
    timers: {
      reconnectMs: 200,
      reconnectMaxMs: 1000,
      rebootMs: 100,
      callTimeoutMs: 10_000,
      ...(o.stationTuning?.meterSampleMs !== undefined ? { meterSampleMs: o.stationTuning.meterSampleMs } : {}),
    },
    faults: o.faults.filter(isStationFault),
    actionApi: { host: '127.0.0.1', port: 0 },
    ...(o.trace ? { trace: o.trace } : {}),
  });
  if (!sim.actionApiUrl) throw new Error('the station simulator started without its action API');
  return { actions: new HttpGatewayActions(sim.actionApiUrl), stop: () => sim.stop() };
}

export interface StartedCsmsSim {
  url: string;
  triggers: OperatorTriggers;
  stop(): Promise<void>;
}

/** A reference CSMS the test system's station connects to; operator triggers go through its octt API. */
export async function startSimulatedCsms(o: SimCommon & { reconnectGapMs: number }): Promise<StartedCsmsSim> {
  const s = o.settings;
  const tokens = [
    ...s.idTokens.valid.map((t) => ({ idToken: t.idToken, type: t.type, status: 'Accepted' as const })),
    { idToken: s.idTokens.invalid.idToken, type: s.idTokens.invalid.type, status: 'Invalid' as const },
    { idToken: s.idTokens.blocked.idToken, type: s.idTokens.blocked.type, status: 'Blocked' as const },
    { idToken: s.idTokens.expired.idToken, type: s.idTokens.expired.type, status: 'Expired' as const },
  ];
  const sim = await startCsmsSim({
    host: '127.0.0.1',
    port: 0,
    securityProfile: o.securityProfile,
    ...(o.password !== null ? { passwords: { '*': o.password } } : {}),
    ...(o.tls ? { tls: { certPem: o.tls.serverCertPem, keyPem: o.tls.serverKeyPem, caPem: o.tls.caPem } } : {}),
    boot: { intervalS: 1, pendingThenAccept: { afterMs: 0 } },
    heartbeatIntervalS: s.heartbeatIntervalS,
    tokens,
    faults: o.faults.filter(isCsmsFault),
    operatorApi: { host: '127.0.0.1', port: 0 },
    reconnectGapMs: Math.max(2000, o.reconnectGapMs * 4),
    timers: { callTimeoutMs: 10_000 },
    ...(o.trace ? { trace: o.trace } : {}),
  });
  if (!sim.operatorApiUrl) throw new Error('the CSMS simulator started without its operator API');
  return { url: sim.url, triggers: new HttpOcttTriggers(sim.operatorApiUrl, o.version, o.identity), stop: () => sim.stop() };
}
