// Operations behind the firmware steps (Part 6 block L, CSMS cases): the configured signed firmware image the operator
// hands to the CSMS, the progress reports (FirmwareStatusNotification) of the update the test system works on, and
// the checks and waits on the dates of the CSMS's UpdateFirmwareRequest.
import { createHash, sign } from 'node:crypto';
import { ExpectationFailed, PreconditionFailed, ScriptError } from '../../peer/errors.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import { letProtocolTimePass } from '../../peer/protocol-time.ts';
import { issueCertificate } from '../../pki/index.ts';
import { fieldFacts, parsePath } from '../../peer/schema-facts.ts';
import { formatOcppDateTime } from '../../schema/index.ts';
import type { CsmsContext, ScenarioContext } from '../../states/context.ts';
import { configuredCertificate } from '../../states/csms-certificates.ts';
import { asCsms } from '../roles.ts';

type Json = Record<string, unknown>;


/** Where the operator says the firmware is; the test system never downloads it (Part 6 only reports progress). */
const FIRMWARE_LOCATION = 'https://firmware.conformance.test/images/ocpp-conformance-1.0.bin';
const FIRMWARE_IMAGE = Buffer.from('OCPP conformance test firmware image 1.0\n');
/** How far ahead a scheduled download or installation is asked for: whole seconds, at least this much ahead. */
const SCHEDULE_AHEAD_MS = 2000;
/** A scheduled time further away than this is not waited for (the case cannot be finished in reasonable time). */
const LONGEST_SCHEDULE_WAIT_MS = 5 * 60_000;

interface SignedFirmware {
  signingCertificate: string;
  signature: string;
}

let signed: Promise<SignedFirmware> | undefined;

/** The firmware signing certificate (issued by the configured manufacturer root) and the image's signature, made once per process. */
function signedFirmware(): Promise<SignedFirmware> {
  signed ??= (async () => {
    const signer = await issueCertificate({
      issuer: await configuredCertificate('ManufacturerRootCertificate'),
      commonName: 'Conformance Firmware Signing',
      organization: 'OCPP Conformance Test System',
      usage: 'codeSigning',
    });
    return { signingCertificate: signer.certPem, signature: sign('sha256', FIRMWARE_IMAGE, signer.keyPem).toString('base64') };
  })();
  return signed;
}

/**
 * The configured firmware: <firmware location>, <firmware signingCertificate>, <firmware signature>, <firmware
 * checksum> (MD5, hex, as PublishFirmware carries it), and <scheduled dateTime>, a whole-second time shortly ahead for
 * cases that schedule the download or installation.
 */
export async function configureFirmware(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'a signed firmware image is configured');
  const fw = await signedFirmware();
  c.memory.set('firmware location', FIRMWARE_LOCATION);
  c.memory.set('firmware signingCertificate', fw.signingCertificate);
  c.memory.set('firmware signature', fw.signature);
  c.memory.set('firmware checksum', createHash('md5').update(FIRMWARE_IMAGE).digest('hex'));
  // Whole seconds, so a CSMS that keeps only seconds still sends a time in the future.
  const ahead = Math.ceil((Date.now() + SCHEDULE_AHEAD_MS) / 1000) * 1000;
  c.memory.set('scheduled dateTime', formatOcppDateTime(new Date(ahead)));
}

const RUNNING = new Set(['Accepted', 'AcceptedCanceled']);

/** The UpdateFirmwareRequest the test system works on: the last one it answered Accepted or AcceptedCanceled. */
function updateInProgress(ctx: CsmsContext): InboxEntry {
  const received = (ctx.memory.get('requests:UpdateFirmware') as InboxEntry[] | undefined) ?? [];
  const accepted = received.filter((e) => RUNNING.has(String((e.answer?.payload as Json | undefined)?.status)));
  const last = accepted[accepted.length - 1];
  if (!last) throw new ScriptError('no UpdateFirmwareRequest was answered Accepted or AcceptedCanceled by an earlier step, so no firmware update is in progress');
  return last;
}

