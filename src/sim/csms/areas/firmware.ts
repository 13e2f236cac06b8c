// Firmware management (Part 6 block L): secure firmware update: this area's named faults and behaviour of the reference CSMS.
//
// Behaviour: the CSMS sends UpdateFirmware as the operator asks (operator API call/UpdateFirmware) and keeps, per
// station, the updates it asked for by requestId with the station's answer and the progress statuses reported since
// (FirmwareStatusNotification). An update the station dropped for a newer one (answer AcceptedCanceled to the newer
// request) is marked canceled. Every schema-valid status notification is acknowledged, also one for an update the
// CSMS does not know; the station's boot after the update (reason FirmwareUpdate) is accepted like any other.
import type { CsmsFaultSet } from '../faults.ts';
import type { Handler, HandlerContext } from '../handlers.ts';
import { SimCallError } from '../handlers.ts';
import type { StationRecord } from '../state.ts';
import type { CsmsArea } from './types.ts';
import { int, obj, perStation, text } from '../json.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'firmware.unsignedRequest': 'outgoing UpdateFirmware requests carry neither signingCertificate nor signature (an unsigned update)',
  'firmware.flattenSigningCertificate': 'outgoing UpdateFirmware requests carry the signingCertificate PEM with its line breaks removed',
  'firmware.signatureAsHex': 'outgoing UpdateFirmware requests carry the signature hex-encoded instead of base64',
  'firmware.retrieveImmediately': 'outgoing UpdateFirmware requests ask for the download now, whatever retrieveDateTime the operator chose',
  'firmware.installDateTimeDropped': 'outgoing UpdateFirmware requests never carry installDateTime',
  'firmware.scheduledStatusRefused': 'a FirmwareStatusNotification with status DownloadScheduled or InstallScheduled is refused with a CALLERROR',
  'firmware.failureStatusRefused': 'a FirmwareStatusNotification reporting a failure (DownloadFailed, InvalidSignature, InstallVerificationFailed, InstallationFailed) is refused with a CALLERROR',
  'firmware.acceptedCanceledAsRefusal': 'an UpdateFirmware answered AcceptedCanceled is taken for refused: status notifications of that update are refused with a CALLERROR',
  'firmware.onlyLatestUpdate': 'status notifications of any update but the newest UpdateFirmware sent are refused with a CALLERROR, even when the station Rejected the newer one',
  'firmware.rejectBootAfterUpdate': 'a BootNotification with reason FirmwareUpdate is answered Rejected',
} as const satisfies Record<string, string>;

/** One UpdateFirmware the CSMS sent and what became of it. */
export interface FirmwareUpdate {
  requestId: number;
  location: string;
  /** The station's UpdateFirmwareResponse status. */
  requestStatus: string;
  /** Progress statuses reported by FirmwareStatusNotification, in arrival order. */
  statuses: string[];
  /** Set when the station answered a later UpdateFirmware AcceptedCanceled: it gave this update up for the newer one. */
  canceled: boolean;
}

export interface FirmwareState {
  updates: Map<number, FirmwareUpdate>;
  /** requestId of the newest UpdateFirmware sent. */
  latestRequestId?: number;
}

/** This area's memory of one station. */
export const firmwareOf = perStation<StationRecord, FirmwareState>(() => ({ updates: new Map() }));


const RUNNING = new Set(['Accepted', 'AcceptedCanceled']);
/** Bounds, so a long-running CSMS does not grow without limit: updates kept per station, statuses kept per update. */
const MAX_UPDATES = 50;
const MAX_STATUSES = 100;
const SCHEDULED = new Set(['DownloadScheduled', 'InstallScheduled']);
const FAILURES = new Set(['DownloadFailed', 'InvalidSignature', 'InstallVerificationFailed', 'InstallationFailed']);

/** An update the station no longer works on: installed, failed, or given up for a newer one. */
const finished = (u: FirmwareUpdate): boolean => u.canceled || u.statuses.some((s) => s === 'Installed' || FAILURES.has(s));

