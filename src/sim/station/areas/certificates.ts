// Certificate management (Part 6 block M): the CA certificates the station trusts, by type (InstallCertificate,
// GetInstalledCertificateIds, DeleteCertificate). The firmware area trusts signing certificates issued by an installed
// ManufacturerRootCertificate. Installed certificates survive reboots (they are stored, not session state).
// This area's named faults and behaviour of the reference station.
import { createHash, X509Certificate } from 'node:crypto';
import { certificateHashData } from '../../../pki/certificate-hash.ts';
import type { HashAlgorithm } from '../../../pki/certificate-hash.ts';
import type { StationCore } from '../core.ts';
import { perStation, type Json } from '../state.ts';
import type { StationArea } from './types.ts';

export const FAULTS = {
  'certificates.installWithoutCheck': 'InstallCertificate accepts any PEM, also one that is expired or not a CA certificate.',
  'certificates.keyHashOverWholeSpki': 'issuerKeyHash is computed over the whole subjectPublicKeyInfo instead of the public key bits.',
  'certificates.deleteWithoutDeleting': 'DeleteCertificate answers Accepted but keeps the certificate.',
  'certificates.emptyListAccepted': 'GetInstalledCertificateIds with no matching certificate answers Accepted (without a list) instead of NotFound.',
  'certificates.deleteUnknownAccepted': 'DeleteCertificate answers Accepted for a certificate that is not installed.',
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

function onInstall(st: StationCore, p: Json): Json {
  const type = String(p.certificateType);
  const pem = String(p.certificate);
  const problem = st.faults.has('certificates.installWithoutCheck') ? undefined : unusable(pem);
  if (problem) return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidCertificate', additionalInfo: problem } };
  const all = store(st);
  if (!all.some((c) => c.type === type && sameCertificate(c.pem, pem))) all.push({ type, pem });
  return { status: 'Accepted' };
}

function hashOf(st: StationCore, pem: string, algorithm: HashAlgorithm): Json {
  const data: Json = { ...certificateHashData(pem, algorithm) };
  if (st.faults.has('certificates.keyHashOverWholeSpki')) {
    const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
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
    const h = certificateHashData(c.pem, algorithm);
    return (
      String(h.issuerNameHash).toLowerCase() === String(want.issuerNameHash).toLowerCase() &&
      String(h.issuerKeyHash).toLowerCase() === String(want.issuerKeyHash).toLowerCase() &&
      String(h.serialNumber).replace(/^0+/, '').toLowerCase() === String(want.serialNumber).replace(/^0+/, '').toLowerCase()
    );
  });
  if (index < 0) return { status: st.faults.has('certificates.deleteUnknownAccepted') ? 'Accepted' : 'NotFound' };
  if (!st.faults.has('certificates.deleteWithoutDeleting')) all.splice(index, 1);
  return { status: 'Accepted' };
}

export const AREA = {
  name: 'certificates',
  blocks: ['M', 'L'],
  faults: FAULTS,
  handlers: { InstallCertificate: onInstall, GetInstalledCertificateIds: onGetIds, DeleteCertificate: onDelete },
} satisfies StationArea;
