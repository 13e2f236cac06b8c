// Operations behind the station-side diagnostics steps (Part 6 block N, SUT = Charging Station): the upload location
// on the test system's file server, the check that the log the station reported as Uploaded really arrived there, and
// the retries of a failed upload with their spacing.
import { ExpectationFailed, PreconditionFailed } from '../../peer/errors.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { asCs } from '../roles.ts';
import { fileServerOf, finishTransferAtEnd } from './file-transfer.ts';

type Json = Record<string, unknown>;

/** Timer granularity between our clock and the station's retry timer. */
const TIMER_SLACK_MS = 250;
const FAILED_UPLOAD = ['UploadFailure', 'BadMessage', 'PermissionDenied', 'NotSupportedOperation'];

/** <log location>: a folder on the case's file server the station may upload to. */
export async function offerUploadLocation(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the test system offers an upload location');
  cs.memory.set('log location', (await fileServerOf(cs)).uploadUrl('logs'));
}

/** <log location>: a URL on a port where nothing listens, so every upload attempt is refused. */
export async function offerRefusingLocation(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the test system offers a refusing upload location');
  cs.memory.set('log location', await (await fileServerOf(cs)).refusingUrl('/upload/logs/'));
}

/** From now on the file server holds every answer back for the SUT's reaction time (timeouts.defaultMs), so a transfer is still running when the case acts. */
export async function fileServerSlow(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the file server answers slowly');
  (await fileServerOf(cs)).fail({ kind: 'slow', delayMs: cs.peer.timing.expectMs });
}

export async function fileServerNormal(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the file server answers normally');
  (await fileServerOf(cs)).fail(undefined);
}

/** The log the station named in its (last) GetLogResponse arrived on the file server, under that name and not empty. */
export async function logArrived(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the uploaded log arrived');
  const answer = cs.memory.get('answer:GetLog') as Json | undefined;
  const filename = typeof answer?.filename === 'string' ? answer.filename : undefined;
  if (!filename) throw new ExpectationFailed({ expected: 'a GetLogResponse naming the file it uploads', actual: 'the GetLogResponse has no filename', requirementIds: cs.requirementIds });
  const server = await fileServerOf(cs);
  const got = await server.waitForUpload((u) => u.name === filename, cs.peer.timing.expectMs);
  const seen = server.uploads.map((u) => `${u.name} (${u.size} bytes)`).join(', ') || 'nothing';
  if (!got) throw new ExpectationFailed({ expected: `the log ${filename} uploaded to the test system's file server`, actual: `no upload named ${filename} arrived; the file server received: ${seen}`, requirementIds: cs.requirementIds });
  if (got.size === 0) throw new ExpectationFailed({ expected: `the log ${filename} with content`, actual: `${filename} arrived empty`, requirementIds: cs.requirementIds });
  cs.peer.note(`uploaded log verified: ${got.name}, ${got.size} bytes, sha256 ${got.sha256}`);
}

function answerIfHeld(cs: CsContext, entry: InboxEntry): void {
  if (!entry.answer) cs.peer.respond(entry, cs.peer.defaultReplyFor(entry));
}

/**
 * A failed upload with retries (TC_N_26_CS): 1 + retries attempts, each reported with a failure status (Uploading
 * before it is required for the first attempt only), all with the request's requestId; from the first Uploading to
 * the last failure report, the retries x retryInterval of the GetLogRequest (plus at most the SUT's reaction time).
 */
export async function uploadAttemptsFailed(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the station reports the failed upload attempts');
  const request = cs.peer.lastCall('GetLog').payload;
  const requestId = request.requestId;
  const retries = typeof request.retries === 'number' ? request.retries : 0;
  const intervalMs = (typeof request.retryInterval === 'number' ? request.retryInterval : 0) * 1000;
  const fail = (expected: string, actual: string, entry?: InboxEntry): never => {
    throw new ExpectationFailed({ expected, actual, ...(entry ? { frame: entry.frame } : {}), requirementIds: cs.requirementIds });
  };
  let firstUploading: InboxEntry | undefined;
  let lastFailure: InboxEntry | undefined;
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    const within = intervalMs + cs.peer.timing.expectMs;
    let entry = await cs.peer.expectRequest('LogStatusNotification', { within, description: `the LogStatusNotificationRequest of upload attempt ${attempt} of ${retries + 1}`, requirementIds: cs.requirementIds });
    answerIfHeld(cs, entry);
    if (entry.payload.status === 'Uploading') {
      firstUploading ??= entry;
      entry = await cs.peer.expectRequest('LogStatusNotification', { within, description: `the failure report of upload attempt ${attempt} of ${retries + 1}`, requirementIds: cs.requirementIds });
      answerIfHeld(cs, entry);
    } else if (attempt === 1) {
      fail('status Uploading for the first upload attempt', `status should be "Uploading" but is "${String(entry.payload.status)}"`, entry);
    }
    const status = String(entry.payload.status);
    if (!FAILED_UPLOAD.includes(status)) fail(`a failure status (${FAILED_UPLOAD.join(', ')}) for upload attempt ${attempt}`, `status should be one of those but is "${status}"`, entry);
    if (entry.payload.requestId !== requestId) fail(`requestId ${String(requestId)}`, `requestId ${String(entry.payload.requestId)}`, entry);
    lastFailure = entry;
  }
  if (!firstUploading || !lastFailure) throw new PreconditionFailed('no upload attempt was seen');
  const spanMs = lastFailure.at - firstUploading.at;
  const leastMs = retries * intervalMs - TIMER_SLACK_MS;
  const mostMs = retries * intervalMs + cs.peer.timing.expectMs;
  if (spanMs < leastMs || spanMs > mostMs) fail(`${retries} retries ${intervalMs / 1000} s apart: ${retries * intervalMs} ms from the first Uploading to the last failure`, `${spanMs} ms passed`, lastFailure);
}

/** Clean-up, not a check: the test system waits (answering) until the station reports the end of the upload the case left running. */
export async function finishUploadAtEnd(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the station finishes the log upload');
  await finishTransferAtEnd(cs, 'let the log upload end', async () => {
    (await fileServerOf(cs)).fail(undefined);
    for (;;) {
      const entry = await cs.peer.expectRequest('LogStatusNotification', { within: cs.peer.timing.expectMs * 2 });
      answerIfHeld(cs, entry);
      if (entry.payload.status !== 'Uploading') return;
    }
  });
}
