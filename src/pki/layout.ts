// The test PKI on disk: initTestPki writes it (idempotently, never touching user-supplied files), loadTestPki reads it.
//
// Rules for an existing directory:
// - A file counts as ours only if manifest.json lists it as generated AND its SHA-256 still matches. Anything else that
//   exists at one of our paths is user-supplied: it is never overwritten, and is used as-is (a user-supplied CA also
//   signs what we generate below it). A user-supplied certificate needs its key next to it.
// - Our own files are kept on a second run unless --force, or unless they no longer match the plan: missing files, an
//   issuer that changed, or a certificate whose validity no longer matches its intent. In particular a "valid"
//   certificate that has expired or expires within RENEW_BEFORE_DAYS is re-issued, and a "not yet valid" one that has
//   become valid is re-issued; "expired" ones stay as they are.
// - Entries of an earlier configuration (e.g. a station identity no longer configured) stay in the manifest marked
//   stale, so their files are still known as ours.
import { createPrivateKey, createPublicKey, X509Certificate as NodeX509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PkiError, describeError } from './errors.ts';
import { createSelfSigned, describeCertificate, issueCertificate } from './certificates.ts';
import type { IssuedCert } from './certificates.ts';
import type { KeyAlgorithm } from './keys.ts';
import { keyObjectAlgorithm } from './keys.ts';
import { splitPemCertificates } from './pem.ts';
import { buildLayout, toCredential } from './layout-shape.ts';
import type { InitOptions, InitReport, PkiCredential, PkiLayout } from './layout-shape.ts';
import { MANIFEST_FILE, MANIFEST_FORMAT, MANIFEST_VERSION, readManifest } from './manifest.ts';
import type { FileRole, Manifest, ManifestEntry, ManifestFile } from './manifest.ts';
import { ensureDir, readIfExists, sha256Hex, writeAtomic } from './pki-files.ts';
import { buildPlan, normaliseConfig, planFiles } from './plan.ts';
import type { IntendedValidity, PlanItem } from './plan.ts';

export const RENEW_BEFORE_DAYS = 30;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

// ---------------------------------------------------------------------------------------------------------------------
// init

interface Resolved {
  item: PlanItem;
  cred: IssuedCert;
  /** Issued anew during this run. */
  fresh: boolean;
  userSupplied: boolean;
  files: ManifestFile[];
}

export async function initTestPki(opts: InitOptions): Promise<PkiLayout> {
  const started = Date.now();
  const dir = path.resolve(opts.dir);
  const now = opts.now ?? new Date();
  const config = normaliseConfig({
    organization: opts.organization,
    identities: opts.identities,
    serverNames: opts.serverNames,
    algorithms: opts.algorithms,
  });
  await ensureDir(dir);
  const previous = await readManifest(dir);
  const ours = new Map<string, string>(); // relative path -> sha256 of the generated content
  for (const entry of previous?.entries ?? []) {
    for (const f of entry.files) if (f.origin === 'generated') ours.set(f.path, f.sha256);
  }

  const plan = buildPlan(config);
  const report: InitReport = { written: [], kept: [], userSupplied: [], warnings: [], manifestChanged: false, durationMs: 0 };
  const results = new Map<string, Promise<Resolved>>();
  for (const item of plan) {
    const issuer = item.issuerId === undefined ? undefined : results.get(item.issuerId);
    if (item.issuerId !== undefined && issuer === undefined) throw new Error(`plan order: ${item.id} before ${item.issuerId}`);
    results.set(item.id, resolveItem({ dir, item, issuer, ours, now, force: opts.force ?? false, report }));
  }
  const settled = await Promise.allSettled(results.values());
  const failure = settled.find((s) => s.status === 'rejected');
  if (failure) throw failure.reason;
  const resolved = settled.map((s) => (s as PromiseFulfilledResult<Resolved>).value);

  const planned = new Set(plan.map((p) => p.id));
  const entries: ManifestEntry[] = resolved.map((r) => manifestEntry(r));
  for (const old of previous?.entries ?? []) {
    if (!planned.has(old.id)) entries.push({ ...old, stale: true });
  }
  const manifest: Manifest = { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, config, entries };
  const text = JSON.stringify(manifest, null, 2) + '\n';
  const manifestPath = path.join(dir, MANIFEST_FILE);
  const oldText = await readFile(manifestPath, 'utf8').catch(() => null);
  if (oldText !== text) {
    await writeAtomic(manifestPath, text, 0o644);
    report.manifestChanged = true;
  }
  for (const list of [report.written, report.kept, report.userSupplied]) list.sort();
  report.durationMs = Date.now() - started;
  const layout = buildLayout(dir, config, resolved.map((r) => toCredential(dir, r.item, r.cred, r.userSupplied)));
  layout.init = report;
  return layout;
}

