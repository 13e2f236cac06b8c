// Configuration of the reference CSMS: the public option types and their defaults.
import type { IssuedCert } from '../../pki/index.ts';
import type { TraceSink } from '../../report/trace-types.ts';
import { CsmsFaultSet } from './faults.ts';

export type BootStatus = 'Accepted' | 'Pending' | 'Rejected';

/** AuthorizationStatusEnumType values (2.0.1 and 2.1). */
export type AuthorizationStatus =
  | 'Accepted'
  | 'Blocked'
  | 'ConcurrentTx'
  | 'Expired'
  | 'Invalid'
  | 'NoCredit'
  | 'NotAllowedTypeEVSE'
  | 'NotAtThisLocation'
  | 'NotAtThisTime'
  | 'Unknown';

export interface IdTokenRef {
  idToken: string;
  type: string;
}

export interface TokenEntry {
  idToken: string;
  /** IdTokenEnumType (ISO14443, ISO15693, eMAID, Central, KeyCode, Local, MacAddress, NoAuthorization). */
  type: string;
  status: AuthorizationStatus;
  /** A plain string means a group token of type Central. */
  groupIdToken?: string | IdTokenRef;
  cacheExpiryDateTime?: string;
  /** Gives this token the configured masterPassGroupId as its group (unless groupIdToken is set). */
  masterPass?: boolean;
}

export interface RequestSpec {
  action: string;
  payload: Record<string, unknown>;
}

export interface BootOptions {
  /** Answer for identities not listed in perIdentity. Default Accepted. */
  status?: BootStatus;
  perIdentity?: Record<string, BootStatus>;
  /** interval (s) sent with Pending or Rejected: when the station may retry. Default 10. */
  intervalS?: number;
  /** After the first Pending answer, a later BootNotification is Accepted once afterMs passed and the provisioning requests are done. */
  pendingThenAccept?: { afterMs: number };
  /** What the CSMS sends while a station is Pending. Default: SetVariables OCPPCommCtrlr.HeartbeatInterval = heartbeatIntervalS. */
  pendingActions?: RequestSpec[];
  /** Once the station may be accepted, send TriggerMessage(BootNotification) instead of waiting for its retry. Default false. */
  triggerBootWhenReady?: boolean;
}

export interface TlsOptions {
  certPem: string;
  keyPem: string;
  chainPem?: string;
  /** Trust anchor for client certificates (security profile 3). */
  caPem?: string;
  /** A second server certificate of the other key type on the same listener (RSA and ECDSA). */
  alternate?: { certPem: string; keyPem: string; chainPem?: string };
}

export interface PkiOptions {
  /** The CA that signs station CSRs (SignCertificateRequest). */
  issuer: IssuedCert;
  /** Refuse a CSR whose CN differs from the station identity. Default false. */
  requireCnMatchesIdentity?: boolean;
  /** CA for V2GCertificate CSRs; defaults to issuer. */
  v2gIssuer?: IssuedCert;
}

export interface TimerOptions {
  /** Deadline for a request the CSMS sends. Default 30000. */
  callTimeoutMs?: number;
  /** Delay used by the rpc.lateAnswer fault. Default 35000. */
  lateAnswerMs?: number;
}

export interface CsmsSimOptions {
  host?: string;
  port?: number;
  securityProfile?: 0 | 1 | 2 | 3;
  subprotocols?: string[];
  /** Basic Auth passwords by identity; the key '*' is the password of any identity not listed. */
  passwords?: Record<string, string>;
  tls?: TlsOptions;
  pki?: PkiOptions;
  boot?: BootOptions;
  /** interval (s) sent with Accepted. Default 300. */
  heartbeatIntervalS?: number;
  tokens?: TokenEntry[];
  /** Status for an idToken not in the list. Default Unknown. */
  unknownTokenStatus?: AuthorizationStatus;
  masterPassGroupId?: string;
  /** PEM CA certificates (MO / V2G roots and Sub-CAs) trusted for contract certificates and for signing OCSP answers. */
  contractCas?: string[];
  /** DataTransfer vendorIds the CSMS knows; a known one is answered Accepted. Default none. */
  dataTransferVendors?: string[];
  faults?: string[];
  /** The operator-trigger HTTP API; on unless false. */
  operatorApi?: false | { host?: string; port?: number };
  trace?: TraceSink;
  /** How long a request to a station that is momentarily disconnected waits for it to come back. Default 0. */
  reconnectGapMs?: number;
  timers?: TimerOptions;
  /** The stations this CSMS knows (a pool of identities); another identity is refused at the handshake. Default: any. */
  stations?: string[];
}

