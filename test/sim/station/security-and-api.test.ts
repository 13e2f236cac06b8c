import { beforeAll, describe, expect, it } from 'vitest';
import { createRootCa, issueCertificate, type IssuedCert } from '../../../src/pki/index.ts';
import type { Json } from './scripted-csms.ts';
import { stationAndCsmsPerTest } from './station-fixture.ts';

const start = stationAndCsmsPerTest();

const PASSWORD = 'station-password-0123456789';
let root: IssuedCert;
let server: IssuedCert;
let client: IssuedCert;

beforeAll(async () => {
  root = await createRootCa({ commonName: 'Station Sim Test Root', organization: 'ocpp-conformance tests', algorithm: 'ECDSA-P256' });
  server = await issueCertificate({ issuer: root, commonName: 'csms.test', usage: 'server', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
  client = await issueCertificate({ issuer: root, commonName: 'CS001', organization: 'ocpp-conformance tests', usage: 'client' });
});

describe('station simulator: security profiles', () => {
  it('SP1: Basic Auth over ws', async () => {
    const { csms } = await start(
      { securityProfile: 1, password: PASSWORD, actionApi: false },
      { server: { securityProfile: 1, checkPassword: (id, pw) => id === 'CS001' && pw === PASSWORD } },
    );
    await csms.waitFor('StatusNotification');
    expect(csms.conn.facts.authOk).toBe(true);
  });

  it('SP2: Basic Auth over TLS', async () => {
    const { csms } = await start(
      { securityProfile: 2, password: PASSWORD, tls: { caPem: root.certPem }, actionApi: false },
      { server: { securityProfile: 2, checkPassword: (_id, pw) => pw === PASSWORD, tls: { certPem: server.certPem, keyPem: server.keyPem, chainPem: server.chainPem } } },
    );
    await csms.waitFor('StatusNotification');
    expect(csms.conn.facts.tlsVersion).toMatch(/TLSv1\.[23]/);
    const got = await csms.call('GetVariables', { getVariableData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'SecurityProfile' } }] });
    expect((got.getVariableResult as Json[])[0]?.attributeValue).toBe('2');
  });

  it('SP3: mutual TLS with a client certificate', async () => {
    const { csms } = await start(
      { securityProfile: 3, tls: { caPem: root.certPem, certPem: client.certPem, keyPem: client.keyPem, chainPem: client.chainPem }, actionApi: false },
      { server: { securityProfile: 3, tls: { certPem: server.certPem, keyPem: server.keyPem, chainPem: server.chainPem, caPem: root.certPem } } },
    );
    await csms.waitFor('StatusNotification');
    expect(csms.conn.facts.clientCertSubject).toMatch(/CS001/);
  });
});

async function post(base: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Json };
}

describe('station simulator: SUT-action HTTP API', () => {
  it('drives a whole session and reports state; bad input gets 4xx with an error', async () => {
    const { csms, sim } = await start({ txStartPoint: ['ParkingBayOccupancy', 'EVConnected'], txStopPoint: ['ParkingBayOccupancy'] });
    const api = sim.actionApiUrl ?? '';
    expect(api).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await csms.waitFor('SecurityEventNotification');

    expect(await post(api, '/api/v1/parkingbay?evse_id=1&state=occupied')).toEqual({ status: 200, json: { ok: true } });
    const started = await csms.waitFor('TransactionEvent', (p) => p.eventType === 'Started');
    expect(started.payload.triggerReason).toBe('EVDetected');
    expect((await post(api, '/api/v1/plugin?evse_id=1&connector_id=1')).status).toBe(200);
    await csms.waitFor('StatusNotification', (p) => p.connectorStatus === 'Occupied');
    expect((await post(api, '/api/v1/authorize', { id: 'TAG9', type: 'ISO14443', evse_id: 1 })).status).toBe(200);
    await csms.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'Charging');
    expect((await post(api, '/api/v1/state?evse_id=1&connector_id=1&state=suspendedEV')).status).toBe(200);
    await csms.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'SuspendedEV');

    const status = await fetch(`${api}/api/v1/status`);
    const snap = ((await status.json()) as Json).state as Json;
    expect(snap).toMatchObject({ identity: 'CS001', bootState: 'Accepted', connected: true });

    expect((await post(api, '/api/v1/plugout?evse_id=1')).status).toBe(200);
    expect((await post(api, '/api/v1/parkingbay?evse_id=1&state=free')).status).toBe(200);
    const ended = await csms.waitFor('TransactionEvent', (p) => p.eventType === 'Ended');
    expect(ended.payload.triggerReason).toBe('EVDeparted');

    // Bad input.
    const bad = await post(api, '/api/v1/state?state=exploded');
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ ok: false, error: expect.stringMatching(/unknown state/) as unknown });
    expect((await post(api, '/api/v1/plugin?evse_id=9')).status).toBe(404);
    expect((await post(api, '/api/v1/plugin?evse_id=abc')).status).toBe(400);
    expect((await post(api, '/api/v1/authorize')).status).toBe(400);
    expect((await post(api, '/api/v1/plugout?evse_id=1')).status).toBe(409);
    expect((await post(api, '/api/v1/nothing')).status).toBe(404);
    expect((await fetch(`${api}/api/v1/plugin`)).status).toBe(405);
  });

  it('reboot, offline and online', async () => {
    const { csms, sim } = await start({ timers: { reconnectMs: 20 } });
    const api = sim.actionApiUrl ?? '';
    await csms.waitFor('StatusNotification');
    let mark = csms.mark();
    expect((await post(api, '/api/v1/reboot')).status).toBe(200);
    const boot = await csms.waitFor('BootNotification', () => true, 5000, mark);
    expect(boot.payload.reason).toBe('PowerUp');
    await csms.waitFor('StatusNotification', () => true, 5000, mark);
    expect((await post(api, '/api/v1/offline')).status).toBe(200);
    await sim.waitForState((s) => !s.connected);
    mark = csms.mark();
    expect((await post(api, '/api/v1/online')).status).toBe(200);
    await sim.waitForState((s) => s.connected);
    expect(csms.connections.length).toBe(3);
    expect(csms.of('BootNotification', mark)).toEqual([]);
  });
});
