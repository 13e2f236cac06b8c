// Operations behind the station-side firmware steps (Part 6 block L, SUT = Charging Station): the signed firmware image
// the test system serves on its file server (really signed with a firmware signing certificate of the test PKI), the
// trust the station needs in that certificate's root, the installation phase (with or without reboots), and the check
// that the station really fetched the image.
import { sign } from 'node:crypto';
import { ExpectationFailed, PreconditionFailed } from '../../peer/errors.ts';
import { certificateHashData } from '../../pki/certificate-hash.ts';
import { createRootCa, issueCertificate, loadTestPki } from '../../pki/index.ts';
import type { IssuedCert } from '../../pki/index.ts';
import { formatOcppDateTime } from '../../schema/index.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import { tryLoadRunContext } from '../context.ts';
import { asCs } from '../roles.ts';
import { sutSends, type Rows } from '../operations.ts';
import { afterTransfersAtEnd, fileServerOf, finishTransferAtEnd } from './file-transfer.ts';

type Json = Record<string, unknown>;

const IMAGE_NAME = 'ocpp-conformance-firmware-1.0.bin';
/** A few KB of bytes that are the same in every run (the signature covers them). */
const IMAGE = Buffer.concat([Buffer.from('OCPP conformance test firmware image 1.0\n'), Buffer.alloc(4096, 0x5a)]);
const FOREIGN_IMAGE_NAME = 'ocpp-conformance-firmware-other-product.bin';
/**
 * Correctly signed bytes that are no firmware of the station: no station can install them. The header names another
 * product, as a real image for other hardware would, so a station fails at its installation check, not at the signature.
 */
const FOREIGN_IMAGE = Buffer.concat([Buffer.from('Firmware image of another charging station product 9.9\n'), Buffer.alloc(4096, 0xa5)]);
const YEAR_MS = 365 * 24 * 3600_000;
/** Clock granularity between the station's scheduler and our clock. */
const SCHEDULE_SLACK_MS = 250;

interface FirmwareSigning {
  root: IssuedCert;
  signer: IssuedCert;
  /** Issued by the same root, but its validity ended a year ago: a certificate the station must refuse. */
  expiredSigner: IssuedCert;
}

let signing: Promise<FirmwareSigning> | undefined;

/** The test PKI's manufacturer root and firmware signing certificate when a PKI folder is configured, else a pair made once per process. */
function firmwareSigning(): Promise<FirmwareSigning> {
  signing ??= (async () => {
    const dir = tryLoadRunContext()?.config.certificates.dir;
    let root: IssuedCert;
    let signer: IssuedCert;
    if (dir) {
      const layout = await loadTestPki(dir);
      root = layout.manufacturer.root;
      signer = layout.manufacturer.firmwareSigning;
    } else {
      root = await createRootCa({ commonName: 'Conformance Manufacturer Root (firmware)', organization: 'OCPP Conformance Test System' });
      signer = await issueCertificate({ issuer: root, commonName: 'Conformance Firmware Signing', organization: 'OCPP Conformance Test System', usage: 'codeSigning' });
    }
    const expiredSigner = await issueCertificate({
      issuer: root,
      commonName: 'Conformance Firmware Signing (expired)',
      organization: 'OCPP Conformance Test System',
      usage: 'codeSigning',
      notBefore: new Date(Date.now() - 2 * YEAR_MS),
      notAfter: new Date(Date.now() - YEAR_MS),
    });
    return { root, signer, expiredSigner };
  })();
  return signing;
}

/**
 * The station trusts the manufacturer root of the test system's firmware signing certificate: installed with
 * InstallCertificate (ManufacturerRootCertificate) and deleted again when the case ends. A station that refuses the
 * root cannot be given a valid signed image: INCONCLUSIVE.
 */
