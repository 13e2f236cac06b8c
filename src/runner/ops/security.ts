// Operations behind the security steps (block A, SUT = CSMS): connection attempts that misbehave on purpose (wrong
// Basic Auth user or password, old TLS versions, a single cipher suite), the judgement of the CSMS's refusal, the
// checks of its TLS server side, and reconnecting after a BasicAuthPassword change.
import { randomInt, X509Certificate } from 'node:crypto';
import { ExpectationFailed, NotApplicable, PreconditionFailed, ScriptError } from '../../peer/errors.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import type { ConnectOutcome, ConnectTarget } from '../../peer/station-peer.ts';
import type { ClientMisbehaviour } from '../../transport/client.ts';
import type { CsmsContext, ScenarioContext } from '../../states/context.ts';
import { asCsms } from '../roles.ts';

type Json = Record<string, unknown>;

interface Attempt {
  what: string;
  outcome: ConnectOutcome;
}

/** The characters of OCPP's identifierString: letters, digits and *-_=:+|@. */
const IDENTIFIER_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789*-_=:+|@.';

/** A random identifierString of 16 to 40 characters (enough entropy for a password nobody configured). */
function randomPassword(): string {
  const length = randomInt(16, 41);
  let out = '';
  for (let i = 0; i < length; i++) out += IDENTIFIER_CHARS[randomInt(IDENTIFIER_CHARS.length)];
  return out;
}

function needsBasicAuth(c: CsmsContext, what: string): void {
  const sp = c.peer.connectionFacts?.securityProfile ?? securityProfileOf(c);
  if (sp !== 1 && sp !== 2) throw new PreconditionFailed(`${what} needs Basic Auth (security profile 1 or 2); this run uses security profile ${sp}`);
}

function securityProfileOf(c: CsmsContext): number {
  return Number(c.peer.model.find('SecurityCtrlr', 'SecurityProfile')?.value ?? 0);
}

/** One connection attempt with a deliberate misbehaviour of the protocol core; the outcome is judged by a later step. */
async function attempt(c: CsmsContext, what: string, misbehave: ClientMisbehaviour, target?: ConnectTarget): Promise<void> {
  if (c.peer.connected) await c.peer.disconnect();
  c.peer.note(`connection attempt: ${what}`);
  const outcome = await c.peer.tryConnect(misbehave, target);
  c.memory.set('attempt', { what, outcome } satisfies Attempt);
}

export async function connectWithForeignUser(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'connect with a foreign Basic Auth user');
  needsBasicAuth(c, 'a Basic Auth user name check');
  const user = `${c.peer.identity}Invalid`;
  await attempt(c, `Basic Auth user "${user}" instead of the identity "${c.peer.identity}"`, { authUser: user });
}

export async function connectWithRandomPassword(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'connect with a random password');
  needsBasicAuth(c, 'a Basic Auth password check');
  await attempt(c, 'a random Basic Auth password', { authPassword: randomPassword() });
}

const OLD_TLS = { 'TLS 1.0': 'TLSv1', 'TLS 1.1': 'TLSv1.1' } as const;

export async function connectWithOldTls(ctx: ScenarioContext, version: string): Promise<void> {
  const c = asCsms(ctx, 'connect with an old TLS version');
  const offer = OLD_TLS[version as keyof typeof OLD_TLS];
  if (!offer) throw new ScriptError(`"${version}" is not one of ${Object.keys(OLD_TLS).join(', ')}`);
  if (!c.peer.connectionFacts?.tlsVersion && securityProfileOf(c) < 2) throw new PreconditionFailed(`a TLS version check needs TLS (security profile 2 or 3); this run uses security profile ${securityProfileOf(c)}`);
  await attempt(c, `a TLS handshake offering only ${version}`, { offerTlsVersion: offer });
}

/** A connection as configured (Basic Auth with the identity and password, TLS as the profile says), judged by a later step. */
export async function connectAsConfigured(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'connect as configured');
  await attempt(c, 'the configured identity, credentials and TLS settings', {});
}

/** The CSMS accepted the last attempt: the upgraded connection stays open for the next steps. */
export function csmsAcceptedAttempt(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'the CSMS accepts the connection');
  const a = c.memory.get('attempt') as Attempt | undefined;
  if (!a) throw new ScriptError('no connection attempt was made by an earlier step');
  if (a.outcome.ok) {
    c.peer.inbox.advanceCursor();
    return;
  }
  const e = a.outcome.error;
  if (e.kind === 'network' && e.detail !== 'ECONNRESET' && e.detail !== 'EPIPE') throw new PreconditionFailed(`the CSMS could not be reached at all: ${e.message}`);
  throw new ExpectationFailed({ expected: `the CSMS to accept a connection with ${a.what}`, actual: `it refused: ${e.message}`, requirementIds: c.requirementIds });
}

