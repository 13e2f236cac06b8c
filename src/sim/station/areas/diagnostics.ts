// Diagnostics (Part 6 block N): log upload (GetLog, diagnostics and security logs). The station answers with the file
// name it will upload, then posts the log to log.remoteLocation (multipart, over HTTP or HTTPS), reporting each attempt
// with LogStatusNotification (Uploading, then Uploaded or UploadFailure / NotSupportedOperation), retrying `retries`
// times `retryInterval` seconds apart. A second GetLog cancels the running upload (AcceptedCanceled in the answer and in a
// LogStatusNotification of the cancelled request).
// TriggerMessage LogStatusNotification reports the running upload's status, or Idle.
// This area's named faults and behaviour of the reference station.
import type { StationCore } from '../core.ts';
import { TransferError, upload } from '../file-transfer.ts';
import { errText, nowText, perStation, type Json } from '../state.ts';
import type { StationArea } from './types.ts';
import { cancelJob, newTransferJob, pauseJob, type TransferJob } from './transfer-job.ts';

export const FAULTS = {
  'diagnostics.triggerReportsUploaded': 'A triggered LogStatusNotification says Uploaded although no upload ran.',
  'diagnostics.uploadedWithoutUpload': 'GetLog reports Uploading and Uploaded but never sends the file.',
  'diagnostics.noUploadRetries': 'A failed log upload is not retried, whatever GetLog asked for.',
  'diagnostics.triggerIgnoresUpload': 'A triggered LogStatusNotification says Idle while an upload runs.',
  'diagnostics.noCancelOnSecondRequest': 'A GetLog while an upload runs is answered Accepted and the running upload is not cancelled.',
} as const satisfies Record<string, string>;

type Job = TransferJob;

const memory = perStation<StationCore, { job: Job | undefined }>(() => ({ job: undefined }));

/** The log's contents: a few lines the station has to say (the format of a log is not prescribed). */
function logContents(st: StationCore, logType: string): Buffer {
  const lines = [`${nowText()} ${st.identity} ${logType}`, `boots since start: ${st.bootCount}`, `connectors: ${st.allConnectors().length}`];
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function runUpload(st: StationCore, job: Job, p: Json, filename: string): Promise<void> {
  const log = p.log as Json;
  const report = async (status: string): Promise<boolean> => {
    if (job.cancelled) return false;
    job.status = status;
    await st.callSafe('LogStatusNotification', { status, requestId: job.requestId });
    return !job.cancelled;
  };
  const retries = st.faults.has('diagnostics.noUploadRetries') ? 0 : typeof p.retries === 'number' ? p.retries : 0;
  const retryMs = (typeof p.retryInterval === 'number' ? p.retryInterval : 0) * 1000;
  for (let attempt = 1; attempt <= 1 + retries; attempt++) {
    if (!(await report('Uploading'))) return;
    try {
      if (!st.faults.has('diagnostics.uploadedWithoutUpload')) {
        await upload(String(log.remoteLocation), filename, logContents(st, String(p.logType)), { caPem: st.opts.tls?.caPem, timeoutMs: st.timers.callTimeoutMs });
      }
      await report('Uploaded');
      return;
    } catch (e) {
      st.note(`log upload attempt ${attempt} of ${1 + retries} failed: ${errText(e)}`);
      if (!(await report(e instanceof TransferError && e.kind === 'unsupported' ? 'NotSupportedOperation' : 'UploadFailure'))) return;
      if (attempt <= retries && !(await pauseJob(job, retryMs))) return;
    }
  }
}

function onGetLog(st: StationCore, p: Json): Json {
  const mem = memory(st);
  const running = st.faults.has('diagnostics.noCancelOnSecondRequest') ? undefined : mem.job;
  if (running) cancelJob(running);
  const job = newTransferJob(Number(p.requestId), 'Idle');
  mem.job = job;
  const filename = `${st.identity}-${String(p.logType)}-${job.requestId}.log`;
  st.afterReply(() => {
    // The cancelled upload is reported as such before the new one starts.
    const cancelled = running ? st.callSafe('LogStatusNotification', { status: 'AcceptedCanceled', requestId: running.requestId }) : Promise.resolve(undefined);
    void cancelled.then(() => runUpload(st, job, p, filename)).finally(() => {
      if (mem.job === job) mem.job = undefined;
    });
  });
  return { status: running ? 'AcceptedCanceled' : 'Accepted', filename };
}

export const AREA = {
  name: 'diagnostics',
  blocks: ['N', 'F'],
  faults: FAULTS,
  handlers: { GetLog: onGetLog },
  triggers: {
    LogStatusNotification: (st) => {
      const job = st.faults.has('diagnostics.triggerIgnoresUpload') ? undefined : memory(st).job;
      const payload = job ? { status: job.status, requestId: job.requestId } : { status: st.faults.has('diagnostics.triggerReportsUploaded') ? 'Uploaded' : 'Idle' };
      st.afterReply(() => void st.callSafe('LogStatusNotification', payload, true));
      return { status: 'Accepted' };
    },
  },
  halt(st) {
    const mem = memory(st);
    if (mem.job) cancelJob(mem.job);
    mem.job = undefined;
  },
} satisfies StationArea;
