// Operations behind the client-certificate steps (Part 6 block A, CSMS cases at security profile 3): connection
// attempts with the test PKI's invalid station certificates (unknown issuer, expired, another station's CN), and the
// station side of a certificate renewal the CSMS triggers: a fresh CSR and the check of the chain the CSMS sends back.
import { readFileSync } from 'node:fs';
import { createPublicKey, X509Certificate } from 'node:crypto';
import { ExpectationFailed, PreconditionFailed, ScriptError } from '../../peer/errors.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import { createCsr, csmsSet, loadTestPki, splitPemCertificates } from '../../pki/index.ts';
import type { PkiCredential, PkiLayout, StationInvalidSet } from '../../pki/index.ts';
import type { CsmsContext, ScenarioContext } from '../../states/context.ts';
import { tryLoadRunContext } from '../context.ts';
import { asCsms } from '../roles.ts';
import { connectAsConfigured } from './security.ts';

type Json = Record<string, unknown>;

/** Which invalid certificate of the test PKI an attempt presents. */
const INVALID: Record<string, { pick: keyof StationInvalidSet; what: string }> = {
  unknown: { pick: 'wrongIssuer', what: 'a client certificate from an issuer the CSMS does not trust' },
  expired: { pick: 'expired', what: 'an expired client certificate' },
  'foreign-CN': { pick: 'wrongCommonName', what: "a client certificate whose CN is another station's identity" },
};

const layouts = new Map<string, Promise<PkiLayout>>();

/** The test PKI of the run configuration's certificates.dir, read once per process (reading it takes a while). */
export function runTestPki(what: string): Promise<PkiLayout> {
  const dir = tryLoadRunContext()?.config.certificates.dir;
  if (!dir) throw new PreconditionFailed(`${what} come(s) from the test PKI: set certificates.dir in the run configuration (ocpp-conformance pki init)`);
  let layout = layouts.get(dir);
  if (!layout) {
    layout = loadTestPki(dir);
    layouts.set(dir, layout);
  }
  return layout;
}

interface StationCertificates {
  invalid: StationInvalidSet;
  /** The configured (valid) client certificate, to present again after the invalid attempts. */
  valid: { certPem: string; keyPem: string };
}

/** The test PKI's certificates of this station (the run configuration's certificates.dir). */
async function stationCertificates(c: CsmsContext): Promise<StationCertificates> {
  const layout = await runTestPki('invalid client certificates');
  const certs = tryLoadRunContext()?.config.certificates;
  const algorithm = layout.config.algorithms[0];
  const set = algorithm ? csmsSet(layout, algorithm) : undefined;
  const invalid = set?.invalid.stations[c.peer.identity];
  const own: PkiCredential | undefined = set?.stations[c.peer.identity];
  if (!invalid) throw new PreconditionFailed(`the test PKI in ${layout.dir} has no invalid certificates for identity ${c.peer.identity} (pki init with that identity)`);
  const valid =
    certs?.clientCert && certs.clientKey ? { certPem: readFileSync(certs.clientCert, 'utf8'), keyPem: readFileSync(certs.clientKey, 'utf8') } : own ? { certPem: own.chainPem, keyPem: own.keyPem } : undefined;
  if (!valid) throw new PreconditionFailed(`no client certificate is configured for identity ${c.peer.identity}`);
  return { invalid, valid };
}

/** One connection attempt presenting an invalid client certificate; the configured one is presented again afterwards. */
export async function connectWithInvalidCertificate(ctx: ScenarioContext, kind: string): Promise<void> {
  const c = asCsms(ctx, 'connect with an invalid client certificate');
  const how = INVALID[kind];
  if (!how) throw new ScriptError(`"${kind}" is not one of ${Object.keys(INVALID).join(', ')}`);
  if (!c.peer.tlsReadiness.clientCertificate) throw new PreconditionFailed('a client certificate check needs security profile 3');
  const { invalid, valid } = await stationCertificates(c);
  const bad = invalid[how.pick];
  c.peer.useClientCertificate(bad.chainPem, bad.keyPem);
  try {
    await connectAsConfigured(c);
  } finally {
    c.peer.useClientCertificate(valid.certPem, valid.keyPem);
  }
  const attempt = c.memory.get('attempt') as { what: string } | undefined;
  if (attempt) attempt.what = how.what;
}

// ----- certificate renewal: the station's CSR and the chain the CSMS returns ----------------------------------------

const CSR = 'generated CSR';
const CSR_KEY = 'csr:key';

/** <generated CSR>: a fresh CSR of the station (CN its identity, O its SecurityCtrlr.OrganizationName). */
export async function generateCsr(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'the test system generates a CSR');
  const organization = c.peer.model.find('SecurityCtrlr', 'OrganizationName')?.value;
  const { csrPem, keyPem } = await createCsr({ commonName: c.peer.identity, ...(organization ? { organization } : {}), algorithm: 'ECDSA-P256' });
  c.memory.set(CSR, csrPem);
  c.memory.set(CSR_KEY, keyPem);
}

/** The leaf of the last CertificateSignedRequest is a certificate for the key of <generated CSR>. */
export function chainIsForCsr(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'the CertificateSignedRequest answers the CSR');
  const entry = c.memory.get('request:CertificateSigned') as InboxEntry | undefined;
  if (!entry) throw new ScriptError('no CertificateSignedRequest was received by an earlier step');
  const keyPem = c.memory.require(CSR_KEY, 'no CSR was generated by an earlier step') as string;
  const leafPem = splitPemCertificates(String((entry.payload as Json).certificateChain ?? ''))[0];
  let problem: string | undefined;
  if (!leafPem) problem = 'the certificateChain holds no PEM certificate';
  else {
    try {
      const own = createPublicKey(keyPem).export({ type: 'spki', format: 'der' });
      if (!new X509Certificate(leafPem).publicKey.export({ type: 'spki', format: 'der' }).equals(own)) problem = 'its first certificate is for another key than the one in the CSR';
    } catch (e) {
      problem = `its first certificate cannot be read: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  if (problem) throw new ExpectationFailed({ expected: 'a certificateChain whose first certificate was issued for the CSR the station sent', actual: problem, frame: entry.frame, requirementIds: c.requirementIds });
}
