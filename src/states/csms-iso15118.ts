// ISO 15118 side of the certificate states when the SUT is a CSMS: the test system's station holds a V2G certificate
// chain (its SECC leaf below a CPO Sub-CA below the configured V2G root), and reports it when the CSMS asks for the
// installed V2GCertificateChain (reusable state GetInstalledCertificates for that type).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { issueCertificate, readManifest } from '../pki/index.ts';
import type { IssuedCert, ManifestEntry } from '../pki/index.ts';
import { certificateHashData } from '../pki/certificate-hash.ts';
import type { HashAlgorithm } from '../pki/certificate-hash.ts';
import { check } from './context.ts';
import type { CsmsContext } from './context.ts';
import { configuredCertificate } from './csms-certificates.ts';

type Json = Record<string, unknown>;

interface V2GChain {
  subCa: IssuedCert;
  leaf: IssuedCert;
}

let chain: Promise<V2GChain> | undefined;

/** The station's V2G chain (made on first use, then the same for the whole process). */
export function configuredV2GChain(): Promise<V2GChain> {
  chain ??= (async () => {
    const root = await configuredCertificate('V2GRootCertificate');
    const subCa = await issueCertificate({ issuer: root, commonName: 'Conformance CPO Sub-CA', organization: 'OCPP Conformance Test System', usage: 'ca', pathLength: 0 });
    const leaf = await issueCertificate({ issuer: subCa, commonName: 'Conformance SECC', organization: 'OCPP Conformance Test System', usage: 'server' });
    return { subCa, leaf };
  })();
  return chain;
}

/** The GetInstalledCertificateIdsResponse for the V2G chain: the leaf's hash data, the Sub-CA's as its child. */
export async function installedV2GChainAnswer(hashAlgorithm: HashAlgorithm = 'SHA256'): Promise<Json> {
  const { subCa, leaf } = await configuredV2GChain();
  const root = await configuredCertificate('V2GRootCertificate');
  return {
    status: 'Accepted',
    certificateHashDataChain: [
      {
        certificateType: 'V2GCertificateChain',
        certificateHashData: certificateHashData(leaf.certPem, hashAlgorithm, subCa.certPem),
        childCertificateHashData: [certificateHashData(subCa.certPem, hashAlgorithm, root.certPem)],
      },
    ],
  };
}

/**
 * GetInstalledCertificates for V2GCertificateChain: the operator asks the CSMS for the installed V2G chain; its
 * GetInstalledCertificateIdsRequest must ask for exactly that type; the test system reports its chain.
 */
export async function getInstalledV2GChain(ctx: CsmsContext): Promise<void> {
  const answer = await installedV2GChainAnswer();
  ctx.peer.armReply('GetInstalledCertificateIds', () => ({ payload: answer }));
  const payload = { certificateType: ['V2GCertificateChain'] };
  ctx.peer.inbox.advanceCursor();
  ctx.peer.note(`operator trigger: make the CSMS send GetInstalledCertificateIdsRequest (via ${ctx.triggers.kind})`, payload);
  ctx.track('operator trigger GetInstalledCertificateIds', ctx.triggers.send('GetInstalledCertificateIds', payload));
  const entry = await ctx.peer.expectRequest('GetInstalledCertificateIds');
  ctx.memory.set('request:GetInstalledCertificateIds', entry);
  check(ctx, 'GetInstalledCertificateIdsRequest', entry.payload, [['certificateType', '["V2GCertificateChain"]']], entry.frame);
  ctx.reached.add('GetInstalledCertificates');
}

let contract: Promise<IssuedCert> | undefined;

/** The customer's contract certificate (issued by the configured MO root; made once per process). */
export function configuredContractCertificate(): Promise<IssuedCert> {
  contract ??= (async () =>
    issueCertificate({ issuer: await configuredCertificate('MORootCertificate'), commonName: 'Conformance Contract EMAID', organization: 'OCPP Conformance Test System', usage: 'client' }))();
  return contract;
}

/** <customer certificate hash data>: the hash data (SHA256) of the customer's contract certificate. */
export async function customerCertificateHashData(): Promise<Json> {
  const root = await configuredCertificate('MORootCertificate');
  return { ...certificateHashData((await configuredContractCertificate()).certPem, 'SHA256', root.certPem) };
}

/** The CA that issues contract certificates for the OCSP cases, and the CA certificates a CSMS must trust for them. */
export interface ContractCa {
  issuer: IssuedCert;
  /** PEM: the issuer and every CA above it, root included. */
  cas: string[];
}

const MO_CHAIN_IDS = ['v2g/mo-root-ca', 'v2g/mo-sub-ca1', 'v2g/mo-sub-ca2'];
const contractCas = new Map<string, Promise<ContractCa>>();

/** One CA of the test PKI as an issuer, read from its manifest entry (cheaper than loading the whole PKI). */
async function issuerFromManifest(dir: string, entry: ManifestEntry): Promise<IssuedCert | undefined> {
  const file = (role: string): string | undefined => entry.files.find((f) => f.role === role)?.path;
  const [cert, key, chain] = [file('cert'), file('key'), file('chain')];
  if (!cert || !key) return undefined;
  const certPem = await readFile(join(dir, cert), 'utf8');
  return {
    certPem,
    keyPem: await readFile(join(dir, key), 'utf8'),
    chainPem: chain ? await readFile(join(dir, chain), 'utf8') : certPem,
    subject: entry.subject,
    issuer: entry.issuer,
    serialNumber: entry.serialNumber,
    notBefore: new Date(entry.notBefore),
    notAfter: new Date(entry.notAfter),
    algorithm: entry.algorithm,
  };
}

/**
 * The MO chain of the test PKI in `dir` (its Sub-CA2 issues, as it signs the PKI's own contract certificate), so a real
 * CSMS that has the test PKI's MO root installed trusts the contract certificates of these cases. Without a test PKI,
 * the configured MORootCertificate issues them directly. Made once per directory and process.
 */
export function contractCa(dir: string | null): Promise<ContractCa> {
  const key = dir ?? '';
  let found = contractCas.get(key);
  if (!found) {
    found = (async (): Promise<ContractCa> => {
      const manifest = dir ? await readManifest(dir) : null;
      const chain = dir && manifest ? await Promise.all(MO_CHAIN_IDS.map(async (id) => { const e = manifest.entries.find((x) => x.id === id && !x.stale); return e ? await issuerFromManifest(dir, e) : undefined; })) : [];
      const [root, sub1, sub2] = chain;
      if (root && sub1 && sub2) return { issuer: sub2, cas: [root.certPem, sub1.certPem, sub2.certPem] };
      const own = await configuredCertificate('MORootCertificate');
      return { issuer: own, cas: [own.certPem] };
    })();
    contractCas.set(key, found);
  }
  return found;
}
