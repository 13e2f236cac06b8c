// The built-in simulators as the SUT: started per scenario, driven only through their HTTP APIs with the same HTTP
// adapters a real bench uses (so the self-test exercises those adapters too). Nothing here knows any test case.
import { createRootCa, issueCertificate } from '../pki/index.ts';
import type { IssuedCert } from '../pki/index.ts';
import { startCsmsSim } from '../sim/csms/index.ts';
import type { TokenEntry } from '../sim/csms/options.ts';
import { isCsmsFault } from '../sim/csms/faults.ts';
import { isStationFault, startStationSim } from '../sim/station/index.ts';
import type { OmittedFeature } from '../sim/station/types.ts';
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
  /** The CSMS root with its key, when known: the reference CSMS signs station CSRs with it. */
  caIssuer?: IssuedCert | undefined;
  /** The test PKI's V2G Sub-CA with its key, when known: the reference CSMS signs V2G CSRs with it. */
  v2gIssuer?: IssuedCert | undefined;
}

/** Correct-but-different station behaviour the self-test uses to exercise tolerant checks. */
export interface StationTuning {
  /** Periodic meter values during a transaction every this many ms (the station's default follows its device model). */
  meterSampleMs?: number;
  /** Optional features the station leaves out (a variant of the reference station, REFERENCE_STATION_VARIANTS). */
  omit?: readonly OmittedFeature[];
  /** The station declares OCPPCommCtrlr.RetryBackOff* and reconnects by them (see SIM_STATION_TUNING_OF_CASE). */
  retryBackOff?: boolean;
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
    ...(o.stationTuning?.omit ? { omit: [...o.stationTuning.omit] } : {}),
    ...(o.stationTuning?.retryBackOff ? { retryBackOff: true } : {}),
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

const ephemeral = new Map<string, Promise<SimTls>>();

/**
 * TLS material for a run against the built-in CSMS when none is configured (security profile 0/1): a throw-away ECDSA
 * root, server and station certificate, made once per process. It lets a case raise the station's security profile
 * (TC_A_19_CSMS) without a test PKI on disk.
 */
export function ephemeralSimTls(identity: string): Promise<SimTls> {
  let t = ephemeral.get(identity);
  if (!t) {
    t = (async () => {
      const root = await createRootCa({ commonName: 'Ephemeral Self-Test CSMS Root', algorithm: 'ECDSA-P256' });
      const server = await issueCertificate({ issuer: root, commonName: '127.0.0.1', usage: 'server', ipAddresses: ['127.0.0.1'], dnsNames: ['localhost'], algorithm: 'ECDSA-P256' });
      const client = await issueCertificate({ issuer: root, commonName: identity, usage: 'client', algorithm: 'ECDSA-P256' });
      return { caPem: root.certPem, serverCertPem: server.chainPem, serverKeyPem: server.keyPem, clientCertPem: client.chainPem, clientKeyPem: client.keyPem, caIssuer: root };
    })();
    ephemeral.set(identity, t);
  }
  return t;
}

/** A reference CSMS the test system's station connects to; operator triggers go through its octt API. */
export async function startSimulatedCsms(o: SimCommon & { reconnectGapMs: number; contractCas?: string[] }): Promise<StartedCsmsSim> {
  const s = o.settings;
  // The valid idTokens share the configured group; the master pass belongs to the configured master pass group.
  const group = s.idTokens.groupId ? { groupIdToken: { idToken: s.idTokens.groupId.idToken, type: s.idTokens.groupId.type } } : {};
  const master = s.idTokens.masterPass;
  const tokens: TokenEntry[] = [
    ...s.idTokens.valid.map((t) => ({ idToken: t.idToken, type: t.type, status: 'Accepted' as const, ...group })),
    { idToken: s.idTokens.invalid.idToken, type: s.idTokens.invalid.type, status: 'Invalid' as const },
    { idToken: s.idTokens.blocked.idToken, type: s.idTokens.blocked.type, status: 'Blocked' as const },
    { idToken: s.idTokens.expired.idToken, type: s.idTokens.expired.type, status: 'Expired' as const },
    ...(master ? [{ idToken: master.idToken, type: master.type, status: 'Accepted' as const, masterPass: true }] : []),
  ];
  const sim = await startCsmsSim({
    host: '127.0.0.1',
    port: 0,
    securityProfile: o.securityProfile,
    ...(o.password !== null ? { passwords: { '*': o.password } } : {}),
    ...(o.tls ? { tls: { certPem: o.tls.serverCertPem, keyPem: o.tls.serverKeyPem, caPem: o.tls.caPem } } : {}),
    ...(o.tls?.caIssuer ? { pki: { issuer: o.tls.caIssuer, ...(o.tls.v2gIssuer ? { v2gIssuer: o.tls.v2gIssuer } : {}) } } : {}),
    boot: { intervalS: 1, pendingThenAccept: { afterMs: 0 } },
    heartbeatIntervalS: s.heartbeatIntervalS,
    tokens,
    ...(s.idTokens.masterPassGroupId !== undefined ? { masterPassGroupId: s.idTokens.masterPassGroupId } : {}),
    ...(o.contractCas ? { contractCas: o.contractCas } : {}),
    faults: o.faults.filter(isCsmsFault),
    operatorApi: { host: '127.0.0.1', port: 0 },
    reconnectGapMs: Math.max(2000, o.reconnectGapMs * 4),
    timers: { callTimeoutMs: 10_000 },
    ...(o.trace ? { trace: o.trace } : {}),
  });
  if (!sim.operatorApiUrl) throw new Error('the CSMS simulator started without its operator API');
  return { url: sim.url, triggers: new HttpOcttTriggers(sim.operatorApiUrl, o.version, o.identity), stop: () => sim.stop() };
}
