// Operations behind the OCSP steps of the CSMS cases (TC_C_50/51/52 contract certificates, TC_M_24 certificate
// status): the test system's OCSP service for the case, the certificates it answers for, and the checks that the CSMS
// asked it and relayed its answer.
import { ExpectationFailed, PreconditionFailed, ScriptError } from '../../peer/errors.ts';
import { issueCertificate, type IssuedCert } from '../../pki/index.ts';
import { certificateHashData, certificateIdData } from '../../pki/certificate-hash.ts';
import { ocspSignatureProblem, parseOcspResponse, sameCertId, type CertId } from '../../pki/ocsp.ts';
import { startOcspResponder, type KnownCertificate, type OcspRequestRecord, type OcspResponder } from '../../ocsp/responder.ts';
import type { CsmsContext, ScenarioContext } from '../../states/context.ts';
import { configuredCertificate } from '../../states/csms-certificates.ts';
import { energyTransferStarted } from '../../states/csms.ts';
import { configuredV2GChain, contractCa } from '../../states/csms-iso15118.ts';
import { tryLoadRunContext } from '../context.ts';
import { publicHostOf } from './public-host.ts';
import { asCsms } from '../roles.ts';

type Json = Record<string, unknown>;

/** A certificate the case's OCSP service answers for. */
interface Subject {
  /** How the explanations name it. */
  label: string;
  certPem: string;
  issuerPem: string;
  responder: OcspResponder;
}

const CERT_ID_ALGORITHMS = ['SHA1', 'SHA256', 'SHA384', 'SHA512'] as const;

/** <configured eMAID>: the first valid idToken of type eMAID (the CN of the contract certificate, errata 2024-11). */
function configuredEmaid(ctx: CsmsContext): string {
  const t = ctx.settings.idTokens.valid.find((v) => v.type === 'eMAID');
  if (!t) throw new PreconditionFailed('this case needs an idTokens.valid entry of type eMAID in the run configuration: the eMAID the CSMS knows as valid (it becomes the CN of the contract certificate)');
  return t.idToken;
}

/** Where the service listens and the URL the CSMS is given (the simulators: 127.0.0.1, any port). */
function serviceAddress(): { host: string; port: number; publicUrl?: string } {
  const config = tryLoadRunContext()?.config;
  if (!config || config.actions.kind === 'simulator') return { host: '127.0.0.1', port: 0 };
  const o = config.ocspService;
  // With port 0 the URL is completed once the service listens ({port}).
  return { host: o.host, port: o.port, publicUrl: `http://${publicHostOf(o.publicHost, o.host)}:{port}/ocsp` };
}

/** The case's OCSP service, started once per scenario and stopped when it ends; each request goes to the trace. */
async function startService(c: CsmsContext, known: KnownCertificate[]): Promise<OcspResponder> {
  if (c.memory.has('ocsp subject')) throw new ScriptError('the OCSP service of this scenario is already set up');
  const responder = await startOcspResponder({
    ...serviceAddress(),
    certificates: known,
    onRequest: (r) => c.peer.note(`OCSP service: ${r.method} request about ${r.certIds.length} certificate(s)`, { certIds: r.certIds, answered: r.answered, ...(r.problem ? { problem: r.problem } : {}) }),
  });
  c.cleanUp?.('stop the OCSP service', () => responder.close());
  c.peer.note(`the test system's OCSP service listens at ${responder.url}`);
  return responder;
}

/** OCPP's OCSPRequestDataType of a certificate: its SHA256 hash data plus the responder URL. */
function ocspRequestData(s: Subject): Json {
  return { ...certificateHashData(s.certPem, 'SHA256', s.issuerPem), responderURL: s.responder.url };
}

function subjectOf(c: CsmsContext): Subject {
  return c.memory.require('ocsp subject', 'no step set up the OCSP service') as Subject;
}

/**
 * The OCSP service answers `status` (good or revoked) for a new contract certificate: CN the configured eMAID, issued
 * by the contract CA, the service named as its OCSP responder. Remembers <configured eMAID>, <contract certificate OCSP
 * data> (for iso15118CertificateHashData) and <contract certificate chain> (for certificate).
 */
export async function contractCertificateReported(ctx: ScenarioContext, status: string): Promise<void> {
  const c = asCsms(ctx, 'the OCSP service reports the contract certificate');
  if (status !== 'good' && status !== 'revoked') throw new ScriptError(`the OCSP service reports good or revoked, not ${status}`);
  const eMaid = configuredEmaid(c);
  const ca = await contractCa(tryLoadRunContext()?.config.certificates.dir ?? null);
  const known: KnownCertificate[] = [];
  const responder = await startService(c, known);
  // The certificate names the service's URL, so it can only be made once the service listens.
  const cert: IssuedCert = await issueCertificate({ issuer: ca.issuer, commonName: eMaid, organization: 'OCPP Conformance Test System', usage: 'client', ocspUrl: responder.url });
  known.push({ certPem: cert.certPem, issuer: ca.issuer, status });
  const subject: Subject = { label: `the contract certificate (CN ${eMaid}, serial ${cert.serialNumber})`, certPem: cert.certPem, issuerPem: ca.issuer.certPem, responder };
  c.memory.set('ocsp subject', subject);
  c.memory.set('configured eMAID', eMaid);
  c.memory.set('contract certificate OCSP data', [ocspRequestData(subject)]);
  c.memory.set('contract certificate chain', cert.chainPem);
}

