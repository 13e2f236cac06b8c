// The run configuration after validation: every default filled in, every path absolute.
import type { ExpectedFailure } from '../report/expected-failures.ts';
import type { OcppVersion, Pics, SutRole } from '../catalog/types.ts';
import type { BenchConfig } from './configured-values.ts';
import type { PoolIdentity } from './identity-pool.ts';

export type { OcppVersion, Pics, SutRole };

export type SecurityProfile = 0 | 1 | 2 | 3;

/** SUT = Charging Station: the test system plays the CSMS and listens; the station connects to ws(s)://host:port/path/<id>. */
export interface StationSut {
  role: 'ChargingStation';
  listen: { host: string; port: number; path: string };
  stationIdentity: string;
}

/** SUT = CSMS: the test system plays a Charging Station and connects to <csmsUrl>/<identity>. */
export interface CsmsSut {
  role: 'CSMS';
  csmsUrl: string;
  identity: string;
  /**
   * The station identities the run may use, "identity" first, then "identities" (see identity-pool.ts): a
   * --parallel worker runs its cases under its own one. Paths absolute. Absent: only "identity".
   */
  pool?: PoolIdentity[];
}

export type SutConfig = StationSut | CsmsSut;

/** Absolute paths; null when not configured (not needed below security profile 2). */
export interface CertificatePaths {
  dir: string | null;
  caPem: string | null;
  serverCert: string | null;
  serverKey: string | null;
  clientCert: string | null;
  clientKey: string | null;
}

export interface ConnectorConfig {
  id: number;
  type?: string;
}

export interface EvseConfig {
  id: number;
  connectors: ConnectorConfig[];
}

export interface IdTokenConfig {
  idToken: string;
  type: string;
}

export interface IdTokensConfig {
  valid: IdTokenConfig[];
  invalid: IdTokenConfig;
  blocked: IdTokenConfig;
  expired: IdTokenConfig;
  masterPass?: IdTokenConfig;
  /** <Configured groupIdToken>: the group the valid idTokens share. */
  groupId?: IdTokenConfig;
  /** <Configured masterPassGroupId> (AuthCtrlr.MasterPassGroupId): the group of the masterPass idToken. */
  masterPassGroupId?: string;
}

export interface Timeouts {
  defaultMs: number;
  connectMs: number;
  bootMs: number;
  transactionMs: number;
  promptMs: number;
  /** End of each case: how long a ping round trip may take, so what the SUT sent before it is still judged. */
  drainMs: number;
  /** A SUT that went away between cases: how long the run waits for it to come back before it stops. */
  sutReturnMs: number;
}

export interface HttpMappingEntry {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  urlTemplate: string;
  bodyTemplate?: string;
}

export type ActionsConfig =
  | { kind: 'prompt'; timeoutMs: number }
  /** Station-side bench gateway: {baseUrl}/api/v1/plugin, /plugout, /authorize, /reboot, /state ... */
  | { kind: 'http-gateway'; baseUrl: string }
  /** CSMS-side trigger API: POST {baseUrl}/api/octt/{version}/{station}/call/{Action}. */
  | { kind: 'http-octt'; baseUrl: string }
  | { kind: 'http-mapping'; map: Record<string, HttpMappingEntry> }
  | { kind: 'command'; command: string | Record<string, string> }
  | { kind: 'simulator' };

/** The "<Configured ...>" values (run config "bench"), declared once in configured-values.ts. */
export type { BenchConfig } from './configured-values.ts';

/**
 * What the peers and states work with: the configured values in force (the run config's "bench" with a caller's
 * overrides on top) plus the configured EVSEs and idTokens.
 */
export type EngineSettings = BenchConfig & Pick<RunConfig, 'evses' | 'idTokens'>;

/** The file server of block L / N cases (firmware downloads, log uploads); see src/fileserver. */
export interface FileServerConfig {
  host: string;
  /** 0: any free port. */
  port: number;
  /** Host put into the URLs the station is given; null: the listen host, or this machine's first external IPv4 address. */
  publicHost: string | null;
}

export interface RunConfig {
  sut: SutConfig;
  ocppVersion: OcppVersion;
  securityProfile: SecurityProfile;
  basicAuthPassword: string | null;
  certificates: CertificatePaths;
  evses: EvseConfig[];
  idTokens: IdTokensConfig;
  timeouts: Timeouts;
  reconnectGapMs: number;
  actions: ActionsConfig;
  bench: BenchConfig;
  /** null: no PICS given; conditional cases are then kept with a note. */
  pics: Pics | null;
  /** The PICS file, when "pics" was a path. */
  picsFile: string | null;
  report: { dir: string };
  fileServer: FileServerConfig;
  /** The test system's OCSP service of the ISO 15118 certificate-status cases (CSMS under test); see src/ocsp. */
  ocspService: FileServerConfig;
  /** Cases known to fail, with the reason and where it is written down (see src/report/expected-failures.ts). */
  expectedFailures: ExpectedFailure[];
  /** Folder relative paths were resolved from. */
  baseDir: string;
}

export type LoadResult<T> = { ok: true; config: T } | { ok: false; errors: string[] };
