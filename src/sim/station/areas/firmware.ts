// Firmware management (Part 6 block L): secure firmware update (UpdateFirmware). The signing certificate must be issued
// by an installed ManufacturerRootCertificate and be valid now; the image is downloaded (at retrieveDateTime, with the
// request's retries), its signature checked with the certificate's key, then installed (at installDateTime). Every step
// is reported with FirmwareStatusNotification (with the request's requestId); TriggerMessage FirmwareStatusNotification
// reports the current step, or Idle when no update runs. A second UpdateFirmware cancels the running one
// (AcceptedCanceled); one without signing certificate and signature is Rejected. The reference station installs
// without a reboot. Installing verifies that the image is one of the reference station's own (it begins with
// FIRMWARE_MAGIC, as a real firmware image names the product it is for): a correctly signed image for something else
// ends in InstallVerificationFailed (L01.FR.12) and the running firmware stays.
// This area's named faults and behaviour of the reference station.
import { X509Certificate, verify } from 'node:crypto';
import type { StationCore } from '../core.ts';
import { download } from '../file-transfer.ts';
import { errText, nowText, perStation, type Json } from '../state.ts';
import { afterEvseChange, heldUnavailable } from './availability.ts';
import { trustedRoots, validNow } from './certificates.ts';
import type { StationArea } from './types.ts';
import { cancelJob, newTransferJob, pauseJob, type TransferJob } from './transfer-job.ts';

export const FAULTS = {
  'firmware.triggerRejectsEvse': 'TriggerMessage FirmwareStatusNotification naming an EVSE is Rejected (the EVSE should be ignored).',
  'firmware.triggerReportsInstalled': 'A triggered FirmwareStatusNotification says Installed although no update ran.',
  'firmware.triggerIgnoresUpdate': 'A triggered FirmwareStatusNotification says Idle while an update runs.',
  'firmware.downloadIgnoresSchedule': 'A retrieveDateTime in the future is ignored: the download starts at once, without DownloadScheduled.',
  'firmware.installIgnoresSchedule': 'An installDateTime in the future is ignored: the installation starts at once, without InstallScheduled.',
  'firmware.noCancelOnSecondRequest': 'An UpdateFirmware while an update runs is answered Accepted and the running update is not cancelled.',
  'firmware.acceptUnsignedUpdate': 'An UpdateFirmware without signing certificate and signature is Accepted (the image is installed unchecked).',
  'firmware.refuseDuringTransaction': 'An UpdateFirmware while a transaction runs is Rejected, although the station declares it can update then (PICS C-43).',
  'firmware.acceptAnySigningCertificate': 'UpdateFirmware accepts a signing certificate that is expired or not issued by an installed manufacturer root.',
  'firmware.skipSignatureCheck': 'The image signature is not checked: SignatureVerified is reported for any signature.',
  'firmware.ignoreHttpStatus': 'A download answered with an HTTP error status is taken as the image (Downloaded instead of DownloadFailed).',
  'firmware.noSignatureVerifiedStatus': 'After Downloaded the station goes straight to Installing, without reporting SignatureVerified.',
  'firmware.skipInstallVerification': 'Installation does not verify the image: one that is not for this station is reported Installed instead of InstallVerificationFailed.',
  'firmware.cancelDespiteNoCancel': 'A station that cannot cancel an update (variant, PICS NOT C-60) cancels the running one on a second UpdateFirmware (AcceptedCanceled) instead of answering Rejected.',
  'firmware.installDuringTransaction': 'A station that cannot install while a transaction runs (variant, PICS NOT C-43) treats the update as pending (connectors Unavailable) but installs and activates the image at once, before the transaction ends.',
  'firmware.noUnavailableWhilePending': 'While an update waits for transactions to end and AllowNewSessionsPendingFirmwareUpdate is not true, the idle connectors stay Available.',
  'firmware.refuseNewSessionsWhilePending': 'While an update waits for transactions to end, the idle connectors are made Unavailable (no new session can start) although AllowNewSessionsPendingFirmwareUpdate is true.',
  'firmware.waitsOnlyForEarlierTransactions': 'An update waiting for transactions to end goes on once those that ran when it began to wait have ended, although a session started meanwhile (AllowNewSessionsPendingFirmwareUpdate true) still runs.',
} as const satisfies Record<string, string>;

type Job = TransferJob;

/** The first bytes of every firmware image of the reference station (its product identification). */
const FIRMWARE_MAGIC = Buffer.from('OCPP conformance test firmware image');

const memory = perStation<StationCore, { job: Job | undefined }>(() => ({ job: undefined }));

