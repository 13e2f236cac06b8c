// `ocpp-conformance certs ...`: create, show and use the test PKI. argv is what follows the word "certs".
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  DEFAULT_IDENTITIES,
  KEY_ALGORITHMS,
  PkiError,
  csmsSet,
  csrKeyAlgorithm,
  initTestPki,
  isKeyAlgorithm,
  loadTestPki,
  readManifest,
  signCsr,
  splitPemCertificates,
} from '../pki/index.ts';
import type { CsrUsage, KeyAlgorithm, ManifestEntry, PkiCredential } from '../pki/index.ts';

export interface CertsIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: CertsIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
};

const DEFAULT_DIR = 'certs';

const HELP = `Usage: ocpp-conformance certs <command> [options]

Commands:
  init       create the test PKI (CSMS roots, server and station certificates, negative variants,
             V2G / MO / manufacturer chains) and its manifest.json; safe to run again
  show       list what the manifest describes
  sign-csr   sign a PKCS#10 request with the test CA and print the certificate chain (PEM)
  help       this text

init options:
  --dir DIR            directory (default: ${DEFAULT_DIR})
  --identity ID        station identity, one client certificate each (repeatable; default: ${DEFAULT_IDENTITIES.join(', ')},
                       or the identities of an existing manifest)
  --org NAME           organisation (O) of the CSMS root, server and station certificates
  --server-name NAME   extra DNS name or IP address for the CSMS server certificate (repeatable);
                       localhost, 127.0.0.1 and ::1 are always included
  --algorithm ALG      ${KEY_ALGORITHMS.join(' | ')} (repeatable; default: RSA and ECDSA-P256)
  --force              re-issue everything this tool generated (files you supplied are never touched)

  Without --force, generated files that still fit are kept; a certificate meant to be valid is re-issued
  when it has expired or expires within 30 days (and what it signed with it). Files at our paths that
  the manifest does not list as generated are treated as yours: kept, used, never overwritten.

show options:
  --dir DIR

sign-csr options:
  --csr FILE           the request (PEM)
  --usage USAGE        client | server | codeSigning (default: client)
  --issuer CA          csms (the CSMS root, default) | v2g (CPO Sub-CA2)
  --algorithm ALG      which CSMS root signs (default: the CSR's key algorithm if present, else the first)
  --expect-cn CN       refuse unless the CSR's CN is exactly CN (e.g. the station identity)
  --expect-org O       refuse unless the CSR's O is exactly O
  --dir DIR

Exit code 0 on success, 2 on any error.
`;

export async function runCertsCommand(argv: string[], io: CertsIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'init':
        return await initCommand(rest, io);
      case 'show':
        return await showCommand(rest, io);
      case 'sign-csr':
        return await signCsrCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(HELP);
        return command === undefined ? 2 : 0;
      default:
        io.err(`certs: unknown command "${command}"; run "ocpp-conformance certs help"\n`);
        return 2;
    }
  } catch (err) {
    io.err(`certs ${command}: ${errorText(err)}\n`);
    return 2;
  }
}

function errorText(err: unknown): string {
  if (err instanceof PkiError) return err.message;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    return `${(err as Error).message}; run "ocpp-conformance certs help"`;
  }
  if (err instanceof Error) return `unexpected error: ${err.message}`;
  return `unexpected error: ${String(err)}`;
}

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;
type CommandOptions = NonNullable<ParseArgsConfig['options']>;
type CommandConfig<O extends CommandOptions> = { args: string[]; strict: true; allowPositionals: false; options: O & typeof HELP_OPTION };
type CommandValues<O extends CommandOptions> = ReturnType<typeof parseArgs<CommandConfig<O>>>['values'];

/**
 * A subcommand's options (no positionals; unknown options throw), each with -h/--help. Undefined when help was asked
 * for: the help is printed then and the subcommand has nothing more to do.
 */
function parseCommandOptions<O extends CommandOptions>(args: string[], io: CertsIo, options: O): CommandValues<O> | undefined {
  const { values } = parseArgs<CommandConfig<O>>({ args, strict: true, allowPositionals: false, options: { ...options, ...HELP_OPTION } });
  if ('help' in values && values.help === true) {
    io.out(HELP);
    return undefined;
  }
  return values;
}

function algorithmsFrom(values: string[] | undefined): KeyAlgorithm[] | undefined {
  if (!values || values.length === 0) return undefined;
  return values.map((v) => {
    const normal = v.toUpperCase() === 'ECDSA' ? 'ECDSA-P256' : v.toUpperCase();
    if (!isKeyAlgorithm(normal)) throw new PkiError(`unknown algorithm "${v}"; use one of ${KEY_ALGORITHMS.join(', ')}`);
    return normal;
  });
}