function firmwareStatusValues(ctx: CsmsContext): readonly string[] {
  const segments = parsePath('status');
  const facts = segments ? fieldFacts(ctx.peer.version, 'FirmwareStatusNotificationRequest', segments) : undefined;
  return facts?.enum ?? [];
}

/** Reports each status of the update in progress (FirmwareStatusNotification with its requestId); each must be answered. */
export async function reportStatuses(ctx: ScenarioContext, statuses: string[]): Promise<void> {
  const c = asCsms(ctx, 'the test system reports firmware statuses');
  const known = firmwareStatusValues(c);
  for (const s of statuses) if (!known.includes(s)) throw new ScriptError(`${s} is not a firmware status of OCPP ${c.peer.version} (${known.join(', ')})`);
  const requestId = updateInProgress(c).payload.requestId;
  for (const status of statuses) {
    c.peer.inbox.advanceCursor();
    const call = c.peer.sendRequest('FirmwareStatusNotification', { status, requestId });
    try {
      await c.peer.awaitAnswer(call, c.requirementIds);
    } catch (e) {
      if (!(e instanceof ExpectationFailed)) throw e;
      throw new ExpectationFailed({ expected: `${e.expected} to the firmware status ${status}`, actual: e.actual, frame: e.frame, requirementIds: e.requirementIds });
    }
  }
}

const DATE_FIELDS = ['firmware.retrieveDateTime', 'firmware.installDateTime'];

function dateField(path: string): void {
  if (!DATE_FIELDS.includes(path)) throw new ScriptError(`"${path}" is not a date of the UpdateFirmwareRequest (${DATE_FIELDS.join(', ')})`);
}

function dateAt(payload: Json, path: string): number | undefined {
  const [outer, inner] = path.split('.') as [string, string];
  const v = (payload[outer] as Json | undefined)?.[inner];
  return typeof v === 'string' ? Date.parse(v) : undefined;
}

/** The last UpdateFirmwareRequest received asks for `path` (a date) later than the moment it arrived. */
export function dateInFuture(ctx: ScenarioContext, path: string): void {
  const c = asCsms(ctx, 'the UpdateFirmwareRequest has a date in the future');
  dateField(path);
  const entry = c.memory.get('request:UpdateFirmware') as InboxEntry | undefined;
  if (!entry) throw new ScriptError('no UpdateFirmwareRequest was received by an earlier step');
  const at = dateAt(entry.payload, path);
  if (at === undefined || !(at > entry.at)) {
    const [outer, inner] = path.split('.') as [string, string];
    throw new ExpectationFailed({
      expected: `an UpdateFirmwareRequest whose ${path} lies in the future (after ${new Date(entry.at).toISOString()}, when it arrived)`,
      actual: `${path} is ${JSON.stringify((entry.payload[outer] as Json | undefined)?.[inner]) ?? 'absent'}`,
      frame: entry.frame,
      requirementIds: c.requirementIds,
    });
  }
}

/** Part 6 reports the next status only once the scheduled `path` of the update in progress has come. */
export async function waitUntilScheduled(ctx: ScenarioContext, path: string): Promise<void> {
  const c = asCsms(ctx, 'the test system waits for the scheduled time');
  dateField(path);
  const at = dateAt(updateInProgress(c).payload, path);
  if (at === undefined || Number.isNaN(at)) throw new PreconditionFailed(`the UpdateFirmwareRequest in progress has no ${path} to wait for`);
  const wait = at - Date.now();
  if (wait > LONGEST_SCHEDULE_WAIT_MS) throw new PreconditionFailed(`${path} is ${Math.round(wait / 1000)} s away, more than this run waits for`);
  await letProtocolTimePass(wait, `the ${path} the CSMS asked for`, (m) => c.peer.note(m));
}
