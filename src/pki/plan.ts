// What the test PKI contains: one plan item per certificate, in issuing order (every issuer before what it signs).
// initTestPki makes the plan come true on disk; loadTestPki reads it back into a typed layout.
import { isIP } from 'node:net';
import { PkiError } from './errors.ts';
import type { CertUsage } from './certificates.ts';
import type { KeyAlgorithm } from './keys.ts';
import { KEY_ALGORITHMS } from './keys.ts';

/** What state a certificate is meant to be in: usable, or deliberately outside its validity period. */
export type IntendedValidity = 'valid' | 'expired' | 'notYetValid';

export interface PkiConfig {
  organization: string;
  identities: string[];
  serverNames: string[];
  algorithms: KeyAlgorithm[];
}

export interface PlanItem {
  /** Path of the files relative to the PKI directory, without the ".cert.pem" / ".key.pem" / ".chain.pem" suffix. */
  id: string;
  purpose: string;
  /** A root signs itself and gets no chain file; everything else has a chain file (leaf + intermediates). */
  kind: 'root' | 'issued' | 'selfSigned';
  issuerId?: string;
  algorithm: KeyAlgorithm;
  usage: CertUsage;
  commonName: string;
  organization?: string;
  dnsNames?: string[];
  ipAddresses?: string[];
  pathLength?: number;
  validity: IntendedValidity;
  /** Lifetime class, to pick dates: roots and sub-CAs live long, leaves two years. */
  lifetime: 'root' | 'subCa' | 'leaf';
}

export const DEFAULT_ORGANIZATION = 'OCPP Conformance Test CPO';
export const DEFAULT_IDENTITIES = ['CS001'];
export const DEFAULT_ALGORITHMS: KeyAlgorithm[] = ['RSA', 'ECDSA-P256'];
/** ISO 15118-2 certificates are ECDSA on secp256r1 only; the manufacturer chain uses the same. */
const V2G_ALGORITHM: KeyAlgorithm = 'ECDSA-P256';
/** A sample contract identifier (EMAID-like) for the contract certificate. */
const SAMPLE_EMAID = 'NLTSTC000000001';

export function algorithmFolder(algorithm: KeyAlgorithm): string {
  switch (algorithm) {
    case 'RSA':
      return 'rsa';
    case 'ECDSA-P256':
      return 'ecdsa';
    case 'ECDSA-P384':
      return 'ecdsa-p384';
  }
}