async function initCommand(args: string[], io: CertsIo): Promise<number> {
  const values = parseCommandOptions(args, io, {
    dir: { type: 'string' },
    identity: { type: 'string', multiple: true },
    org: { type: 'string' },
    'server-name': { type: 'string', multiple: true },
    algorithm: { type: 'string', multiple: true },
    force: { type: 'boolean' },
  });
  if (!values) return 0;
  const dir = values.dir ?? DEFAULT_DIR;
  // What is not given on the command line comes from an existing manifest, so a plain re-run changes nothing.
  const previous = (await readManifest(dir))?.config;
  const layout = await initTestPki({
    dir,
    identities: values.identity ?? previous?.identities ?? DEFAULT_IDENTITIES,
    organization: values.org ?? previous?.organization,
    serverNames: values['server-name'] ?? previous?.serverNames,
    algorithms: algorithmsFrom(values.algorithm) ?? previous?.algorithms,
    force: values.force ?? false,
  });
  const r = layout.init;
  if (!r) throw new Error('initTestPki returned no report');
  io.out(
    `Test PKI in ${layout.dir}: ${r.written.length} file(s) written, ${r.kept.length} kept, ` +
      `${r.userSupplied.length} supplied by you (${r.durationMs} ms).\n`,
  );
  for (const f of r.userSupplied) io.out(`  yours, left untouched: ${f}\n`);
  for (const w of r.warnings) io.out(`  warning: ${w}\n`);
  io.out(`Stations: ${layout.config.identities.join(', ')}; algorithms: ${layout.config.algorithms.join(', ')}.\n`);
  io.out(`Manifest: ${layout.manifestPath}\n`);
  return 0;
}

async function showCommand(args: string[], io: CertsIo): Promise<number> {
  const values = parseCommandOptions(args, io, { dir: { type: 'string' } });
  if (!values) return 0;
  const dir = values.dir ?? DEFAULT_DIR;
  const manifest = await readManifest(dir);
  if (!manifest) throw new PkiError(`no test PKI in ${dir} (manifest.json is missing); create it with "ocpp-conformance certs init --dir ${dir}"`);
  const c = manifest.config;
  io.out(`Test PKI in ${dir} — organisation "${c.organization}", stations ${c.identities.join(', ')}, algorithms ${c.algorithms.join(', ')}\n\n`);
  const rows = manifest.entries.map((e) => [
    e.id + (e.stale ? ' (stale)' : ''),
    e.algorithm,
    e.intended,
    e.notAfter.slice(0, 10),
    origin(e),
    e.subject,
  ]);
  io.out(table(['ID', 'ALGORITHM', 'INTENDED', 'NOT AFTER', 'ORIGIN', 'SUBJECT'], rows));
  return 0;
}

function origin(e: ManifestEntry): string {
  const user = e.files.filter((f) => f.origin === 'user-supplied').map((f) => f.role);
  if (user.length === 0) return 'generated';
  return user.length === e.files.length ? 'yours' : `yours (${user.join('+')})`;
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd() + '\n';
  return line(head) + rows.map(line).join('');
}

async function signCsrCommand(args: string[], io: CertsIo): Promise<number> {
  const values = parseCommandOptions(args, io, {
    dir: { type: 'string' },
    csr: { type: 'string' },
    usage: { type: 'string' },
    issuer: { type: 'string' },
    algorithm: { type: 'string' },
    'expect-cn': { type: 'string' },
    'expect-org': { type: 'string' },
  });
  if (!values) return 0;
  const csrFile = values.csr;
  if (!csrFile) throw new PkiError('--csr FILE is required');
  const usage = values.usage ?? 'client';
  if (usage !== 'client' && usage !== 'server' && usage !== 'codeSigning') {
    throw new PkiError(`--usage must be client, server or codeSigning, not "${usage}"`);
  }
  const issuerKind = values.issuer ?? 'csms';
  if (issuerKind !== 'csms' && issuerKind !== 'v2g') throw new PkiError(`--issuer must be csms or v2g, not "${issuerKind}"`);
  let csrPem: string;
  try {
    csrPem = await readFile(csrFile, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new PkiError(`cannot read the CSR file ${csrFile}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code ?? err)}`);
  }
  const layout = await loadTestPki(values.dir ?? DEFAULT_DIR);
  let issuer: PkiCredential;
  if (issuerKind === 'v2g') {
    issuer = layout.v2g.cpoSubCa2;
  } else {
    const wanted = algorithmsFrom(values.algorithm === undefined ? undefined : [values.algorithm])?.[0];
    const first = layout.config.algorithms[0];
    const alg = wanted ?? csrAlgorithm(csrPem, layout.config.algorithms) ?? first;
    if (!alg) throw new PkiError('the test PKI has no CSMS root');
    issuer = csmsSet(layout, alg).root;
  }
  const signed = await signCsr({
    issuer,
    csrPem,
    usage: usage as CsrUsage,
    expectedCommonName: values['expect-cn'],
    expectedOrganization: values['expect-org'],
  });
  io.err(`signed "${signed.subject}" with ${issuer.id} (${splitPemCertificates(signed.chainPem).length} certificate(s) in the chain)\n`);
  io.out(signed.chainPem);
  return 0;
}

/** The CSR key's algorithm if the PKI has a root of that algorithm; undefined when unknown (signCsr reports the details). */
function csrAlgorithm(csrPem: string, available: KeyAlgorithm[]): KeyAlgorithm | undefined {
  try {
    const alg = csrKeyAlgorithm(csrPem);
    return available.includes(alg) ? alg : undefined;
  } catch {
    return undefined;
  }
}
