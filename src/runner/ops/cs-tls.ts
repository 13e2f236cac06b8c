// The operations behind the station-side TLS steps (SUT = Charging Station, Part 6 TC_A_04/05/06_CS): the test system
// as CSMS serves other TLS parameters on the endpoint the station already uses (only the required cipher suites, an
// invalid server certificate, TLS 1.0/1.1 only), makes the station connect again, and judges what the station does
// with them. The configured parameters come back when the case ends, whatever happened.
import { X509Certificate } from 'node:crypto';
import { ExpectationFailed, PreconditionFailed } from '../../peer/errors.ts';
import { check } from '../../states/context.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { explainRefusals } from '../../transport/refusal-reason.ts';
import type { ServerTlsOptions } from '../../transport/server.ts';
import { asCs } from '../roles.ts';

/** The TLS 1.2 suites the specification requires a station to support, as pairs per server key type (A00.FR.3xx). */
const REQUIRED_SUITES: Record<'ec' | 'rsa', { openssl: string; iana: string[] }> = {
  ec: { openssl: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384', iana: ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384'] },
  rsa: { openssl: 'AES128-GCM-SHA256:AES256-GCM-SHA384', iana: ['TLS_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_256_GCM_SHA384'] },
};

function configured(cs: CsContext): ServerTlsOptions {
  const tls = cs.peer.servedTls;
  if (!tls) throw new PreconditionFailed('this run serves no TLS: security profile 2 or 3 with a server certificate is needed');
  return tls;
}

/** The deadline for the station's own reconnection (its back-off is its own): the run's bound for a SUT coming back. */
function reconnectWithin(cs: CsContext): number {
  return Math.max(cs.peer.timing.connectMs, cs.peer.timing.sutReturnMs ?? 0);
}

/** Serves `tls` from now on; remembers where the station's attempts stood, and puts the configured TLS back at the end. */
function serve(cs: CsContext, tls: ServerTlsOptions, what: string): void {
  cs.cleanUp?.('serve the configured TLS parameters again', () => Promise.resolve(cs.peer.serveTls()));
  cs.memory.set('tls:refusals', cs.peer.refusalsSoFar);
  cs.memory.set('tls:connections', cs.peer.connectionsSoFar);
  cs.memory.set('tls:served', what);
  cs.peer.serveTls(tls);
  cs.peer.note(`the test system now serves ${what}`);
}