export async function trustFirmwareSigner(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the station trusts the firmware signing root');
  const { root } = await firmwareSigning();
  const outcome = await cs.peer.callAndAwait('InstallCertificate', { certificateType: 'ManufacturerRootCertificate', certificate: root.certPem });
  const status = (outcome.payload as Json).status;
  if (status !== 'Accepted') throw new PreconditionFailed(`the station did not install the test system's manufacturer root (InstallCertificateResponse status ${String(status)}), so a signed firmware image cannot be verified by it`);
  await afterTransfersAtEnd(cs, 'delete the manufacturer root installed for the firmware signature', async () => {
    await cs.peer.callAndAwait('DeleteCertificate', { certificateHashData: { ...certificateHashData(root.certPem, 'SHA256') } });
  });
}

/**
 * The firmware image on the case's file server, signed, and the values the UpdateFirmwareRequest names:
 * <firmware location>, <firmware location that does not exist>, <firmware signingCertificate>, <firmware signature>,
 * <invalid firmware signature> (a real signature by the right key, over other bytes), <invalid firmware
 * signingCertificate> (expired, from the same root), <uninstallable firmware location> and <uninstallable firmware
 * signature> (an image no station can install, with its real signature by the right key) and <two hours ago>.
 */
export async function serveSignedFirmware(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the test system serves a signed firmware image');
  const { signer, expiredSigner } = await firmwareSigning();
  const server = await fileServerOf(cs);
  const location = server.publish(IMAGE_NAME, IMAGE);
  cs.memory.set('firmware location', location);
  cs.memory.set('firmware location that does not exist', `${location}_does_not_exist`);
  cs.memory.set('firmware signingCertificate', signer.certPem);
  cs.memory.set('firmware signature', sign('sha256', IMAGE, signer.keyPem).toString('base64'));
  cs.memory.set('invalid firmware signature', sign('sha256', Buffer.from('not the image that is served'), signer.keyPem).toString('base64'));
  cs.memory.set('invalid firmware signingCertificate', expiredSigner.certPem);
  cs.memory.set('uninstallable firmware location', server.publish(FOREIGN_IMAGE_NAME, FOREIGN_IMAGE));
  cs.memory.set('uninstallable firmware signature', sign('sha256', FOREIGN_IMAGE, signer.keyPem).toString('base64'));
  cs.memory.set('two hours ago', formatOcppDateTime(new Date(Date.now() - 2 * 3600_000)));
  // <scheduled time>: Part 6's <Configured Download / Install Offset Period> after now. Decision: the SUT's reaction
  // time (timeouts.defaultMs) plus a second, in whole seconds, so the station surely gets the request and reports
  // what it scheduled before the time comes.
  cs.memory.set('scheduled time', formatOcppDateTime(new Date(Math.ceil((Date.now() + cs.peer.timing.expectMs + 1000) / 1000) * 1000)));
}

/**
 * A FirmwareStatusNotificationRequest (checked against the table) that comes once <scheduled time> has come (waiting
 * until then plus the SUT's reaction time), and no earlier than that.
 */
export async function reportAtSchedule(ctx: ScenarioContext, rows: Rows | undefined): Promise<void> {
  const cs = asCs(ctx, 'the report comes at the scheduled time');
  const at = Date.parse(String(cs.memory.require('scheduled time', 'the firmware image is served by an earlier step')));
  await sutSends(cs, 'the Charging Station', 'FirmwareStatusNotification', rows, { within: Math.max(0, at - Date.now()) + cs.peer.timing.expectMs });
  const entry = cs.memory.get('request:FirmwareStatusNotification') as InboxEntry;
  if (entry.at < at - SCHEDULE_SLACK_MS) {
    throw new ExpectationFailed({ expected: `the FirmwareStatusNotificationRequest (status ${String(entry.payload.status)}) no earlier than the scheduled ${new Date(at).toISOString()}`, actual: `it came ${at - entry.at} ms before that time`, frame: entry.frame, requirementIds: cs.requirementIds });
  }
}

/** Answers a report at once (unless the default responder already did): the station sends the next one only after that. */
function answerIfHeld(cs: CsContext, entry: InboxEntry): void {
  if (!entry.answer) cs.peer.respond(entry, cs.peer.defaultReplyFor(entry));
}

