// `ocpp-conformance sim csms ...`: runs the reference CSMS as a mock CSMS until interrupted.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { csmsSet, isKeyAlgorithm, KEY_ALGORITHMS, loadTestPki } from '../pki/index.ts';
import type { KeyAlgorithm } from '../pki/index.ts';
import { CSMS_FAULTS, startCsmsSim } from '../sim/csms/index.ts';
import type { AuthorizationStatus, BootStatus, CsmsSimOptions, TokenEntry } from '../sim/csms/index.ts';
import { untilStopped } from './until-stopped.ts';
import { dedupePool, parseStationSpec } from '../config/identity-pool.ts';
import type { PoolIdentity } from '../config/identity-pool.ts';

export interface SimCsmsIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Stops the simulator when aborted (tests); SIGINT/SIGTERM do the same. */
  signal?: AbortSignal;
}

const defaultIo: SimCsmsIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
};

const HELP = `Usage: ocpp-conformance sim csms [options]

Runs the reference CSMS (OCPP 2.0.1 and 2.1) until Ctrl-C, with an operator HTTP API.

Options:
  --port N                 WebSocket port (default 9000; 0 = any free port)
  --host H                 listen address (default 127.0.0.1)
  --security-profile N     0 (ws, no auth), 1 (ws + Basic Auth), 2 (wss + Basic Auth), 3 (wss + client certificate)
  --password P             Basic Auth password for every station (profiles 1 and 2)
  --password-file F        JSON object {"<identity>": "<password>", "*": "<default>"} or one password per file
  --station SPEC           the stations this CSMS knows (repeatable; others are refused): ID[:PASSWORD] entries,
                           comma-separated, e.g. CS001:secret-0001-padding,CS002; an entry with {n} (or {n:3},
                           zero-padded) is a pattern, e.g. 'CS{n:3}:pw-{n:3}-0000000000' --station-count 8
  --station-count N        how many identities a --station pattern gives
  --station-from N         the first number of a --station pattern (default 1)
  --cert-dir DIR           test PKI made by \`ocpp-conformance certs init\` (server certificate, client CA, CSR signing)
  --algorithm ALG[,ALG2]   which certificate set of the PKI to use: ${KEY_ALGORITHMS.join(' | ')} (default: the first
                           present); a second one serves its server certificate on the same listener too (RSA and
                           ECDSA side by side, each client gets the one its cipher suites fit)
  --boot-status S          Accepted | Pending | Rejected (default Accepted)
  --boot-status-for ID=S   the boot answer for one identity (repeatable), e.g. CS002=Pending
  --boot-interval S        interval (s) sent with Pending or Rejected: when the station may retry (default 10)
  --pending-accept-after MS  after a Pending answer, accept a later boot after MS milliseconds (default: stay Pending)
  --heartbeat-interval S   interval given with Accepted (default 300)
  --token ID:TYPE:STATUS[:GROUP]  a known idToken, optionally in a group (a Central groupIdToken), e.g.
                           0123:ISO14443:Accepted:GROUP-1 (repeatable)
  --master-pass ID:TYPE    the master pass idToken (Accepted, in the --master-pass-group)
  --master-pass-group G    AuthCtrlr.MasterPassGroupId of this CSMS
  --fault NAME             switch on a named fault (repeatable; --list-faults shows them)
  --api-port N             operator API port (default 0 = any free port)
  --no-api                 no operator API
  --list-faults            print the named faults and exit
  -h, --help               this text
`;

const BOOT: readonly BootStatus[] = ['Accepted', 'Pending', 'Rejected'];

class UsageError extends Error {}

function int(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
  return n;
}

