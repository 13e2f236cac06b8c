// Asks an OCSP responder (RFC 6960 appendix A, HTTP POST) and returns its DER answer. Used by the reference CSMS,
// which must check a contract certificate or a station's Sub-CA at the responder the certificate data names.
const MAX_RESPONSE_BYTES = 64 * 1024;

export class OcspFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OcspFetchError';
  }
}

export async function fetchOcsp(responderUrl: string, requestDer: Buffer, timeoutMs: number): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(responderUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' },
      body: requestDer,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw new OcspFetchError(`the OCSP responder ${responderUrl} could not be reached: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!res.ok) throw new OcspFetchError(`the OCSP responder ${responderUrl} answered HTTP ${res.status}`);
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length > MAX_RESPONSE_BYTES) throw new OcspFetchError(`the OCSP response is larger than ${MAX_RESPONSE_BYTES} bytes`);
  return body;
}
