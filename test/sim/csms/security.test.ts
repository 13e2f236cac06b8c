// Security profiles 1-3, Basic Auth password changes, subprotocol choice, and SignCertificate -> CertificateSigned.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCsr, createRootCa, describeCertificate, issueCertificate } from '../../../src/pki/index.ts';
import type { IssuedCert } from '../../../src/pki/index.ts';
import { connect, TransportError } from '../../../src/transport/index.ts';
import { startCsmsSim } from '../../../src/sim/csms/index.ts';
import type { CsmsSim, CsmsSimOptions } from '../../../src/sim/csms/index.ts';
import { openStation, post } from './helpers.ts';
import type { ScriptedStation } from './helpers.ts';

let sim: CsmsSim | undefined;
const stations: ScriptedStation[] = [];
let root: IssuedCert;
let server: IssuedCert;

beforeAll(async () => {
  root = await createRootCa({ commonName: 'Sim Test Root', algorithm: 'ECDSA-P256' });
  server = await issueCertificate({ issuer: root, commonName: 'csms.local', usage: 'server', ipAddresses: ['127.0.0.1'], algorithm: 'ECDSA-P256' });
});

async function setup(opts: CsmsSimOptions): Promise<CsmsSim> {
  sim = await startCsmsSim(opts);
  return sim;
}

afterEach(async () => {
  for (const s of stations.splice(0)) s.close();
  await sim?.stop();
  sim = undefined;
});

async function refusedStatus(p: Promise<unknown>): Promise<number | undefined> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TransportError);
  return (err as TransportError).status;
}

/** A station's SetVariables handler that answers every item with the status `status()` gives at that moment. */
function answerEveryItem(status: () => string): (payload: unknown) => unknown {
  return (p) => ({
    setVariableResult: (p as { setVariableData: Array<Record<string, unknown>> }).setVariableData.map((d) => ({
      attributeStatus: status(),
      component: d.component,
      variable: d.variable,
    })),
  });
}

describe('security profile 1 (Basic Auth)', () => {
  it('admits the right password, refuses a wrong one with 401', async () => {
    const s = await setup({ securityProfile: 1, passwords: { SP1: 'right-password-16', '*': 'default-password-16' }, operatorApi: false });
    const ok = await openStation(s.url, 'SP1', { securityProfile: 1, password: 'right-password-16' });
    stations.push(ok);
    expect((await ok.boot()).status).toBe('Accepted');
    expect(s.station('SP1')?.securityProfile).toBe(1);
    expect(await refusedStatus(connect({ url: s.url, identity: 'SP1', subprotocols: ['ocpp2.0.1'], securityProfile: 1, password: 'wrong-password-16' }))).toBe(401);
    // The '*' entry serves identities without their own password.
    const other = await openStation(s.url, 'OTHER', { securityProfile: 1, password: 'default-password-16' });
    stations.push(other);
  });

  it('security.acceptWrongPassword lets a wrong password in', async () => {
    const s = await setup({ securityProfile: 1, passwords: { '*': 'right-password-16' }, faults: ['security.acceptWrongPassword'], operatorApi: false });
    const st = await openStation(s.url, 'ANY', { securityProfile: 1, password: 'wrong-password-16' });
    stations.push(st);
    expect((await st.boot()).status).toBe('Accepted');
  });

  it('update-basic-auth-password switches the expected password only when the station accepts', async () => {
    const s = await setup({ securityProfile: 1, passwords: { PW: 'old-password-0001' } });
    let answer = 'Rejected';
    const st = await openStation(s.url, 'PW', {
      securityProfile: 1,
      password: 'old-password-0001',
      handlers: { SetVariables: answerEveryItem(() => answer) },
    });
    stations.push(st);
    await st.boot();
    const base = `${s.operatorApiUrl!}/api/octt/2.0.1/PW/update-basic-auth-password`;
    const rejected = await post(base, { password: 'new-password-0002' });
    expect(rejected.status).toBe(200);
    const sent = await st.nextRequest('SetVariables');
    expect(sent.setVariableData).toEqual([{ component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: 'new-password-0002' }]);
    // Still the old password.
    const again = await openStation(s.url, 'PW', { securityProfile: 1, password: 'old-password-0001' });
    stations.push(again);
    answer = 'Accepted';
    await post(base, { password: 'new-password-0003' });
    expect(await refusedStatus(connect({ url: s.url, identity: 'PW', subprotocols: ['ocpp2.0.1'], securityProfile: 1, password: 'old-password-0001' }))).toBe(401);
    const renewed = await openStation(s.url, 'PW', { securityProfile: 1, password: 'new-password-0003' });
    stations.push(renewed);
  });

  it('variables.ignoreRejected switches the password although the station refused', async () => {
    const s = await setup({ securityProfile: 1, passwords: { PW: 'old-password-0001' }, faults: ['variables.ignoreRejected'] });
    const st = await openStation(s.url, 'PW', {
      securityProfile: 1,
      password: 'old-password-0001',
      handlers: { SetVariables: answerEveryItem(() => 'Rejected') },
    });
    stations.push(st);
    await st.boot();
    await post(`${s.operatorApiUrl!}/api/octt/2.0.1/PW/update-basic-auth-password`, { password: 'new-password-0002' });
    expect(await refusedStatus(connect({ url: s.url, identity: 'PW', subprotocols: ['ocpp2.0.1'], securityProfile: 1, password: 'old-password-0001' }))).toBe(401);
  });
});