/** The CSMS refused the last deliberate attempt: an HTTP error, a failed TLS handshake, or a dropped connection. */
export async function csmsRefusedAttempt(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'the CSMS refuses the connection');
  const a = c.memory.get('attempt') as Attempt | undefined;
  if (!a) throw new ScriptError('no deliberate connection attempt was made by an earlier step');
  const expected = `the CSMS to refuse a connection with ${a.what}`;
  const o = a.outcome;
  if (o.ok) {
    await c.peer.disconnect();
    const tls = o.facts.tlsVersion ? ` (${o.facts.tlsVersion})` : '';
    throw new ExpectationFailed({ expected, actual: `it accepted the connection${tls} and upgraded it to a WebSocket`, requirementIds: c.requirementIds });
  }
  const e = o.error;
  if (e.kind === 'http-status' && (e.status ?? 0) >= 400) return;
  if (e.kind === 'tls' || e.kind === 'closed') return;
  if (e.kind === 'network' && (e.detail === 'ECONNRESET' || e.detail === 'EPIPE')) return;
  if (e.kind === 'network') throw new PreconditionFailed(`the CSMS could not be reached at all: ${e.message}`);
  throw new ExpectationFailed({ expected, actual: e.message, requirementIds: c.requirementIds });
}

// ----- BasicAuthPassword change --------------------------------------------------------------------------------------

/** <new BasicAuthPassword>: what the operator asks the CSMS to install. */
export function chooseNewPassword(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'choose a new BasicAuthPassword');
  needsBasicAuth(c, 'a BasicAuthPassword change');
  c.memory.set('new BasicAuthPassword', randomPassword());
}

/** The operator asks the CSMS to install a new BasicAuthPassword; the CSMS chooses it (convention helper, no body). */
export function operatorInstallsCsmsChosenPassword(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'the operator makes the CSMS install a new BasicAuthPassword');
  needsBasicAuth(c, 'a BasicAuthPassword change');
  c.peer.inbox.advanceCursor();
  c.peer.note(`operator trigger: make the CSMS install a BasicAuthPassword of its choosing (via ${c.triggers.kind})`);
  c.track('operator trigger update-basic-auth-password', c.triggers.helper('update-basic-auth-password', {}));
}

/** The password the CSMS sent in its SetVariablesRequest (the station stores what it received). */
function sentPassword(c: CsmsContext): string {
  const entry = c.memory.get('request:SetVariables') as InboxEntry | undefined;
  const item = ((entry?.payload.setVariableData as Json[] | undefined) ?? []).find(
    (d) => (d.component as Json | undefined)?.name === 'SecurityCtrlr' && (d.variable as Json | undefined)?.name === 'BasicAuthPassword',
  );
  if (typeof item?.attributeValue !== 'string') throw new ScriptError('an earlier step must have received the SetVariablesRequest for SecurityCtrlr.BasicAuthPassword');
  return item.attributeValue;
}

/** Reconnects with the new (or the old) password; the CSMS must upgrade the connection. */
export async function reconnectWithPassword(ctx: ScenarioContext, which: 'new' | 'old'): Promise<void> {
  const c = asCsms(ctx, 'reconnect with a BasicAuthPassword');
  const password = which === 'new' ? sentPassword(c) : c.peer.endpoint.password;
  await c.peer.disconnect();
  const outcome = await c.peer.tryConnect(undefined, { ...c.peer.endpoint, password });
  // Once the CSMS let the station in with the new password, it expects that one: later cases of the run use it. A
  // CSMS that refused it keeps the old one in force, so later cases keep the old one too (no cascade of refusals).
  if (outcome.ok && which === 'new' && password) c.peer.adoptPassword(password);
  if (!outcome.ok) {
    throw new ExpectationFailed({
      expected: `the CSMS to accept the connection with the ${which} BasicAuthPassword`,
      actual: `it refused: ${outcome.error.message}`,
      requirementIds: c.requirementIds,
    });
  }
  c.peer.inbox.advanceCursor();
}

// ----- TLS server side -------------------------------------------------------------------------------------------------

/** The TLS 1.2 suites OCPP requires, by the key type of the server certificate that can serve them (OpenSSL names). */
const REQUIRED_SUITES: Record<'rsa' | 'ec', Array<[string, string]>> = {
  ec: [
    ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'ECDHE-ECDSA-AES128-GCM-SHA256'],
    ['TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'ECDHE-ECDSA-AES256-GCM-SHA384'],
  ],
  rsa: [
    ['TLS_RSA_WITH_AES_128_GCM_SHA256', 'AES128-GCM-SHA256'],
    ['TLS_RSA_WITH_AES_256_GCM_SHA384', 'AES256-GCM-SHA384'],
  ],
};

