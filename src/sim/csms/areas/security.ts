// Security (Part 6 block A): Basic Auth, TLS, password and security-profile changes: this area's named faults and behaviour of the reference CSMS.
import type { ServerTlsOptions } from '../../../transport/server.ts';
import type { CsmsFaultSet } from '../faults.ts';
import type { StationRecord } from '../state.ts';
import type { CsmsArea } from './types.ts';
import { perStation } from '../json.ts';

export const FAULTS = {
  'security.ignoreBasicAuthUser': 'Basic Auth checks only the password, not that the user name equals the station identity',
  'security.keepOldPasswordAfterChange': 'after a station accepted a new BasicAuthPassword the CSMS still expects the old one',
  'security.acceptOldTls': 'the TLS server also accepts TLS 1.0 and 1.1 handshakes',
  'security.noGcmCipherSuites': 'for TLS 1.2 the TLS server offers only CBC cipher suites, none of the AES-GCM suites OCPP requires',
  'security.keepAcceptingOldProfile': 'after a station moved to a higher security profile, the CSMS still accepts it at the old, lower one',
  'security.acceptAnyClientCert': 'security profile 3 asks for a client certificate but accepts any (unknown issuer, expired) or none',
  'security.triggerWrongCertificate':
    'an outgoing TriggerMessage for a certificate renewal asks for the other kind (SignChargingStationCertificate <-> SignV2GCertificate; SignCombinedCertificate -> SignChargingStationCertificate)',
  'security.chainWithoutLeaf': 'an outgoing CertificateSigned carries the certificate chain without its first (leaf) certificate',
} as const satisfies Record<string, string>;

const OTHER_RENEWAL: Record<string, string> = {
  SignChargingStationCertificate: 'SignV2GCertificate',
  SignV2GCertificate: 'SignChargingStationCertificate',
  SignCombinedCertificate: 'SignChargingStationCertificate',
};

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\r?\n?/;

function outgoing(faults: CsmsFaultSet, action: string, p: Record<string, unknown>): void {
  if (action === 'TriggerMessage' && faults.has('security.triggerWrongCertificate')) p.requestedMessage = OTHER_RENEWAL[String(p.requestedMessage)] ?? p.requestedMessage;
  if (action === 'CertificateSigned' && faults.has('security.chainWithoutLeaf') && typeof p.certificateChain === 'string') p.certificateChain = p.certificateChain.replace(PEM_BLOCK, '');
}

/** TLS settings of the CSMS's listener that the transport faults change (the simulator applies them where it configures its transport). */
export function transportTlsFaults(faults: CsmsFaultSet): Partial<ServerTlsOptions> {
  const out: Partial<ServerTlsOptions> = {};
  // OpenSSL refuses TLS 1.0/1.1 at its default security level, so the old versions also need level 0.
  if (faults.has('security.acceptOldTls')) Object.assign(out, { minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' });
  // TLS 1.3 suites are not governed by this list, so a normal connection still works; only TLS 1.2 loses GCM.
  if (faults.has('security.noGcmCipherSuites')) out.ciphers = 'ECDHE-RSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA256:AES128-SHA256:AES256-SHA256';
  return out;
}

/** Per station: whether the CSMS asked for a combined certificate (TriggerMessage SignCombinedCertificate, accepted) and has not had its CSR yet. */
export const combinedCertificateRequested = perStation<StationRecord, { pending: boolean }>(() => ({ pending: false }));

function learn(station: StationRecord, action: string, request: Record<string, unknown>, response: Record<string, unknown>): void {
  if (action === 'TriggerMessage' && request.requestedMessage === 'SignCombinedCertificate' && response.status === 'Accepted') combinedCertificateRequested(station).pending = true;
}

export const AREA: CsmsArea = { name: 'security', outgoing, learn };
