// Certificate authority operations for the test PKI: roots, issued certificates, self-signed certificates, CSRs.
import { randomBytes, X509Certificate as NodeX509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { x509 } from './x509.ts';
import type { CryptoKey, X509 } from './x509.ts';
import { PkiError, describeError } from './errors.ts';
import {
  algorithmParams,
  exportPrivateKeyPem,
  generateKeyPair,
  importPrivateKeyPem,
  publicKeyAlgorithm,
} from './keys.ts';
import type { KeyAlgorithm } from './keys.ts';
import { firstPemBlock, splitPemCertificates, toPem } from './pem.ts';

import type {
  CertificateDescription,
  CertificateOptions,
  CertUsage,
  CsrOptions,
  IssuedCert,
  IssueOptions,
  RootCaOptions,
  SignCsrOptions,
  SignedCsr,
} from './certificate-types.ts';

export type * from './certificate-types.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Certificates start one hour in the past so that small clock differences between hosts do not matter. */
const BACKDATE_MS = HOUR;
const ROOT_LIFETIME_MS = 20 * 365 * DAY;
const LEAF_LIFETIME_MS = 2 * 365 * DAY;
const DEFAULT_ALGORITHM: KeyAlgorithm = 'ECDSA-P256';

// ---------------------------------------------------------------------------------------------------------------------
// public operations

export async function createRootCa(opts: RootCaOptions): Promise<IssuedCert> {
  return createSelfSigned({ ...opts, usage: 'ca' });
}

export async function createSelfSigned(opts: CertificateOptions): Promise<IssuedCert> {
  const algorithm = opts.algorithm ?? DEFAULT_ALGORITHM;
  const name = buildName(opts.commonName, opts.organization);
  const { notBefore, notAfter } = validity(opts);
  checkOptions(opts);
  const keys = await generateKeyPair(algorithm, opts.rsaKeySize);
  const extensions = await buildExtensions(opts, algorithm, keys.publicKey, keys.publicKey);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: newSerialNumber(),
    name,
    notBefore,
    notAfter,
    keys,
    signingAlgorithm: algorithmParams(algorithm).signing,
    extensions,
  });
  return issuedCert(cert, keys.privateKey, algorithm, '');
}

export async function issueCertificate(opts: IssueOptions): Promise<IssuedCert> {
  const signer = await loadIssuer(opts.issuer);
  const algorithm = opts.algorithm ?? opts.issuer.algorithm;
  const name = buildName(opts.commonName, opts.organization);
  const { notBefore, notAfter } = validity(opts);
  checkOptions(opts);
  const keys = await generateKeyPair(algorithm, opts.rsaKeySize);
  const extensions = await buildExtensions(opts, algorithm, keys.publicKey, signer.cert.publicKey);
  const cert = await signWith(signer, { subject: name, publicKey: keys.publicKey, notBefore, notAfter, extensions });
  return issuedCert(cert, keys.privateKey, algorithm, signer.chainBelowRoot);
}

export async function createCsr(opts: CsrOptions): Promise<{ csrPem: string; keyPem: string }> {
  const algorithm = opts.algorithm ?? DEFAULT_ALGORITHM;
  const name = buildName(opts.commonName, opts.organization);
  const keys = await generateKeyPair(algorithm, opts.rsaKeySize);
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name,
    keys,
    signingAlgorithm: algorithmParams(algorithm).signing,
  });
  return { csrPem: toPem(csr.rawData, 'CERTIFICATE REQUEST'), keyPem: await exportPrivateKeyPem(keys.privateKey) };
}

/**
 * Signs a PKCS#10 request the way a CSMS answers a SignCertificateRequest. The subject is taken from the CSR as-is;
 * extensions are ours (usage decides them), except that subject alternative names requested in the CSR are kept.
 */