function serverCertificate(c: CsmsContext): X509Certificate {
  const facts = c.peer.connectionFacts;
  if (!facts?.tlsVersion) throw new PreconditionFailed('the TLS checks need a TLS connection (security profile 2 or 3)');
  if (!facts.serverCertPem) {
    throw new ExpectationFailed({ expected: 'a server certificate in X.509 format', actual: 'the CSMS presented no certificate the test system could read', requirementIds: c.requirementIds });
  }
  return new X509Certificate(facts.serverCertPem);
}

/** TLS version, certificate key size, serial number and common name of the current connection. */
export function tlsServerSideMeetsRequirements(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'the CSMS TLS server side');
  const cert = serverCertificate(c);
  const facts = c.peer.connectionFacts!;
  const problems: string[] = [];
  if (facts.tlsVersion !== 'TLSv1.2' && facts.tlsVersion !== 'TLSv1.3') problems.push(`TLS version ${facts.tlsVersion ?? 'unknown'} (1.2 or above required)`);
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'dsa') {
    if ((details.modulusLength ?? 0) < 2048) problems.push(`${key.asymmetricKeyType.toUpperCase()} key of ${details.modulusLength ?? '?'} bits (at least 2048 required)`);
  } else if (key.asymmetricKeyType === 'ec') {
    const bits = Number(/(\d{3})/.exec(details.namedCurve ?? '')?.[1] ?? 0);
    if (bits < 224) problems.push(`elliptic curve ${details.namedCurve ?? 'unknown'} (at least 224 bits required)`);
  }
  if (!/^[0-9A-Fa-f]+$/.test(cert.serialNumber)) problems.push('the certificate carries no serial number');
  const host = new URL(facts.url).hostname.replace(/^\[|\]$/g, '');
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1];
  if (cn !== host) problems.push(`subject commonName ${cn === undefined ? 'missing' : `"${cn}"`}, not the server's name "${host}"`);
  if (problems.length > 0) {
    throw new ExpectationFailed({ expected: 'TLS 1.2 or above and a server certificate with a strong key, a serial number and the server name as commonName', actual: problems.join('; '), requirementIds: c.requirementIds });
  }
}

/**
 * Each required TLS 1.2 suite its certificate can serve, offered alone: the handshake must succeed. (The ECDSA suites
 * need an ECDSA certificate and the RSA ones an RSA certificate, so one certificate can only show half of the list.)
 */
export async function requiredCipherSuitesSupported(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'the CSMS cipher suites');
  const cert = serverCertificate(c);
  const suites = cert.publicKey.asymmetricKeyType === 'ec' ? REQUIRED_SUITES.ec : REQUIRED_SUITES.rsa;
  c.peer.note(`the server certificate has a${cert.publicKey.asymmetricKeyType === 'ec' ? 'n EC' : 'n RSA'} key: probing ${suites.map(([name]) => name).join(', ')}`);
  const refused: string[] = [];
  for (const [name, openssl] of suites) {
    await c.peer.disconnect();
    const outcome = await c.peer.tryConnect({ onlyCipherSuite: openssl });
    if (outcome.ok) await c.peer.disconnect();
    else refused.push(`${name} (${outcome.error.message})`);
  }
  if (refused.length > 0) {
    throw new ExpectationFailed({ expected: `TLS 1.2 handshakes with each of ${suites.map(([n]) => n).join(', ')}`, actual: `not supported: ${refused.join('; ')}`, requirementIds: c.requirementIds });
  }
  const outcome = await c.peer.tryConnect();
  if (!outcome.ok) throw new ExpectationFailed({ expected: 'the CSMS to accept the test system again after the cipher-suite probes', actual: outcome.error.message, requirementIds: c.requirementIds });
}

// ----- security profile upgrade (TC_A_19_CSMS) -------------------------------------------------------------------------

/**
 * Part 6 runs the upgrade from security profile 1 or 2. At 2 the station first renews its client certificate with the
 * CSMS (memory state RenewChargingStationCertificate), which it then presents at profile 3.
 */
export async function prepareProfileUpgrade(ctx: ScenarioContext, enterState: (name: string) => Promise<void>): Promise<void> {
  const c = asCsms(ctx, 'prepare a security profile upgrade');
  const sp = securityProfileOf(c);
  if (sp !== 1 && sp !== 2) throw new NotApplicable(`a security profile upgrade starts from profile 1 or 2; this run uses security profile ${sp}`);
  c.memory.set('raised securityProfile', sp + 1);
  if (sp === 2) await enterState('RenewChargingStationCertificate');
}

/** The operator asks the CSMS for the whole upgrade: new network profile, priority list, reset (one helper). */
export function operatorRaisesProfile(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'the operator raises the security profile');
  const raised = c.memory.require('raised securityProfile', 'the upgrade must be prepared by an earlier step') as number;
  // The public trigger convention's body: only the target profile, snake_case; the CSMS chooses slot and endpoint.
  const body = { security_profile: raised };
  c.peer.inbox.advanceCursor();
  c.peer.note(`operator trigger: make the CSMS raise the security profile to ${raised} (via ${c.triggers.kind})`, body);
  c.track('operator trigger set-security-profile', c.triggers.helper('set-security-profile', body));
}

