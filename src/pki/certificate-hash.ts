// OCPP's CertificateHashDataType for a certificate: the hashes of its issuer's distinguished name (DER) and of its
// issuer's public key (the BIT STRING contents of subjectPublicKeyInfo, as an OCSP CertID has it), and its serial
// number. Read straight from the DER, so the issuer name hashes exactly as it is encoded in the certificate.
import { createHash } from 'node:crypto';
import { PkiError } from './errors.ts';
import { firstPemBlock } from './pem.ts';

export type HashAlgorithm = 'SHA256' | 'SHA384' | 'SHA512';

export const HASH_ALGORITHMS: readonly HashAlgorithm[] = ['SHA256', 'SHA384', 'SHA512'];

export interface CertificateHashData {
  hashAlgorithm: HashAlgorithm;
  /** Lower-case hex. */
  issuerNameHash: string;
  /** Lower-case hex. */
  issuerKeyHash: string;
  /** Lower-case hex without leading zeros. */
  serialNumber: string;
}

interface Tlv {
  tag: number;
  /** The whole element (tag, length, contents). */
  raw: Uint8Array;
  contents: Uint8Array;
  end: number;
}

/** One DER element starting at `at`; definite lengths only (DER has no others). */
function readTlv(buf: Uint8Array, at: number): Tlv {
  const tag = buf[at];
  let len = buf[at + 1];
  if (tag === undefined || len === undefined) throw new PkiError('the certificate DER ends early');
  let offset = at + 2;
  if (len & 0x80) {
    const bytes = len & 0x7f;
    if (bytes === 0 || bytes > 4) throw new PkiError('the certificate DER has an unsupported length encoding');
    len = 0;
    for (let i = 0; i < bytes; i++) len = len * 256 + (buf[offset + i] ?? 0);
    offset += bytes;
  }
  const end = offset + len;
  if (end > buf.length) throw new PkiError('the certificate DER ends early');
  return { tag, raw: buf.subarray(at, end), contents: buf.subarray(offset, end), end };
}

/** The elements of a constructed element's contents, in order. */
function children(parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = 0; at < parent.contents.length; ) {
    const t = readTlv(parent.contents, at);
    out.push(t);
    at = t.end;
  }
  return out;
}

interface TbsParts {
  serial: Uint8Array;
  issuer: Uint8Array;
  subject: Uint8Array;
  /** subjectPublicKey BIT STRING contents without the unused-bits byte. */
  publicKey: Uint8Array;
}

function tbsParts(pem: string, what: string): TbsParts {
  const der = new Uint8Array(firstPemBlock(pem, ['CERTIFICATE'], what).der);
  const cert = readTlv(der, 0);
  const tbs = children(cert)[0];
  if (!tbs) throw new PkiError(`${what} has no tbsCertificate`);
  const fields = children(tbs);
  // [0] version is optional (absent for v1 certificates).
  const f = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const [serial, , issuer, , subject, spki] = f;
  if (!serial || !issuer || !subject || !spki) throw new PkiError(`${what} has an incomplete tbsCertificate`);
  const bitString = children(spki)[1];
  if (!bitString || bitString.tag !== 0x03) throw new PkiError(`${what} has no subjectPublicKey`);
  return { serial: serial.contents, issuer: issuer.raw, subject: subject.raw, publicKey: bitString.contents.subarray(1) };
}

/** OCSP CertIDs may also use SHA-1 (RFC 6960's default, still what many clients send); OCPP's enumeration has not. */
export type CertIdHashAlgorithm = HashAlgorithm | 'SHA1';

const NODE_HASH: Record<CertIdHashAlgorithm, string> = { SHA1: 'sha1', SHA256: 'sha256', SHA384: 'sha384', SHA512: 'sha512' };

/**
 * The hash data of a certificate. `issuerPem` is the certificate of its issuer; without it the certificate must be
 * self-signed (a root), and its own key is the issuer key.
 */
export function certificateHashData(certPem: string, hashAlgorithm: HashAlgorithm, issuerPem?: string): CertificateHashData {
  return { ...certificateIdData(certPem, hashAlgorithm, issuerPem), hashAlgorithm };
}

/** The same hash data in any CertID hash algorithm, SHA-1 included (for OCSP). */
export function certificateIdData(certPem: string, hashAlgorithm: CertIdHashAlgorithm, issuerPem?: string): Omit<CertificateHashData, 'hashAlgorithm'> & { hashAlgorithm: CertIdHashAlgorithm } {
  const cert = tbsParts(certPem, 'the certificate');
  const issuer = issuerPem === undefined ? cert : tbsParts(issuerPem, 'the issuer certificate');
  if (issuerPem === undefined && !Buffer.from(cert.issuer).equals(Buffer.from(cert.subject))) {
    throw new PkiError('the certificate is not self-signed; give its issuer certificate to compute the issuer key hash');
  }
  const hash = (data: Uint8Array): string => createHash(NODE_HASH[hashAlgorithm]).update(data).digest('hex');
  const serialHex = Buffer.from(cert.serial).toString('hex').replace(/^0+(?=.)/, '');
  return { hashAlgorithm, issuerNameHash: hash(cert.issuer), issuerKeyHash: hash(issuer.publicKey), serialNumber: serialHex };
}
