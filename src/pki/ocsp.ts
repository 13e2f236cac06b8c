// OCSP (RFC 6960) messages as ISO 15118 contract authorization (C07) and GetCertificateStatus (M06) need them: a
// request for one or more CertIDs, a response signed by the issuing CA, and the reading of both. A CertID is OCPP's
// hash data (issuer name hash, issuer key hash, serial number) in one hash algorithm, so the two meet without
// conversion: OCSPRequestDataType is a CertID plus the responder URL.
import { createPrivateKey, sign, verify, X509Certificate } from 'node:crypto';
import { asn1 } from './asn1.ts';
import type { Ocsp } from './asn1.ts';
import type { CertIdHashAlgorithm } from './certificate-hash.ts';
import { PkiError } from './errors.ts';
import { firstPemBlock } from './pem.ts';

export interface CertId {
  hashAlgorithm: CertIdHashAlgorithm;
  /** Lower-case hex. */
  issuerNameHash: string;
  /** Lower-case hex. */
  issuerKeyHash: string;
  /** Lower-case hex without leading zeros (as OCPP writes it). */
  serialNumber: string;
}

export type CertStatus = 'good' | 'revoked' | 'unknown';

export interface SingleStatus {
  certId: CertId;
  status: CertStatus;
  thisUpdate: Date;
  revokedAt?: Date;
}

export interface ParsedOcspResponse {
  /** successful, malformedRequest, internalError, tryLater, sigRequired, unauthorized. */
  responseStatus: string;
  producedAt?: Date;
  responses: SingleStatus[];
  /** The DER the signature covers, the signature and its algorithm (only for a successful basic response). */
  signed?: { tbs: Buffer; signature: Buffer; algorithm: string; certsPem: string[] };
}

const HASH_OID: Record<CertIdHashAlgorithm, string> = {
  SHA1: '1.3.14.3.2.26',
  SHA256: '2.16.840.1.101.3.4.2.1',
  SHA384: '2.16.840.1.101.3.4.2.2',
  SHA512: '2.16.840.1.101.3.4.2.3',
};
const ECDSA_SHA256 = '1.2.840.10045.4.3.2';
const RSA_SHA256 = '1.2.840.113549.1.1.11';

function hex(b: ArrayBuffer | Uint8Array): string {
  return Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex');
}

/** OCPP's serial hex as the contents of a positive DER INTEGER (even length, a leading zero byte when the top bit is set). */
function serialBytes(serialHex: string): ArrayBuffer {
  let h = serialHex.toLowerCase().replace(/^0+(?=.)/, '');
  if (!/^[0-9a-f]+$/.test(h)) throw new PkiError(`serialNumber ${serialHex} is not hexadecimal`);
  if (h.length % 2) h = `0${h}`;
  if (parseInt(h.slice(0, 2), 16) >= 0x80) h = `00${h}`;
  const b = Buffer.from(h, 'hex');
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
}

function toAsnCertId(id: CertId): Ocsp.CertID {
  const { ocsp, schema: { OctetString }, x509: { AlgorithmIdentifier } } = asn1();
  return new ocsp.CertID({
    hashAlgorithm: new AlgorithmIdentifier({ algorithm: HASH_OID[id.hashAlgorithm], parameters: null }),
    issuerNameHash: new OctetString(Buffer.from(id.issuerNameHash, 'hex')),
    issuerKeyHash: new OctetString(Buffer.from(id.issuerKeyHash, 'hex')),
    serialNumber: serialBytes(id.serialNumber),
  });
}

function fromAsnCertId(c: Ocsp.CertID): CertId {
  const alg = (Object.keys(HASH_OID) as CertIdHashAlgorithm[]).find((a) => HASH_OID[a] === c.hashAlgorithm.algorithm);
  if (!alg) throw new PkiError(`the CertID uses hash algorithm ${c.hashAlgorithm.algorithm}, which is none of SHA-1, SHA-256, SHA-384, SHA-512`);
  return {
    hashAlgorithm: alg,
    issuerNameHash: hex(c.issuerNameHash.buffer),
    issuerKeyHash: hex(c.issuerKeyHash.buffer),
    serialNumber: hex(c.serialNumber).replace(/^0+(?=.)/, ''),
  };
}

