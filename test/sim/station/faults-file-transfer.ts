// Fault scenarios of the firmware, diagnostics and certificates areas (spread into faults.test.ts): each switches its
// fault on and sees the one behaviour it breaks. The correct behaviour is in file-transfer.test.ts.
import { expect } from 'vitest';
import { certificateHashData } from '../../../src/pki/certificate-hash.ts';
import type { StationSim } from '../../../src/sim/station/index.ts';
import { FOREIGN_IMAGE, IMAGE, fileServer, firmwareSigning, statusesUntil, updateFirmware } from './file-transfer-kit.ts';
import type { ScriptedCsms } from './scripted-csms.ts';

type Booted = (faults: string[]) => Promise<{ c: ScriptedCsms; s: StationSim }>;
const FIRMWARE_END = ['Installed', 'DownloadFailed', 'InvalidSignature', 'InstallationFailed', 'InstallVerificationFailed'];

export function fileTransferScenarios(booted: Booted): Record<string, () => Promise<void>> {
  return {
    'firmware.acceptAnySigningCertificate': async () => {
      const { c } = await booted(['firmware.acceptAnySigningCertificate']);
      const fs = await fileServer();
      expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE), { signer: 'expired' })).toBe('Accepted');
    },
    'firmware.skipSignatureCheck': async () => {
      const { c } = await booted(['firmware.skipSignatureCheck']);
      const fs = await fileServer();
      const mark = c.mark();
      expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE), { signature: 'otherBytes' })).toBe('Accepted');
      expect(await statusesUntil(c, 'FirmwareStatusNotification', FIRMWARE_END, mark)).toContain('SignatureVerified');
    },
    'firmware.ignoreHttpStatus': async () => {
      const { c } = await booted(['firmware.ignoreHttpStatus']);
      const fs = await fileServer();
      const mark = c.mark();
      expect(await updateFirmware(c, `${fs.publish('fw.bin', IMAGE)}_missing`)).toBe('Accepted');
      expect(await statusesUntil(c, 'FirmwareStatusNotification', FIRMWARE_END, mark)).toEqual(['Downloading', 'Downloaded', 'InvalidSignature']);
    },
    'firmware.noSignatureVerifiedStatus': async () => {
      const { c } = await booted(['firmware.noSignatureVerifiedStatus']);
      const fs = await fileServer();
      const mark = c.mark();
      expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE))).toBe('Accepted');
      expect(await statusesUntil(c, 'FirmwareStatusNotification', FIRMWARE_END, mark)).toEqual(['Downloading', 'Downloaded', 'Installing', 'Installed']);
    },
    'diagnostics.uploadedWithoutUpload': async () => {
      const { c } = await booted(['diagnostics.uploadedWithoutUpload']);
      const fs = await fileServer();
      const mark = c.mark();
      expect((await c.call('GetLog', { logType: 'DiagnosticsLog', requestId: 5, log: { remoteLocation: fs.uploadUrl() } })).status).toBe('Accepted');
      expect(await statusesUntil(c, 'LogStatusNotification', ['Uploaded', 'UploadFailure'], mark)).toEqual(['Uploading', 'Uploaded']);
      expect(fs.uploads).toEqual([]);
    },
    'diagnostics.noUploadRetries': async () => {
      const { c } = await booted(['diagnostics.noUploadRetries']);
      const fs = await fileServer();
      const mark = c.mark();
      const remoteLocation = await fs.refusingUrl('/upload/logs/');
      expect((await c.call('GetLog', { logType: 'DiagnosticsLog', requestId: 6, retries: 2, retryInterval: 0, log: { remoteLocation } })).status).toBe('Accepted');
      await c.waitFor('LogStatusNotification', (p) => p.status === 'UploadFailure', 5000, mark);
      // A ping round trip: anything the station would still send for a retry with interval 0 is in by then.
      await c.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] });
      expect(c.of('LogStatusNotification', mark).map((r) => r.payload.status)).toEqual(['Uploading', 'UploadFailure']);
    },
    'diagnostics.noCancelOnSecondRequest': async () => {
      const { c } = await booted(['diagnostics.noCancelOnSecondRequest']);
      const fs = await fileServer();
      fs.fail({ kind: 'slow', delayMs: 1000 });
      const log = { remoteLocation: fs.uploadUrl() };
      const mark = c.mark();
      expect((await c.call('GetLog', { logType: 'DiagnosticsLog', requestId: 7, log })).status).toBe('Accepted');
      await c.waitFor('LogStatusNotification', (p) => p.status === 'Uploading', 5000, mark);
      expect((await c.call('GetLog', { logType: 'DiagnosticsLog', requestId: 8, log })).status).toBe('Accepted');
    },
    'firmware.triggerIgnoresUpdate': async () => {
      const { c } = await booted(['firmware.triggerIgnoresUpdate']);
      const fs = await fileServer();
      fs.fail({ kind: 'slow', delayMs: 1000 });
      const mark = c.mark();
      expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE))).toBe('Accepted');
      await c.waitFor('FirmwareStatusNotification', (p) => p.status === 'Downloading', 5000, mark);
      const trigger = c.mark();
      expect((await c.call('TriggerMessage', { requestedMessage: 'FirmwareStatusNotification' })).status).toBe('Accepted');
      expect((await c.waitFor('FirmwareStatusNotification', () => true, 5000, trigger)).payload.status).toBe('Idle');
    },
    'diagnostics.triggerIgnoresUpload': async () => {
      const { c } = await booted(['diagnostics.triggerIgnoresUpload']);
      const fs = await fileServer();
      fs.fail({ kind: 'slow', delayMs: 1000 });
      const mark = c.mark();
      expect((await c.call('GetLog', { logType: 'DiagnosticsLog', requestId: 14, log: { remoteLocation: fs.uploadUrl() } })).status).toBe('Accepted');
      await c.waitFor('LogStatusNotification', (p) => p.status === 'Uploading', 5000, mark);
      const trigger = c.mark();
      expect((await c.call('TriggerMessage', { requestedMessage: 'LogStatusNotification' })).status).toBe('Accepted');
      expect((await c.waitFor('LogStatusNotification', () => true, 5000, trigger)).payload.status).toBe('Idle');
    },
    'firmware.downloadIgnoresSchedule': async () => {
      const { c } = await booted(['firmware.downloadIgnoresSchedule']);
      const fs = await fileServer();
      const mark = c.mark();
      expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE), { retrieveInMs: 60_000 })).toBe('Accepted');
      expect((await statusesUntil(c, 'FirmwareStatusNotification', FIRMWARE_END, mark))[0]).toBe('Downloading');
    },
    'firmware.installIgnoresSchedule': async () => {
      const { c } = await booted(['firmware.installIgnoresSchedule']);
      const fs = await fileServer();
      const mark = c.mark();
      expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE), { installInMs: 60_000 })).toBe('Accepted');
      expect(await statusesUntil(c, 'FirmwareStatusNotification', FIRMWARE_END, mark)).not.toContain('InstallScheduled');
    },
    'firmware.noCancelOnSecondRequest': async () => {
      const { c } = await booted(['firmware.noCancelOnSecondRequest']);
      const fs = await fileServer();
      const mark = c.mark();
      expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE), { retrieveInMs: 60_000 })).toBe('Accepted');
      await c.waitFor('FirmwareStatusNotification', (p) => p.status === 'DownloadScheduled', 5000, mark);
      expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE), { requestId: 2 })).toBe('Accepted');
    },
    'certificates.keyHashOverWholeSpki': async () => {
      const { c } = await booted(['certificates.keyHashOverWholeSpki']);
      const { root } = await firmwareSigning();
      await c.call('InstallCertificate', { certificateType: 'ManufacturerRootCertificate', certificate: root.certPem });
      const listed = ((await c.call('GetInstalledCertificateIds', {})).certificateHashDataChain as Array<{ certificateHashData: { issuerKeyHash: string } }>)[0];
      expect(listed?.certificateHashData.issuerKeyHash).not.toBe(certificateHashData(root.certPem, 'SHA256').issuerKeyHash);
    },
    'certificates.deleteWithoutDeleting': async () => {
      const { c } = await booted(['certificates.deleteWithoutDeleting']);
      const { root } = await firmwareSigning();
      await c.call('InstallCertificate', { certificateType: 'ManufacturerRootCertificate', certificate: root.certPem });
      expect((await c.call('DeleteCertificate', { certificateHashData: { ...certificateHashData(root.certPem, 'SHA256') } })).status).toBe('Accepted');
      expect((await c.call('GetInstalledCertificateIds', {})).status).toBe('Accepted');
    },
    'certificates.deleteUnknownAccepted': async () => {
      const { c } = await booted(['certificates.deleteUnknownAccepted']);
      const { root } = await firmwareSigning();
      expect((await c.call('DeleteCertificate', { certificateHashData: { ...certificateHashData(root.certPem, 'SHA256') } })).status).toBe('Accepted');
    },
    'firmware.acceptUnsignedUpdate': async () => {
      const { c } = await booted(['firmware.acceptUnsignedUpdate']);
      const fs = await fileServer();
      const mark = c.mark();
      const answer = await c.call('UpdateFirmware', { requestId: 3, firmware: { location: fs.publish('fw.bin', IMAGE), retrieveDateTime: new Date().toISOString() } });
      expect(answer.status).toBe('Accepted');
      expect(await statusesUntil(c, 'FirmwareStatusNotification', FIRMWARE_END, mark)).toContain('Installed');
    },
    'firmware.refuseDuringTransaction': async () => {
      const { c, s: sim } = await booted(['firmware.refuseDuringTransaction']);
      const fs = await fileServer();
      expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE))).toBe('Accepted');
      const mark = c.mark();
      sim.plugIn(1, 1);
      sim.presentToken({ idToken: 'TAG1', type: 'ISO14443' }, 1);
      await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
      expect(await updateFirmware(c, fs.publish('fw.bin', IMAGE), { requestId: 2 })).toBe('Rejected');
    },
    'firmware.skipInstallVerification': async () => {
      const { c } = await booted(['firmware.skipInstallVerification']);
      const fs = await fileServer();
      const mark = c.mark();
      expect(await updateFirmware(c, fs.publish('other.bin', FOREIGN_IMAGE), { image: FOREIGN_IMAGE })).toBe('Accepted');
      expect(await statusesUntil(c, 'FirmwareStatusNotification', FIRMWARE_END, mark)).toEqual(['Downloading', 'Downloaded', 'SignatureVerified', 'Installing', 'Installed']);
    },
    'certificates.emptyListAccepted': async () => {
      const { c } = await booted(['certificates.emptyListAccepted']);
      expect(await c.call('GetInstalledCertificateIds', { certificateType: ['MORootCertificate'] })).toEqual({ status: 'Accepted' });
    },
    'certificates.installWithoutCheck': async () => {
      const { c } = await booted(['certificates.installWithoutCheck']);
      const { signer } = await firmwareSigning();
      expect((await c.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: signer.certPem })).status).toBe('Accepted');
    },
  };
}