export async function signCsr(opts: SignCsrOptions): Promise<SignedCsr> {
  const csr = parseCsr(opts.csrPem);
  const algorithm = publicKeyAlgorithm(csr.publicKey.rawData, 'the CSR public key');
  let signatureOk: boolean;
  try {
    signatureOk = await csr.verify();
  } catch (err) {
    throw new PkiError(`the CSR signature cannot be checked (${describeError(err)})`, { cause: err });
  }
  if (!signatureOk) throw new PkiError('the CSR signature is not valid: it was not signed with the key it contains');

  const commonNames = csr.subjectName.getField('CN');
  const organizations = csr.subjectName.getField('O');
  const commonName = commonNames[0];
  if (commonNames.length !== 1 || commonName === undefined || commonName === '') {
    throw new PkiError(`the CSR subject "${csr.subject}" must contain exactly one non-empty CN`);
  }
  if (opts.expectedCommonName !== undefined && commonName !== opts.expectedCommonName) {
    throw new PkiError(`the CSR has CN "${commonName}" but "${opts.expectedCommonName}" is required`);
  }
  if (opts.expectedOrganization !== undefined) {
    const org = organizations[0];
    if (org !== opts.expectedOrganization || organizations.length !== 1) {
      throw new PkiError(
        `the CSR has O ${org === undefined ? '(none)' : `"${organizations.join('", "')}"`} but "${opts.expectedOrganization}" is required`,
      );
    }
  }

  const signer = await loadIssuer(opts.issuer);
  const now = Date.now();
  const notBefore = opts.notBefore ?? new Date(now - BACKDATE_MS);
  let notAfter = opts.notAfter ?? new Date(now + LEAF_LIFETIME_MS);
  // A default lifetime never outlives the issuer; an explicit one is taken as asked (negative tests need that freedom).
  if (opts.notAfter === undefined && notAfter > signer.cert.notAfter) notAfter = signer.cert.notAfter;
  if (notAfter <= notBefore) throw new PkiError('notAfter must be later than notBefore');

  const extensions = await buildExtensions({ usage: opts.usage }, algorithm, csr.publicKey, signer.cert.publicKey);
  const requestedSan = csr.extensions.find((e) => e.type === SAN_OID);
  if (requestedSan) extensions.push(new x509.SubjectAlternativeNameExtension(requestedSan.rawData));

  const cert = await signWith(signer, { subject: csr.subjectName, publicKey: csr.publicKey, notBefore, notAfter, extensions });
  const certPem = certToPem(cert);
  return { certPem, chainPem: certPem + signer.chainBelowRoot, subject: cert.subject };
}

/** The key algorithm of a CSR; PkiError when it is not a readable CSR or uses another algorithm. */
export function csrKeyAlgorithm(csrPem: string): KeyAlgorithm {
  return publicKeyAlgorithm(parseCsr(csrPem).publicKey.rawData, 'the CSR public key');
}

function parseCsr(csrPem: string): X509.Pkcs10CertificateRequest {
  const block = firstPemBlock(csrPem, ['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST'], 'the CSR');
  try {
    const csr = new x509.Pkcs10CertificateRequest(block.der);
    void csr.subject; // force decoding of the lazily parsed parts
    void csr.publicKey;
    return csr;
  } catch (err) {
    throw new PkiError(`the CSR cannot be decoded as PKCS#10 (${describeError(err)})`, { cause: err });
  }
}

