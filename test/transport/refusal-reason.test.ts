// The transport's reason reaches the verdict: a real server refusal (wrong Basic Auth password, old protocol version,
// unknown identity) and a real client failure (401, nothing listening) become a sentence that names what to check.
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/transport/client.ts';
import { TransportError } from '../../src/transport/errors.ts';
import { explainConnectFailure, explainRefusals } from '../../src/transport/refusal-reason.ts';
import type { Refusal } from '../../src/transport/refusal-reason.ts';
import { startServer } from '../../src/transport/server.ts';
import type { TraceEvent } from '../../src/report/trace-types.ts';
import { CsmsPeer } from '../../src/peer/csms-peer.ts';
import { PreconditionFailed } from '../../src/peer/errors.ts';
import { engineSettings } from '../../src/runner/context.ts';
import { stationSutConfig } from '../../src/runner/simulator-config.ts';

const refusals: Refusal[] = [];
const server = await startServer({
  host: '127.0.0.1',
  port: 0,
  securityProfile: 1,
  subprotocols: ['ocpp2.0.1'],
  isKnownIdentity: (id) => id === 'CS-1',
  checkPassword: (_id, pw) => pw === 'the-right-password-0001',
  trace: { write: (e: TraceEvent) => (e.kind === 'refused' ? refusals.push({ reason: e.reason, ...(e.detail ? { detail: e.detail } : {}) }) : undefined) },
  onConnection: (s) => s.close(1000, 'test'),
});
afterAll(() => server.close());

async function failure(opts: { identity?: string; password?: string; subprotocols?: string[]; url?: string }): Promise<unknown> {
  try {
    const s = await connect({
      url: opts.url ?? server.url,
      identity: opts.identity ?? 'CS-1',
      subprotocols: opts.subprotocols ?? ['ocpp2.0.1'],
      securityProfile: 1,
      password: opts.password ?? 'the-right-password-0001',
      handshakeTimeoutMs: 5000,
    });
    s.close(1000, 'unexpected');
    return undefined;
  } catch (e) {
    return e;
  }
}

describe('a station the test system refused: the verdict says why', () => {
  it.each([
    ['a wrong password', { password: 'not-the-password-0001' }, /the station tried to connect once and was refused; the last time it sent a wrong Basic Auth password \(HTTP 401\): check that "basicAuthPassword"/],
    ['another identity', { identity: 'CS-2' }, /it connected with another identity \(HTTP 404\): check "sut.stationIdentity"/],
    ['an old protocol version only', { subprotocols: ['ocpp1.6'] }, /offered no OCPP version the test system speaks \(old protocol version\?\)/],
  ])('%s', async (_name, opts, expected) => {
    refusals.length = 0;
    await failure(opts);
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    expect(explainRefusals(refusals)).toMatch(expected);
  });

  it('counts the attempts and names the last one; no refusal, no explanation', () => {
    expect(explainRefusals([])).toBeUndefined();
    expect(explainRefusals([{ reason: 'auth-missing' }, { reason: 'something-new', detail: { message: 'odd' } }])).toBe(
      'the station tried to connect 2 times and was refused; the last time it was refused (something-new: odd)',
    );
  });
});

describe('the test system could not connect to a CSMS: the verdict says what to check', () => {
  it('a 401 names basicAuthPassword', async () => {
    const e = await failure({ password: 'not-the-password-0001' });
    expect(e).toBeInstanceOf(TransportError);
    expect(explainConnectFailure(e)).toMatch(/HTTP 401.*: the CSMS refused the Basic Auth password; check "basicAuthPassword"/);
  });

  it('nothing listening names the host and port of sut.csmsUrl', async () => {
    const closed = await startServer({ host: '127.0.0.1', port: 0, securityProfile: 1, subprotocols: ['ocpp2.0.1'], checkPassword: () => true, onConnection: () => undefined });
    const url = closed.url;
    await closed.close();
    const e = await failure({ url });
    expect(explainConnectFailure(e)).toMatch(/nothing listens there; check the host and port of "sut.csmsUrl"/);
  });

  it('an old protocol version names ocppVersion', () => {
    expect(explainConnectFailure(new TransportError('subprotocol', 'no common subprotocol'))).toMatch(/check "ocppVersion"/);
  });
});

describe('the verdict of a case whose station was refused', () => {
  it('names the refusal instead of "never connected" (the harness as CSMS, a station with a wrong password)', async () => {
    const config = stationSutConfig();
    const peer = new CsmsPeer({
      version: '2.0.1',
      trace: { write: () => undefined },
      timing: { expectMs: 2_000, connectMs: 1_500, bootMs: 2_000, reconnectGapMs: 50 },
      host: '127.0.0.1',
      port: 0,
      path: '/ocpp',
      identity: 'CS-9',
      securityProfile: 1,
      password: 'the-right-password-0009',
      settings: engineSettings({ config, engine: config.bench }),
    });
    const url = await peer.start();
    try {
      const waiting = peer.waitForConnection().catch((e: unknown) => e);
      await failure({ url, identity: 'CS-9', password: 'a-wrong-password-0009' });
      const e = await waiting;
      expect(e).toBeInstanceOf(PreconditionFailed);
      expect((e as Error).message).toMatch(/the station tried to connect once and was refused; the last time it sent a wrong Basic Auth password \(HTTP 401\): check that "basicAuthPassword"/);
      expect((e as Error).message).not.toMatch(/never/);
    } finally {
      await peer.stop();
    }
  });
});
