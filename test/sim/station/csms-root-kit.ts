// A CSMS over TLS whose root the station can be asked to replace (AdditionalRootCertificateCheck, M05): the old root
// with a server certificate, a new root it signed with a server certificate, and an unrelated self-signed root.
import { createRootCa, issueCertificate, type IssuedCert } from '../../../src/pki/index.ts';
import type { StationSim } from '../../../src/sim/station/index.ts';
import type { ScriptedCsms } from './scripted-csms.ts';
import type { StartStation } from './station-fixture.ts';

export interface CsmsRoots {
  old: IssuedCert;
  oldServer: IssuedCert;
  fresh: IssuedCert;
  freshServer: IssuedCert;
  unrelated: IssuedCert;
}

let made: Promise<CsmsRoots> | undefined;

export function csmsRoots(): Promise<CsmsRoots> {
  made ??= (async () => {
    const names = { dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] };
    const old = await createRootCa({ commonName: 'Station Sim CSMS Root 1' });
    const fresh = await issueCertificate({ issuer: old, usage: 'ca', commonName: 'Station Sim CSMS Root 2' });
    return {
      old,
      oldServer: await issueCertificate({ issuer: old, usage: 'server', commonName: 'csms.test', ...names }),
      fresh,
      freshServer: await issueCertificate({ issuer: fresh, usage: 'server', commonName: 'csms.test', ...names }),
      unrelated: await createRootCa({ commonName: 'Station Sim Unrelated Root' }),
    };
  })();
  return made;
}

/** The station at SP2 trusting the old root, connected and booted. */
export async function tlsStation(start: StartStation, faults: string[] = []): Promise<{ c: ScriptedCsms; s: StationSim; roots: CsmsRoots }> {
  const roots = await csmsRoots();
  const password = 'station-password-0123456789';
  const { csms, sim } = await start(
    { securityProfile: 2, password, tls: { caPem: roots.old.certPem }, actionApi: false, faults },
    { server: { securityProfile: 2, checkPassword: (_id, pw) => pw === password, tls: { certPem: roots.oldServer.certPem, keyPem: roots.oldServer.keyPem } } },
  );
  await sim.waitForState((st) => st.bootState === 'Accepted');
  return { c: csms, s: sim, roots };
}

/** Installs the new root, serves `server`, resets the station, and returns whether it booted again within the deadline. */
export async function reconnectAfterNewRoot(c: ScriptedCsms, roots: CsmsRoots, server: IssuedCert, withinMs = 3000): Promise<boolean> {
  await c.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: roots.fresh.certPem });
  c.replaceCertificate({ certPem: server.certPem, keyPem: server.keyPem, chainPem: server === roots.freshServer ? roots.fresh.certPem : undefined });
  const mark = c.mark();
  await c.call('Reset', { type: 'Immediate' });
  return c.waitFor('BootNotification', () => true, withinMs, mark).then(
    () => true,
    () => false,
  );
}

/** The serial numbers of the installed CSMS roots. */
export async function installedCsmsRoots(c: ScriptedCsms): Promise<string[]> {
  const answer = await c.call('GetInstalledCertificateIds', { certificateType: ['CSMSRootCertificate'] });
  return ((answer.certificateHashDataChain as Array<{ certificateHashData: { serialNumber: string } }> | undefined) ?? []).map((e) => e.certificateHashData.serialNumber.replace(/^0+/, ''));
}

export const serial = (cert: IssuedCert): string => cert.serialNumber.replace(/^0+/, '');
