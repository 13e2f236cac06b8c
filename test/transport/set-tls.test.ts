// setTls on a running TLS server: new connections get the new certificate / TLS versions, and a client that ends the
// handshake is traced as a refusal (what the station-side TLS cases wait for).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRootCa, createSelfSigned, issueCertificate, type IssuedCert } from '../../src/pki/index.ts';
import type { TraceEvent } from '../../src/report/trace-types.ts';
import { connect } from '../../src/transport/client.ts';
import { startServer, type RunningServer } from '../../src/transport/server.ts';

const PASSWORD = 'set-tls-password-0123';
let root: IssuedCert;
let server: IssuedCert;
let stranger: IssuedCert;
let running: RunningServer | undefined;

beforeAll(async () => {
  root = await createRootCa({ commonName: 'setTls Test Root' });
  server = await issueCertificate({ issuer: root, commonName: 'csms.test', usage: 'server', ipAddresses: ['127.0.0.1'] });
  stranger = await createSelfSigned({ commonName: 'csms.test', usage: 'server', ipAddresses: ['127.0.0.1'] });
});

afterEach(async () => {
  await running?.close();
  running = undefined;
});

const client = (url: string) => connect({ url, identity: 'CS1', subprotocols: ['ocpp2.0.1'], securityProfile: 2, password: PASSWORD, tls: { caPem: root.certPem }, handshakeTimeoutMs: 3000 });

describe('setTls', () => {
  it('serves another certificate and TLS version to new connections, and back', async () => {
    const events: TraceEvent[] = [];
    running = await startServer({
      securityProfile: 2,
      subprotocols: ['ocpp2.0.1'],
      checkPassword: (_id, pw) => pw === PASSWORD,
      tls: { certPem: server.certPem, keyPem: server.keyPem },
      trace: { write: (e) => events.push(e) },
      onConnection: () => undefined,
    });
    const first = await client(running.url);
    first.close();
    running.setTls({ certPem: stranger.certPem, keyPem: stranger.keyPem });
    await expect(client(running.url)).rejects.toMatchObject({ kind: 'tls', detail: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    running.setTls({ certPem: server.certPem, keyPem: server.keyPem, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' });
    await expect(client(running.url)).rejects.toMatchObject({ kind: 'tls' });
    running.setTls({ certPem: server.certPem, keyPem: server.keyPem });
    const again = await client(running.url);
    expect(again.facts.tlsVersion).toMatch(/TLSv1\.[23]/);
    again.close();
    const refusals = events.filter((e) => e.kind === 'refused').map((e) => (e.kind === 'refused' ? e.reason : ''));
    expect(refusals).toEqual(['peer-reset', 'tls-version-rejected']);
  });
});
