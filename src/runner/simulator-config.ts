// Run configurations with the built-in simulators as SUT, on short timers: used by `run --main` and the self-test.
import { loadRunConfig } from '../config/index.ts';
import type { RunConfig } from '../config/types.ts';
import type { OcppVersion } from '../rpc/types.ts';
import { REFERENCE_CSMS_PICS } from '../sim/csms/pics.ts';
import { REFERENCE_STATION_PICS, REFERENCE_STATION_VARIANTS } from '../sim/station/pics.ts';
import type { ReferenceStationVariant } from '../sim/station/pics.ts';

export interface SimConfigOptions {
  ocppVersion?: OcppVersion;
  securityProfile?: 0 | 1 | 2 | 3;
  certDir?: string;
  evses?: Array<{ id: number; connectors: Array<{ id: number }> }>;
  /** A variant of the reference station (its PICS changes with it; start the station with the variant's omit). */
  stationVariant?: ReferenceStationVariant;
}

/** Identities of simulator runs: the reference station under test, and the test system's station facing the reference CSMS. */
export const SIM_STATION_IDENTITY = 'SELFTEST-CS';
export const SIM_CSMS_CLIENT_IDENTITY = 'SELFTEST-ST';

function load(raw: object): RunConfig {
  const r = loadRunConfig(raw);
  if (!r.ok) throw new Error(`built-in simulator config invalid:\n${r.errors.join('\n')}`);
  return r.config;
}

const common = (o: SimConfigOptions): Record<string, unknown> => ({
  ocppVersion: o.ocppVersion ?? '2.0.1',
  securityProfile: o.securityProfile ?? 1,
  ...((o.securityProfile ?? 1) >= 1 && (o.securityProfile ?? 1) <= 2 ? { basicAuthPassword: 'selftest-password-0123' } : {}),
  ...(o.certDir ? { certificates: { dir: o.certDir } } : {}),
  evses: o.evses ?? [
    { id: 1, connectors: [{ id: 1, type: 'cType2' }] },
    { id: 2, connectors: [{ id: 1, type: 'cType2' }] },
  ],
  // Two valid idTokens of one group (group cases), the eMAID of the contract certificate cases, a master pass and its
  // group (master pass cases).
  idTokens: {
    valid: [
      { idToken: 'OCTT-VALID-0001', type: 'ISO14443' },
      { idToken: 'OCTT-VALID-0002', type: 'ISO14443' },
      { idToken: 'NLTSTC000000001', type: 'eMAID' },
    ],
    groupId: { idToken: 'OCTT-GROUP-0001', type: 'Central' },
    masterPass: { idToken: 'OCTT-MASTER-0001', type: 'ISO14443' },
    masterPassGroupId: 'OCTT-MASTERPASS',
  },
  // The simulators answer at once: the drain window is just the ping round trip (a real SUT gets the default 300 ms).
  timeouts: { defaultMs: 5000, connectMs: 5000, bootMs: 8000, transactionMs: 5000, promptMs: 1000, drainMs: 1 },
  reconnectGapMs: 50,
  actions: { kind: 'simulator' },
  // Short heartbeat so the heartbeat cases finish quickly; transactions stop at once; meter values every 0.2 s.
  bench: { heartbeatIntervalS: 3, transactionDurationMs: 0, clockAlignedIntervalS: 0.2, sampledIntervalS: 0.2 },
});

export function stationSutConfig(o: SimConfigOptions = {}): RunConfig {
  const sp = o.securityProfile ?? 1;
  return load({
    sut: { role: 'ChargingStation', stationIdentity: SIM_STATION_IDENTITY, listen: { host: '127.0.0.1', port: 9999, path: '/ocpp' } },
    ...common({ ...o, securityProfile: sp }),
    ...((o.ocppVersion ?? '2.0.1') === '2.0.1' ? { pics: stationPics(o.stationVariant) } : {}),
  });
}

/** The reference station's PICS, with a variant's changes. */
function stationPics(variant: ReferenceStationVariant | undefined): object {
  if (!variant) return REFERENCE_STATION_PICS;
  return { ...REFERENCE_STATION_PICS, features: { ...REFERENCE_STATION_PICS.features, ...REFERENCE_STATION_VARIANTS[variant].features }, notes: `${REFERENCE_STATION_PICS.notes} Variant "${variant}".` };
}

export function csmsSutConfig(o: SimConfigOptions = {}): RunConfig {
  const sp = o.securityProfile ?? 1;
  return load({
    sut: { role: 'CSMS', csmsUrl: `${sp >= 2 ? 'wss' : 'ws'}://127.0.0.1:1/ocpp`, identity: SIM_CSMS_CLIENT_IDENTITY },
    ...common({ ...o, securityProfile: sp }),
    // The PICS names Part 5 features of 2.0.1; 2.1 numbers its features differently, so 2.1 runs go without it.
    ...((o.ocppVersion ?? '2.0.1') === '2.0.1' ? { pics: REFERENCE_CSMS_PICS } : {}),
  });
}

