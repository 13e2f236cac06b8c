// Why a connection between the SUT and the test system did not come about, in words a bench user can act on. The
// transport already knows (a server refusal in the trace, a TransportError on the client side); these turn it into the
// sentence the verdict carries, instead of a bare "never connected" or "HTTP 401".
import { TransportError } from './errors.ts';

/** Our words for the server's refusal reasons (src/transport/server.ts) where the reason name alone does not help. */
const SERVER_REFUSALS: Record<string, string> = {
  'auth-missing': 'it sent no Basic Auth password (HTTP 401); security profiles 1 and 2 need one: check the station\'s password and "basicAuthPassword" in the run config',
  'auth-malformed': 'its Authorization header was not valid Basic Auth (HTTP 401)',
  'auth-user-mismatch': 'its Basic Auth user name is not its identity (HTTP 401): the user must equal the last URL segment',
  'auth-bad-password': 'it sent a wrong Basic Auth password (HTTP 401): check that "basicAuthPassword" in the run config is the station\'s password',
  'identity-unknown': 'it connected with another identity (HTTP 404): check "sut.stationIdentity" and the last segment of the station\'s CSMS URL',
  'client-cert-cn-mismatch': 'its client certificate names another identity (HTTP 403): the certificate\'s CN must equal the station identity',
  'client-cert-missing': 'it presented no client certificate (HTTP 403), which security profile 3 needs',
  'tls-client-cert-missing': 'it presented no client certificate in the TLS handshake, which security profile 3 needs',
  'tls-client-cert-untrusted': 'its client certificate is not signed by a CA the test system trusts ("certificates.caPem" / "certificates.dir")',
  'tls-peer-alert': 'it ended the TLS handshake with an alert: it probably does not trust the test system\'s server certificate (install the test PKI\'s root on the station)',
  'tls-version-rejected': 'it offered only a TLS version the test system refuses (OCPP needs TLS 1.2 or newer)',
  'tls-no-shared-cipher': 'it shares no TLS cipher suite with the test system',
  'tls-not-tls': 'it spoke plain HTTP/WebSocket to a TLS endpoint: the station\'s URL must start with wss:// at this security profile',
  'no-common-subprotocol': 'it offered no OCPP version the test system speaks (old protocol version?): check the Sec-WebSocket-Protocol the station offers',
};

/** One refusal as the server traced it. */
export interface Refusal {
  reason: string;
  detail?: Record<string, unknown>;
}

/** "the station tried to connect but ..." for the last refusals the server recorded; undefined when there were none. */
export function explainRefusals(refusals: Refusal[]): string | undefined {
  const last = refusals[refusals.length - 1];
  if (!last) return undefined;
  const known = SERVER_REFUSALS[last.reason];
  const message = typeof last.detail?.['message'] === 'string' ? last.detail['message'] : '';
  const hint = typeof last.detail?.['hint'] === 'string' ? last.detail['hint'] : undefined;
  const why =
    known ??
    (last.reason === 'peer-reset' && hint
      ? `it closed the connection during the TLS handshake (${hint}): install the test PKI's root on the station, or check its TLS settings`
      : `it was refused (${last.reason}${message ? `: ${message}` : ''})`);
  const attempts = refusals.length === 1 ? 'once' : `${refusals.length} times`;
  return `the station tried to connect ${attempts} and was refused; the last time ${why}`;
}

/** The client side (the test system connects to a CSMS under test): a TransportError in words with the field to check. */
export function explainConnectFailure(error: unknown): string {
  if (!(error instanceof TransportError)) return error instanceof Error ? error.message : String(error);
  const base = error.message;
  if (error.kind === 'http-status' && error.status === 401) return `${base}: the CSMS refused the Basic Auth password; check "basicAuthPassword" (and "sut.identity", the user name) in the run config`;
  if (error.kind === 'http-status' && error.status === 404) return `${base}: the CSMS does not know this identity or path; check "sut.csmsUrl" and "sut.identity"`;
  if (error.kind === 'subprotocol') return `${base}: the CSMS does not speak the configured OCPP version; check "ocppVersion"`;
  if (error.kind === 'tls') {
    const detail = error.detail ?? '';
    if (/ALTNAME|HOSTNAME|CERT_COMMON_NAME/i.test(detail)) return `${base}: the CSMS's certificate does not name the host of "sut.csmsUrl" (CN/SAN mismatch)`;
    if (/UNABLE_TO_VERIFY|SELF_SIGNED|UNABLE_TO_GET_ISSUER/i.test(detail)) return `${base}: the CSMS's certificate is not signed by "certificates.caPem" (or the test PKI's root)`;
    if (/alert/i.test(base)) return `${base}: the CSMS ended the TLS handshake with an alert (at security profile 3 it may not accept the client certificate)`;
    if (/protocol|version/i.test(`${detail} ${base}`)) return `${base}: no TLS version in common (OCPP needs TLS 1.2 or newer)`;
  }
  if (error.kind === 'network' && /ECONNREFUSED/.test(`${error.detail ?? ''} ${base}`)) return `${base}: nothing listens there; check the host and port of "sut.csmsUrl"`;
  return base;
}