const INSTALL_STEPS = ['Installing', 'InstallRebooting'];

/**
 * The installation phase: the station reports Installing, or InstallRebooting and reboots (the connector reports and
 * the boot in between are answered by the default responders), until it reports one of `endings`, all with the
 * request's requestId; at least one installation step must come before the ending. Any other status is a failure.
 */
async function installation(cs: CsContext, endings: readonly string[], seenBefore: readonly string[] = []): Promise<void> {
  const requestId = cs.memory.get('requestId');
  const wanted = [...INSTALL_STEPS, ...endings].join(', ');
  const seen: string[] = [...seenBefore];
  for (;;) {
    const entry = await cs.peer.expectRequest('FirmwareStatusNotification', { within: cs.peer.timing.bootMs + cs.peer.timing.expectMs, description: `a FirmwareStatusNotificationRequest of the installation (${wanted})`, requirementIds: cs.requirementIds });
    answerIfHeld(cs, entry);
    const p = entry.payload;
    const status = String(p.status);
    if (p.requestId !== requestId) throw new ExpectationFailed({ expected: `FirmwareStatusNotificationRequest with requestId ${String(requestId)}`, actual: `requestId ${String(p.requestId)} (status ${status})`, frame: entry.frame, requirementIds: cs.requirementIds });
    if (endings.includes(status)) {
      if (!seen.some((s) => INSTALL_STEPS.includes(s))) throw new ExpectationFailed({ expected: `Installing (or InstallRebooting) reported before ${status}`, actual: `${status} came without an installation step before it`, frame: entry.frame, requirementIds: cs.requirementIds });
      return;
    }
    if (!INSTALL_STEPS.includes(status)) throw new ExpectationFailed({ expected: `status ${wanted}`, actual: `status should be one of those but is "${status}"`, frame: entry.frame, requirementIds: cs.requirementIds });
    seen.push(status);
  }
}

/** Part 6 steps 9-19 of a successful update: installation steps, then Installed. */
export async function firmwareInstalled(ctx: ScenarioContext): Promise<void> {
  await installation(asCs(ctx, 'the station installs the firmware'), ['Installed']);
}

/** An installation that must fail (TC_L_08): installation steps, then InstallVerificationFailed or InstallationFailed. */
export async function firmwareInstallFailed(ctx: ScenarioContext): Promise<void> {
  await installation(asCs(ctx, 'the station fails to install the firmware'), ['InstallVerificationFailed', 'InstallationFailed']);
}

/** The station really fetched the image: a GET of its location answered 200 with all its bytes. */
export async function firmwareFetched(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the station fetched the firmware image');
  const server = await fileServerOf(cs);
  const got = server.records.find((r) => r.method === 'GET' && r.path.endsWith(`/${IMAGE_NAME}`) && r.status === 200 && r.bytesOut === IMAGE.length);
  if (!got) {
    const tried = server.records.map((r) => `${r.method} ${r.path} -> ${r.status}`).join('; ') || 'no request at all';
    throw new ExpectationFailed({ expected: `a download of ${IMAGE_NAME} (${IMAGE.length} bytes) from the test system's file server`, actual: `the file server saw: ${tried}`, requirementIds: cs.requirementIds });
  }
}

/** Part 6 steps 3-6 of a failed download: an optional Downloading, then DownloadFailed, both with the request's requestId. */
export async function firmwareDownloadFailed(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the station reports the failed download');
  const requestId = cs.memory.get('requestId');
  let entry = await cs.peer.expectRequest('FirmwareStatusNotification', { requirementIds: cs.requirementIds });
  answerIfHeld(cs, entry);
  if (entry.payload.status === 'Downloading' && entry.payload.requestId === requestId) {
    entry = await cs.peer.expectRequest('FirmwareStatusNotification', { requirementIds: cs.requirementIds });
    answerIfHeld(cs, entry);
  }
  const p = entry.payload;
  if (p.status !== 'DownloadFailed' || p.requestId !== requestId) {
    throw new ExpectationFailed({
      expected: `FirmwareStatusNotificationRequest with status DownloadFailed and requestId ${String(requestId)} (after an optional Downloading)`,
      actual: `status should be "DownloadFailed" but is "${String(p.status)}" (requestId ${String(p.requestId)})`,
      frame: entry.frame,
      requirementIds: cs.requirementIds,
    });
  }
}