/** The OCSP service answers good for the station's V2G Sub-CA; remembers <V2G Sub-CA OCSP data> (ocspRequestData). */
export async function v2gSubCaReported(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'the OCSP service reports the V2G Sub-CA');
  const { subCa } = await configuredV2GChain();
  const root = await configuredCertificate('V2GRootCertificate');
  const responder = await startService(c, [{ certPem: subCa.certPem, issuer: root, status: 'good' }]);
  const subject: Subject = { label: `the V2G Sub-CA (serial ${subCa.serialNumber})`, certPem: subCa.certPem, issuerPem: root.certPem, responder };
  c.memory.set('ocsp subject', subject);
  c.memory.set('V2G Sub-CA OCSP data', ocspRequestData(subject));
}

function names(s: Subject, id: CertId): boolean {
  return CERT_ID_ALGORITHMS.some((alg) => alg === id.hashAlgorithm && sameCertId(certificateIdData(s.certPem, alg, s.issuerPem), id));
}

function describeRequests(s: Subject, records: readonly OcspRequestRecord[]): string {
  if (records.length === 0) return 'no OCSP request arrived at all';
  const own = (alg: CertId['hashAlgorithm']): CertId => certificateIdData(s.certPem, alg, s.issuerPem);
  const what = (id: CertId): string => {
    const want = own(id.hashAlgorithm);
    const wrong = (['issuerNameHash', 'issuerKeyHash', 'serialNumber'] as const).filter((k) => !sameCertId({ ...want, [k]: id[k] }, want));
    return `serial ${id.serialNumber} (${id.hashAlgorithm}${wrong.length ? `; ${wrong.join(' and ')} not that of the certificate` : ''})`;
  };
  return records.map((r) => (r.problem ? `a request it could not read (${r.problem})` : `a request about ${r.certIds.map(what).join(', ')}`)).join('; ');
}

/** The CSMS sent the case's OCSP service a readable request naming the certificate (any CertID hash algorithm). */
export async function csmsAskedService(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'the CSMS asks the OCSP service');
  const s = subjectOf(c);
  // The CSMS asks before it answers the AuthorizeRequest; the answer's own deadline bounds the wait.
  const withinMs = c.peer.timing.expectMs;
  try {
    await s.responder.waitForRequest((r) => r.certIds.some((id) => names(s, id)), withinMs);
  } catch {
    throw new ExpectationFailed({
      expected: `an OCSP request about ${s.label} at the test system's OCSP service ${s.responder.url} within ${(withinMs / 1000).toFixed(1)} s`,
      actual: describeRequests(s, s.responder.requests),
      requirementIds: c.requirementIds,
    });
  }
}

/** ocspResult of the last GetCertificateStatusResponse is the service's signed answer "good" about the certificate. */
export function ocspResultFromService(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'the ocspResult is the OCSP service answer');
  const s = subjectOf(c);
  const answer = c.memory.require('answer:GetCertificateStatus', 'no GetCertificateStatusResponse was received by an earlier step') as Json;
  const fail = (actual: string): never => {
    throw new ExpectationFailed({ expected: `ocspResult: the DER OCSPResponse (base64) of the test system's OCSP service saying good about ${s.label}, signed by its issuer`, actual, requirementIds: c.requirementIds });
  };
  const b64 = answer.ocspResult;
  if (typeof b64 !== 'string' || b64 === '') return fail('ocspResult is absent');
  let parsed;
  try {
    parsed = parseOcspResponse(Buffer.from(b64, 'base64'));
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  if (parsed.responseStatus !== 'successful') return fail(`an OCSPResponse with responseStatus ${parsed.responseStatus}`);
  const single = parsed.responses.find((r) => names(s, r.certId));
  if (!single) return fail(`an OCSPResponse about other certificates (serials ${parsed.responses.map((r) => r.certId.serialNumber).join(', ') || 'none'})`);
  if (single.status !== 'good') return fail(`an OCSPResponse saying ${single.status}`);
  const problem = ocspSignatureProblem(parsed, [s.issuerPem]);
  if (problem) return fail(problem);
}

/**
 * EnergyTransferStarted after the case authorized the transaction itself (AuthorizeRequest and TransactionEvent
 * Authorized with the eMAID): the state's own Authorized part would authorize again with another token.
 */
export async function energyTransferAfterContractAuthorization(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'EnergyTransferStarted after the contract authorization');
  c.reached.add('Authorized');
  await energyTransferStarted(c);
}
