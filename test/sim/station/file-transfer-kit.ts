// What the station's file-transfer tests share: a file server, a manufacturer root with a firmware signing certificate,
// signed UpdateFirmware and GetLog requests, and the status reports that follow them.
import { sign } from 'node:crypto';
import { afterEach, expect } from 'vitest';
import { FileServer } from '../../../src/fileserver/index.ts';
import { createRootCa, issueCertificate } from '../../../src/pki/index.ts';
import type { IssuedCert } from '../../../src/pki/index.ts';
import type { Json, ScriptedCsms } from './scripted-csms.ts';

/** A firmware image of the reference station: it begins with the station's product identification. */
export const IMAGE = Buffer.from('OCPP conformance test firmware image for the reference station\n');
/** Bytes that are no firmware of the reference station (another product's header): they fail the installation check. */
export const FOREIGN_IMAGE = Buffer.from('Firmware image of another charging station product\n');

const servers: FileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

export async function fileServer(): Promise<FileServer> {
  const s = await FileServer.start();
  servers.push(s);
  return s;
}

let signing: Promise<{ root: IssuedCert; signer: IssuedCert; expired: IssuedCert }> | undefined;
export function firmwareSigning(): Promise<{ root: IssuedCert; signer: IssuedCert; expired: IssuedCert }> {
  signing ??= (async () => {
    const root = await createRootCa({ commonName: 'Station Test Manufacturer Root' });
    const signer = await issueCertificate({ issuer: root, commonName: 'Station Test Firmware Signing', usage: 'codeSigning' });
    const year = 365 * 24 * 3600_000;
    const expired = await issueCertificate({ issuer: root, commonName: 'Expired Signing', usage: 'codeSigning', notBefore: new Date(Date.now() - 2 * year), notAfter: new Date(Date.now() - year) });
    return { root, signer, expired };
  })();
  return signing;
}

/** A dateTime at least `inMs` from now, in whole seconds (two hours ago when not given). */
const at = (inMs = -7200_000): string => new Date(Math.ceil((Date.now() + inMs) / 1000) * 1000).toISOString();

/** Installs the manufacturer root, then sends UpdateFirmware for `location` signed as asked; returns the answer's status. */
export async function updateFirmware(
  c: ScriptedCsms,
  location: string,
  how: { signer?: 'valid' | 'expired'; signature?: 'valid' | 'otherBytes'; requestId?: number; retrieveInMs?: number; installInMs?: number; image?: Buffer } = {},
): Promise<unknown> {
  const { root, signer, expired } = await firmwareSigning();
  expect((await c.call('InstallCertificate', { certificateType: 'ManufacturerRootCertificate', certificate: root.certPem })).status).toBe('Accepted');
  const cert = how.signer === 'expired' ? expired : signer;
  const signature = sign('sha256', how.signature === 'otherBytes' ? Buffer.from('other') : (how.image ?? IMAGE), signer.keyPem).toString('base64');
  const answer = await c.call('UpdateFirmware', {
    requestId: how.requestId ?? 1,
    firmware: { location, retrieveDateTime: at(how.retrieveInMs), installDateTime: at(how.installInMs), signingCertificate: cert.certPem, signature },
  });
  return answer.status;
}

/** The statuses of `action` reports after `mark`, up to and including the first one in `finals`. */
export async function statusesUntil(c: ScriptedCsms, action: string, finals: string[], mark: number, deadlineMs = 5000): Promise<string[]> {
  const last = await c.waitFor(action, (p) => finals.includes(String(p.status)), deadlineMs, mark);
  const until = c.of(action, mark).indexOf(last);
  return c
    .of(action, mark)
    .slice(0, until + 1)
    .map((r) => String((r.payload as Json).status));
}