export interface ResolvedOptions {
  host: string;
  port: number;
  securityProfile: 0 | 1 | 2 | 3;
  subprotocols: string[];
  passwords: Record<string, string>;
  tls?: TlsOptions;
  pki?: PkiOptions;
  boot: Required<Omit<BootOptions, 'pendingThenAccept' | 'pendingActions'>> & {
    pendingThenAccept?: { afterMs: number };
    pendingActions?: RequestSpec[];
  };
  heartbeatIntervalS: number;
  tokens: TokenEntry[];
  unknownTokenStatus: AuthorizationStatus;
  masterPassGroupId?: string;
  contractCas: string[];
  dataTransferVendors: string[];
  faults: CsmsFaultSet;
  operatorApi: false | { host: string; port: number };
  trace?: TraceSink;
  reconnectGapMs: number;
  timers: Required<TimerOptions>;
  stations?: ReadonlySet<string>;
}

export class CsmsOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsmsOptionsError';
  }
}

const BOOT_STATUSES: readonly BootStatus[] = ['Accepted', 'Pending', 'Rejected'];

export function resolveOptions(opts: CsmsSimOptions): ResolvedOptions {
  const securityProfile = opts.securityProfile ?? 0;
  if (![0, 1, 2, 3].includes(securityProfile)) throw new CsmsOptionsError(`securityProfile must be 0..3, got ${String(securityProfile)}`);
  if (securityProfile >= 2 && !opts.tls) throw new CsmsOptionsError(`security profile ${securityProfile} needs tls { certPem, keyPem }`);
  if (securityProfile === 3 && !opts.tls?.caPem) throw new CsmsOptionsError('security profile 3 needs tls.caPem to verify client certificates');
  const passwords = { ...(opts.passwords ?? {}) };
  if ((securityProfile === 1 || securityProfile === 2) && Object.keys(passwords).length === 0) {
    throw new CsmsOptionsError(`security profile ${securityProfile} needs passwords (by identity, or '*' for any)`);
  }
  const boot = opts.boot ?? {};
  for (const s of [boot.status, ...Object.values(boot.perIdentity ?? {})]) {
    if (s !== undefined && !BOOT_STATUSES.includes(s)) throw new CsmsOptionsError(`boot status must be one of ${BOOT_STATUSES.join(', ')}, got ${String(s)}`);
  }
  const heartbeatIntervalS = opts.heartbeatIntervalS ?? 300;
  if (!Number.isInteger(heartbeatIntervalS) || heartbeatIntervalS <= 0) throw new CsmsOptionsError('heartbeatIntervalS must be a positive integer');
  const subprotocols = opts.subprotocols ?? ['ocpp2.0.1', 'ocpp2.1'];
  const unknown = subprotocols.filter((p) => p !== 'ocpp2.0.1' && p !== 'ocpp2.1');
  if (unknown.length > 0) throw new CsmsOptionsError(`unsupported subprotocol(s): ${unknown.join(', ')} (supported: ocpp2.0.1, ocpp2.1)`);
  const api = opts.operatorApi;
  const resolved: ResolvedOptions = {
    host: opts.host ?? '127.0.0.1',
    port: opts.port ?? 0,
    securityProfile,
    subprotocols,
    passwords,
    boot: {
      status: boot.status ?? 'Accepted',
      perIdentity: boot.perIdentity ?? {},
      intervalS: boot.intervalS ?? 10,
      triggerBootWhenReady: boot.triggerBootWhenReady ?? false,
    },
    heartbeatIntervalS,
    tokens: opts.tokens ?? [],
    unknownTokenStatus: opts.unknownTokenStatus ?? 'Unknown',
    contractCas: opts.contractCas ?? [],
    dataTransferVendors: opts.dataTransferVendors ?? [],
    faults: new CsmsFaultSet(opts.faults ?? []),
    operatorApi: api === false ? false : { host: api?.host ?? '127.0.0.1', port: api?.port ?? 0 },
    reconnectGapMs: opts.reconnectGapMs ?? 0,
    timers: { callTimeoutMs: opts.timers?.callTimeoutMs ?? 30_000, lateAnswerMs: opts.timers?.lateAnswerMs ?? 35_000 },
  };
  if (boot.pendingThenAccept) resolved.boot.pendingThenAccept = boot.pendingThenAccept;
  if (boot.pendingActions) resolved.boot.pendingActions = boot.pendingActions;
  if (opts.tls) resolved.tls = opts.tls;
  if (opts.pki) resolved.pki = opts.pki;
  if (opts.masterPassGroupId !== undefined) resolved.masterPassGroupId = opts.masterPassGroupId;
  if (opts.trace) resolved.trace = opts.trace;
  if (opts.stations) resolved.stations = new Set(opts.stations);
  return resolved;
}
