// The reference station's firmware update, log upload and CA certificate store without faults: what the block L, M and
// N cases expect of it (the faults that break each part are in faults-file-transfer.ts).
import { describe, expect, it } from 'vitest';
import { certificateHashData } from '../../../src/pki/certificate-hash.ts';
import { FOREIGN_IMAGE, IMAGE, fileServer, firmwareSigning, statusesUntil, updateFirmware } from './file-transfer-kit.ts';
import type { ScriptedCsms } from './scripted-csms.ts';
import { stationAndCsmsPerTest } from './station-fixture.ts';

const start = stationAndCsmsPerTest();
const FIRMWARE_END = ['Installed', 'DownloadFailed', 'InvalidSignature', 'InstallationFailed', 'InstallVerificationFailed'];

async function booted(): Promise<ScriptedCsms> {
  const { csms, sim } = await start({ actionApi: false });
  await sim.waitForState((st) => st.bootState === 'Accepted');
  await csms.waitFor('StatusNotification');
  return csms;
}

describe('reference station: firmware update', () => {
  it('downloads, verifies, installs and reports every phase with the requestId, then FirmwareUpdated', async () => {
    const c = await booted();
    const fs = await fileServer();
    const mark = c.mark();
    expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE), { requestId: 41 })).toBe('Accepted');
    expect(await statusesUntil(c, 'FirmwareStatusNotification', FIRMWARE_END, mark)).toEqual(['Downloading', 'Downloaded', 'SignatureVerified', 'Installing', 'Installed']);
    expect(c.of('FirmwareStatusNotification', mark).every((r) => r.payload.requestId === 41)).toBe(true);
    await c.waitFor('SecurityEventNotification', (p) => p.type === 'FirmwareUpdated', 5000, mark);
    expect(fs.records.filter((r) => r.method === 'GET' && r.status === 200)).toHaveLength(1);
  });

  it('refuses an expired signing certificate and raises InvalidFirmwareSigningCertificate', async () => {
    const c = await booted();
    const fs = await fileServer();
    const mark = c.mark();
    expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE), { signer: 'expired' })).toBe('InvalidCertificate');
    await c.waitFor('SecurityEventNotification', (p) => p.type === 'InvalidFirmwareSigningCertificate', 5000, mark);
    expect(fs.records).toEqual([]);
  });

  it('refuses a signing certificate whose root is not installed', async () => {
    const c = await booted();
    const { signer } = await firmwareSigning();
    const answer = await c.call('UpdateFirmware', { requestId: 2, firmware: { location: 'http://127.0.0.1:1/fw.bin', retrieveDateTime: new Date().toISOString(), signingCertificate: signer.certPem, signature: 'AA==' } });
    expect(answer.status).toBe('InvalidCertificate');
  });

  it('rejects an update without signing certificate and signature', async () => {
    const c = await booted();
    const answer = await c.call('UpdateFirmware', { requestId: 5, firmware: { location: 'http://127.0.0.1:1/fw.bin', retrieveDateTime: new Date().toISOString() } });
    expect(answer.status).toBe('Rejected');
  });

  it('reports InstallVerificationFailed for a correctly signed image that is not its own firmware, and no FirmwareUpdated', async () => {
    const c = await booted();
    const fs = await fileServer();
    const mark = c.mark();
    expect(await updateFirmware(c, fs.publish('other.bin', FOREIGN_IMAGE), { image: FOREIGN_IMAGE, requestId: 8 })).toBe('Accepted');
    expect(await statusesUntil(c, 'FirmwareStatusNotification', FIRMWARE_END, mark)).toEqual(['Downloading', 'Downloaded', 'SignatureVerified', 'Installing', 'InstallVerificationFailed']);
    // A ping round trip: a FirmwareUpdated event sent right after the failure would be in by then.
    await c.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] });
    expect(c.of('SecurityEventNotification', mark).map((r) => r.payload.type)).not.toContain('FirmwareUpdated');
  });

  it('reports InvalidSignature and raises InvalidFirmwareSignature for a signature over other bytes', async () => {
    const c = await booted();
    const fs = await fileServer();
    const mark = c.mark();
    expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE), { signature: 'otherBytes' })).toBe('Accepted');
    expect(await statusesUntil(c, 'FirmwareStatusNotification', FIRMWARE_END, mark)).toEqual(['Downloading', 'Downloaded', 'InvalidSignature']);
    await c.waitFor('SecurityEventNotification', (p) => p.type === 'InvalidFirmwareSignature', 5000, mark);
  });

  it('reports DownloadFailed when the file server answers 404 or drops the connection', async () => {
    const c = await booted();
    const fs = await fileServer();
    let mark = c.mark();
    expect(await updateFirmware(c, `${fs.publish('fw.bin', IMAGE)}_missing`)).toBe('Accepted');
    expect(await statusesUntil(c, 'FirmwareStatusNotification', FIRMWARE_END, mark)).toEqual(['Downloading', 'DownloadFailed']);
    fs.fail({ kind: 'drop' });
    mark = c.mark();
    expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE))).toBe('Accepted');
    expect(await statusesUntil(c, 'FirmwareStatusNotification', FIRMWARE_END, mark)).toEqual(['Downloading', 'DownloadFailed']);
  });

  it('reports a running update when triggered, and AcceptedCanceled for a second request', async () => {
    const c = await booted();
    const fs = await fileServer();
    fs.fail({ kind: 'slow', delayMs: 1500 });
    const mark = c.mark();
    expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE), { requestId: 3 })).toBe('Accepted');
    await c.waitFor('FirmwareStatusNotification', (p) => p.status === 'Downloading', 5000, mark);
    const trigger = c.mark();
    expect((await c.call('TriggerMessage', { requestedMessage: 'FirmwareStatusNotification' })).status).toBe('Accepted');
    expect((await c.waitFor('FirmwareStatusNotification', () => true, 5000, trigger)).payload).toEqual({ status: 'Downloading', requestId: 3 });
    expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE), { requestId: 4 })).toBe('AcceptedCanceled');
  });
});