async function resolveItem(args: {
  dir: string;
  item: PlanItem;
  issuer: Promise<Resolved> | undefined;
  ours: Map<string, string>;
  now: Date;
  force: boolean;
  report: InitReport;
}): Promise<Resolved> {
  const { dir, item, ours, now, force, report } = args;
  const issuer = args.issuer ? await args.issuer : undefined;
  const rel = planFiles(item);
  const roles: FileRole[] = rel.chain === undefined ? ['cert', 'key'] : ['cert', 'key', 'chain'];
  const relOf = (role: FileRole): string => (role === 'chain' ? (rel.chain ?? rel.cert) : rel[role]);

  // What is on disk, and whose is it?
  const disk = new Map<FileRole, { text: string; sha256: string; mine: boolean }>();
  for (const role of roles) {
    const text = await readIfExists(path.join(dir, relOf(role)));
    if (text === null) continue;
    const sha256 = sha256Hex(text);
    disk.set(role, { text, sha256, mine: ours.get(relOf(role)) === sha256 });
  }
  const userRoles = roles.filter((r) => disk.get(r)?.mine === false);

  if (userRoles.length > 0) {
    const cert = disk.get('cert');
    const key = disk.get('key');
    for (const r of userRoles) report.userSupplied.push(relOf(r));
    if (!cert || !key) {
      const missing = !cert ? rel.cert : rel.key;
      throw new PkiError(
        `${path.join(dir, relOf(userRoles[0] ?? 'cert'))} was not generated by this tool, so it is kept as yours, ` +
          `but ${path.join(dir, missing)} is missing; supply the certificate and its key together, or remove the file`,
      );
    }
    const cred = readCredential(dir, item, cert.text, key.text, disk.get('chain')?.text, issuer?.cred);
    const files: ManifestFile[] = [];
    for (const role of roles) {
      const d = disk.get(role);
      if (d) {
        files.push({ role, path: relOf(role), origin: d.mine ? 'generated' : 'user-supplied', sha256: d.sha256 });
        if (d.mine) report.kept.push(relOf(role));
      } else {
        // Only the chain can be missing here: derive it, which overwrites nothing.
        const text = cred.chainPem;
        await writeAtomic(path.join(dir, relOf(role)), text, 0o644);
        report.written.push(relOf(role));
        files.push({ role, path: relOf(role), origin: 'generated', sha256: sha256Hex(text) });
      }
    }
    const problems = checkAgainstPlan(item, cred, issuer?.cred, now);
    for (const p of problems) report.warnings.push(`${rel.cert} (yours, kept): ${p}`);
    return { item, cred, fresh: false, userSupplied: true, files };
  }

  // All present files are ours (or nothing is there). Keep them if they still fit the plan.
  if (!force && roles.every((r) => disk.has(r)) && !(issuer?.fresh ?? false)) {
    const cert = disk.get('cert');
    const key = disk.get('key');
    if (cert && key) {
      let cred: IssuedCert | null = null;
      try {
        cred = readCredential(dir, item, cert.text, key.text, disk.get('chain')?.text, issuer?.cred);
      } catch {
        cred = null; // our own file is damaged: re-issue it
      }
      if (cred && checkAgainstPlan(item, cred, issuer?.cred, now).length === 0) {
        const files = roles.map((role): ManifestFile => {
          report.kept.push(relOf(role));
          return { role, path: relOf(role), origin: 'generated', sha256: disk.get(role)?.sha256 ?? '' };
        });
        return { item, cred, fresh: false, userSupplied: false, files };
      }
    }
  }

  const cred = await generate(item, issuer?.cred, now);
  const files: ManifestFile[] = [];
  for (const role of roles) {
    const text = role === 'cert' ? cred.certPem : role === 'key' ? cred.keyPem : cred.chainPem;
    await writeAtomic(path.join(dir, relOf(role)), text, role === 'key' ? 0o600 : 0o644);
    report.written.push(relOf(role));
    files.push({ role, path: relOf(role), origin: 'generated', sha256: sha256Hex(text) });
  }
  return { item, cred, fresh: true, userSupplied: false, files };
}