const firmwareStatusNotification: Handler = async (ctx, p) => {
  // A station may send its first report in the same network read as its answer to our UpdateFirmware; one turn of
  // the event loop lets that answer be learnt first, so the report is filed under (and judged against) its update.
  await new Promise<void>((resolve) => setImmediate(resolve));
  ctx.station.note('FirmwareStatusNotification', p);
  const requestId = int(p.requestId);
  // Without a requestId the station reports on no update (Idle after a TriggerMessage): nothing to file.
  const update = requestId === undefined ? undefined : firmwareOf(ctx.station).updates.get(requestId);
  if (update && update.statuses.length < MAX_STATUSES) update.statuses.push(text(p.status));
  return {};
};

/** Fault injection on our answers: the refusals a CSMS with these bugs would send. */
function answer(ctx: HandlerContext, action: string, request: Json, response: Json): Json {
  const f = ctx.opts.faults;
  if (action === 'FirmwareStatusNotification') {
    const status = text(request.status);
    const requestId = int(request.requestId);
    const state = firmwareOf(ctx.station);
    if (f.has('firmware.scheduledStatusRefused') && SCHEDULED.has(status)) throw new SimCallError('PropertyConstraintViolation', `unknown firmware status ${status}`);
    if (f.has('firmware.failureStatusRefused') && FAILURES.has(status)) throw new SimCallError('InternalError', `could not record the failed firmware update (${status})`);
    if (f.has('firmware.acceptedCanceledAsRefusal') && requestId !== undefined && state.updates.get(requestId)?.requestStatus === 'AcceptedCanceled') {
      throw new SimCallError('PropertyConstraintViolation', `firmware update ${requestId} was not accepted by the station`);
    }
    if (f.has('firmware.onlyLatestUpdate') && requestId !== undefined && requestId !== state.latestRequestId) {
      throw new SimCallError('PropertyConstraintViolation', `requestId ${requestId} is not the current firmware update of this station`);
    }
  }
  if (action === 'BootNotification' && f.has('firmware.rejectBootAfterUpdate') && request.reason === 'FirmwareUpdate') {
    ctx.station.bootStatus = 'Rejected';
    return { ...response, status: 'Rejected' };
  }
  return response;
}

function outgoing(faults: CsmsFaultSet, action: string, p: Json): void {
  if (action !== 'UpdateFirmware' || p.firmware === null || typeof p.firmware !== 'object') return;
  const fw = p.firmware as Json;
  if (faults.has('firmware.unsignedRequest')) {
    delete fw.signingCertificate;
    delete fw.signature;
  }
  if (faults.has('firmware.flattenSigningCertificate') && typeof fw.signingCertificate === 'string') fw.signingCertificate = fw.signingCertificate.replace(/\r?\n/g, '');
  if (faults.has('firmware.signatureAsHex') && typeof fw.signature === 'string') fw.signature = Buffer.from(fw.signature, 'base64').toString('hex');
  if (faults.has('firmware.retrieveImmediately')) fw.retrieveDateTime = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
  if (faults.has('firmware.installDateTimeDropped')) delete fw.installDateTime;
}

function learn(station: StationRecord, action: string, request: Json, response: Json): void {
  if (action !== 'UpdateFirmware') return;
  const requestId = int(request.requestId);
  if (requestId === undefined) return;
  const state = firmwareOf(station);
  const status = text(response.status);
  // AcceptedCanceled: the station dropped the update it was busy with in favour of this one.
  if (status === 'AcceptedCanceled') for (const u of state.updates.values()) if (RUNNING.has(u.requestStatus) && !finished(u)) u.canceled = true;
  state.updates.delete(requestId);
  state.updates.set(requestId, { requestId, location: text(obj(request.firmware).location), requestStatus: status, statuses: [], canceled: false });
  state.latestRequestId = requestId;
  // Maps iterate in insertion order: the first key is the oldest update.
  for (const oldest of state.updates.keys()) {
    if (state.updates.size <= MAX_UPDATES) break;
    state.updates.delete(oldest);
  }
}

export const AREA: CsmsArea = {
  name: 'firmware',
  handlers: { FirmwareStatusNotification: firmwareStatusNotification },
  answer,
  outgoing,
  learn,
};