function isPriorityItem(d: Json): boolean {
  return (d.component as Json | undefined)?.name === 'OCPPCommCtrlr' && (d.variable as Json | undefined)?.name === 'NetworkConfigurationPriority';
}

/** The SetVariablesRequest for OCPPCommCtrlr.NetworkConfigurationPriority must list the slot of the new profile. */
export async function priorityListsNewSlot(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'the CSMS sets NetworkConfigurationPriority');
  const profile = c.memory.get('request:SetNetworkProfile') as InboxEntry | undefined;
  if (!profile) throw new ScriptError('an earlier step must have received the SetNetworkProfileRequest');
  const slot = String(profile.payload.configurationSlot);
  const entry = await c.peer.expectRequest('SetVariables', {
    where: (p) => ((p.setVariableData as Json[] | undefined) ?? []).some(isPriorityItem),
    whereText: 'setting OCPPCommCtrlr.NetworkConfigurationPriority',
    requirementIds: c.requirementIds,
  });
  c.memory.set('request:SetVariables', entry);
  const item = ((entry.payload.setVariableData as Json[]) ?? []).find(isPriorityItem);
  const slots = String(item?.attributeValue ?? '').split(',').map((s) => s.trim());
  if (!slots.includes(slot)) {
    throw new ExpectationFailed({
      expected: `OCPPCommCtrlr.NetworkConfigurationPriority listing configuration slot ${slot} of the new network profile`,
      actual: `attributeValue "${String(item?.attributeValue ?? '')}"`,
      frame: entry.frame,
      requirementIds: c.requirementIds,
    });
  }
}

/** The station reboots into the network profile the CSMS set: its URL and security profile. */
export async function reconnectWithNewProfile(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'reconnect with the new network profile');
  const profile = c.memory.get('request:SetNetworkProfile') as InboxEntry | undefined;
  const data = profile?.payload.connectionData as Json | undefined;
  if (!data) throw new ScriptError('an earlier step must have received the SetNetworkProfileRequest');
  const url = String(data.ocppCsmsUrl);
  const securityProfile = Number(data.securityProfile) as 0 | 1 | 2 | 3;
  await c.peer.disconnect();
  c.peer.note(`reconnecting as the new network profile says: ${url} with security profile ${securityProfile}`);
  // The station switches to the profile the CSMS set (carried to later cases); the old one stays known for the check
  // that the CSMS no longer lets it in that way.
  c.memory.set('old endpoint', c.peer.endpoint);
  let outcome: ConnectOutcome;
  try {
    if (!/^wss?:/.test(url) || (securityProfile >= 2) !== url.startsWith('wss:')) throw new Error(`security profile ${securityProfile} cannot be used with ${url}`);
    outcome = await c.peer.tryConnect(undefined, { url, securityProfile, ...(securityProfile === 3 ? { password: null } : {}) });
    // Where the CSMS let the station in, the station stays: later cases of the run connect that way.
    if (outcome.ok) c.peer.adoptNetworkProfile(url, securityProfile);
  } catch (e) {
    // The client refuses a URL that cannot carry the profile (ws: for TLS) before any traffic.
    throw new ExpectationFailed({ expected: 'a network profile the station can connect with', actual: e instanceof Error ? e.message : String(e), requirementIds: c.requirementIds });
  }
  if (!outcome.ok) {
    const e = outcome.error;
    const ready = c.peer.tlsReadiness;
    if (e.kind === 'tls' && !ready.trustAnchor && /VERIFY|SELF_SIGNED|ISSUER/.test(e.detail ?? '')) {
      throw new PreconditionFailed(`no trusted CSMS certificate is installed in the test system (configure certificates), so the TLS connection could not be judged: ${e.message}`);
    }
    if (securityProfile === 3 && !ready.clientCertificate) throw new PreconditionFailed(`the test system has no client certificate for security profile 3: ${e.message}`);
    throw new ExpectationFailed({ expected: `the CSMS to accept the station at security profile ${securityProfile} on ${url}`, actual: `it refused: ${e.message}`, requirementIds: c.requirementIds });
  }
  c.peer.inbox.advanceCursor();
}

/** After the upgrade, a connection as configured before (the old, lower profile), judged by a later step. */
export async function connectWithOldProfile(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'connect with the old security profile');
  const old = c.memory.require('old endpoint', 'an earlier step must have moved the station to the new network profile') as ConnectTarget;
  await attempt(c, `the old security profile after moving to ${String(c.memory.get('raised securityProfile'))}`, {}, old);
}