/** Why the signing certificate is not acceptable, or undefined when a trusted manufacturer root issued it and it is valid now. */
function untrustedSigner(st: StationCore, pem: string): string | undefined {
  const cert = validNow(pem);
  if (typeof cert === 'string') return cert;
  const issuedByTrusted = trustedRoots(st, 'ManufacturerRootCertificate').some((rootPem) => {
    const root = new X509Certificate(rootPem);
    return cert.checkIssued(root) && cert.verify(root.publicKey);
  });
  return issuedByTrusted ? undefined : 'not issued by an installed ManufacturerRootCertificate';
}

function signatureValid(pem: string, image: Buffer, signature: string): boolean {
  try {
    return verify('sha256', image, new X509Certificate(pem).publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Waits until `at` (ms since the epoch) unless the job is cancelled first; false when cancelled. */
const waitUntil = (job: Job, at: number): Promise<boolean> => pauseJob(job, at - Date.now());

const HOLD = 'firmware update pending';

/**
 * Waits until no transaction runs, unless the job is cancelled first; false when cancelled. A session started while
 * the update waits (AllowNewSessionsPendingFirmwareUpdate true) is waited for as well: L01.FR.06 asks for no
 * transaction at all, not for the end of those that ran when the update came.
 */
function untilNoTransaction(st: StationCore, job: Job): Promise<boolean> {
  const earlier = new Set(st.evses.map((e) => e.tx).filter((tx) => tx !== undefined));
  const waitedFor = (e: StationCore['evses'][number]): boolean => e.tx !== undefined && (!st.faults.has('firmware.waitsOnlyForEarlierTransactions') || earlier.has(e.tx));
  return new Promise((resolve) => {
    let off = (): void => undefined;
    const check = (): void => {
      if (!job.cancelled && st.evses.some(waitedFor)) return;
      off();
      job.wake = undefined;
      resolve(!job.cancelled);
    };
    off = st.onStateChange(check);
    job.wake = check;
    check();
  });
}

/**
 * A station that cannot download (PICS NOT AQ-7) or install (NOT C-43) while a transaction runs reports the phase as
 * scheduled and waits for the last transaction to end (L01.FR.06). Unless AllowNewSessionsPendingFirmwareUpdate is
 * true, its connectors without a transaction are Unavailable meanwhile and until the update is over (L01.FR.07).
 * False when the job was cancelled.
 */
async function waitForTransactions(st: StationCore, job: Job, scheduled: 'DownloadScheduled' | 'InstallScheduled', report: (status: string) => Promise<boolean>): Promise<boolean> {
  if (!st.evses.some((e) => e.tx !== undefined)) return true;
  const installsAnyway = scheduled === 'InstallScheduled' && st.faults.has('firmware.installDuringTransaction');
  if (!installsAnyway && !(await report(scheduled))) return false;
  const allowNew = st.dm.get({ name: 'ChargingStation' }, { name: 'AllowNewSessionsPendingFirmwareUpdate' }).value === 'true' && !st.faults.has('firmware.refuseNewSessionsWhilePending');
  if (!allowNew && !st.faults.has('firmware.noUnavailableWhilePending')) {
    heldUnavailable(st).by.add(HOLD);
    afterEvseChange(st);
  }
  if (installsAnyway) return true;
  return await untilNoTransaction(st, job);
}

/** The update is over (or cancelled): connectors held Unavailable for it are available again. */
function releaseConnectors(st: StationCore): void {
  if (heldUnavailable(st).by.delete(HOLD)) afterEvseChange(st);
}

async function runUpdate(st: StationCore, job: Job, p: Json): Promise<void> {
  const fw = p.firmware as Json;
  const report = async (status: string): Promise<boolean> => {
    if (job.cancelled) return false;
    job.status = status;
    await st.callSafe('FirmwareStatusNotification', { status, requestId: job.requestId });
    return !job.cancelled;
  };
  const securityEvent = (type: string): Promise<unknown> => st.callSafe('SecurityEventNotification', { type, timestamp: nowText() });
  const retrieveAt = Date.parse(String(fw.retrieveDateTime));
  if (retrieveAt > Date.now() && !st.faults.has('firmware.downloadIgnoresSchedule')) {
    if (!(await report('DownloadScheduled')) || !(await waitUntil(job, retrieveAt))) return;
  }
  if (st.opts.omit?.includes('firmwareDownloadDuringTransaction') && !(await waitForTransactions(st, job, 'DownloadScheduled', report))) return;
  const attempts = 1 + (typeof p.retries === 'number' ? p.retries : 0);
  const retryMs = (typeof p.retryInterval === 'number' ? p.retryInterval : 0) * 1000;
  let image: Buffer | undefined;
  for (let attempt = 1; attempt <= attempts && image === undefined; attempt++) {
    if (!(await report('Downloading'))) return;
    try {
      image = await download(String(fw.location), { caPem: st.opts.tls?.caPem, timeoutMs: st.timers.callTimeoutMs }, st.faults.has('firmware.ignoreHttpStatus'));
    } catch (e) {
      st.note(`firmware download attempt ${attempt} of ${attempts} failed: ${errText(e)}`);
      if (attempt < attempts && !(await waitUntil(job, Date.now() + retryMs))) return;
    }
  }
  if (image === undefined) {
    await report('DownloadFailed');
    return;
  }
  if (!(await report('Downloaded'))) return;
  const unsigned = fw.signingCertificate === undefined && fw.signature === undefined;
  const signatureOk = st.faults.has('firmware.skipSignatureCheck') || unsigned || signatureValid(String(fw.signingCertificate ?? ''), image, String(fw.signature ?? ''));
  if (!signatureOk) {
    await report('InvalidSignature');
    await securityEvent('InvalidFirmwareSignature');
    return;
  }
  if (!st.faults.has('firmware.noSignatureVerifiedStatus') && !(await report('SignatureVerified'))) return;
  const installAt = Date.parse(String(fw.installDateTime));
  if (installAt > Date.now() && !st.faults.has('firmware.installIgnoresSchedule')) {
    if (!(await report('InstallScheduled')) || !(await waitUntil(job, installAt))) return;
  }
  if (st.opts.omit?.includes('firmwareInstallDuringTransaction') && !(await waitForTransactions(st, job, 'InstallScheduled', report))) return;
  if (!(await report('Installing'))) return;
  if (!image.subarray(0, FIRMWARE_MAGIC.length).equals(FIRMWARE_MAGIC) && !st.faults.has('firmware.skipInstallVerification')) {
    st.note('firmware installation: the image is not a firmware image of this station; the running firmware stays');
    await report('InstallVerificationFailed');
    return;
  }
  if (!(await report('Installed'))) return;
  await securityEvent('FirmwareUpdated');
}

function onUpdateFirmware(st: StationCore, p: Json): Json {
  const fw = p.firmware as Json;
  const signer = typeof fw.signingCertificate === 'string' ? fw.signingCertificate : undefined;
  // The reference station does secure firmware updates only: an update without certificate or signature is refused.
  if ((signer === undefined || typeof fw.signature !== 'string') && !st.faults.has('firmware.acceptUnsignedUpdate')) {
    return { status: 'Rejected', statusInfo: { reasonCode: 'MissingSignature', additionalInfo: 'signingCertificate and signature are required' } };
  }
  const problem = signer !== undefined && !st.faults.has('firmware.acceptAnySigningCertificate') ? untrustedSigner(st, signer) : undefined;
  if (problem) {
    st.note(`UpdateFirmware: signing certificate refused: ${problem}`);
    st.afterReply(() => void st.callSafe('SecurityEventNotification', { type: 'InvalidFirmwareSigningCertificate', timestamp: nowText(), techInfo: problem }));
    return { status: 'InvalidCertificate', statusInfo: { reasonCode: 'InvalidCertificate', additionalInfo: problem } };
  }
  if (st.faults.has('firmware.refuseDuringTransaction') && st.evses.some((e) => e.tx !== undefined)) return { status: 'Rejected' };
  const mem = memory(st);
  // A station that cannot cancel a running update refuses the new one and carries on (L01.FR.27).
  if (mem.job && st.opts.omit?.includes('firmwareCancel') && !st.faults.has('firmware.cancelDespiteNoCancel')) {
    return { status: 'Rejected', statusInfo: { reasonCode: 'UpdateInProgress', additionalInfo: 'this station cannot cancel a running firmware update' } };
  }
  const running = st.faults.has('firmware.noCancelOnSecondRequest') ? undefined : mem.job;
  if (running) cancelJob(running);
  const job = newTransferJob(Number(p.requestId), 'Idle');
  mem.job = job;
  st.afterReply(() => {
    void runUpdate(st, job, p).finally(() => {
      if (mem.job !== job) return;
      mem.job = undefined;
      releaseConnectors(st);
    });
  });
  return { status: running ? 'AcceptedCanceled' : 'Accepted' };
}

export const AREA = {
  name: 'firmware',
  blocks: ['L', 'F'],
  faults: FAULTS,
  handlers: { UpdateFirmware: onUpdateFirmware },
  triggers: {
    FirmwareStatusNotification: (st, evseRef) => {
      if (evseRef && st.faults.has('firmware.triggerRejectsEvse')) return { status: 'Rejected' };
      const job = st.faults.has('firmware.triggerIgnoresUpdate') ? undefined : memory(st).job;
      const payload = job ? { status: job.status, requestId: job.requestId } : { status: st.faults.has('firmware.triggerReportsInstalled') ? 'Installed' : 'Idle' };
      st.afterReply(() => void st.callSafe('FirmwareStatusNotification', payload, true));
      return { status: 'Accepted' };
    },
  },
  halt(st) {
    const mem = memory(st);
    if (mem.job) cancelJob(mem.job);
    mem.job = undefined;
    heldUnavailable(st).by.delete(HOLD);
  },
} satisfies StationArea;
