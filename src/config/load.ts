// Loads and checks a run config (and its PICS): schema first, then the rules a schema cannot express. Never throws for a
// bad config; every problem becomes a message naming the field and the fix.
import type { ExpectedFailure } from '../report/expected-failures.ts';
import type { Pics } from '../catalog/types.ts';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { BENCH_DEFAULTS } from './configured-values.ts';
import { compileSchema, formatErrors, suggest } from './messages.ts';
import { checkPics } from './pics-check.ts';
import { readJson } from './read-json.ts';
import { iso14443Problems } from './token-format.ts';
import { dedupePool, expandPattern } from './identity-pool.ts';
import type { IdentityPattern, PoolIdentity } from './identity-pool.ts';
import type {
  ActionsConfig,
  BenchConfig,
  CertificatePaths,
  EvseConfig,
  FileServerConfig,
  IdTokenConfig,
  IdTokensConfig,
  LoadResult,
  OcppVersion,
  RunConfig,
  SecurityProfile,
  SutConfig,
  SutRole,
  Timeouts,
} from './types.ts';

const RUN_SCHEMA = new URL('../../schemas/run-config.schema.json', import.meta.url);

export const DEFAULTS = {
  listen: { host: '0.0.0.0', port: 9000, path: '/ocpp' },
  evses: [{ id: 1, connectors: [{ id: 1 }] }] as EvseConfig[],
  idTokens: {
    valid: [{ idToken: 'OCTT-VALID-0001', type: 'ISO14443' }],
    invalid: { idToken: 'OCTT-INVALID-0001', type: 'ISO14443' },
    blocked: { idToken: 'OCTT-BLOCKED-0001', type: 'ISO14443' },
    expired: { idToken: 'OCTT-EXPIRED-0001', type: 'ISO14443' },
  } as IdTokensConfig,
  timeouts: { defaultMs: 30_000, connectMs: 30_000, bootMs: 60_000, transactionMs: 120_000, promptMs: 300_000, drainMs: 300, sutReturnMs: 120_000 } as Timeouts,
  reconnectGapMs: 500,
  reportDir: 'reports',
  fileServer: { host: '0.0.0.0', port: 0, publicHost: null } as FileServerConfig,
  ocspService: { host: '0.0.0.0', port: 0, publicHost: null } as FileServerConfig,
  /** From the configured-values table; evseId / connectorId are not here: they default to the first EVSE and its first connector. */
  bench: BENCH_DEFAULTS,
} as const;

type CertFile = 'caPem' | 'serverCert' | 'serverKey' | 'clientCert' | 'clientKey';

const ID_TOKEN_TYPES_201 = ['Central', 'eMAID', 'ISO14443', 'ISO15693', 'KeyCode', 'Local', 'MacAddress', 'NoAuthorization'];

const STATION_KEYS = ['listen', 'stationIdentity'];
const CSMS_KEYS = ['csmsUrl', 'identity'];

export interface LoadOptions {
  /** Folder that relative paths are resolved from when the config is given as an object (default: the working directory). */
  baseDir?: string;
}

type Raw = Record<string, unknown>;

interface Source {
  data: unknown;
  baseDir: string;
  label: string;
}

function sutElsewhere(role: unknown): (path: string, key: string) => string | null {
  return (path, key) => {
    if (path !== 'sut') return null;
    if (role === 'CSMS' && STATION_KEYS.includes(key)) return `"${key}" is only for a Charging Station SUT ("sut.role": "ChargingStation"); remove it or change the role.`;
    if (role === 'ChargingStation' && CSMS_KEYS.includes(key)) return `"${key}" is only for a CSMS SUT ("sut.role": "CSMS"); remove it or change the role.`;
    return null;
  };
}