/** Statuses after which an update is over (nothing more is reported for it). */
const UPDATE_OVER = ['Installed', 'DownloadFailed', 'InvalidSignature', 'InstallationFailed', 'InstallVerificationFailed'];

/**
 * Clean-up, not a check: when the case ends, the test system waits (answering) until the station reports the end of
 * the update the case left running, so the next case meets an idle station. The verdict does not depend on it.
 */
export async function finishUpdateAtEnd(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the station finishes the firmware update');
  await finishTransferAtEnd(cs, 'let the firmware update end', async () => {
    (await fileServerOf(cs)).fail(undefined);
    for (;;) {
      const entry = await cs.peer.expectRequest('FirmwareStatusNotification', { within: cs.peer.timing.bootMs + cs.peer.timing.expectMs });
      answerIfHeld(cs, entry);
      if (UPDATE_OVER.includes(String(entry.payload.status))) return;
    }
  });
}

/** Security events a station raises at every boot; they may arrive late and have nothing to do with the update. */
const BOOT_EVENTS = ['StartupOfTheDevice', 'ResetOrReboot'];

/** The station's next security event other than a boot event, checked against the table. */
export async function firmwareSecurityEvent(ctx: ScenarioContext, rows: Rows | undefined): Promise<void> {
  const cs = asCs(ctx, 'a firmware security event');
  await sutSends(cs, 'the Charging Station', 'SecurityEventNotification', rows, { where: (p) => !BOOT_EVENTS.includes(String(p.type)), whereText: `type not ${BOOT_EVENTS.join(' / ')}` });
}

/** Before a second UpdateFirmwareRequest that must not replace the running update: its requestId is kept aside. */
export function keepRunningRequestId(ctx: ScenarioContext): void {
  const cs = asCs(ctx, 'the running update\'s requestId is kept');
  cs.memory.set('running update requestId', cs.memory.require('requestId', 'an UpdateFirmwareRequest was sent by an earlier step'));
}

/** After the refused second request: <generated requestId> is the running update's again, for the reports that follow. */
export function backToRunningRequestId(ctx: ScenarioContext): void {
  const cs = asCs(ctx, 'the reports are about the running update');
  cs.memory.set('requestId', cs.memory.require('running update requestId', 'an earlier step kept it'));
}

/**
 * The inbox entry of the case's transaction end (the last TransactionEvent Ended; with a second session, TC_L_12 and
 * TC_L_14, the end of whichever ended last); a precondition of the checks below.
 */
function transactionEnd(cs: CsContext): InboxEntry {
  const ended = cs.peer.inbox.entries.filter((e) => e.action === 'TransactionEvent' && e.payload.eventType === 'Ended').pop();
  if (!ended) throw new PreconditionFailed('the transaction of the case has not ended (no TransactionEventRequest Ended), so the update cannot be judged against it');
  return ended;
}

/**
 * L01.FR.06: of the update's FirmwareStatusNotificationRequests (its requestId), only `allowed` may have come while the
 * transaction ran, i.e. before the station's TransactionEventRequest Ended arrived.
 */
function nothingWhileCharging(cs: CsContext, allowed: readonly string[], what: string): void {
  const end = transactionEnd(cs);
  const requestId = cs.memory.get('requestId');
  const early = cs.peer.inbox.entries.find((e) => e.seq < end.seq && e.action === 'FirmwareStatusNotification' && e.payload.requestId === requestId && !allowed.includes(String(e.payload.status)));
  if (early) {
    throw new ExpectationFailed({
      expected: `no ${what} while the transaction runs: only ${allowed.join(' / ')} before the TransactionEventRequest Ended`,
      actual: `FirmwareStatusNotificationRequest status ${String(early.payload.status)} came while the transaction ran (before its Ended event)`,
      frame: early.frame,
      requirementIds: cs.requirementIds,
    });
  }
}

