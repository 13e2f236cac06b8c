// ISO 15118 certificate status through OCSP (Part 6 TC_C_50/51/52: contract certificates at authorization, use case
// C07; TC_M_24: a station's Sub-CA status, use case M06): this area's named faults and behaviour of the reference CSMS.
//
// Behaviour: an AuthorizeRequest with iso15118CertificateHashData makes the CSMS ask the responder each entry names
// about that certificate; one with a PEM `certificate` (and no hash data) makes it check the chain up to a CA it
// trusts (`contractCas`), build the CertID itself and ask the responder named in the certificate (Authority
// Information Access). Every OCSP answer must be signed by a trusted CA. Good for all: certificateStatus Accepted and
// the token list decides; revoked: CertificateRevoked with idTokenInfo Invalid (C07.FR.16); anything else:
// CertChainError with Invalid. GetCertificateStatus relays the responder's DER answer (base64) as ocspResult.
import { X509Certificate } from 'node:crypto';
import { certificateIdData, type CertIdHashAlgorithm } from '../../../pki/certificate-hash.ts';
import { buildOcspRequest, ocspSignatureProblem, parseOcspResponse, type CertId } from '../../../pki/ocsp.ts';
import { splitPemCertificates } from '../../../pki/pem.ts';
import { fetchOcsp } from '../../../ocsp/client.ts';
import type { HandlerContext } from '../handlers.ts';
import type { CsmsArea } from './types.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'contract.skipOcsp': 'an AuthorizeRequest with contract certificate data is answered from the token list alone (certificateStatus Accepted), without asking any OCSP responder',
  'contract.ignoreRevoked': 'a contract certificate the OCSP responder reports as revoked is accepted (certificateStatus Accepted, idTokenInfo from the token list)',
  'contract.certIdOwnKey': 'for a contract certificate sent in full, the CertID hashes the certificate\'s own public key instead of its issuer\'s',
  'certStatus.omitOcspResult': 'GetCertificateStatus is answered Accepted without ocspResult',
  'certStatus.brokenSignature': 'GetCertificateStatus relays the responder\'s OCSP response with its signature altered (well-formed, signed by nobody)',
} as const satisfies Record<string, string>;

type CertificateStatus = 'Accepted' | 'CertificateRevoked' | 'CertChainError';

const HASH_ALGORITHMS: readonly CertIdHashAlgorithm[] = ['SHA256', 'SHA384', 'SHA512'];

function ocspTimeoutMs(ctx: HandlerContext): number {
  // The station waits for our answer; the responder must answer well within the station's own timeout.
  return Math.min(ctx.opts.timers.callTimeoutMs, 10_000);
}

/**
 * Asks `url` about `certId`; the status it reports, or why none. With `trustedOnly`, only a response signed by a trusted
 * CA counts (authorization decides on it); a relayed answer (GetCertificateStatus) is the station's to judge.
 */
async function askResponder(ctx: HandlerContext, url: string, certId: CertId, trustedOnly: boolean): Promise<{ status: 'good' | 'revoked' | 'unknown'; der: Buffer } | { problem: string }> {
  try {
    const der = await fetchOcsp(url, buildOcspRequest([certId]), ocspTimeoutMs(ctx));
    const parsed = parseOcspResponse(der);
    if (parsed.responseStatus !== 'successful') return { problem: `the responder answered ${parsed.responseStatus}` };
    const signature = trustedOnly ? ocspSignatureProblem(parsed, ctx.opts.contractCas) : undefined;
    if (signature) return { problem: signature };
    const single = parsed.responses.find((r) => r.certId.serialNumber === certId.serialNumber.replace(/^0+(?=.)/, '').toLowerCase());
    return single ? { status: single.status, der } : { problem: 'the response does not name the certificate asked about' };
  } catch (e) {
    return { problem: e instanceof Error ? e.message : String(e) };
  }
}

function asCertId(v: unknown): (CertId & { responderURL: string }) | undefined {
  const o = v !== null && typeof v === 'object' ? (v as Json) : {};
  const alg = String(o.hashAlgorithm ?? '');
  if (!HASH_ALGORITHMS.includes(alg as CertIdHashAlgorithm)) return undefined;
  return { hashAlgorithm: alg as CertIdHashAlgorithm, issuerNameHash: String(o.issuerNameHash ?? ''), issuerKeyHash: String(o.issuerKeyHash ?? ''), serialNumber: String(o.serialNumber ?? ''), responderURL: String(o.responderURL ?? '') };
}

/** The OCSP URI of a certificate's Authority Information Access, if any. */
function responderOf(cert: X509Certificate): string | undefined {
  return /OCSP - URI:(\S+)/.exec(cert.infoAccess ?? '')?.[1];
}