export function loadRunConfig(input: string | object, options: LoadOptions = {}): LoadResult<RunConfig> {
  let src: Source;
  if (typeof input === 'string') {
    const file = resolve(input);
    const r = readJson(file, 'run config', 'config');
    if (!r.ok) return { ok: false, errors: [r.error] };
    src = { data: r.data, baseDir: dirname(file), label: file };
  } else {
    src = { data: input, baseDir: resolve(options.baseDir ?? process.cwd()), label: '(object)' };
  }
  if (typeof src.data !== 'object' || src.data === null || Array.isArray(src.data)) {
    return { ok: false, errors: ['config: must be a JSON object ({ "sut": ..., "ocppVersion": ..., ... }).'] };
  }
  const schema = compileSchema(RUN_SCHEMA);
  if (!schema.validate(src.data)) {
    const raw = src.data as Raw;
    const role = (raw['sut'] as Raw | undefined)?.['role'];
    return { ok: false, errors: formatErrors(schema.validate.errors ?? [], schema.root, '', sutElsewhere(role)) };
  }
  const result = semantic(src.data as Raw, src.baseDir);
  // ISO14443 token format (session i20, token-format.ts): config files only.
  const tokenErrors = typeof input === 'string' ? iso14443Problems(src.data as Raw) : [];
  if (tokenErrors.length === 0) return result;
  return { ok: false, errors: [...(result.ok ? [] : result.errors), ...tokenErrors] };
}

function abs(baseDir: string, p: string): string {
  return isAbsolute(p) ? p : resolve(baseDir, p);
}

