// Certificate management (Part 6 block M): the CA certificates the station trusts, by type (InstallCertificate,
// GetInstalledCertificateIds, DeleteCertificate). The firmware area trusts signing certificates issued by an installed
// ManufacturerRootCertificate. Installed certificates survive reboots (they are stored, not session state).
// With SecurityCtrlr.AdditionalRootCertificateCheck (true on this station, Part 2 M05.FR.09-14) there is one CSMS root:
// a new one must be signed by the one in use and replaces it, the old one staying as a fallback until a connection
// verified with the new root succeeds (then it goes) or the new root fails to verify the CSMS (then the old is used).
// This area's named faults and behaviour of the reference station.
import { createHash, X509Certificate } from 'node:crypto';
import type { ClientTlsOptions } from '../../../transport/client.ts';
import { TransportError } from '../../../transport/errors.ts';
import { certificateHashData } from '../../../pki/certificate-hash.ts';
import type { HashAlgorithm } from '../../../pki/certificate-hash.ts';
import type { StationCore } from '../core.ts';
import { perStation, type Json } from '../state.ts';
import type { StationArea } from './types.ts';
import { clientTls } from './security.ts';

export const FAULTS = {
  'certificates.installWithoutCheck': 'InstallCertificate accepts any PEM, also one that is expired or not a CA certificate.',
  'certificates.keyHashOverWholeSpki': 'issuerKeyHash is computed over the whole subjectPublicKeyInfo instead of the public key bits.',
  'certificates.deleteWithoutDeleting': 'DeleteCertificate answers Accepted but keeps the certificate.',
  'certificates.emptyListAccepted': 'GetInstalledCertificateIds with no matching certificate answers Accepted (without a list) instead of NotFound.',
  'certificates.deleteUnknownAccepted': 'DeleteCertificate answers Accepted for a certificate that is not installed.',
  'certificates.rootCheckSkipped': 'AdditionalRootCertificateCheck is on, yet a new CSMS root not signed by the one in use is installed (Accepted).',
  'certificates.crossSignedRootRejected': 'AdditionalRootCertificateCheck wants a self-signed new CSMS root, so one signed by the root in use is Rejected.',
  'certificates.fallbackKeptAfterNewRoot': 'After connecting with the new CSMS root, the old one is kept instead of removed.',
  'certificates.noFallbackToOldRoot': 'When the CSMS certificate does not verify with the new CSMS root, the old (fallback) root is not tried.',
  'certificates.fallbackRootOnNewCsms': 'The old (fallback) CSMS root is also tried with a connection profile other than the one it was installed over, so a new CSMS is accepted with a certificate the new root did not vouch for.',
  'certificates.fallbackRemovedAfterFallback': 'After a connection that only the old (fallback) CSMS root verified, the station removes that root as if the new one had worked.',
} as const satisfies Record<string, string>;

export const CA_TYPES = ['V2GRootCertificate', 'MORootCertificate', 'CSMSRootCertificate', 'ManufacturerRootCertificate'] as const;

interface Installed {
  type: string;
  pem: string;
}

const stores = perStation<StationCore, { list: Installed[] | undefined }>(() => ({ list: undefined }));

/** The installed CA certificates; over TLS the root the station trusts for its CSMS connection is one of them from the start. */
function store(st: StationCore): Installed[] {
  const s = stores(st);
  const caPem = st.opts.tls?.caPem;
  s.list ??= (st.opts.securityProfile ?? 0) >= 2 && caPem ? [{ type: 'CSMSRootCertificate', pem: caPem }] : [];
  return s.list;
}

/** The installed CA certificates of one type (PEM). */
export function trustedRoots(st: StationCore, type: (typeof CA_TYPES)[number]): string[] {
  return store(st)
    .filter((c) => c.type === type)
    .map((c) => c.pem);
}

/** The certificate of a PEM if it reads and is valid now; else why not. Also used for firmware signing certificates. */
export function validNow(pem: string): X509Certificate | string {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    return 'not a certificate';
  }
  const now = Date.now();
  if (Date.parse(cert.validFrom) > now || Date.parse(cert.validTo) < now) return 'outside its validity period';
  return cert;
}

/** Why a PEM cannot be installed as a CA certificate, or undefined when it can. */
function unusable(pem: string): string | undefined {
  const cert = validNow(pem);
  if (typeof cert === 'string') return cert;
  if (!cert.ca) return 'not a CA certificate';
  return undefined;
}

function sameCertificate(a: string, b: string): boolean {
  try {
    return new X509Certificate(a).fingerprint256 === new X509Certificate(b).fingerprint256;
  } catch {
    return false;
  }
}

// ----- AdditionalRootCertificateCheck: one CSMS root, replaced only by one it signed, with a fallback -----

