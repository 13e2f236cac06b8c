// Firmware publishing by a Local Controller (Part 6 block L, L03/L04; outside the certification profiles): this area's
// named faults and behaviour of the reference CSMS.
//
// Behaviour: the CSMS sends PublishFirmware and UnpublishFirmware as the operator asks (call/{Action}) and keeps, per
// station, the publications it asked for by requestId with the station's answer, the progress statuses reported
// since (PublishFirmwareStatusNotification) and the locations the firmware was published at (status Published),
// and the answers to UnpublishFirmware by checksum. Every schema-valid status notification is acknowledged.
import type { CsmsFaultSet } from '../faults.ts';
import type { Handler } from '../handlers.ts';
import { SimCallError } from '../handlers.ts';
import type { StationRecord } from '../state.ts';
import type { CsmsArea } from './types.ts';
import { arr, int, perStation, text } from '../json.ts';
import { entryOf, trimOldest } from './bounded.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'publish.locationAsHttp': 'outgoing PublishFirmware requests downgrade an https location to http',
  'publish.refuseFailureStatus': 'a PublishFirmwareStatusNotification reporting a failure (DownloadFailed, InvalidChecksum, PublishFailed) is refused with a CALLERROR',
  'publish.refusePublished': 'a PublishFirmwareStatusNotification with status Published is refused with a CALLERROR (the published locations are not taken)',
  'publish.unpublishChecksumUppercase': 'outgoing UnpublishFirmware requests carry the checksum in upper case (the station compares it as given)',
} as const satisfies Record<string, string>;

/** One PublishFirmware the CSMS sent and what became of it. */
export interface Publication {
  requestId: number;
  checksum: string;
  requestStatus?: string;
  statuses: string[];
  locations: string[];
}

export interface PublishState {
  publications: Map<number, Publication>;
  /** checksum -> the station's answer to the last UnpublishFirmware for it. */
  unpublished: Map<string, string>;
}

export const publishOf = perStation<StationRecord, PublishState>(() => ({ publications: new Map(), unpublished: new Map() }));

const FAILURES = new Set(['DownloadFailed', 'InvalidChecksum', 'PublishFailed']);
const MAX_KEPT = 50;

const publication = (state: PublishState, requestId: number): Publication =>
  entryOf(state.publications, requestId, () => ({ requestId, checksum: '', statuses: [], locations: [] }), MAX_KEPT);

const publishFirmwareStatusNotification: Handler = (ctx, p) => {
  const status = text(p.status);
  const f = ctx.opts.faults;
  if (f.has('publish.refuseFailureStatus') && FAILURES.has(status)) throw new SimCallError('InternalError', `could not record the failed publication (${status})`);
  if (f.has('publish.refusePublished') && status === 'Published') throw new SimCallError('PropertyConstraintViolation', 'unexpected status Published');
  ctx.station.note('PublishFirmwareStatusNotification', p);
  const requestId = int(p.requestId);
  if (requestId === undefined) return {};
  const pub = publication(publishOf(ctx.station), requestId);
  if (pub.statuses.length < 100) pub.statuses.push(status);
  if (status === 'Published') pub.locations = arr(p.location).map(text).filter((l) => l !== '');
  return {};
};

function outgoing(faults: CsmsFaultSet, action: string, p: Json): void {
  if (action === 'PublishFirmware' && faults.has('publish.locationAsHttp') && typeof p.location === 'string') p.location = p.location.replace(/^https:/i, 'http:');
  if (action === 'UnpublishFirmware' && faults.has('publish.unpublishChecksumUppercase') && typeof p.checksum === 'string') p.checksum = p.checksum.toUpperCase();
}

function learn(station: StationRecord, action: string, request: Json, response: Json): void {
  const state = publishOf(station);
  if (action === 'PublishFirmware') {
    const requestId = int(request.requestId);
    if (requestId === undefined) return;
    const pub = publication(state, requestId);
    pub.checksum = text(request.checksum);
    pub.requestStatus = text(response.status);
  }
  if (action === 'UnpublishFirmware') {
    state.unpublished.delete(text(request.checksum));
    state.unpublished.set(text(request.checksum), text(response.status));
    trimOldest(state.unpublished, MAX_KEPT);
  }
}

export const AREA: CsmsArea = {
  name: 'firmware-publish',
  handlers: { PublishFirmwareStatusNotification: publishFirmwareStatusNotification },
  outgoing,
  learn,
};
