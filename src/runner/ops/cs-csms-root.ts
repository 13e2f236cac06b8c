// Operations of the CSMS root change cases (Part 6 TC_M_01/09/30/31_CS, use case M05 with AdditionalRootCertificateCheck).
// A station with that check installs a new CSMS root only when the root it uses signed it, so over TLS the test
// system's "configured CSMSRootCertificate" is a CA certificate issued by the run's CSMS root (made once per process
// and root; without the run root's key, as with a lab's own CA, it stays the self-signed configured root). For the
// reconnect cases the test system's listener serves a server certificate issued by that new root.
import { X509Certificate } from 'node:crypto';
import { ExpectationFailed, PreconditionFailed } from '../../peer/errors.ts';
import { certificateHashData } from '../../pki/certificate-hash.ts';
import { describeCertificate, issueCertificate } from '../../pki/index.ts';
import type { IssuedCert } from '../../pki/index.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { configuredCertificate } from '../../states/csms-certificates.ts';
import type { RootType } from '../../states/csms-certificates.ts';
import { asCs } from '../roles.ts';
import type { Frame } from '../../rpc/types.ts';

type Json = Record<string, unknown>;

const newRoots = new Map<string, Promise<IssuedCert>>();

/** The run's CSMS root with its key, when the test PKI has it. */
function runRoot(cs: CsContext): IssuedCert | undefined {
  return cs.csmsTls?.caIssuer;
}

/** <configured new CSMS Root certificate 2>: a CA certificate issued by the run's CSMS root. */
function newCsmsRoot(issuer: IssuedCert): Promise<IssuedCert> {
  let r = newRoots.get(issuer.certPem);
  if (!r) {
    r = issueCertificate({ issuer, usage: 'ca', commonName: 'Conformance CSMS Root 2', organization: 'OCPP Conformance Test System' });
    newRoots.set(issuer.certPem, r);
  }
  return r;
}

/** The configured certificate of a root type as the station-side cases install it (see the head of this file). */
export async function stationConfiguredRoot(cs: CsContext, type: RootType): Promise<IssuedCert> {
  const issuer = runRoot(cs);
  return type === 'CSMSRootCertificate' && issuer ? await newCsmsRoot(issuer) : await configuredCertificate(type);
}

/** The issuer of a certificate the test system made under the run's CSMS root (hash data need the issuer's key); else undefined. */
export function issuerPemOf(cs: CsContext, pem: string): string | undefined {
  const issuer = runRoot(cs);
  if (!issuer) return undefined;
  const cert = new X509Certificate(pem);
  const root = new X509Certificate(issuer.certPem);
  return cert.fingerprint256 !== root.fingerprint256 && cert.checkIssued(root) && cert.verify(root.publicKey) ? issuer.certPem : undefined;
}

function needRunRoot(cs: CsContext, what: string): IssuedCert {
  const issuer = runRoot(cs);
  if (!issuer || !cs.csmsTls) throw new PreconditionFailed(`${what} needs the private key of the CSMS root the station trusts (certificates.dir with the test PKI, over security profile 2 or 3)`);
  return issuer;
}

/** TC_M_09_CS: <configured CSMSRootCertificate> not signed by the old one: the test system's own self-signed CSMS root. */
export async function rootNotSignedByOld(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'a CSMS root the old one did not sign');
  needRunRoot(cs, 'a CSMS root that the old one did not sign');
  const pem = (await configuredCertificate('CSMSRootCertificate')).certPem;
  cs.memory.set('CSMS root not signed by the old one', pem);
  // Should the station install it after all, it is taken off again when the case ends.
  cs.cleanUp?.('delete the unsigned CSMS root if it was installed', () => cs.peer.callAndAwait('DeleteCertificate', { certificateHashData: { ...certificateHashData(pem, 'SHA256') } }));
}

/**
 * TC_M_30_CS step 3: from now on the listener serves a server certificate issued by the new CSMS root (sent with the
 * new root after it), for the same names as the run's server certificate. When the case ends without the station
 * having dropped its old root, the run's own server certificate is served again.
 */