async function passwordsFrom(password: string | undefined, file: string | undefined): Promise<Record<string, string> | undefined> {
  if (password !== undefined && file !== undefined) throw new UsageError('use either --password or --password-file, not both');
  if (password !== undefined) return { '*': password };
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read --password-file ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (err) {
      throw new UsageError(`--password-file ${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    const entries = Object.entries(parsed as Record<string, unknown>);
    if (entries.some(([, v]) => typeof v !== 'string')) throw new UsageError(`--password-file ${file}: every value must be a string`);
    return Object.fromEntries(entries) as Record<string, string>;
  }
  if (trimmed === '') throw new UsageError(`--password-file ${file} is empty`);
  return { '*': trimmed };
}

/** --station: the pool of identities this CSMS knows, or undefined (any identity). */
function stationPool(specs: string[] | undefined, countText: string | undefined, fromText: string | undefined): PoolIdentity[] | undefined {
  const count = int(countText, '--station-count', 1, 100_000);
  const from = int(fromText, '--station-from', 0, 1_000_000_000);
  if (!specs || specs.length === 0) {
    if (count !== undefined || from !== undefined) throw new UsageError('--station-count and --station-from go with a --station pattern');
    return undefined;
  }
  try {
    return dedupePool(specs.flatMap((s) => parseStationSpec(s, count, from)));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

const AUTH_STATUSES: readonly string[] = ['Accepted', 'Blocked', 'ConcurrentTx', 'Expired', 'Invalid', 'NoCredit', 'NotAllowedTypeEVSE', 'NotAtThisLocation', 'NotAtThisTime', 'Unknown'];

function parseToken(spec: string): TokenEntry {
  const [idToken, type, status, group, ...rest] = spec.split(':');
  if (!idToken || !type || !status || rest.length > 0 || group === '') throw new UsageError(`--token must look like ID:TYPE:STATUS or ID:TYPE:STATUS:GROUP, got "${spec}"`);
  if (!AUTH_STATUSES.includes(status)) throw new UsageError(`--token "${spec}": status must be one of ${AUTH_STATUSES.join(', ')}`);
  return { idToken, type, status: status as AuthorizationStatus, ...(group ? { groupIdToken: group } : {}) };
}

function parseBootFor(specs: string[]): Record<string, BootStatus> {
  const out: Record<string, BootStatus> = {};
  for (const spec of specs) {
    const at = spec.lastIndexOf('=');
    const id = spec.slice(0, at);
    const status = spec.slice(at + 1) as BootStatus;
    if (at <= 0 || !BOOT.includes(status)) throw new UsageError(`--boot-status-for must look like IDENTITY=${BOOT.join('|')}, got "${spec}"`);
    out[id] = status;
  }
  return out;
}

export async function runSimCsmsCommand(argv: string[], io: SimCsmsIo = defaultIo): Promise<number> {
  let args = argv;
  if (args[0] === 'sim') args = args.slice(1);
  if (args[0] === 'csms') args = args.slice(1);
  let options: CsmsSimOptions;
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'security-profile': { type: 'string' },
        password: { type: 'string' },
        'password-file': { type: 'string' },
        station: { type: 'string', multiple: true },
        'station-count': { type: 'string' },
        'station-from': { type: 'string' },
        'cert-dir': { type: 'string' },
        algorithm: { type: 'string' },
        'boot-status': { type: 'string' },
        'boot-status-for': { type: 'string', multiple: true },
        'boot-interval': { type: 'string' },
        'master-pass': { type: 'string' },
        'master-pass-group': { type: 'string' },
        'pending-accept-after': { type: 'string' },
        'heartbeat-interval': { type: 'string' },
        token: { type: 'string', multiple: true },
        fault: { type: 'string', multiple: true },
        'api-port': { type: 'string' },
        'no-api': { type: 'boolean' },
        'list-faults': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.out(HELP);
      return 0;
    }
    if (values['list-faults']) {
      for (const [name, what] of Object.entries(CSMS_FAULTS)) io.out(`${name.padEnd(36)} ${what}\n`);
      return 0;
    }
    const securityProfile = (int(values['security-profile'], '--security-profile', 0, 3) ?? 0) as 0 | 1 | 2 | 3;
    const bootStatus = values['boot-status'];
    if (bootStatus !== undefined && !BOOT.includes(bootStatus as BootStatus)) {
      throw new UsageError(`--boot-status must be one of ${BOOT.join(', ')}, got "${bootStatus}"`);
    }
    const pendingAfter = int(values['pending-accept-after'], '--pending-accept-after', 0, 86_400_000);
    const bootInterval = int(values['boot-interval'], '--boot-interval', 1, 86_400);
    const tokens = (values.token ?? []).map(parseToken);
    const master = values['master-pass'];
    if (master !== undefined) {
      const [idToken, type, ...rest] = master.split(':');
      if (!idToken || !type || rest.length > 0) throw new UsageError(`--master-pass must look like ID:TYPE, got "${master}"`);
      if (values['master-pass-group'] === undefined) throw new UsageError('--master-pass needs --master-pass-group (the group the master pass belongs to)');
      tokens.push({ idToken, type, status: 'Accepted', masterPass: true });
    }
    options = {
      host: values.host ?? '127.0.0.1',
      port: int(values.port, '--port', 0, 65535) ?? 9000,
      securityProfile,
      faults: values.fault ?? [],
      tokens,
      ...(values['master-pass-group'] !== undefined ? { masterPassGroupId: values['master-pass-group'] } : {}),
      boot: {
        status: (bootStatus as BootStatus | undefined) ?? 'Accepted',
        perIdentity: parseBootFor(values['boot-status-for'] ?? []),
        ...(bootInterval !== undefined ? { intervalS: bootInterval } : {}),
        ...(pendingAfter !== undefined ? { pendingThenAccept: { afterMs: pendingAfter } } : {}),
      },
      operatorApi: values['no-api'] ? false : { port: int(values['api-port'], '--api-port', 0, 65535) ?? 0 },
    };
    const hb = int(values['heartbeat-interval'], '--heartbeat-interval', 1, 86_400);
    if (hb !== undefined) options.heartbeatIntervalS = hb;
    let passwords = await passwordsFrom(values.password, values['password-file']);
    const pool = stationPool(values.station, values['station-count'], values['station-from']);
    if (pool) {
      options.stations = pool.map((p) => p.identity);
      const own = Object.fromEntries(pool.filter((p) => p.basicAuthPassword !== undefined).map((p) => [p.identity, p.basicAuthPassword as string]));
      if (Object.keys(own).length > 0) passwords = { ...(passwords ?? {}), ...own };
      const without = pool.filter((p) => passwords?.[p.identity] === undefined && passwords?.['*'] === undefined).map((p) => p.identity);
      if ((securityProfile === 1 || securityProfile === 2) && without.length > 0) {
        throw new UsageError(`security profile ${securityProfile}: no password for ${without.join(', ')}; give one per --station entry (ID:PASSWORD) or --password`);
      }
    }
    if (passwords) options.passwords = passwords;
    if ((securityProfile === 1 || securityProfile === 2) && !passwords) {
      throw new UsageError(`security profile ${securityProfile} needs --password or --password-file`);
    }
    const certDir = values['cert-dir'];
    if (securityProfile >= 2 && certDir === undefined) throw new UsageError(`security profile ${securityProfile} needs --cert-dir (create one with \`ocpp-conformance certs init\`)`);
    if (certDir !== undefined) {
      const layout = await loadTestPki(certDir);
      const [alg, second, ...more] = values.algorithm?.split(',') ?? [];
      for (const a of [alg, second]) if (a !== undefined && !isKeyAlgorithm(a)) throw new UsageError(`--algorithm must be one or two of ${KEY_ALGORITHMS.join(', ')}, comma-separated`);
      if (more.length > 0) throw new UsageError('--algorithm takes at most two algorithms');
      const algorithm = (alg as KeyAlgorithm | undefined) ?? layout.config.algorithms[0];
      if (algorithm === undefined) throw new UsageError(`the test PKI in ${certDir} has no certificate sets`);
      const set = csmsSet(layout, algorithm);
      if (securityProfile >= 2) {
        options.tls = { certPem: set.server.certPem, keyPem: set.server.keyPem, chainPem: set.server.chainPem, caPem: set.root.certPem };
        if (second !== undefined) {
          const other = csmsSet(layout, second as KeyAlgorithm).server;
          options.tls.alternate = { certPem: other.certPem, keyPem: other.keyPem, chainPem: other.chainPem };
        }
      }
      options.pki = { issuer: set.root, v2gIssuer: layout.v2g.cpoSubCa2 };
    }
  } catch (err) {
    io.err(`sim csms: ${err instanceof Error ? err.message : String(err)}\n`);
    if (err instanceof UsageError || (err instanceof Error && err.name === 'TypeError')) io.err('Run with --help for the options.\n');
    return 2;
  }

  let sim;
  try {
    sim = await startCsmsSim(options);
  } catch (err) {
    io.err(`sim csms: cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  io.out(`CSMS simulator listening at ${sim.url}<identity>  (security profile ${options.securityProfile ?? 0})\n`);
  if (options.stations) io.out(`Stations known: ${options.stations.length} (${options.stations.slice(0, 3).join(', ')}${options.stations.length > 3 ? ', ...' : ''})\n`);
  if (sim.operatorApiUrl) io.out(`Operator API at ${sim.operatorApiUrl}/api/octt/{2.0.1|2.1}/{stationId}/call/{Action}\n`);
  if (sim.faults.length > 0) io.out(`Faults on: ${sim.faults.join(', ')}\n`);
  io.out('Press Ctrl-C to stop.\n');

  await untilStopped(io.signal);
  await sim.stop();
  io.out('CSMS simulator stopped.\n');
  return 0;
}
