// Security (Part 6 block A): security events (StartupOfTheDevice / ResetOrReboot after a boot, FailedToAuthenticateAtCsms),
// kept while the CSMS cannot be told and delivered once it can (SetNetworkProfile: areas/network-profile.ts).
// This area's named faults and behaviour of the reference station.
import { TransportError, type ClientTlsOptions } from '../../../transport/client.ts';
import type { StationCore } from '../core.ts';
import type { ComponentRef, VariableRef } from '../device-model.ts';
import { nowText, perStation } from '../state.ts';
import type { StationArea } from './types.ts';

export const FAULTS = {
  'security.noStartupEvent': 'No SecurityEventNotification is sent after (re)boot.',
  'security.passwordTruncated': 'After a reboot the station sends its BasicAuthPassword cut to 15 characters.',
  'security.allowDowngrade': 'SetNetworkProfile accepts connection data with a lower security profile than the one in use.',
  'security.acceptShortPassword': 'SetVariables of SecurityCtrlr.BasicAuthPassword answers Accepted for a password under 16 characters (the old one stays in use).',
  'security.acceptInvalidServerCertificate': 'The station connects whatever server certificate the CSMS presents (no chain, validity or name check).',
  'security.acceptOldTls': 'The station accepts TLS 1.0 and 1.1 from the CSMS.',
  'security.noRequiredCipherSuites': 'Over TLS 1.2 the station offers only CBC cipher suites, none of the AES-GCM suites the specification requires.',
  'security.ignoreNewPassword': 'A new BasicAuthPassword is answered Accepted, but the station reconnects with its old one.',
} as const satisfies Record<string, string>;

interface SecurityEvent {
  type: string;
  timestamp: string;
  techInfo?: string;
}

const memory = perStation<StationCore, { pending: SecurityEvent[] }>(() => ({ pending: [] }));

/** SetVariables refused a BasicAuthPassword as too short: whether the station claims to accept it all the same. */
export function acceptsShortPassword(st: StationCore, component: string, variable: string, value: string): boolean {
  return component === 'SecurityCtrlr' && variable === 'BasicAuthPassword' && value.length < 16 && st.faults.has('security.acceptShortPassword');
}

/** SetNetworkProfile asks for a lower security profile than the one in use: whether the station lets it. */
export function allowsDowngrade(st: StationCore): boolean {
  return st.faults.has('security.allowDowngrade');
}

/** TLS 1.2 suites without AES-GCM (the security.noRequiredCipherSuites fault); TLS 1.3 keeps its own suites. */
const CBC_ONLY = 'ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA256:AES128-SHA256';

/** The TLS client options of the next connection: the configured ones, widened or narrowed by this area's faults. */
export function clientTls(st: StationCore): ClientTlsOptions | undefined {
  const tls = st.opts.tls;
  if (!tls) return tls;
  if (st.faults.has('security.acceptOldTls')) return { ...tls, minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' };
  if (st.faults.has('security.noRequiredCipherSuites')) return { ...tls, ciphers: CBC_ONLY };
  return tls;
}

/** Whether the station skips the check of the CSMS's server certificate (a fault; a correct station never does). */
export function skipsServerVerification(st: StationCore): boolean {
  return st.faults.has('security.acceptInvalidServerCertificate');
}

/**
 * A connection attempt failed: a server certificate the station could not verify is InvalidCsmsCertificate, a TLS
 * version below 1.2 InvalidTLSVersion (A00.FR.4xx); both wait for the next connection like every security event.
 */
export function connectionFailed(st: StationCore, e: unknown): void {
  if (!(e instanceof TransportError) || e.kind !== 'tls') return;
  const code = e.detail ?? '';
  const text = `${code} ${e.message}`.toLowerCase();
  if (text.includes('protocol version') || text.includes('unsupported protocol') || code === 'ERR_SSL_UNSUPPORTED_PROTOCOL') {
    recordSecurityEvent(st, 'InvalidTLSVersion', `${st.opts.csmsUrl}: ${e.message}`);
  } else if (/CERT|SELF_SIGNED|UNABLE_TO|ALTNAME|HOSTNAME/.test(code)) {
    recordSecurityEvent(st, 'InvalidCsmsCertificate', `${st.opts.csmsUrl}: ${code}`);
  }
}

/** SecurityCtrlr.BasicAuthPassword was set (SetVariables Accepted): the station reconnects with it (A01). */
function passwordChanged(st: StationCore, component: ComponentRef, variable: VariableRef): void {
  if (component.name !== 'SecurityCtrlr' || variable.name !== 'BasicAuthPassword') return;
  const password = st.dm.value('SecurityCtrlr', 'BasicAuthPassword');
  if (password === '' || password === st.opts.password) return;
  if (!st.faults.has('security.ignoreNewPassword')) st.opts.password = password;
  // After the SetVariablesResponse: the open connection was authenticated with the old password.
  st.afterReply(() => st.conn?.close(1000, 'reconnecting with the new BasicAuthPassword'));
}

export function recordSecurityEvent(st: StationCore, type: string, techInfo?: string): void {
  const ev: SecurityEvent = { type, timestamp: nowText() };
  if (techInfo !== undefined) ev.techInfo = techInfo.slice(0, 255);
  const pending = memory(st).pending;
  pending.push(ev);
  if (pending.length > 50) pending.shift();
}

function flushSecurityEvents(st: StationCore): void {
  if (!st.mayCall('SecurityEventNotification', false)) return;
  for (const ev of memory(st).pending.splice(0)) void st.callSafe('SecurityEventNotification', { ...ev });
}

export const AREA = {
  name: 'security',
  blocks: ['A'],
  faults: FAULTS,
  accepted(st, reason) {
    if (!st.faults.has('security.noStartupEvent')) recordSecurityEvent(st, reason === 'PowerUp' ? 'StartupOfTheDevice' : 'ResetOrReboot', `boot reason ${reason}`);
    flushSecurityEvents(st);
  },
  reconnected: flushSecurityEvents,
  variableChanged: passwordChanged,
  rebooting(st) {
    // A station that stores its password badly comes back from the reboot with another one.
    if (st.faults.has('security.passwordTruncated') && st.opts.password !== undefined) st.opts.password = st.opts.password.slice(0, 15);
  },
} satisfies StationArea;