describe('reference station: log upload', () => {
  it('uploads the log under the announced name and reports Uploading, Uploaded', async () => {
    const c = await booted();
    const fs = await fileServer();
    const mark = c.mark();
    const answer = await c.call('GetLog', { logType: 'SecurityLog', requestId: 9, log: { remoteLocation: fs.uploadUrl() } });
    expect(answer.status).toBe('Accepted');
    expect(await statusesUntil(c, 'LogStatusNotification', ['Uploaded', 'UploadFailure'], mark)).toEqual(['Uploading', 'Uploaded']);
    expect(fs.uploads).toEqual([expect.objectContaining({ name: answer.filename })]);
    expect(fs.uploads[0]?.size).toBeGreaterThan(0);
  });

  it('retries a refused upload as often as asked and reports each failure', async () => {
    const c = await booted();
    const fs = await fileServer();
    const mark = c.mark();
    const remoteLocation = await fs.refusingUrl('/upload/logs/');
    expect((await c.call('GetLog', { logType: 'DiagnosticsLog', requestId: 10, retries: 2, retryInterval: 0, log: { remoteLocation } })).status).toBe('Accepted');
    const failures = await c.waitForCount('LogStatusNotification', 3, (p) => p.status === 'UploadFailure', 5000, mark);
    expect(failures.every((r) => r.payload.requestId === 10)).toBe(true);
  });

  it('answers NotSupportedOperation for a protocol it does not speak', async () => {
    const c = await booted();
    const mark = c.mark();
    expect((await c.call('GetLog', { logType: 'DiagnosticsLog', requestId: 11, log: { remoteLocation: 'ftp://127.0.0.1/logs/' } })).status).toBe('Accepted');
    expect(await statusesUntil(c, 'LogStatusNotification', ['Uploaded', 'UploadFailure', 'NotSupportedOperation'], mark)).toEqual(['Uploading', 'NotSupportedOperation']);
  });

  it('cancels a running upload for a second request', async () => {
    const c = await booted();
    const fs = await fileServer();
    fs.fail({ kind: 'slow', delayMs: 1500 });
    const log = { remoteLocation: fs.uploadUrl() };
    const mark = c.mark();
    expect((await c.call('GetLog', { logType: 'DiagnosticsLog', requestId: 12, log })).status).toBe('Accepted');
    await c.waitFor('LogStatusNotification', (p) => p.status === 'Uploading', 5000, mark);
    expect((await c.call('GetLog', { logType: 'DiagnosticsLog', requestId: 13, log })).status).toBe('AcceptedCanceled');
    await c.waitFor('LogStatusNotification', (p) => p.status === 'AcceptedCanceled' && p.requestId === 12, 5000, mark);
  });
});

describe('reference station: CA certificates', () => {
  it('installs a root, lists it with its hash data, deletes it, and refuses a leaf', async () => {
    const c = await booted();
    const { root, signer } = await firmwareSigning();
    expect((await c.call('GetInstalledCertificateIds', {})).status).toBe('NotFound');
    expect((await c.call('InstallCertificate', { certificateType: 'ManufacturerRootCertificate', certificate: root.certPem })).status).toBe('Accepted');
    const hash = certificateHashData(root.certPem, 'SHA256');
    const ids = await c.call('GetInstalledCertificateIds', { certificateType: ['ManufacturerRootCertificate'] });
    expect(ids).toEqual({ status: 'Accepted', certificateHashDataChain: [{ certificateType: 'ManufacturerRootCertificate', certificateHashData: { ...hash } }] });
    expect((await c.call('DeleteCertificate', { certificateHashData: { ...hash } })).status).toBe('Accepted');
    expect((await c.call('DeleteCertificate', { certificateHashData: { ...hash } })).status).toBe('NotFound');
    expect((await c.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: signer.certPem })).status).toBe('Rejected');
  });
});

describe('reference station: scheduled firmware update', () => {
  it('reports DownloadScheduled and InstallScheduled for times ahead, and waits for them', async () => {
    const c = await booted();
    const fs = await fileServer();
    const mark = c.mark();
    const sent = Date.now();
    // The install time is far enough after the download time that a download slowed by a busy machine still ends
    // before it (a station installs at once, without InstallScheduled, when the install time has passed).
    expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE), { retrieveInMs: 1000, installInMs: 3500 })).toBe('Accepted');
    expect(await statusesUntil(c, 'FirmwareStatusNotification', FIRMWARE_END, mark, 10_000)).toEqual(['DownloadScheduled', 'Downloading', 'Downloaded', 'SignatureVerified', 'InstallScheduled', 'Installing', 'Installed']);
    expect(Date.now() - sent).toBeGreaterThanOrEqual(1000);
  });
});