function semantic(raw: Raw, baseDir: string): LoadResult<RunConfig> {
  const errors: string[] = [];
  const version = raw['ocppVersion'] as OcppVersion;
  const sp = raw['securityProfile'] as SecurityProfile;
  const rawSut = raw['sut'] as Raw;
  const role = rawSut['role'] as SutRole;

  // --- SUT ---
  let sut: SutConfig;
  if (role === 'CSMS') {
    const csmsUrl = rawSut['csmsUrl'] as string;
    const identity = rawSut['identity'] as string;
    sut = { role, csmsUrl, identity };
    const pool = identityPool(rawSut['identities'], identity, baseDir, errors);
    if (pool) sut.pool = pool;
    let url: URL | null = null;
    try {
      url = new URL(csmsUrl);
    } catch {
      errors.push(`sut.csmsUrl: not a valid URL (got "${csmsUrl}"). Write it like "wss://csms.example.com/ocpp".`);
    }
    if (url) {
      const tls = sp >= 2;
      if (tls && url.protocol !== 'wss:') {
        errors.push(`sut.csmsUrl: security profile ${sp} uses TLS, so the URL must start with wss:// (got "${csmsUrl}"). Change the scheme to wss://, or set "securityProfile" to 0 or 1.`);
      }
      if (!tls && url.protocol !== 'ws:') {
        errors.push(`sut.csmsUrl: security profile ${sp} has no TLS, so the URL must start with ws:// (got "${csmsUrl}"). Change the scheme to ws://, or set "securityProfile" to 2 or 3.`);
      }
      if (url.pathname.replace(/\/+$/, '').endsWith(`/${identity}`)) {
        errors.push(`sut.csmsUrl: ends with the identity "${identity}", which the test system appends itself. Remove it from the URL.`);
      }
      if (url.search || url.hash) errors.push(`sut.csmsUrl: must not have a query or fragment (got "${csmsUrl}"). Remove the part after "?" or "#".`);
    }
  } else {
    const listen = { ...DEFAULTS.listen, ...((rawSut['listen'] as Raw | undefined) ?? {}) } as { host: string; port: number; path: string };
    sut = { role: 'ChargingStation', listen, stationIdentity: rawSut['stationIdentity'] as string };
  }

  // --- security ---
  const password = (raw['basicAuthPassword'] as string | undefined) ?? null;
  if ((sp === 1 || sp === 2) && password === null) {
    errors.push(`basicAuthPassword: missing. Security profile ${sp} uses HTTP Basic Auth; set "basicAuthPassword" to the station's password (16 to 40 characters).`);
  }
  const certificates = certificatePaths(raw['certificates'] as Raw | undefined, baseDir);
  errors.push(...certificateChecks(certificates, sp, role, raw['certificates'] as Raw | undefined));

  // --- evses ---
  const evses = (raw['evses'] as EvseConfig[] | undefined) ?? DEFAULTS.evses.map((e) => ({ id: e.id, connectors: e.connectors.map((c) => ({ ...c })) }));
  evses.forEach((e, i) => {
    if (e.id !== i + 1) errors.push(`evses[${i}].id: EVSE ids must be 1, 2, 3, ... in order (got ${e.id}, expected ${i + 1}). Renumber the EVSEs.`);
    e.connectors.forEach((c, j) => {
      if (c.id !== j + 1) errors.push(`evses[${i}].connectors[${j}].id: connector ids restart at 1 on each EVSE (got ${c.id}, expected ${j + 1}). Renumber the connectors.`);
    });
  });

  // --- idTokens ---
  const rawTokens = raw['idTokens'] as Partial<IdTokensConfig> | undefined;
  const idTokens: IdTokensConfig = {
    valid: rawTokens?.valid ?? DEFAULTS.idTokens.valid.map((t) => ({ ...t })),
    invalid: rawTokens?.invalid ?? { ...DEFAULTS.idTokens.invalid },
    blocked: rawTokens?.blocked ?? { ...DEFAULTS.idTokens.blocked },
    expired: rawTokens?.expired ?? { ...DEFAULTS.idTokens.expired },
    ...(rawTokens?.masterPass ? { masterPass: rawTokens.masterPass } : {}),
    ...(rawTokens?.groupId ? { groupId: rawTokens.groupId } : {}),
    ...(rawTokens?.masterPassGroupId ? { masterPassGroupId: rawTokens.masterPassGroupId } : {}),
  };
  const tokenEntries: [string, IdTokenConfig][] = [
    ...idTokens.valid.map((t, i): [string, IdTokenConfig] => [`idTokens.valid[${i}]`, t]),
    ...(['invalid', 'blocked', 'expired', 'masterPass', 'groupId'] as const)
      .filter((k) => idTokens[k] !== undefined)
      .map((k): [string, IdTokenConfig] => [`idTokens.${k}`, idTokens[k] as IdTokenConfig]),
  ];
  if (version === '2.0.1') {
    for (const [path, t] of tokenEntries) {
      if (t.idToken.length > 36) errors.push(`${path}.idToken: OCPP 2.0.1 allows at most 36 characters (got ${t.idToken.length}). Use a shorter token.`);
      if (!ID_TOKEN_TYPES_201.includes(t.type)) {
        const near = suggest(t.type, ID_TOKEN_TYPES_201);
        errors.push(`${path}.type: must be one of ${ID_TOKEN_TYPES_201.join(', ')} in OCPP 2.0.1 (got "${t.type}").${near ? ` Did you mean "${near}"?` : ''}`);
      }
    }
  }
  const seen = new Map<string, string>();
  for (const [path, t] of tokenEntries) {
    const key = t.idToken.toLowerCase(); // idTokens are case-insensitive
    const other = seen.get(key);
    if (other && !(path.startsWith('idTokens.groupId') || other.startsWith('idTokens.groupId'))) {
      errors.push(`${path}.idToken: same token as ${other} (idTokens compare case-insensitively). Use a different token for each role.`);
    }
    seen.set(key, path);
  }

  // --- timeouts, actions, report ---
  const timeouts: Timeouts = { ...DEFAULTS.timeouts, ...((raw['timeouts'] as Partial<Timeouts> | undefined) ?? {}) };
  const rawActions = (raw['actions'] as Raw | undefined) ?? { kind: 'prompt' };
  let actions: ActionsConfig;
  if (rawActions['kind'] === 'prompt') {
    actions = { kind: 'prompt', timeoutMs: (rawActions['timeoutMs'] as number | undefined) ?? timeouts.promptMs };
  } else {
    actions = rawActions as ActionsConfig;
  }
  if (actions.kind === 'http-gateway' && role !== 'ChargingStation') {
    errors.push(`actions.kind: "http-gateway" drives a station bench and needs "sut.role": "ChargingStation". For a CSMS SUT use "http-octt", "http-mapping", "command", "prompt" or "simulator".`);
  }
  if (actions.kind === 'http-octt' && role !== 'CSMS') {
    errors.push(`actions.kind: "http-octt" asks a CSMS to send requests and needs "sut.role": "CSMS". For a station SUT use "http-gateway", "http-mapping", "command", "prompt" or "simulator".`);
  }
  const bench = benchConfig(raw['bench'] as Partial<BenchConfig> | undefined, evses, errors);
  const report = { dir: abs(baseDir, ((raw['report'] as Raw | undefined)?.['dir'] as string | undefined) ?? DEFAULTS.reportDir) };

  // --- PICS ---
  let pics: Pics | null = null;
  let picsFile: string | null = null;
  if (raw['pics'] !== undefined) {
    const rawPics = raw['pics'];
    let data: unknown = rawPics;
    let prefix = 'pics';
    if (typeof rawPics === 'string') {
      picsFile = abs(baseDir, rawPics);
      const r = readJson(picsFile, 'PICS', 'pics');
      if (!r.ok) errors.push(r.error);
      data = r.ok ? r.data : undefined;
      prefix = `pics (${rawPics})`;
    }
    if (data !== undefined) {
      const checked = checkPics(data, { version, role, prefix });
      if (checked.ok) pics = checked.config;
      else errors.push(...checked.errors);
    }
  }
  if (pics && pics.facts?.numberOfEvses === undefined) {
    pics.facts = { ...pics.facts, numberOfEvses: evses.length };
  } else if (pics?.facts?.numberOfEvses !== undefined && raw['evses'] !== undefined && pics.facts.numberOfEvses !== evses.length) {
    errors.push(`pics.facts.numberOfEvses: says ${pics.facts.numberOfEvses} but "evses" lists ${evses.length}. Make them agree.`);
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    config: {
      sut,
      ocppVersion: version,
      securityProfile: sp,
      basicAuthPassword: password,
      certificates,
      evses,
      idTokens,
      timeouts,
      reconnectGapMs: (raw['reconnectGapMs'] as number | undefined) ?? DEFAULTS.reconnectGapMs,
      actions,
      bench,
      pics,
      picsFile,
      report,
      fileServer: { ...DEFAULTS.fileServer, ...((raw['fileServer'] as Partial<FileServerConfig> | undefined) ?? {}) },
      ocspService: { ...DEFAULTS.ocspService, ...((raw['ocspService'] as Partial<FileServerConfig> | undefined) ?? {}) },
      expectedFailures: (raw['expectedFailures'] as ExpectedFailure[] | undefined) ?? [],
      baseDir,
    },
  };
}