describe('security profile 2 (TLS + Basic Auth)', () => {
  it('serves wss with the configured certificate and checks the password', async () => {
    const s = await setup({
      securityProfile: 2,
      passwords: { '*': 'sp2-password-0001' },
      tls: { certPem: server.certPem, keyPem: server.keyPem, chainPem: server.chainPem },
      operatorApi: false,
    });
    expect(s.url.startsWith('wss://')).toBe(true);
    const st = await openStation(s.url, 'SP2', { securityProfile: 2, password: 'sp2-password-0001', tls: { caPem: root.certPem } });
    stations.push(st);
    expect((await st.boot()).status).toBe('Accepted');
    expect(
      await refusedStatus(connect({ url: s.url, identity: 'SP2', subprotocols: ['ocpp2.0.1'], securityProfile: 2, password: 'nope-nope-nope-1', tls: { caPem: root.certPem } })),
    ).toBe(401);
  });
});

describe('security profile 3 (mutual TLS)', () => {
  const sp3 = (faults: string[] = []): CsmsSimOptions => ({
    securityProfile: 3,
    tls: { certPem: server.certPem, keyPem: server.keyPem, chainPem: server.chainPem, caPem: root.certPem },
    operatorApi: false,
    faults,
  });

  it('admits a client certificate whose CN is the identity and refuses a foreign CN', async () => {
    const s = await setup(sp3());
    const own = await issueCertificate({ issuer: root, commonName: 'SP3', usage: 'client', algorithm: 'ECDSA-P256' });
    const st = await openStation(s.url, 'SP3', { securityProfile: 3, tls: { caPem: root.certPem, certPem: own.certPem, keyPem: own.keyPem } });
    stations.push(st);
    expect((await st.boot()).status).toBe('Accepted');
    const foreign = await issueCertificate({ issuer: root, commonName: 'SOMEONE-ELSE', usage: 'client', algorithm: 'ECDSA-P256' });
    expect(
      await refusedStatus(connect({ url: s.url, identity: 'SP3', subprotocols: ['ocpp2.0.1'], securityProfile: 3, tls: { caPem: root.certPem, certPem: foreign.certPem, keyPem: foreign.keyPem } })),
    ).toBe(403);
  });

  it('security.acceptForeignClientCert skips the CN check', async () => {
    const s = await setup(sp3(['security.acceptForeignClientCert']));
    const foreign = await issueCertificate({ issuer: root, commonName: 'SOMEONE-ELSE', usage: 'client', algorithm: 'ECDSA-P256' });
    const st = await openStation(s.url, 'SP3', { securityProfile: 3, tls: { caPem: root.certPem, certPem: foreign.certPem, keyPem: foreign.keyPem } });
    stations.push(st);
    expect((await st.boot()).status).toBe('Accepted');
  });
});