/** Two CertIDs name the same certificate (same algorithm, hashes and serial; hex case and leading zeros ignored). */
export function sameCertId(a: CertId, b: CertId): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/^0+(?=.)/, '');
  return a.hashAlgorithm === b.hashAlgorithm && norm(a.issuerNameHash) === norm(b.issuerNameHash) && norm(a.issuerKeyHash) === norm(b.issuerKeyHash) && norm(a.serialNumber) === norm(b.serialNumber);
}

export function buildOcspRequest(ids: readonly CertId[]): Buffer {
  const { ocsp, schema: { AsnConvert } } = asn1();
  if (ids.length === 0) throw new PkiError('an OCSP request needs at least one CertID');
  const req = new ocsp.OCSPRequest({ tbsRequest: new ocsp.TBSRequest({ requestList: ids.map((id) => new ocsp.Request({ reqCert: toAsnCertId(id) })) }) });
  return Buffer.from(AsnConvert.serialize(req));
}

/** The CertIDs an OCSP request asks about; throws PkiError for anything that is not an OCSPRequest. */
export function parseOcspRequest(der: Uint8Array): CertId[] {
  const { ocsp, schema: { AsnConvert } } = asn1();
  let req: Ocsp.OCSPRequest;
  try {
    req = AsnConvert.parse(der, ocsp.OCSPRequest);
  } catch (e) {
    throw new PkiError(`not a DER OCSPRequest: ${e instanceof Error ? e.message : String(e)}`);
  }
  return req.tbsRequest.requestList.map((r) => fromAsnCertId(r.reqCert));
}

/** Whole seconds: GeneralizedTime without fractions reads the same everywhere. */
function wholeSeconds(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

export interface OcspAnswer {
  certId: CertId;
  status: CertStatus;
  revokedAt?: Date;
}

/**
 * A successful basic OCSP response for `answers`, signed by `signer` (the CA that issued the certificates, so no
 * delegated responder certificate is needed). thisUpdate is now, nextUpdate an hour later.
 */
export function buildOcspResponse(signer: { certPem: string; keyPem: string }, answers: readonly OcspAnswer[], now = new Date()): Buffer {
  const { ocsp, schema: { AsnConvert, OctetString }, x509: { AlgorithmIdentifier, Certificate, Name } } = asn1();
  const signerCert = AsnConvert.parse(firstPemBlock(signer.certPem, ['CERTIFICATE'], 'the OCSP signer certificate').der, Certificate);
  const at = wholeSeconds(now);
  const responses = answers.map(
    (a) =>
      new ocsp.SingleResponse({
        certID: toAsnCertId(a.certId),
        certStatus:
          a.status === 'good'
            ? new ocsp.CertStatus({ good: null })
            : a.status === 'revoked'
              ? new ocsp.CertStatus({ revoked: new ocsp.RevokedInfo({ revocationTime: wholeSeconds(a.revokedAt ?? new Date(at.getTime() - 86_400_000)) }) })
              : new ocsp.CertStatus({ unknown: null }),
        thisUpdate: at,
        nextUpdate: new Date(at.getTime() + 3_600_000),
      }),
  );
  const data = new ocsp.ResponseData({ responderID: new ocsp.ResponderID({ byName: new Name(signerCert.tbsCertificate.subject) }), producedAt: at, responses });
  const tbs = Buffer.from(AsnConvert.serialize(data));
  const key = createPrivateKey(signer.keyPem);
  const rsa = key.asymmetricKeyType === 'rsa';
  const signature = sign('sha256', tbs, key);
  const basic = new ocsp.BasicOCSPResponse({
    tbsResponseData: data,
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: rsa ? RSA_SHA256 : ECDSA_SHA256, ...(rsa ? { parameters: null } : {}) }),
    signature: signature.buffer.slice(signature.byteOffset, signature.byteOffset + signature.length),
  });
  const response = new ocsp.OCSPResponse({
    responseStatus: ocsp.OCSPResponseStatus.successful,
    responseBytes: new ocsp.ResponseBytes({ responseType: ocsp.id_pkix_ocsp_basic, response: new OctetString(AsnConvert.serialize(basic)) }),
  });
  return Buffer.from(AsnConvert.serialize(response));
}