/** "sut.identities": the pool after "identity" (list or pattern), paths absolute; undefined when not given. */
function identityPool(raw: unknown, identity: string, baseDir: string, errors: string[]): PoolIdentity[] | undefined {
  if (raw === undefined) return undefined;
  let more: PoolIdentity[];
  if (Array.isArray(raw)) {
    more = (raw as PoolIdentity[]).map((p, i) => {
      for (const k of ['clientCert', 'clientKey'] as const) {
        const file = p[k];
        if (file !== undefined && !existsSync(abs(baseDir, file))) errors.push(`sut.identities[${i}].${k}: file not found: ${abs(baseDir, file)}. Point it at an existing PEM file.`);
      }
      if ((p.clientCert === undefined) !== (p.clientKey === undefined)) errors.push(`sut.identities[${i}]: give clientCert and clientKey together (or neither).`);
      return { ...p, ...(p.clientCert ? { clientCert: abs(baseDir, p.clientCert) } : {}), ...(p.clientKey ? { clientKey: abs(baseDir, p.clientKey) } : {}) };
    });
  } else {
    try {
      more = expandPattern(raw as IdentityPattern, 'sut.identities');
    } catch (e) {
      errors.push((e as Error).message);
      return undefined;
    }
  }
  return dedupePool([{ identity }, ...more]);
}