export async function serveNewRootChain(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'serve a server certificate of the new CSMS root');
  needRunRoot(cs, 'a server certificate signed by the new CSMS root');
  const tls = cs.csmsTls!;
  const root = await stationConfiguredRoot(cs, 'CSMSRootCertificate');
  const now = describeCertificate(tls.serverCertPem);
  const server = await issueCertificate({ issuer: root, usage: 'server', commonName: now.commonName ?? 'Conformance CSMS', organization: 'OCPP Conformance Test System', dnsNames: now.dnsNames, ipAddresses: now.ipAddresses });
  cs.peer.replaceServerCertificate({ certPem: server.certPem, keyPem: server.keyPem, chainPem: root.certPem });
  cs.cleanUp?.('serve the run\'s own server certificate again unless the station now trusts only the new CSMS root', () => {
    if (!cs.memory.has('the station uses only the new CSMS root')) serveRunCertificate(cs);
    return Promise.resolve();
  });
}

function serveRunCertificate(cs: CsContext): void {
  const tls = cs.csmsTls!;
  cs.peer.replaceServerCertificate({ certPem: tls.serverCertPem, keyPem: tls.serverKeyPem });
}

/** TC_M_31_CS step 3: the listener serves the run's server certificate, issued by the old CSMS root. */
export function serveOldRootChain(ctx: ScenarioContext): void {
  const cs = asCs(ctx, 'serve the server certificate of the old CSMS root');
  needRunRoot(cs, 'the fallback case');
  serveRunCertificate(cs);
}

/** The station's CSMSRootCertificate entries, and whether one is the run's (old) CSMS root. */
async function oldRootEntries(cs: CsContext): Promise<{ payload: Json; frame: Frame; roots: Json[]; old: Json[] }> {
  const oldPem = cs.csmsTls?.caPem;
  if (!oldPem) throw new PreconditionFailed('the old CSMS root is the one the station trusts for its TLS connection: this case needs security profile 2 or 3');
  const outcome = await cs.peer.callAndAwait('GetInstalledCertificateIds', { certificateType: ['CSMSRootCertificate'] }, cs.requirementIds);
  const payload = outcome.payload as Json;
  const roots = ((payload.certificateHashDataChain as Json[] | undefined) ?? []).filter((e) => e.certificateType === 'CSMSRootCertificate');
  const serial = (v: unknown): string => String(v).toLowerCase().replace(/^0+/, '');
  const old = roots.filter((e) => {
    const h = e.certificateHashData as Json;
    const want = certificateHashData(oldPem, ['SHA256', 'SHA384', 'SHA512'].includes(String(h.hashAlgorithm)) ? (h.hashAlgorithm as 'SHA256') : 'SHA256');
    return String(h.issuerNameHash).toLowerCase() === want.issuerNameHash.toLowerCase() && String(h.issuerKeyHash).toLowerCase() === want.issuerKeyHash.toLowerCase() && serial(h.serialNumber) === serial(want.serialNumber);
  });
  return { payload, frame: outcome.frame, roots, old };
}

function listed(roots: Json[]): string {
  return roots.map((e) => `serial ${String((e.certificateHashData as Json).serialNumber)}`).join(', ') || 'no CSMSRootCertificate';
}

/** TC_M_09_CS step 4: Accepted, exactly one CSMSRootCertificate, the old one. */
export async function onlyOldRootListed(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'only the old CSMS root is installed');
  const { payload, frame, roots, old } = await oldRootEntries(cs);
  if (payload.status !== 'Accepted' || roots.length !== 1 || old.length !== 1) {
    throw new ExpectationFailed({ expected: `GetInstalledCertificateIdsResponse Accepted with exactly one CSMSRootCertificate, the old one (serial ${new X509Certificate(cs.csmsTls!.caPem).serialNumber.toLowerCase()})`, actual: `status ${String(payload.status)}, listed: ${listed(roots)}`, frame, requirementIds: cs.requirementIds });
  }
}

/** TC_M_31_CS step 8 (`present`) and TC_M_30_CS step 7 (not present): Accepted, with or without the old CSMS root. */
export async function oldRootListed(ctx: ScenarioContext, present: boolean): Promise<void> {
  const cs = asCs(ctx, present ? 'the old CSMS root is kept' : 'the old CSMS root is gone');
  const { payload, frame, roots, old } = await oldRootEntries(cs);
  if (payload.status !== 'Accepted' || (old.length > 0) !== present) {
    throw new ExpectationFailed({ expected: `GetInstalledCertificateIdsResponse Accepted ${present ? 'listing' : 'no longer listing'} the old CSMS root (serial ${new X509Certificate(cs.csmsTls!.caPem).serialNumber.toLowerCase()})`, actual: `status ${String(payload.status)}, listed: ${listed(roots)}`, frame, requirementIds: cs.requirementIds });
  }
  // The station now trusts only the new root: the case leaves it installed and the listener keeps its chain.
  if (!present) cs.memory.set('the station uses only the new CSMS root', true);
}