// OCPP identities are short strings from a restricted character set; they also become file names here.
const IDENTITY_RE = /^[A-Za-z0-9*\-_=:+|@][A-Za-z0-9*\-_=:+|@.]{0,47}$/;
const DNS_RE = /^(\*\.)?[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;

/** Checks and normalises a configuration; PkiError with the offending value otherwise. */
export function normaliseConfig(input: Partial<PkiConfig>): PkiConfig {
  const organization = input.organization ?? DEFAULT_ORGANIZATION;
  if (organization.trim() === '' || organization.length > 64) {
    throw new PkiError(`organization "${organization}" must be 1 to 64 characters`);
  }
  const identities = unique(input.identities && input.identities.length > 0 ? input.identities : DEFAULT_IDENTITIES);
  for (const id of identities) {
    if (!IDENTITY_RE.test(id)) {
      throw new PkiError(
        `station identity "${id}" is not usable: 1 to 48 characters from A-Z a-z 0-9 * - _ = : + | @ . (not starting with ".")`,
      );
    }
  }
  const serverNames = unique(input.serverNames ?? []);
  for (const name of serverNames) {
    if (isIP(name) === 0 && !DNS_RE.test(name)) throw new PkiError(`server name "${name}" is neither a DNS name nor an IP address`);
  }
  const algorithms = unique(input.algorithms && input.algorithms.length > 0 ? input.algorithms : DEFAULT_ALGORITHMS);
  for (const a of algorithms) {
    if (!KEY_ALGORITHMS.includes(a)) throw new PkiError(`unknown key algorithm "${String(a)}"; use one of ${KEY_ALGORITHMS.join(', ')}`);
  }
  return { organization, identities, serverNames, algorithms };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

// Ids, shared by the planner and the layout builder.
export const ids = {
  csmsRoot: (f: string) => `${f}/csms-root-ca`,
  csmsServer: (f: string) => `${f}/csms-server`,
  station: (f: string, id: string) => `${f}/stations/${id}`,
  unrelatedRoot: (f: string) => `${f}/invalid/unrelated-root-ca`,
  serverExpired: (f: string) => `${f}/invalid/csms-server-expired`,
  serverNotYetValid: (f: string) => `${f}/invalid/csms-server-not-yet-valid`,
  serverWrongIssuer: (f: string) => `${f}/invalid/csms-server-wrong-issuer`,
  serverSelfSigned: (f: string) => `${f}/invalid/csms-server-self-signed`,
  stationExpired: (f: string, id: string) => `${f}/invalid/stations/${id}-expired`,
  stationWrongIssuer: (f: string, id: string) => `${f}/invalid/stations/${id}-wrong-issuer`,
  stationWrongCn: (f: string, id: string) => `${f}/invalid/stations/${id}-wrong-cn`,
  v2gRoot: 'v2g/v2g-root-ca',
  cpoSubCa1: 'v2g/cpo-sub-ca1',
  cpoSubCa2: 'v2g/cpo-sub-ca2',
  secc: (id: string) => `v2g/secc/${id}`,
  moRoot: 'v2g/mo-root-ca',
  moSubCa1: 'v2g/mo-sub-ca1',
  moSubCa2: 'v2g/mo-sub-ca2',
  contract: 'v2g/contract',
  manufacturerRoot: 'manufacturer/manufacturer-root-ca',
  firmwareSigning: 'manufacturer/firmware-signing',
};

export function buildPlan(config: PkiConfig): PlanItem[] {
  const org = config.organization;
  const items: PlanItem[] = [];
  const dnsNames = unique(['localhost', ...config.serverNames.filter((n) => isIP(n) === 0)]);
  const ipAddresses = unique(['127.0.0.1', '::1', ...config.serverNames.filter((n) => isIP(n) !== 0)]);
  const serverCn = config.serverNames[0] ?? 'localhost';

  for (const algorithm of config.algorithms) {
    const f = algorithmFolder(algorithm);
    const root = ids.csmsRoot(f);
    const unrelated = ids.unrelatedRoot(f);
    const server = { usage: 'server' as const, commonName: serverCn, organization: org, dnsNames, ipAddresses, algorithm };
    items.push(
      { id: root, kind: 'root', usage: 'ca', algorithm, commonName: `CSMS Root CA ${f.toUpperCase()}`, organization: org, validity: 'valid', lifetime: 'root', purpose: `CSMS root CA (${algorithm}); install on stations as CSMSRootCertificate; also signs station certificates` },
      { id: ids.csmsServer(f), kind: 'issued', issuerId: root, ...server, validity: 'valid', lifetime: 'leaf', purpose: `CSMS TLS server certificate (${algorithm}) for security profiles 2 and 3` },
    );
    for (const id of config.identities) {
      items.push({ id: ids.station(f, id), kind: 'issued', issuerId: root, usage: 'client', algorithm, commonName: id, organization: org, validity: 'valid', lifetime: 'leaf', purpose: `station "${id}" TLS client certificate (${algorithm}) for security profile 3` });
    }
    items.push(
      { id: unrelated, kind: 'root', usage: 'ca', algorithm, commonName: `Unrelated Root CA ${f.toUpperCase()}`, organization: 'Unrelated Test Authority', validity: 'valid', lifetime: 'root', purpose: `negative: a root nobody trusts (${algorithm}); issues the wrong-issuer certificates` },
      { id: ids.serverExpired(f), kind: 'issued', issuerId: root, ...server, validity: 'expired', lifetime: 'leaf', purpose: `negative: CSMS server certificate that has expired (${algorithm})` },
      { id: ids.serverNotYetValid(f), kind: 'issued', issuerId: root, ...server, validity: 'notYetValid', lifetime: 'leaf', purpose: `negative: CSMS server certificate that is not valid yet (${algorithm})` },
      { id: ids.serverWrongIssuer(f), kind: 'issued', issuerId: unrelated, ...server, validity: 'valid', lifetime: 'leaf', purpose: `negative: CSMS server certificate from an unrelated root (${algorithm})` },
      { id: ids.serverSelfSigned(f), kind: 'selfSigned', ...server, validity: 'valid', lifetime: 'leaf', purpose: `negative: self-signed CSMS server certificate (${algorithm})` },
    );
    config.identities.forEach((id, i) => {
      const other = config.identities.length > 1 ? (config.identities[(i + 1) % config.identities.length] ?? id) : `NOT-${id}`.slice(0, 48);
      const station = { usage: 'client' as const, algorithm, commonName: id, organization: org, lifetime: 'leaf' as const };
      items.push(
        { id: ids.stationExpired(f, id), kind: 'issued', issuerId: root, ...station, validity: 'expired', purpose: `negative: expired client certificate of station "${id}" (${algorithm})` },
        { id: ids.stationWrongIssuer(f, id), kind: 'issued', issuerId: unrelated, ...station, validity: 'valid', purpose: `negative: client certificate of station "${id}" from an unrelated root (${algorithm})` },
        { id: ids.stationWrongCn(f, id), kind: 'issued', issuerId: root, ...station, commonName: other, validity: 'valid', purpose: `negative: client certificate for station "${id}" whose CN is "${other}" (${algorithm})` },
      );
    });
  }

  const v2g = { algorithm: V2G_ALGORITHM, organization: org, validity: 'valid' as const };
  items.push(
    { id: ids.v2gRoot, kind: 'root', usage: 'ca', ...v2g, commonName: 'V2G Root CA', pathLength: 2, lifetime: 'root', purpose: 'ISO 15118 V2G root CA (install as V2GRootCertificate)' },
    { id: ids.cpoSubCa1, kind: 'issued', issuerId: ids.v2gRoot, usage: 'ca', ...v2g, commonName: 'CPO Sub-CA1', pathLength: 1, lifetime: 'subCa', purpose: 'ISO 15118 CPO Sub-CA1, issued by the V2G root' },
    { id: ids.cpoSubCa2, kind: 'issued', issuerId: ids.cpoSubCa1, usage: 'ca', ...v2g, commonName: 'CPO Sub-CA2', pathLength: 0, lifetime: 'subCa', purpose: 'ISO 15118 CPO Sub-CA2, issued by CPO Sub-CA1; signs SECC certificates' },
  );
  for (const id of config.identities) {
    items.push({ id: ids.secc(id), kind: 'issued', issuerId: ids.cpoSubCa2, usage: 'server', ...v2g, commonName: id, lifetime: 'leaf', purpose: `ISO 15118 SECC certificate of station "${id}" (V2GCertificate), chain up to CPO Sub-CA1` });
  }
  items.push(
    { id: ids.moRoot, kind: 'root', usage: 'ca', ...v2g, organization: 'Test Mobility Operator', commonName: 'MO Root CA', pathLength: 2, lifetime: 'root', purpose: 'ISO 15118 mobility operator root CA (install as MORootCertificate)' },
    { id: ids.moSubCa1, kind: 'issued', issuerId: ids.moRoot, usage: 'ca', ...v2g, organization: 'Test Mobility Operator', commonName: 'MO Sub-CA1', pathLength: 1, lifetime: 'subCa', purpose: 'ISO 15118 MO Sub-CA1, issued by the MO root' },
    { id: ids.moSubCa2, kind: 'issued', issuerId: ids.moSubCa1, usage: 'ca', ...v2g, organization: 'Test Mobility Operator', commonName: 'MO Sub-CA2', pathLength: 0, lifetime: 'subCa', purpose: 'ISO 15118 MO Sub-CA2, issued by MO Sub-CA1; signs contract certificates' },
    { id: ids.contract, kind: 'issued', issuerId: ids.moSubCa2, usage: 'client', ...v2g, organization: 'Test Mobility Operator', commonName: SAMPLE_EMAID, lifetime: 'leaf', purpose: `ISO 15118 contract certificate for the sample EMAID ${SAMPLE_EMAID}` },
    { id: ids.manufacturerRoot, kind: 'root', usage: 'ca', ...v2g, organization: 'Test Manufacturer', commonName: 'Manufacturer Root CA', lifetime: 'root', purpose: 'manufacturer root CA (install as ManufacturerRootCertificate)' },
    { id: ids.firmwareSigning, kind: 'issued', issuerId: ids.manufacturerRoot, usage: 'codeSigning', ...v2g, organization: 'Test Manufacturer', commonName: 'Firmware Signing', lifetime: 'leaf', purpose: 'firmware signing certificate for signed firmware updates (SignedUpdateFirmware)' },
  );
  return items;
}

export interface PlanFiles {
  cert: string;
  key: string;
  /** Absent for roots: their chain is the certificate itself. */
  chain?: string;
}

/** Relative file paths of a plan item. */
export function planFiles(item: Pick<PlanItem, 'id' | 'kind'>): PlanFiles {
  return {
    cert: `${item.id}.cert.pem`,
    key: `${item.id}.key.pem`,
    ...(item.kind === 'root' ? {} : { chain: `${item.id}.chain.pem` }),
  };
}