/** Fills the bench defaults; the EVSE and connector must be ones "evses" lists. */
function benchConfig(raw: Partial<BenchConfig> | undefined, evses: EvseConfig[], errors: string[]): BenchConfig {
  const evseId = raw?.evseId ?? evses[0]?.id ?? 1;
  const evse = evses.find((e) => e.id === evseId);
  const connectorId = raw?.connectorId ?? evse?.connectors[0]?.id ?? 1;
  if (!evse) {
    errors.push(`bench.evseId: EVSE ${evseId} is not in "evses" (it lists ${evses.map((e) => e.id).join(', ')}). Use one of those ids, or add the EVSE to "evses".`);
  } else if (!evse.connectors.some((c) => c.id === connectorId)) {
    errors.push(
      `bench.connectorId: EVSE ${evseId} has no connector ${connectorId} (it has ${evse.connectors.map((c) => c.id).join(', ')}). Use one of those ids, or add the connector to evses[${evses.indexOf(evse)}].connectors.`,
    );
  }
  return { ...DEFAULTS.bench, ...raw, evseId, connectorId };
}

function certificatePaths(raw: Raw | undefined, baseDir: string): CertificatePaths {
  const dir = typeof raw?.['dir'] === 'string' ? abs(baseDir, raw['dir']) : null;
  const pick = (k: CertFile): string | null => {
    const v = raw?.[k];
    return typeof v === 'string' ? abs(baseDir, v) : null;
  };
  return {
    dir,
    caPem: pick('caPem'),
    serverCert: pick('serverCert'),
    serverKey: pick('serverKey'),
    clientCert: pick('clientCert'),
    clientKey: pick('clientKey'),
  };
}

function certificateChecks(c: CertificatePaths, sp: SecurityProfile, role: SutRole, raw: Raw | undefined): string[] {
  const errors: string[] = [];
  // Explicit files must exist; a "dir" is the test PKI folder (src/pki), whose files may be generated later.
  for (const k of ['caPem', 'serverCert', 'serverKey', 'clientCert', 'clientKey'] as const) {
    const p = c[k];
    if (p && typeof raw?.[k] === 'string' && !existsSync(p)) {
      errors.push(`certificates.${k}: file not found: ${p}. Point it at an existing PEM file (relative paths start from the config file's folder).`);
    }
  }
  if (sp < 2 || c.dir !== null) return errors;
  // SUT = Charging Station: we are the TLS server (server cert + key; SP3 also verifies the station's client cert).
  // SUT = CSMS: we are the TLS client (trust the CSMS via caPem; SP3 also presents a client cert + key).
  const needed: CertFile[] =
    role === 'ChargingStation'
      ? ['serverCert', 'serverKey', ...(sp === 3 ? (['caPem'] as const) : [])]
      : ['caPem', ...(sp === 3 ? (['clientCert', 'clientKey'] as const) : [])];
  const missing = needed.filter((k) => c[k] === null);
  if (missing.length > 0) {
    const what = role === 'ChargingStation' ? 'the test system serves TLS as the CSMS' : 'the test system connects over TLS as a station';
    errors.push(
      `certificates: security profile ${sp} needs ${missing.join(', ')} (${what}). Set "certificates.dir" to the test PKI folder (e.g. "../certs"), or give ${missing.map((k) => `"certificates.${k}"`).join(', ')} as PEM file paths.`,
    );
  }
  return errors;
}