export function describeCertificate(pem: string): CertificateDescription {
  const block = firstPemBlock(pem, ['CERTIFICATE'], 'the certificate');
  let cert: X509.X509Certificate;
  let nodeCert: NodeX509Certificate;
  try {
    cert = new x509.X509Certificate(block.der);
    nodeCert = new NodeX509Certificate(block.der);
  } catch (err) {
    throw new PkiError(`the certificate cannot be decoded (${describeError(err)})`, { cause: err });
  }
  let algorithm: KeyAlgorithm | 'unknown';
  try {
    algorithm = publicKeyAlgorithm(cert.publicKey.rawData, 'the certificate key');
  } catch {
    algorithm = 'unknown';
  }
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  const names = san ? san.names.items : [];
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    commonName: cert.subjectName.getField('CN')[0] ?? null,
    organization: cert.subjectName.getField('O')[0] ?? null,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    serialNumber: cert.serialNumber.toLowerCase(),
    algorithm,
    isCa: cert.getExtension(x509.BasicConstraintsExtension)?.ca ?? false,
    dnsNames: names.filter((n) => n.type === 'dns').map((n) => n.value),
    ipAddresses: names.filter((n) => n.type === 'ip').map((n) => n.value),
    fingerprintSha256: nodeCert.fingerprint256,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// internals

const SAN_OID = '2.5.29.17';

interface LoadedIssuer {
  cert: X509.X509Certificate;
  key: CryptoKey;
  algorithm: KeyAlgorithm;
  /** What follows a newly issued certificate in its chain: the issuer's chain, or nothing when the issuer is a root. */
  chainBelowRoot: string;
}

async function loadIssuer(issuer: IssuedCert): Promise<LoadedIssuer> {
  if (issuer === null || typeof issuer !== 'object') throw new PkiError('no issuer given');
  const block = firstPemBlock(issuer.certPem, ['CERTIFICATE'], 'the issuer certificate');
  let cert: X509.X509Certificate;
  try {
    cert = new x509.X509Certificate(block.der);
    void cert.subject;
  } catch (err) {
    throw new PkiError(`the issuer certificate cannot be decoded (${describeError(err)})`, { cause: err });
  }
  const constraints = cert.getExtension(x509.BasicConstraintsExtension);
  if (!constraints?.ca) throw new PkiError(`the issuer "${cert.subject}" is not a CA certificate (basicConstraints cA is not set)`);
  const imported = await importPrivateKeyPem(issuer.keyPem, `the private key of the issuer "${cert.subject}"`);
  if (!Buffer.from(cert.publicKey.rawData).equals(imported.publicSpki)) {
    throw new PkiError(`the private key given for the issuer "${cert.subject}" does not belong to its certificate`);
  }
  const selfSigned = await cert.isSelfSigned();
  let chainBelowRoot = '';
  if (!selfSigned) {
    const chain = issuer.chainPem ? splitPemCertificates(issuer.chainPem) : [];
    chainBelowRoot = (chain.length > 0 ? chain : [block.pem]).join('');
  }
  return { cert, key: imported.signingKey, algorithm: imported.algorithm, chainBelowRoot };
}

/** A new certificate for `subject`, signed by the issuer, with a fresh serial number. */
function signWith(
  signer: LoadedIssuer,
  cert: { subject: X509.JsonName | X509.Name; publicKey: X509.PublicKey | CryptoKey; notBefore: Date; notAfter: Date; extensions: X509.Extension[] },
): Promise<X509.X509Certificate> {
  return x509.X509CertificateGenerator.create({
    serialNumber: newSerialNumber(),
    issuer: signer.cert.subjectName,
    signingKey: signer.key,
    signingAlgorithm: algorithmParams(signer.algorithm).signing,
    ...cert,
  });
}

/** What this module hands out for a certificate it made; `chainBelowRoot` is what follows it in chainPem. */
async function issuedCert(cert: X509.X509Certificate, privateKey: CryptoKey, algorithm: KeyAlgorithm, chainBelowRoot: string): Promise<IssuedCert> {
  const certPem = certToPem(cert);
  return {
    certPem,
    keyPem: await exportPrivateKeyPem(privateKey),
    chainPem: certPem + chainBelowRoot,
    subject: cert.subject,
    issuer: cert.issuer,
    serialNumber: cert.serialNumber.toLowerCase(),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    algorithm,
  };
}

function buildName(commonName: string, organization: string | undefined): X509.JsonName {
  if (typeof commonName !== 'string' || commonName.trim() === '') throw new PkiError('a certificate needs a non-empty commonName');
  if (commonName.length > 64) throw new PkiError(`commonName "${commonName}" is longer than 64 characters`);
  const name: X509.JsonName = [];
  if (organization !== undefined) {
    if (organization.trim() === '') throw new PkiError('organization must not be empty when given');
    if (organization.length > 64) throw new PkiError(`organization "${organization}" is longer than 64 characters`);
    name.push({ O: [organization] });
  }
  name.push({ CN: [commonName] });
  return name;
}

function validity(opts: { usage: CertUsage; notBefore?: Date; notAfter?: Date }): { notBefore: Date; notAfter: Date } {
  const now = Date.now();
  const notBefore = opts.notBefore ?? new Date(now - BACKDATE_MS);
  const lifetime = opts.usage === 'ca' ? ROOT_LIFETIME_MS : LEAF_LIFETIME_MS;
  const notAfter = opts.notAfter ?? new Date(Math.max(now, notBefore.getTime()) + lifetime);
  if (Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime())) throw new PkiError('invalid validity date');
  if (notAfter <= notBefore) throw new PkiError('notAfter must be later than notBefore');
  return { notBefore, notAfter };
}