/**
 * A station that neither downloads nor installs while charging (TC_L_12, TC_L_13): once the transaction has ended, the
 * next report of the update, checked against the table, after `optional` (e.g. DownloadScheduled) if the station sends
 * it; nothing but `optional` came while the transaction ran.
 */
export async function firmwareStatusAfterTransaction(ctx: ScenarioContext, optional: string, rows: Rows | undefined): Promise<void> {
  const cs = asCs(ctx, 'the update goes on once the transaction has ended');
  nothingWhileCharging(cs, [optional], 'download or installation');
  const requestId = cs.memory.get('requestId');
  await sutSends(cs, 'the Charging Station', 'FirmwareStatusNotification', rows, { where: (p) => !(p.status === optional && p.requestId === requestId), whereText: `status not ${optional}` });
}

/**
 * A station that installs only after transactions (TC_L_14, TC_L_15): the installation ends in Installed, and the
 * new firmware was not activated (InstallRebooting, Installed) while the transaction ran. A station that reported
 * InstallScheduled starts installing only once no transaction runs (Part 6 step 13 of both cases), so then Installing
 * may not come before the (last) transaction's end either.
 */
export async function firmwareInstalledAfterTransaction(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the station installs the firmware once the transaction has ended');
  const requestId = cs.memory.get('requestId');
  const scheduled = cs.peer.inbox.entries.some((e) => e.action === 'FirmwareStatusNotification' && e.payload.requestId === requestId && e.payload.status === 'InstallScheduled');
  const allowed = ['Downloading', 'Downloaded', 'SignatureVerified', 'InstallScheduled', ...(scheduled ? [] : ['Installing'])];
  nothingWhileCharging(cs, allowed, scheduled ? 'installation after InstallScheduled' : 'activation of the new firmware');
  // Installing may have been reported (and checked) already, while the transaction ran.
  const last = cs.memory.get('request:FirmwareStatusNotification') as InboxEntry | undefined;
  await installation(cs, ['Installed'], last?.payload.status === 'Installing' ? ['Installing'] : []);
}

/**
 * Part 6 step 12a of TC_L_14 / TC_L_15: a station that reported Installing while the transaction runs gets the
 * configured message timeout (Part 6: "a while") to show that it does not activate the new firmware (InstallRebooting,
 * Installed) before the transaction ends. After InstallScheduled nothing is waited for.
 */
export async function noActivationWhileCharging(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'no activation while the transaction runs');
  const last = cs.memory.get('request:FirmwareStatusNotification') as InboxEntry | undefined;
  if (last?.payload.status !== 'Installing') {
    cs.peer.note(`the station reported ${String(last?.payload.status)}, not Installing: it installs after the transaction, nothing to wait for`);
    return;
  }
  const requestId = cs.memory.get('requestId');
  const within = cs.peer.timing.expectMs;
  let got: InboxEntry;
  try {
    got = await cs.peer.expectRequest('FirmwareStatusNotification', { within, where: (p) => p.requestId === requestId && ['InstallRebooting', 'Installed'].includes(String(p.status)), description: 'no InstallRebooting / Installed while the transaction runs' });
  } catch (e) {
    if (e instanceof ExpectationFailed) {
      cs.peer.note(`no activation of the new firmware within the configured message timeout (${within} ms) while the transaction runs, as required`);
      return;
    }
    throw e;
  }
  answerIfHeld(cs, got);
  throw new ExpectationFailed({
    expected: 'the new firmware not activated (no InstallRebooting / Installed) while the transaction runs',
    actual: `FirmwareStatusNotificationRequest status ${String(got.payload.status)} came while the transaction ran`,
    frame: got.frame,
    requirementIds: cs.requirementIds,
  });
}
