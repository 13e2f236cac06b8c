// Named faults of the station's security area that concern the connection itself (TLS and the BasicAuthPassword):
// each scenario shows the deviation against a scripted CSMS that serves what a correct station refuses or changes.
import { beforeAll, expect } from 'vitest';
import { createRootCa, createSelfSigned, issueCertificate, type IssuedCert } from '../../../src/pki/index.ts';
import type { ServerTlsOptions } from '../../../src/transport/server.ts';
import type { StartStation } from './station-fixture.ts';

const PASSWORD = 'station-password-0123456789';
let root: IssuedCert;
let server: IssuedCert;
let selfSigned: IssuedCert;

/** Call at the top level of the test file (it registers a beforeAll making the certificates). */
export function securityConnectionScenarios(start: StartStation): Record<string, () => Promise<void>> {
  beforeAll(async () => {
    root = await createRootCa({ commonName: 'Station Fault Test Root', algorithm: 'RSA' });
    server = await issueCertificate({ issuer: root, commonName: 'csms.test', usage: 'server', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
    selfSigned = await createSelfSigned({ commonName: 'csms.test', usage: 'server', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], algorithm: 'RSA' });
  });
  const overTls = (faults: string[], tls: (s: IssuedCert) => ServerTlsOptions) =>
    start(
      { securityProfile: 2, password: PASSWORD, tls: { caPem: root.certPem }, actionApi: false, faults },
      { server: { securityProfile: 2, checkPassword: (_id, pw) => pw === PASSWORD, tls: tls(server) } },
    );
  return {
    'security.acceptInvalidServerCertificate': async () => {
      // A self-signed certificate: a correct station ends the handshake.
      const { csms } = await overTls(['security.acceptInvalidServerCertificate'], () => ({ certPem: selfSigned.certPem, keyPem: selfSigned.keyPem }));
      await csms.waitFor('BootNotification');
    },
    'security.acceptOldTls': async () => {
      const { csms } = await overTls(['security.acceptOldTls'], (s) => ({ certPem: s.certPem, keyPem: s.keyPem, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' }));
      await csms.waitFor('BootNotification');
      expect(csms.conn.facts.tlsVersion).toMatch(/^TLSv1(\.1)?$/);
    },
    'security.noRequiredCipherSuites': async () => {
      // Only the suites the specification requires for an RSA certificate: a correct station connects.
      const { csms } = await overTls(['security.noRequiredCipherSuites'], (s) => ({ certPem: s.certPem, keyPem: s.keyPem, maxVersion: 'TLSv1.2', ciphers: 'AES128-GCM-SHA256:AES256-GCM-SHA384' }));
      await expect(csms.waitForConnection(1, 1000)).rejects.toThrow(/no connection/);
    },
    'security.ignoreNewPassword': async () => {
      const seen: string[] = [];
      const { csms } = await start(
        { actionApi: false, securityProfile: 1, password: PASSWORD, faults: ['security.ignoreNewPassword'] },
        { server: { securityProfile: 1, checkPassword: (_id, pw) => (seen.push(pw), true) } },
      );
      await csms.waitFor('StatusNotification');
      const r = await csms.call('SetVariables', { setVariableData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: 'a-brand-new-password-42' }] });
      expect((r.setVariableResult as Array<{ attributeStatus: string }>)[0]?.attributeStatus).toBe('Accepted');
      await csms.waitForConnection(2);
      expect(seen).toEqual([PASSWORD, PASSWORD]);
    },
  };
}