/** An unsuccessful OCSP response (no body), e.g. unauthorized for a CertID the responder does not serve. */
export function buildOcspError(status: 'malformedRequest' | 'internalError' | 'tryLater' | 'unauthorized'): Buffer {
  const { ocsp, schema: { AsnConvert } } = asn1();
  return Buffer.from(AsnConvert.serialize(new ocsp.OCSPResponse({ responseStatus: ocsp.OCSPResponseStatus[status] })));
}

function statusOf(s: Ocsp.CertStatus): { status: CertStatus; revokedAt?: Date } {
  if (s.revoked) return { status: 'revoked', revokedAt: s.revoked.revocationTime };
  if (s.good !== undefined) return { status: 'good' };
  return { status: 'unknown' };
}

/** Reads an OCSPResponse; throws PkiError for anything that is not one. The signature is checked by verifyOcspResponse. */
export function parseOcspResponse(der: Uint8Array): ParsedOcspResponse {
  const { ocsp, schema: { AsnConvert } } = asn1();
  let res: Ocsp.OCSPResponse;
  try {
    res = AsnConvert.parse(der, ocsp.OCSPResponse);
  } catch (e) {
    throw new PkiError(`not a DER OCSPResponse: ${e instanceof Error ? e.message : String(e)}`);
  }
  const responseStatus = ocsp.OCSPResponseStatus[res.responseStatus] ?? String(res.responseStatus);
  if (res.responseStatus !== ocsp.OCSPResponseStatus.successful) return { responseStatus, responses: [] };
  if (!res.responseBytes) throw new PkiError('a successful OCSPResponse without responseBytes');
  if (res.responseBytes.responseType !== ocsp.id_pkix_ocsp_basic) throw new PkiError(`responseType ${res.responseBytes.responseType} is not id-pkix-ocsp-basic`);
  let basic: Ocsp.BasicOCSPResponse;
  try {
    basic = AsnConvert.parse(res.responseBytes.response.buffer, ocsp.BasicOCSPResponse);
  } catch (e) {
    throw new PkiError(`the BasicOCSPResponse cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const tbs = basic.tbsResponseDataRaw ? Buffer.from(basic.tbsResponseDataRaw) : Buffer.from(AsnConvert.serialize(basic.tbsResponseData));
  const certsPem = (basic.certs ?? []).map((c) => new X509Certificate(Buffer.from(AsnConvert.serialize(c))).toString());
  return {
    responseStatus,
    producedAt: basic.tbsResponseData.producedAt,
    responses: basic.tbsResponseData.responses.map((r) => ({ certId: fromAsnCertId(r.certID), ...statusOf(r.certStatus), thisUpdate: r.thisUpdate })),
    signed: { tbs, signature: Buffer.from(basic.signature), algorithm: basic.signatureAlgorithm.algorithm, certsPem },
  };
}

const DIGEST_OF_SIGNATURE: Record<string, string> = {
  [ECDSA_SHA256]: 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  [RSA_SHA256]: 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};

/**
 * Is the response signed by one of `issuersPem`, or by a responder certificate it carries that one of them issued
 * for OCSP signing (RFC 6960 4.2.2.2)? Returns the problem, or undefined when the signature holds.
 */
export function ocspSignatureProblem(parsed: ParsedOcspResponse, issuersPem: readonly string[]): string | undefined {
  const s = parsed.signed;
  if (!s) return `the response is ${parsed.responseStatus}, it carries no signed data`;
  const digest = DIGEST_OF_SIGNATURE[s.algorithm];
  if (!digest) return `signature algorithm ${s.algorithm} is not supported`;
  const issuers = issuersPem.map((p) => new X509Certificate(p));
  const delegated = s.certsPem.map((p) => new X509Certificate(p)).filter((c) => issuers.some((i) => c.checkIssued(i) && c.verify(i.publicKey)) && (c.keyUsage ?? []).includes('1.3.6.1.5.5.7.3.9'));
  for (const signer of [...issuers, ...delegated]) {
    try {
      if (verify(digest, s.tbs, signer.publicKey, s.signature)) return undefined;
    } catch {
      // a key of another type: try the next signer
    }
  }
  return `the signature is not by the issuing CA (${issuers.map((i) => i.subject.replace(/\n/g, ', ')).join('; ')}) nor by a responder certificate it issued`;
}