interface RootChange {
  /** The new CSMS root, installed, not yet proven by a connection. */
  newPem: string;
  /** The root it replaces, kept (and listed) as the fallback. */
  oldPem: string;
  /**
   * The CSMS URL the station used when the new root came: the CSMS the old root vouches for. With another connection
   * profile (a migration to a new CSMS, TC_B_47/B_50) only the new root counts; a failure there is a failed attempt of
   * that profile, and the fallback root is tried once the station is back on this URL.
   */
  url: string;
}

/** The pending change, and the issuers of the CSMS root in use (Node's TLS anchors only self-signed roots). */
const roots = perStation<StationCore, { change: RootChange | undefined; issuers: string[] }>(() => ({ change: undefined, issuers: [] }));

function additionalRootCheck(st: StationCore): boolean {
  return st.dm.bool('SecurityCtrlr', 'AdditionalRootCertificateCheck');
}

/** `cert` is issued by `issuerPem`: its issuer name matches and the signature verifies with that key. */
function signedBy(cert: X509Certificate, issuerPem: string): boolean {
  try {
    const issuer = new X509Certificate(issuerPem);
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** M05.FR.10-12: a new CSMS root replaces the one in use only when that one signed it; the old one stays as fallback. */
function installCsmsRoot(st: StationCore, pem: string): Json {
  const all = store(st);
  const inUse = all.find((c) => c.type === 'CSMSRootCertificate');
  // Without a CSMS root (security profile 1) the first one is simply installed: there is none to sign it.
  if (!inUse) all.push({ type: 'CSMSRootCertificate', pem });
  if (!inUse || sameCertificate(inUse.pem, pem)) return { status: 'Accepted' };
  const cert = new X509Certificate(pem);
  const signed = st.faults.has('certificates.crossSignedRootRejected') ? signedBy(cert, pem) : signedBy(cert, inUse.pem);
  if (!signed && !st.faults.has('certificates.rootCheckSkipped')) {
    return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidCertificate', additionalInfo: 'not signed by the CSMS root in use (AdditionalRootCertificateCheck)' } };
  }
  const r = roots(st);
  // A change still pending is abandoned: its old root stays the fallback, the newest root is the one to try.
  const fallback = r.change?.oldPem ?? inUse.pem;
  for (let i = all.length - 1; i >= 0; i--) if (all[i]!.type === 'CSMSRootCertificate' && !sameCertificate(all[i]!.pem, fallback)) all.splice(i, 1);
  all.push({ type: 'CSMSRootCertificate', pem });
  r.change = { newPem: pem, oldPem: fallback, url: r.change?.url ?? st.opts.csmsUrl };
  r.issuers = [inUse.pem, ...r.issuers];
  return { status: 'Accepted' };
}

/** A deleted CSMS root ends a pending change: deleting the new one returns to the old, deleting the old confirms the new. */
function csmsRootDeleted(st: StationCore, pem: string): void {
  const r = roots(st);
  if (r.change && sameCertificate(r.change.newPem, pem)) {
    r.change = undefined;
    r.issuers = r.issuers.slice(1);
  } else if (r.change && sameCertificate(r.change.oldPem, pem)) {
    r.change = undefined;
  } else if (!store(st).some((c) => c.type === 'CSMSRootCertificate')) {
    r.issuers = [];
  }
}

/**
 * TLS trust of the CSMS connection (SP2/SP3). Without a replaced CSMS root: the configured one. With one: the
 * handshake must verify through the new root (M05.FR.13: on success the old root is removed); while a change is
 * pending and that fails, the old root is tried at once (M05.FR.14) and the change stays pending - but only on the
 * CSMS URL the new root was installed over: on another connection profile (a new CSMS) the failure is a failed
 * attempt, and after NetworkProfileConnectionAttempts the network-profile area falls back to the previous profile,
 * where the old root is tried (M05.FR.15/16, TC_B_47_CS).
 */
export async function connectTrusting<T>(st: StationCore, open: (tls: ClientTlsOptions | undefined) => Promise<T>): Promise<T> {
  // The station's own TLS settings (with the security area's deliberate deviations, when a fault asks for them).
  const base = clientTls(st);
  const r = roots(st);
  const inUse = store(st).find((c) => c.type === 'CSMSRootCertificate' && (!r.change || sameCertificate(c.pem, r.change.newPem)));
  if ((st.opts.securityProfile ?? 0) < 2 || r.issuers.length === 0 || !inUse) return open(base);
  const anchor = new X509Certificate(inUse.pem).fingerprint256;
  const viaNewRoot: ClientTlsOptions = {
    ...base,
    caPem: [inUse.pem, ...r.issuers].join('\n'),
    acceptChain: (chain) => (chain.some((c) => c.fingerprint256 === anchor) ? undefined : 'the CSMS certificate does not verify with the installed CSMS root'),
  };
  const change = r.change;
  try {
    const conn = await open(viaNewRoot);
    if (change && r.change === change) {
      r.change = undefined;
      if (!st.faults.has('certificates.fallbackKeptAfterNewRoot')) {
        const all = store(st);
        const i = all.findIndex((c) => c.type === 'CSMSRootCertificate' && sameCertificate(c.pem, change.oldPem));
        if (i >= 0) all.splice(i, 1);
        st.note('connected with the new CSMS root: the old (fallback) CSMS root is removed');
      }
    }
    return conn;
  } catch (e) {
    if (!change || !(e instanceof TransportError && e.kind === 'tls') || st.faults.has('certificates.noFallbackToOldRoot')) throw e;
    if (st.opts.csmsUrl !== change.url && !st.faults.has('certificates.fallbackRootOnNewCsms')) {
      st.note(`the CSMS certificate of ${st.opts.csmsUrl} did not verify with the new CSMS root; the fallback root belongs to ${change.url}`);
      throw e;
    }
    st.note(`the CSMS certificate did not verify with the new CSMS root (${e.message}); trying the fallback CSMS root`);
    const conn = await open({ ...base, caPem: change.oldPem });
    if (st.faults.has('certificates.fallbackRemovedAfterFallback') && r.change === change) {
      r.change = undefined;
      const all = store(st);
      const i = all.findIndex((c) => c.type === 'CSMSRootCertificate' && sameCertificate(c.pem, change.oldPem));
      if (i >= 0) all.splice(i, 1);
    }
    return conn;
  }
}

function onInstall(st: StationCore, p: Json): Json {
  const type = String(p.certificateType);
  const pem = String(p.certificate);
  const unchecked = st.faults.has('certificates.installWithoutCheck');
  const problem = unchecked ? undefined : unusable(pem);
  if (problem) return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidCertificate', additionalInfo: problem } };
  if (type === 'CSMSRootCertificate' && additionalRootCheck(st) && !unchecked) return installCsmsRoot(st, pem);
  const all = store(st);
  if (!all.some((c) => c.type === type && sameCertificate(c.pem, pem))) all.push({ type, pem });
  return { status: 'Accepted' };
}

/** The issuer of an installed certificate that is not self-signed (a CSMS root signed by the one before it). */
function issuerOf(st: StationCore, pem: string): string | undefined {
  const cert = new X509Certificate(pem);
  if (signedBy(cert, pem)) return undefined;
  const r = roots(st);
  return [...store(st).map((c) => c.pem), ...r.issuers, ...(r.change ? [r.change.oldPem] : [])].find((p) => signedBy(cert, p));
}

function hashData(st: StationCore, pem: string, algorithm: HashAlgorithm): Json {
  return { ...certificateHashData(pem, algorithm, issuerOf(st, pem)) };
}

function hashOf(st: StationCore, pem: string, algorithm: HashAlgorithm): Json {
  const data: Json = hashData(st, pem, algorithm);
  if (st.faults.has('certificates.keyHashOverWholeSpki')) {
    const spki = new X509Certificate(issuerOf(st, pem) ?? pem).publicKey.export({ type: 'spki', format: 'der' });
    data.issuerKeyHash = createHash(algorithm.replace('SHA', 'sha')).update(spki).digest('hex');
  }
  return data;
}

function onGetIds(st: StationCore, p: Json): Json {
  const wanted = Array.isArray(p.certificateType) ? (p.certificateType as string[]) : undefined;
  const chain = store(st)
    .filter((c) => !wanted || wanted.length === 0 || wanted.includes(c.type))
    .map((c) => ({ certificateType: c.type, certificateHashData: hashOf(st, c.pem, 'SHA256') }));
  if (chain.length === 0 && st.faults.has('certificates.emptyListAccepted')) return { status: 'Accepted' };
  return chain.length > 0 ? { status: 'Accepted', certificateHashDataChain: chain } : { status: 'NotFound' };
}

function onDelete(st: StationCore, p: Json): Json {
  const want = p.certificateHashData as Json;
  const algorithm = String(want.hashAlgorithm) as HashAlgorithm;
  const all = store(st);
  const index = all.findIndex((c) => {
    const h = hashData(st, c.pem, algorithm);
    return (
      String(h.issuerNameHash).toLowerCase() === String(want.issuerNameHash).toLowerCase() &&
      String(h.issuerKeyHash).toLowerCase() === String(want.issuerKeyHash).toLowerCase() &&
      String(h.serialNumber).replace(/^0+/, '').toLowerCase() === String(want.serialNumber).replace(/^0+/, '').toLowerCase()
    );
  });
  if (index < 0) return { status: st.faults.has('certificates.deleteUnknownAccepted') ? 'Accepted' : 'NotFound' };
  if (!st.faults.has('certificates.deleteWithoutDeleting')) {
    const [gone] = all.splice(index, 1);
    if (gone?.type === 'CSMSRootCertificate') csmsRootDeleted(st, gone.pem);
  }
  return { status: 'Accepted' };
}

export const AREA = {
  name: 'certificates',
  blocks: ['M', 'L'],
  faults: FAULTS,
  handlers: { InstallCertificate: onInstall, GetInstalledCertificateIds: onGetIds, DeleteCertificate: onDelete },
} satisfies StationArea;
