// The test PKI: roots, CSMS server certificates, station client certificates, V2G / MO / manufacturer chains,
// CSR signing, RSA and ECDSA. Everything public is re-exported from here.
export { PkiError } from './errors.ts';
export { KEY_ALGORITHMS, isKeyAlgorithm } from './keys.ts';
export type { KeyAlgorithm, RsaKeySize } from './keys.ts';
export {
  createRootCa,
  issueCertificate,
  createSelfSigned,
  createCsr,
  signCsr,
  csrKeyAlgorithm,
  describeCertificate,
} from './certificates.ts';
export type {
  CertUsage,
  CsrUsage,
  IssuedCert,
  RootCaOptions,
  CertificateOptions,
  IssueOptions,
  CsrOptions,
  SignCsrOptions,
  SignedCsr,
  CertificateDescription,
} from './certificates.ts';
export { splitPemCertificates } from './pem.ts';
export { initTestPki, loadTestPki, RENEW_BEFORE_DAYS } from './layout.ts';
export { csmsSet } from './layout-shape.ts';
export { readManifest, MANIFEST_FILE } from './manifest.ts';
export type {
  PkiLayout,
  PkiCredential,
  CsmsPkiSet,
  StationInvalidSet,
  InitOptions,
  InitReport,
} from './layout-shape.ts';
export type { Manifest, ManifestEntry, ManifestFile } from './manifest.ts';
export { DEFAULT_ALGORITHMS, DEFAULT_IDENTITIES, DEFAULT_ORGANIZATION, algorithmFolder } from './plan.ts';
export type { PkiConfig, IntendedValidity } from './plan.ts';
export { makeTemporaryPki, removeTemporaryPkis, temporaryPkisMade } from './temporary.ts';
