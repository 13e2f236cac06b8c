// The security area's faults of the reference CSMS (Basic Auth user name, password change, old TLS versions, TLS 1.2
// cipher suites, security-profile upgrade), each shown against the correct behaviour.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRootCa, issueCertificate } from '../../../src/pki/index.ts';
import type { IssuedCert } from '../../../src/pki/index.ts';
import { connect, TransportError } from '../../../src/transport/index.ts';
import type { ClientOptions } from '../../../src/transport/index.ts';
import { startCsmsSim } from '../../../src/sim/csms/index.ts';
import type { CsmsSim, CsmsSimOptions } from '../../../src/sim/csms/index.ts';
import { openStation, post } from './helpers.ts';
import type { ScriptedStation } from './helpers.ts';

let sim: CsmsSim | undefined;
const stations: ScriptedStation[] = [];
let root: IssuedCert;
let server: IssuedCert;
const PASSWORD = 'area-password-0001';

beforeAll(async () => {
  root = await createRootCa({ commonName: 'Area Test Root', algorithm: 'ECDSA-P256' });
  server = await issueCertificate({ issuer: root, commonName: '127.0.0.1', usage: 'server', ipAddresses: ['127.0.0.1'], algorithm: 'ECDSA-P256' });
});

afterEach(async () => {
  for (const s of stations.splice(0)) s.close();
  await sim?.stop();
  sim = undefined;
});

async function setup(opts: CsmsSimOptions): Promise<CsmsSim> {
  sim = await startCsmsSim({ passwords: { '*': PASSWORD }, ...opts });
  return sim;
}

const tls = (): CsmsSimOptions['tls'] => ({ certPem: server.certPem, keyPem: server.keyPem, chainPem: server.chainPem, caPem: root.certPem });

/** One connection attempt: 'ok' (then closed again) or the refusal's kind and HTTP status. */
async function tryConnect(o: Omit<ClientOptions, 'subprotocols'>): Promise<string> {
  try {
    const socket = await connect({ subprotocols: ['ocpp2.0.1'], ...o });
    socket.close();
    return 'ok';
  } catch (e) {
    if (!(e instanceof TransportError)) throw e;
    return `${e.kind}${e.status !== undefined ? ` ${e.status}` : ''}`;
  }
}

describe('Basic Auth faults', () => {
  it('security.ignoreBasicAuthUser lets a foreign user name in when the password is right', async () => {
    const attempt = (s: CsmsSim): Promise<string> =>
      tryConnect({ url: s.url, identity: 'ID1', securityProfile: 1, password: PASSWORD, misbehave: { authUser: 'ID1Invalid' } });
    expect(await attempt(await setup({ securityProfile: 1, operatorApi: false }))).toBe('http-status 401');
    await sim!.stop();
    expect(await attempt(await setup({ securityProfile: 1, operatorApi: false, faults: ['security.ignoreBasicAuthUser'] }))).toBe('ok');
  });

  it('security.keepOldPasswordAfterChange keeps expecting the old password after the station accepted a new one', async () => {
    const s = await setup({ securityProfile: 1, faults: ['security.keepOldPasswordAfterChange'] });
    const st = await openStation(s.url, 'PW', { securityProfile: 1, password: PASSWORD });
    stations.push(st);
    await st.boot();
    await post(`${s.operatorApiUrl!}/api/octt/2.0.1/PW/update-basic-auth-password`, { password: 'new-password-00002' });
    expect(await tryConnect({ url: s.url, identity: 'PW', securityProfile: 1, password: 'new-password-00002' })).toBe('http-status 401');
    expect(await tryConnect({ url: s.url, identity: 'PW', securityProfile: 1, password: PASSWORD })).toBe('ok');
  });
});

describe('TLS faults', () => {
  const sp2 = (s: CsmsSim, misbehave: ClientOptions['misbehave']): Promise<string> =>
    tryConnect({ url: s.url, identity: 'T1', securityProfile: 2, password: PASSWORD, tls: { caPem: root.certPem }, misbehave });

  it('security.acceptOldTls completes a TLS 1.1 handshake that is refused otherwise', async () => {
    expect(await sp2(await setup({ securityProfile: 2, tls: tls(), operatorApi: false }), { offerTlsVersion: 'TLSv1.1' })).toBe('tls');
    await sim!.stop();
    expect(await sp2(await setup({ securityProfile: 2, tls: tls(), operatorApi: false, faults: ['security.acceptOldTls'] }), { offerTlsVersion: 'TLSv1.1' })).toBe('ok');
  });

  it('security.noGcmCipherSuites refuses a TLS 1.2 handshake with a required AES-GCM suite', async () => {
    const gcm = { onlyCipherSuite: 'ECDHE-ECDSA-AES128-GCM-SHA256' };
    expect(await sp2(await setup({ securityProfile: 2, tls: tls(), operatorApi: false }), gcm)).toBe('ok');
    await sim!.stop();
    const s = await setup({ securityProfile: 2, tls: tls(), operatorApi: false, faults: ['security.noGcmCipherSuites'] });
    expect(await sp2(s, gcm)).toBe('tls');
    // TLS 1.3 is not governed by that list: an ordinary connection still works.
    expect(await sp2(s, {})).toBe('ok');
  });
});

describe('security profile upgrade', () => {
  /** Raises station UP from SP1 to SP2 through the operator helper; returns the URL the new network profile names. */
  async function raise(s: CsmsSim): Promise<string> {
    const st = await openStation(s.url, 'UP', { securityProfile: 1, password: PASSWORD });
    stations.push(st);
    await st.boot();
    const res = await post(`${s.operatorApiUrl!}/api/octt/2.0.1/UP/set-security-profile`, { securityProfile: 2 });
    expect(res.status).toBe(200);
    const profile = await st.nextRequest('SetNetworkProfile');
    const url = String((profile.connectionData as Record<string, unknown>).ocppCsmsUrl);
    expect(url.startsWith('wss://')).toBe(true);
    const raised = await openStation(url, 'UP', { securityProfile: 2, password: PASSWORD, tls: { caPem: root.certPem } });
    stations.push(raised);
    return url;
  }

  it('after the upgrade the station is refused at the old profile; security.keepAcceptingOldProfile still lets it in', async () => {
    const s = await setup({ securityProfile: 1, tls: tls() });
    await raise(s);
    expect(await tryConnect({ url: s.url, identity: 'UP', securityProfile: 1, password: PASSWORD })).toBe('http-status 401');
    await sim!.stop();
    const f = await setup({ securityProfile: 1, tls: tls(), faults: ['security.keepAcceptingOldProfile'] });
    await raise(f);
    expect(await tryConnect({ url: f.url, identity: 'UP', securityProfile: 1, password: PASSWORD })).toBe('ok');
  });

  it('without TLS material the CSMS has no endpoint to raise a station to, and says so', async () => {
    const s = await setup({ securityProfile: 1 });
    const st = await openStation(s.url, 'UP', { securityProfile: 1, password: PASSWORD });
    stations.push(st);
    await st.boot();
    const res = await post(`${s.operatorApiUrl!}/api/octt/2.0.1/UP/set-security-profile`, { securityProfile: 2 });
    expect(res.status).toBe(409);
    expect(JSON.stringify(res.json)).toContain('no endpoint for security profile 2');
  });
});