function datesFor(item: PlanItem, now: Date): { notBefore: Date; notAfter: Date } {
  const t = now.getTime();
  switch (item.validity) {
    case 'expired':
      return { notBefore: new Date(t - 60 * DAY), notAfter: new Date(t - DAY) };
    case 'notYetValid':
      return { notBefore: new Date(t + 10 * YEAR), notAfter: new Date(t + 12 * YEAR) };
    case 'valid':
      if (item.lifetime === 'root') return { notBefore: new Date(t - DAY), notAfter: new Date(t + 20 * YEAR) };
      if (item.lifetime === 'subCa') return { notBefore: new Date(t - DAY), notAfter: new Date(t + 10 * YEAR) };
      return { notBefore: new Date(t - HOUR), notAfter: new Date(t + 2 * YEAR) };
  }
}

async function generate(item: PlanItem, issuer: IssuedCert | undefined, now: Date): Promise<IssuedCert> {
  const common = {
    commonName: item.commonName,
    organization: item.organization,
    algorithm: item.algorithm,
    usage: item.usage,
    dnsNames: item.dnsNames,
    ipAddresses: item.ipAddresses,
    pathLength: item.pathLength,
    ...datesFor(item, now),
  };
  if (item.kind === 'issued') {
    if (!issuer) throw new Error(`internal: ${item.id} has no issuer`);
    return issueCertificate({ ...common, issuer });
  }
  return createSelfSigned(common);
}

/** Reasons why a certificate does not (or no longer) fit its plan item; empty when it does. */
function checkAgainstPlan(item: PlanItem, cred: IssuedCert, issuer: IssuedCert | undefined, now: Date): string[] {
  const problems: string[] = [];
  const t = now.getTime();
  const state: IntendedValidity = t < cred.notBefore.getTime() ? 'notYetValid' : t > cred.notAfter.getTime() ? 'expired' : 'valid';
  if (state !== item.validity) problems.push(`meant to be ${item.validity} but is ${state}`);
  else if (item.validity === 'valid' && cred.notAfter.getTime() - t < RENEW_BEFORE_DAYS * DAY) {
    problems.push(`expires within ${RENEW_BEFORE_DAYS} days (${cred.notAfter.toISOString()})`);
  }
  if (issuer) {
    const c = new NodeX509Certificate(cred.certPem);
    const i = new NodeX509Certificate(issuer.certPem);
    if (!c.checkIssued(i) || !c.verify(i.publicKey)) problems.push(`not issued by ${planFiles({ id: item.issuerId ?? '', kind: 'root' }).cert}`);
  }
  return problems;
}

/** Builds an IssuedCert from files; PkiError naming the file when something does not fit. */
function readCredential(
  dir: string,
  item: PlanItem,
  certText: string,
  keyText: string,
  chainText: string | undefined,
  issuer: IssuedCert | undefined,
): IssuedCert {
  const rel = planFiles(item);
  const certFile = path.join(dir, rel.cert);
  const keyFile = path.join(dir, rel.key);
  let d: ReturnType<typeof describeCertificate>;
  try {
    d = describeCertificate(certText);
  } catch (err) {
    throw new PkiError(`${certFile}: ${describeError(err)}`, { cause: err });
  }
  let algorithm: KeyAlgorithm;
  let keySpki: Buffer;
  try {
    const key = createPrivateKey({ key: keyText, format: 'pem' });
    algorithm = keyObjectAlgorithm(key, 'the key');
    keySpki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  } catch (err) {
    throw new PkiError(`${keyFile} is not a usable private key (${describeError(err)})`, { cause: err });
  }
  const certPem = splitPemCertificates(certText)[0] ?? certText;
  const certSpki = new NodeX509Certificate(certPem).publicKey.export({ format: 'der', type: 'spki' });
  if (!certSpki.equals(keySpki)) throw new PkiError(`${keyFile} is not the private key of ${certFile}`);
  let chainPem: string;
  if (chainText !== undefined) chainPem = chainText;
  else if (item.kind === 'issued' && issuer && !isSelfIssued(issuer)) chainPem = certPem + issuer.chainPem;
  else chainPem = certPem;
  return {
    certPem,
    keyPem: keyText,
    chainPem,
    subject: d.subject,
    issuer: d.issuer,
    serialNumber: d.serialNumber,
    notBefore: d.notBefore,
    notAfter: d.notAfter,
    algorithm,
  };
}

