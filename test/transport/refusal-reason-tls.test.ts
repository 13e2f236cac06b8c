// TLS reasons in words, from real handshakes: a station that does not trust our server certificate, a station
// certificate naming another identity (SP3), and on the client side a CSMS certificate for another host or from an
// untrusted CA.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/transport/client.ts';
import { explainConnectFailure, explainRefusals } from '../../src/transport/refusal-reason.ts';
import type { Refusal } from '../../src/transport/refusal-reason.ts';
import { startServer } from '../../src/transport/server.ts';
import type { RunningServer } from '../../src/transport/server.ts';
import type { TraceEvent } from '../../src/report/trace-types.ts';
import { hierarchy, stationCert } from './fixtures.ts';
import type { Hierarchy } from './fixtures.ts';

const PASSWORD = 'tls-password-0123456789';
let rsa: Hierarchy;
let wrong: Hierarchy;
const running: RunningServer[] = [];
beforeAll(async () => {
  rsa = await hierarchy('RSA', 'Refusal RSA');
  wrong = await hierarchy('RSA', 'Refusal Wrong');
}, 60_000);
afterAll(async () => {
  for (const s of running) await s.close();
});

async function server(securityProfile: 2 | 3): Promise<{ url: string; refusals: Refusal[] }> {
  const refusals: Refusal[] = [];
  const srv = await startServer({
    host: '127.0.0.1',
    port: 0,
    securityProfile,
    subprotocols: ['ocpp2.0.1'],
    isKnownIdentity: (id) => id === 'CS-T',
    checkPassword: (_id, pw) => pw === PASSWORD,
    tls: { certPem: rsa.server.certPem, keyPem: rsa.server.keyPem, chainPem: rsa.server.chainPem, ...(securityProfile === 3 ? { caPem: rsa.root.certPem } : {}) },
    trace: { write: (e: TraceEvent) => (e.kind === 'refused' ? refusals.push({ reason: e.reason, ...(e.detail ? { detail: e.detail } : {}) }) : undefined) },
    onConnection: (s) => s.close(1000, 'test'),
  });
  running.push(srv);
  return { url: srv.url, refusals };
}

async function failure(p: Promise<{ close(code: number, reason: string): void }>): Promise<unknown> {
  try {
    (await p).close(1000, 'unexpected');
    return undefined;
  } catch (e) {
    return e;
  }
}

describe('TLS reasons', () => {
  it('a station that does not trust our server certificate: the verdict says to install the root', async () => {
    const { url, refusals } = await server(2);
    await failure(connect({ url, identity: 'CS-T', subprotocols: ['ocpp2.0.1'], securityProfile: 2, password: PASSWORD, tls: { caPem: wrong.root.certPem } }));
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    expect(explainRefusals(refusals)).toMatch(/closed the connection during the TLS handshake .*install the test PKI's root on the station/);
  });

  it('SP3: a station certificate naming another identity is a CN mismatch', async () => {
    const { url, refusals } = await server(3);
    const other = await stationCert(rsa.root, 'CS-OTHER', 'RSA');
    await failure(connect({ url, identity: 'CS-T', subprotocols: ['ocpp2.0.1'], securityProfile: 3, tls: { caPem: rsa.root.certPem, certPem: other.certPem, keyPem: other.keyPem } }));
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    expect(explainRefusals(refusals)).toMatch(/its client certificate names another identity \(HTTP 403\): the certificate's CN must equal the station identity/);
  });

  it('the CSMS certificate names another host (CN/SAN mismatch), or comes from an untrusted CA', async () => {
    const { url } = await server(2);
    const base = { url, identity: 'CS-T', subprotocols: ['ocpp2.0.1'], securityProfile: 2 as const, password: PASSWORD };
    expect(explainConnectFailure(await failure(connect({ ...base, tls: { caPem: rsa.root.certPem, servername: 'other.example' } })))).toMatch(/does not name the host of "sut.csmsUrl" \(CN\/SAN mismatch\)/);
    expect(explainConnectFailure(await failure(connect({ ...base, tls: { caPem: wrong.root.certPem } })))).toMatch(/not signed by "certificates.caPem"/);
  });
});