/** TC_A_04: TLS 1.2 with only the required pair of suites that fits the configured server certificate's key. */
export function serveRequiredSuitesOnly(ctx: ScenarioContext): void {
  const cs = asCs(ctx, 'serve the required cipher suites only');
  const tls = configured(cs);
  const keyType = new X509Certificate(tls.certPem).publicKey.asymmetricKeyType === 'ec' ? 'ec' : 'rsa';
  const suites = REQUIRED_SUITES[keyType];
  cs.memory.set('tls:required suites', suites.iana);
  serve(cs, { ...tls, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', ciphers: suites.openssl }, `TLS 1.2 with only ${suites.iana.join(' and ')}`);
}

/** TC_A_06: the configured certificate, but TLS 1.0 and 1.1 only (OpenSSL at security level 0 so it may). */
export function serveOldTlsOnly(ctx: ScenarioContext): void {
  const cs = asCs(ctx, 'serve TLS 1.0 and 1.1 only');
  serve(cs, { ...configured(cs), minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' }, 'TLS 1.0 and 1.1 only');
}

/** The configured TLS parameters again (the clean-up does the same, in case the case ends earlier). */
export function serveConfiguredTls(ctx: ScenarioContext): void {
  const cs = asCs(ctx, 'serve the configured TLS parameters');
  cs.peer.serveTls();
  cs.peer.note('the test system serves its configured TLS parameters again');
}

/**
 * The station's next attempt after the test system changed its TLS parameters must end in the TLS handshake: a
 * connection, or a refusal at HTTP level (which comes only after a completed handshake), means it accepted them.
 */
async function refusedAtTls(cs: CsContext, marks: { refusals: number; connections: number }, what: string, within: number): Promise<string> {
  const attempt = await cs.peer.nextAttempt({ ...marks, within });
  if (attempt.kind === 'none') {
    throw new ExpectationFailed({ expected: `a connection attempt of the station within ${(within / 1000).toFixed(1)} s`, actual: 'none came', requirementIds: cs.requirementIds });
  }
  if (attempt.kind === 'connected') {
    const f = cs.peer.connectionFacts;
    throw new ExpectationFailed({
      expected: `the station ends the TLS handshake when the test system serves ${what}`,
      actual: `it connected (${f?.tlsVersion ?? '?'}, ${f?.tlsCipher ?? '?'})`,
      requirementIds: cs.requirementIds,
    });
  }
  const { reason, detail } = attempt.refusal;
  if (typeof detail?.['status'] === 'number') {
    throw new ExpectationFailed({
      expected: `the station ends the TLS handshake when the test system serves ${what}`,
      actual: `it completed the TLS handshake and sent an upgrade request (refused with HTTP ${String(detail['status'])}, ${reason})`,
      requirementIds: cs.requirementIds,
    });
  }
  return `${reason}${typeof detail?.['message'] === 'string' ? `: ${detail['message']}` : ''}`;
}

/** TC_A_06 steps 1-3: the station's attempt under the old TLS version ends in the handshake. */
export async function refusesServedTls(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the station refuses the TLS parameters served');
  const marks = { refusals: Number(cs.memory.get('tls:refusals') ?? 0), connections: Number(cs.memory.get('tls:connections') ?? 0) };
  const what = String(cs.memory.get('tls:served') ?? 'other TLS parameters');
  const why = await refusedAtTls(cs, marks, what, reconnectWithin(cs));
  cs.peer.note(`the station did not connect while the test system served ${what} (${why})`);
}

/** The station connects again after the test system served other TLS parameters (with `suites`: TC_A_04's check of step 2). */
export async function connectsAgain(ctx: ScenarioContext, suites: boolean): Promise<void> {
  const cs = asCs(ctx, 'the station connects again');
  const after = Number(cs.memory.get('tls:connections') ?? cs.peer.connectionsSoFar);
  const served = String(cs.memory.get('tls:served') ?? 'its configured TLS parameters');
  if (!suites) {
    await cs.peer.waitForConnection({ after, within: reconnectWithin(cs), failure: 'expectation', what: `the Charging Station to connect while the test system serves ${served}` });
    return;
  }
  // Only the required suites are served: the station's first attempt decides.
  const within = reconnectWithin(cs);
  const attempt = await cs.peer.nextAttempt({ refusals: Number(cs.memory.get('tls:refusals') ?? 0), connections: after, within });
  if (attempt.kind !== 'connected') {
    throw new ExpectationFailed({
      expected: `a connection of the station within ${(within / 1000).toFixed(1)} s while the test system serves ${served}`,
      actual: attempt.kind === 'none' ? 'no connection attempt came' : (explainRefusals([attempt.refusal]) ?? attempt.refusal.reason),
      requirementIds: cs.requirementIds,
    });
  }
  const f = cs.peer.connectionFacts;
  const required = cs.memory.get('tls:required suites') as string[] | undefined;
  const problems: string[] = [];
  if (f?.tlsVersion !== 'TLSv1.2' && f?.tlsVersion !== 'TLSv1.3') problems.push(`TLS version ${f?.tlsVersion ?? 'unknown'}`);
  if (required && !required.includes(f?.tlsCipher ?? '')) problems.push(`cipher suite ${f?.tlsCipher ?? 'unknown'}`);
  if (problems.length > 0) {
    throw new ExpectationFailed({ expected: `TLS 1.2 or above with ${required?.join(' or ') ?? 'a required cipher suite'}`, actual: problems.join(', '), requirementIds: cs.requirementIds });
  }
  cs.peer.note(`the station connected with ${f?.tlsVersion ?? '?'} and ${f?.tlsCipher ?? '?'}`);
}

/**
 * TC_A_06 steps 14-17: after its boot the station reports the boot (StartupOfTheDevice or ResetOrReboot); an
 * InvalidTLSVersion event is optional (Part 6: a station may not notice why the handshake failed), in any order.
 */
export async function bootEventAndOptionalTlsEvent(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the station reports its boot');
  const boot = cs.memory.get('request:BootNotification') as { seq: number } | undefined;
  const after = boot?.seq ?? cs.peer.inbox.cursor;
  const ev = await cs.peer.expectRequest('SecurityEventNotification', {
    after,
    where: (p) => p.type === 'StartupOfTheDevice' || p.type === 'ResetOrReboot',
    whereText: 'type StartupOfTheDevice or ResetOrReboot',
  });
  check(cs, 'SecurityEventNotificationRequest', ev.payload, [['type', 'one of "StartupOfTheDevice", "ResetOrReboot"']], ev.frame);
  const tls = cs.peer.inbox.entries.find((e) => e.seq > after && e.action === 'SecurityEventNotification' && e.payload.type === 'InvalidTLSVersion');
  cs.peer.note(tls ? 'the station also reported InvalidTLSVersion' : 'no InvalidTLSVersion event (optional in Part 6)');
}

/** TC_A_05 steps 1-3 (errata 2024-11): the test system aborts the connection; the station's reconnection time is noted. */
export async function abortAndMeasureReconnect(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'abort the connection and wait for the reconnection');
  const before = cs.peer.connectionsSoFar;
  const start = Date.now();
  cs.peer.abortConnection();
  await cs.peer.waitForConnection({ after: before, within: reconnectWithin(cs), failure: 'expectation', what: 'the Charging Station to reconnect after the test system aborted the connection' });
  const took = Date.now() - start;
  cs.memory.set('tls:reconnect ms', took);
  cs.peer.note(`the station reconnected ${took} ms after the abort`);
}

/**
 * TC_A_05 steps 4-11, once per invalid server certificate of the test PKI: serve it and abort the connection; the
 * station's next attempt must end in the TLS handshake; with the configured certificate again it reconnects and sends
 * SecurityEventNotification InvalidCsmsCertificate.
 */
export async function refusesEveryInvalidCertificate(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the station refuses every invalid server certificate');
  const tls = configured(cs);
  const invalid = await cs.peer.invalidServerCertificates();
  if (invalid.length === 0) throw new PreconditionFailed('the run has no test PKI with invalid server certificates: set "certificates.dir" (npx ocpp-conformance certs init)');
  cs.cleanUp?.('serve the configured TLS parameters again', () => Promise.resolve(cs.peer.serveTls()));
  // Errata: at least twice the measured reconnection time; never less than the run's own bound.
  const within = Math.max(reconnectWithin(cs), 2 * Number(cs.memory.get('tls:reconnect ms') ?? 0));
  for (const cert of invalid) {
    const what = `a server certificate that is ${cert.kind}`;
    const marks = { refusals: cs.peer.refusalsSoFar, connections: cs.peer.connectionsSoFar };
    cs.peer.serveTls({ ...tls, certPem: cert.certPem, keyPem: cert.keyPem, chainPem: cert.chainPem });
    cs.peer.note(`the test system serves ${what} and aborts the connection`);
    cs.peer.abortConnection();
    const why = await refusedAtTls(cs, marks, what, within);
    cs.peer.note(`the station ended the TLS handshake (${why})`);
    cs.peer.serveTls();
    cs.peer.inbox.advanceCursor();
    await cs.peer.waitForConnection({ after: marks.connections, within, failure: 'expectation', what: 'the Charging Station to reconnect with the configured server certificate' });
    const ev = await cs.peer.expectRequest('SecurityEventNotification', {
      where: (p) => p.type === 'InvalidCsmsCertificate',
      whereText: `type InvalidCsmsCertificate (after ${what})`,
    });
    check(cs, 'SecurityEventNotificationRequest', ev.payload, [['type', '"InvalidCsmsCertificate"']], ev.frame);
  }
}