function checkOptions(opts: CertificateOptions): void {
  for (const ip of opts.ipAddresses ?? []) {
    if (isIP(ip) === 0) throw new PkiError(`"${ip}" is not an IPv4 or IPv6 address`);
  }
  for (const dns of opts.dnsNames ?? []) {
    if (!/^(\*\.)?[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$/.test(dns)) throw new PkiError(`"${dns}" is not a valid DNS name`);
  }
  if (opts.pathLength !== undefined) {
    if (opts.usage !== 'ca') throw new PkiError('pathLength only applies to CA certificates');
    if (!Number.isInteger(opts.pathLength) || opts.pathLength < 0) throw new PkiError('pathLength must be a non-negative integer');
  }
}

/** Positive 127-bit serial: 16 random bytes with the top bit cleared and a non-zero first byte. */
function newSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes.toString('hex');
}

async function buildExtensions(
  opts: { usage: CertUsage; dnsNames?: string[]; ipAddresses?: string[]; pathLength?: number; ocspUrl?: string },
  algorithm: KeyAlgorithm,
  subjectKey: X509.PublicKeyType,
  issuerKey: X509.PublicKeyType,
): Promise<X509.Extension[]> {
  const F = x509.KeyUsageFlags;
  const E = x509.ExtendedKeyUsage;
  const ext: X509.Extension[] = [];
  // RSA keys can carry key transport; EC keys do key agreement. Both sign.
  const tlsUsage = F.digitalSignature | (algorithm === 'RSA' ? F.keyEncipherment : F.keyAgreement);
  switch (opts.usage) {
    case 'ca':
      ext.push(new x509.BasicConstraintsExtension(true, opts.pathLength, true));
      ext.push(new x509.KeyUsagesExtension(F.keyCertSign | F.cRLSign | F.digitalSignature, true));
      break;
    case 'server':
      ext.push(new x509.BasicConstraintsExtension(false, undefined, true));
      ext.push(new x509.KeyUsagesExtension(tlsUsage, true));
      ext.push(new x509.ExtendedKeyUsageExtension([E.serverAuth]));
      break;
    case 'client':
      ext.push(new x509.BasicConstraintsExtension(false, undefined, true));
      ext.push(new x509.KeyUsagesExtension(tlsUsage, true));
      ext.push(new x509.ExtendedKeyUsageExtension([E.clientAuth]));
      break;
    case 'codeSigning':
      ext.push(new x509.BasicConstraintsExtension(false, undefined, true));
      ext.push(new x509.KeyUsagesExtension(F.digitalSignature, true));
      ext.push(new x509.ExtendedKeyUsageExtension([E.codeSigning]));
      break;
    case 'ocsp':
      ext.push(new x509.BasicConstraintsExtension(false, undefined, true));
      ext.push(new x509.KeyUsagesExtension(F.digitalSignature, true));
      ext.push(new x509.ExtendedKeyUsageExtension([E.ocspSigning]));
      break;
  }
  const altNames: X509.JsonGeneralName[] = [
    ...(opts.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(opts.ipAddresses ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  if (altNames.length > 0) ext.push(new x509.SubjectAlternativeNameExtension(altNames));
  if (opts.ocspUrl) ext.push(new x509.AuthorityInfoAccessExtension({ ocsp: [opts.ocspUrl] }));
  ext.push(await x509.SubjectKeyIdentifierExtension.create(subjectKey));
  ext.push(await x509.AuthorityKeyIdentifierExtension.create(issuerKey));
  return ext;
}

function certToPem(cert: X509.X509Certificate): string {
  return toPem(cert.rawData, 'CERTIFICATE');
}
