// The shapes the test PKI's certificate operations take and give (certificates.ts): options, issued certificates,
// signed CSRs and the readable description of any certificate.
import type { KeyAlgorithm, RsaKeySize } from './keys.ts';

export type CertUsage = 'server' | 'client' | 'ca' | 'codeSigning' | 'ocsp';
export type CsrUsage = 'server' | 'client' | 'codeSigning';

/** A certificate with its private key, as produced by this module (and accepted back as an issuer). */
export interface IssuedCert {
  certPem: string;
  /** PKCS#8 PEM ("BEGIN PRIVATE KEY"). */
  keyPem: string;
  /** This certificate followed by its intermediates, without the root. For a root it is the root itself. */
  chainPem: string;
  /** RFC 4514-style text, e.g. "CN=CS001, O=Test CPO". */
  subject: string;
  issuer: string;
  /** Lower-case hex. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  algorithm: KeyAlgorithm;
}

export interface RootCaOptions {
  commonName: string;
  organization?: string;
  /** Default ECDSA-P256. */
  algorithm?: KeyAlgorithm;
  rsaKeySize?: RsaKeySize;
  notBefore?: Date;
  notAfter?: Date;
  /** Maximum number of intermediate CAs below this one; no limit when absent. */
  pathLength?: number;
}

export interface CertificateOptions {
  commonName: string;
  organization?: string;
  algorithm?: KeyAlgorithm;
  rsaKeySize?: RsaKeySize;
  usage: CertUsage;
  dnsNames?: string[];
  ipAddresses?: string[];
  notBefore?: Date;
  notAfter?: Date;
  /** Only for usage 'ca'. */
  pathLength?: number;
  /** An OCSP responder URL, written as Authority Information Access (ISO 15118 contract certificates name one). */
  ocspUrl?: string;
}

export interface IssueOptions extends CertificateOptions {
  issuer: IssuedCert;
}

export interface CsrOptions {
  commonName: string;
  organization?: string;
  algorithm?: KeyAlgorithm;
  rsaKeySize?: RsaKeySize;
}

export interface SignCsrOptions {
  issuer: IssuedCert;
  csrPem: string;
  usage: CsrUsage;
  notBefore?: Date;
  notAfter?: Date;
  expectedCommonName?: string;
  expectedOrganization?: string;
}

export interface SignedCsr {
  certPem: string;
  chainPem: string;
  subject: string;
}

export interface CertificateDescription {
  subject: string;
  issuer: string;
  commonName: string | null;
  organization: string | null;
  notBefore: Date;
  notAfter: Date;
  serialNumber: string;
  /** 'unknown' for keys this PKI does not produce (Ed25519, other curves, RSA below 2048 bits). */
  algorithm: KeyAlgorithm | 'unknown';
  isCa: boolean;
  dnsNames: string[];
  ipAddresses: string[];
  /** Colon-separated upper-case hex, as `openssl x509 -fingerprint -sha256` prints it. */
  fingerprintSha256: string;
}
