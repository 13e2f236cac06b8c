// The run configuration after validation: every default filled in, every path absolute.
import type { OcppVersion, Pics, SutRole } from '../catalog/types.ts';

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
  groupId?: IdTokenConfig;
}

export interface Timeouts {
  defaultMs: number;
  connectMs: number;
  bootMs: number;
  transactionMs: number;
  promptMs: number;
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
  | { kind: 'command'; command: string }
  | { kind: 'simulator' };

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
  /** null: no PICS given; conditional cases are then kept with a note. */
  pics: Pics | null;
  /** The PICS file, when "pics" was a path. */
  picsFile: string | null;
  report: { dir: string };
  /** Folder relative paths were resolved from. */
  baseDir: string;
}

export type LoadResult<T> = { ok: true; config: T } | { ok: false; errors: string[] };