/**
 * The credential as the manifest describes it, when every file of it is byte for byte the one the manifest recorded
 * (init parsed and checked exactly those bytes). Parsing ~100 certificates again costs over half a second of CPU in
 * every process that loads the PKI (each cucumber worker); comparing hashes costs a few ms. Undefined: read it anew.
 */
function recordedCredential(entry: ManifestEntry, item: PlanItem, texts: Record<FileRole, string | undefined>, issuer: IssuedCert | undefined): IssuedCert | undefined {
  const rel = planFiles(item);
  const roles: FileRole[] = rel.chain === undefined ? ['cert', 'key'] : ['cert', 'key', 'chain'];
  for (const role of roles) {
    const text = texts[role];
    const recorded = entry.files.find((f) => f.role === role && f.path === (role === 'chain' ? rel.chain : rel[role]));
    if (text === undefined || !recorded || recorded.sha256 !== sha256Hex(text)) return undefined;
  }
  const certText = texts.cert ?? '';
  const certPem = splitPemCertificates(certText)[0] ?? certText;
  let chainPem: string;
  if (texts.chain !== undefined) chainPem = texts.chain;
  else if (item.kind === 'issued' && issuer && !isSelfIssued(issuer)) chainPem = certPem + issuer.chainPem;
  else chainPem = certPem;
  const notBefore = new Date(entry.notBefore);
  const notAfter = new Date(entry.notAfter);
  if (Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime())) return undefined;
  return { certPem, keyPem: texts.key ?? '', chainPem, subject: entry.subject, issuer: entry.issuer, serialNumber: entry.serialNumber, notBefore, notAfter, algorithm: entry.algorithm };
}

function isSelfIssued(cert: IssuedCert): boolean {
  return cert.subject === cert.issuer;
}

function manifestEntry(r: Resolved): ManifestEntry {
  return {
    id: r.item.id,
    purpose: r.item.purpose,
    intended: r.item.validity,
    algorithm: r.cred.algorithm,
    subject: r.cred.subject,
    issuer: r.cred.issuer,
    serialNumber: r.cred.serialNumber,
    notBefore: r.cred.notBefore.toISOString(),
    notAfter: r.cred.notAfter.toISOString(),
    userSupplied: r.userSupplied,
    files: r.files,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// load

export async function loadTestPki(dir: string): Promise<PkiLayout> {
  const abs = path.resolve(dir);
  const command = `ocpp-conformance certs init --dir ${dir}`;
  const manifest = await readManifest(abs);
  if (!manifest) {
    throw new PkiError(`no test PKI in ${abs}: ${path.join(abs, MANIFEST_FILE)} is missing; create it with \`${command}\``);
  }
  const config = normaliseConfig(manifest.config);
  const plan = buildPlan(config);
  const byId = new Map(manifest.entries.filter((e) => !e.stale).map((e) => [e.id, e]));
  const creds: PkiCredential[] = [];
  const loaded = new Map<string, IssuedCert>();
  // All files are read at once: one after the other, each read's round trips through the thread pool added up to
  // about 0.1 s before a run's first case.
  const files = plan.map((item) => planFiles(item));
  const texts = new Map<string, string | null>();
  const names = files.flatMap((f) => [f.cert, f.key, ...(f.chain === undefined ? [] : [f.chain])]);
  await Promise.all(names.map(async (relPath) => void texts.set(relPath, await readIfExists(path.join(abs, relPath)))));
  const read = (relPath: string): string => {
    const text = texts.get(relPath);
    if (text === null || text === undefined) throw new PkiError(`${path.join(abs, relPath)} is missing; re-create it with \`${command}\``);
    return text;
  };
  for (const [i, item] of plan.entries()) {
    const rel = files[i]!;
    const certText = read(rel.cert);
    const keyText = read(rel.key);
    const chainText = rel.chain === undefined ? undefined : read(rel.chain);
    const issuer = item.issuerId === undefined ? undefined : loaded.get(item.issuerId);
    const entry = byId.get(item.id);
    const cred = (entry && recordedCredential(entry, item, { cert: certText, key: keyText, chain: chainText }, issuer)) ?? readCredential(abs, item, certText, keyText, chainText, issuer);
    loaded.set(item.id, cred);
    creds.push(toCredential(abs, item, cred, byId.get(item.id)?.userSupplied ?? false));
  }
  return buildLayout(abs, config, creds);
}