describe('subprotocol', () => {
  it('refuses an upgrade offering only an unsupported subprotocol and picks the supported one otherwise', async () => {
    const s = await setup({ operatorApi: false });
    const bogus = connect({ url: s.url, identity: 'SUB', subprotocols: ['ocpp0.0'], securityProfile: 0 });
    await expect(bogus).rejects.toBeInstanceOf(TransportError);
    const ok = await connect({ url: s.url, identity: 'SUB', subprotocols: ['ocpp0.0', 'ocpp2.0.1'], securityProfile: 0 });
    expect(ok.facts.chosenSubprotocol).toBe('ocpp2.0.1');
    ok.close();
  });

  it('speaks 2.1 with a station that offers only ocpp2.1', async () => {
    const s = await setup({ operatorApi: false });
    const st = await openStation(s.url, 'V21', { version: '2.1' });
    stations.push(st);
    expect((await st.boot()).status).toBe('Accepted');
    expect(s.station('V21')?.version).toBe('2.1');
  });

  it('subprotocol.chooseUnoffered answers with a subprotocol the client never offered', async () => {
    const s = await setup({ operatorApi: false, faults: ['subprotocol.chooseUnoffered'] });
    const err = await connect({ url: s.url, identity: 'SUB', subprotocols: ['ocpp2.0.1'], securityProfile: 0 }).catch((e: unknown) => e);
    expect((err as TransportError).kind).toBe('subprotocol');
  });

  it('subprotocol.refuseWithHttpError answers an upgrade with no common subprotocol with HTTP 400', async () => {
    const s = await setup({ operatorApi: false, faults: ['subprotocol.refuseWithHttpError'] });
    const err = await connect({ url: s.url, identity: 'SUB', subprotocols: ['bogus'], securityProfile: 0, misbehave: { offerSubprotocols: ['bogus'] } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TransportError);
    expect(err).toMatchObject({ kind: 'http-status', status: 400 });
  });

  it('subprotocol.acceptWithoutMatch keeps an upgrade with no common subprotocol open', async () => {
    const s = await setup({ operatorApi: false, faults: ['subprotocol.acceptWithoutMatch'] });
    const ws = await connect({ url: s.url, identity: 'SUB', subprotocols: [], securityProfile: 0, misbehave: { offerSubprotocols: [] } });
    expect(ws.facts.chosenSubprotocol).toBeUndefined();
    ws.close();
  });
});

describe('SignCertificate -> CertificateSigned', () => {
  for (const algorithm of ['RSA', 'ECDSA-P256'] as const) {
    it(`signs a ${algorithm} CSR with the configured CA and sends the chain`, async () => {
      const issuer = await createRootCa({ commonName: `CSMS CA ${algorithm}`, algorithm });
      const s = await setup({ pki: { issuer, requireCnMatchesIdentity: true }, operatorApi: false });
      const st = await openStation(s.url, 'CSR1');
      stations.push(st);
      await st.boot();
      const { csrPem } = await createCsr({ commonName: 'CSR1', organization: 'Sim', algorithm });
      const sent = s.waitFor('certificateSent', (e) => e.identity === 'CSR1');
      expect(await st.call('SignCertificate', { csr: csrPem, certificateType: 'ChargingStationCertificate' })).toEqual({ status: 'Accepted' });
      const req = await st.nextRequest('CertificateSigned');
      expect(req.certificateType).toBe('ChargingStationCertificate');
      const leaf = describeCertificate(req.certificateChain as string);
      expect(leaf.commonName).toBe('CSR1');
      expect(leaf.issuer).toContain(`CSMS CA ${algorithm}`);
      expect(leaf.algorithm).toContain(algorithm === 'RSA' ? 'RSA' : 'ECDSA');
      expect(await sent).toMatchObject({ accepted: true });
      expect(s.station('CSR1')?.certificatesSigned).toBe(1);
    });
  }

  it('rejects a CSR whose CN is not the identity (when required) and any CSR without a CA', async () => {
    const issuer = await createRootCa({ commonName: 'CSMS CA', algorithm: 'ECDSA-P256' });
    const s = await setup({ pki: { issuer, requireCnMatchesIdentity: true }, operatorApi: false });
    const st = await openStation(s.url, 'CSR2');
    stations.push(st);
    await st.boot();
    const { csrPem } = await createCsr({ commonName: 'NOT-ME', algorithm: 'ECDSA-P256' });
    const res = await st.call('SignCertificate', { csr: csrPem });
    expect(res.status).toBe('Rejected');
    expect((res.statusInfo as Record<string, unknown>).reasonCode).toBe('InvalidCSR');
    const garbage = await st.call('SignCertificate', { csr: 'not a csr' });
    expect(garbage.status).toBe('Rejected');
    await s.stop();
    const s2 = await setup({ operatorApi: false });
    const st2 = await openStation(s2.url, 'CSR3');
    stations.push(st2);
    await st2.boot();
    expect((await st2.call('SignCertificate', { csr: csrPem })).status).toBe('Rejected');
  });
});