/** The contract certificate sent in full: its CertID and responder, after checking its chain up to a trusted CA. */
function certIdOfChain(ctx: HandlerContext, pem: string): { certId: CertId; url: string } | { problem: string } {
  const chain = splitPemCertificates(pem).map((p) => new X509Certificate(p));
  const trusted = ctx.opts.contractCas.map((p) => new X509Certificate(p));
  const leaf = chain[0];
  if (!leaf) return { problem: 'the certificate field holds no PEM certificate' };
  const pool = [...chain.slice(1), ...trusted];
  let cert = leaf;
  let issuer: X509Certificate | undefined;
  for (let depth = 0; depth < 6; depth++) {
    const up = pool.find((c) => cert.checkIssued(c) && cert.verify(c.publicKey));
    if (!up) return { problem: `no trusted CA issued ${cert.subject.replace(/\n/g, ', ')}` };
    issuer ??= up;
    if (trusted.some((t) => t.raw.equals(up.raw))) break;
    cert = up;
  }
  if (!issuer) return { problem: 'the chain does not end at a trusted CA' };
  const url = responderOf(leaf);
  if (!url) return { problem: 'the contract certificate names no OCSP responder' };
  const ownKey = ctx.opts.faults.has('contract.certIdOwnKey');
  return { certId: certificateIdData(leaf.toString(), 'SHA256', ownKey ? leaf.toString() : issuer.toString()), url };
}

/**
 * The certificateStatus of an AuthorizeRequest that carries contract certificate data; undefined when it carries none
 * (a plain token authorization).
 */
export async function contractCertificateStatus(ctx: HandlerContext, p: Json): Promise<CertificateStatus | undefined> {
  const hashData = Array.isArray(p.iso15118CertificateHashData) ? p.iso15118CertificateHashData : undefined;
  const pem = typeof p.certificate === 'string' ? p.certificate : undefined;
  if (!hashData?.length && !pem) return undefined;
  if (ctx.opts.faults.has('contract.skipOcsp')) return 'Accepted';
  const asks: Array<{ certId: CertId; url: string } | { problem: string }> = hashData?.length
    ? hashData.map((h) => {
        const id = asCertId(h);
        return id ? { certId: id, url: id.responderURL } : { problem: 'an iso15118CertificateHashData entry has no usable hash data' };
      })
    : [certIdOfChain(ctx, pem ?? '')];
  let status: CertificateStatus = 'Accepted';
  for (const ask of asks) {
    const answer = 'problem' in ask ? ask : await askResponder(ctx, ask.url, ask.certId, true);
    ctx.station.note('OCSP', { ...('certId' in ask ? { certId: ask.certId, responderURL: ask.url } : {}), ...('problem' in answer ? { problem: answer.problem } : { status: answer.status }) });
    if ('problem' in answer || answer.status === 'unknown') status = 'CertChainError';
    else if (answer.status === 'revoked' && !ctx.opts.faults.has('contract.ignoreRevoked')) return 'CertificateRevoked';
  }
  return status;
}

/** GetCertificateStatus: the responder's answer about the station's certificate, relayed as it came. */
async function getCertificateStatus(ctx: HandlerContext, p: Json): Promise<Json> {
  const id = asCertId(p.ocspRequestData);
  if (!id) return { status: 'Failed', statusInfo: { reasonCode: 'InvalidHashData' } };
  const answer = await askResponder(ctx, id.responderURL, id, false);
  ctx.station.note('OCSP', { certId: id, responderURL: id.responderURL, ...('problem' in answer ? { problem: answer.problem } : { status: answer.status }) });
  if ('problem' in answer) return { status: 'Failed', statusInfo: { reasonCode: 'ResponderError', additionalInfo: answer.problem.slice(0, 512) } };
  if (ctx.opts.faults.has('certStatus.omitOcspResult')) return { status: 'Accepted' };
  if (ctx.opts.faults.has('certStatus.brokenSignature')) return { status: 'Accepted', ocspResult: brokenSignature(answer.der) };
  return { status: 'Accepted', ocspResult: answer.der.toString('base64') };
}

/** The responder's DER with the last byte of its signature flipped (no certificates follow it): well-formed, signed by nobody. */
function brokenSignature(der: Buffer): string {
  const copy = Buffer.from(der);
  copy[copy.length - 1] = (copy[copy.length - 1] ?? 0) ^ 0xff;
  return copy.toString('base64');
}

export const AREA: CsmsArea = { name: 'contract-certificates', handlers: { GetCertificateStatus: getCertificateStatus } };
