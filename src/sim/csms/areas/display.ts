// Display messages (Part 6 block O, Advanced User Interface): this area's named faults and behaviour of the reference CSMS.
//
// Behaviour: the CSMS sends SetDisplayMessage, GetDisplayMessages and ClearDisplayMessage as the operator asks
// (call/{Action}) and keeps, per station, the messages the station accepted (by id; a later SetDisplayMessage with the
// same id replaces the message, an Accepted ClearDisplayMessage removes it) and the GetDisplayMessages requests by
// requestId with the station's answer and the messages it then reported (NotifyDisplayMessages, complete when tbc
// is not true). Every schema-valid NotifyDisplayMessages is acknowledged.
import type { CsmsFaultSet } from '../faults.ts';
import type { Handler } from '../handlers.ts';
import { SimCallError } from '../handlers.ts';
import type { StationRecord } from '../state.ts';
import type { CsmsArea } from './types.ts';
import { arr, int, obj, perStation, text } from '../json.ts';
import { entryOf } from './bounded.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'display.prioritySwapped': 'outgoing SetDisplayMessage requests swap the priorities AlwaysFront and NormalCycle',
  'display.stateDropped': 'outgoing SetDisplayMessage requests lose message.state (the message shows in every state)',
  'display.formatAsASCII': 'outgoing SetDisplayMessage requests always declare message.message.format ASCII',
  'display.transactionIdDropped': 'outgoing SetDisplayMessage requests lose message.transactionId (the message is not tied to the transaction)',
  'display.scheduleDropped': 'outgoing SetDisplayMessage requests lose message.startDateTime and message.endDateTime',
  'display.idOffByOne': 'outgoing SetDisplayMessage requests carry message.id + 1 (a replacement never reuses the id)',
  'display.getFiltersDropped': 'outgoing GetDisplayMessages requests lose their id, priority and state filters',
  'display.getAllWithPriority': 'an outgoing GetDisplayMessages for every message asks for priority NormalCycle only',
  'display.clearIdOffByOne': 'outgoing ClearDisplayMessage requests name the message id + 1',
  'display.refuseNotifyDisplayMessages': 'NotifyDisplayMessages is refused with a CALLERROR NotImplemented (the report of the messages is not handled)',
} as const satisfies Record<string, string>;

/** One GetDisplayMessages the CSMS sent and what the station reported for it. */
export interface DisplayMessagesReport {
  requestId: number;
  requestStatus?: string;
  messages: Json[];
  complete: boolean;
}

export interface DisplayState {
  /** Messages the station accepted, by id. */
  messages: Map<number, Json>;
  reports: Map<number, DisplayMessagesReport>;
}

export const displayOf = perStation<StationRecord, DisplayState>(() => ({ messages: new Map(), reports: new Map() }));

const MAX_REPORTS = 50;
const SWAP_PRIORITY: Record<string, string> = { AlwaysFront: 'NormalCycle', NormalCycle: 'AlwaysFront' };

const report = (state: DisplayState, requestId: number): DisplayMessagesReport =>
  entryOf(state.reports, requestId, () => ({ requestId, messages: [], complete: false }), MAX_REPORTS);

const notifyDisplayMessages: Handler = (ctx, p) => {
  if (ctx.opts.faults.has('display.refuseNotifyDisplayMessages')) throw new SimCallError('NotImplemented', 'NotifyDisplayMessages is not implemented');
  ctx.station.note('NotifyDisplayMessages', p);
  const requestId = int(p.requestId);
  if (requestId === undefined) return {};
  const r = report(displayOf(ctx.station), requestId);
  r.messages.push(...arr(p.messageInfo).map(obj));
  if (p.tbc !== true) r.complete = true;
  return {};
};

function outgoing(faults: CsmsFaultSet, action: string, p: Json): void {
  if (action === 'SetDisplayMessage') {
    const m = obj(p.message);
    if (faults.has('display.prioritySwapped')) m.priority = SWAP_PRIORITY[text(m.priority)] ?? m.priority;
    if (faults.has('display.stateDropped')) delete m.state;
    if (faults.has('display.formatAsASCII') && typeof m.message === 'object') obj(m.message).format = 'ASCII';
    if (faults.has('display.transactionIdDropped')) delete m.transactionId;
    if (faults.has('display.scheduleDropped')) {
      delete m.startDateTime;
      delete m.endDateTime;
    }
    if (faults.has('display.idOffByOne') && typeof m.id === 'number') m.id += 1;
  }
  if (action === 'GetDisplayMessages') {
    const filtered = p.id !== undefined || p.priority !== undefined || p.state !== undefined;
    if (faults.has('display.getFiltersDropped')) {
      delete p.id;
      delete p.priority;
      delete p.state;
    }
    if (faults.has('display.getAllWithPriority') && !filtered) p.priority = 'NormalCycle';
  }
  if (action === 'ClearDisplayMessage' && faults.has('display.clearIdOffByOne') && typeof p.id === 'number') p.id += 1;
}

function learn(station: StationRecord, action: string, request: Json, response: Json): void {
  const state = displayOf(station);
  if (action === 'SetDisplayMessage' && response.status === 'Accepted') {
    const message = obj(request.message);
    const id = int(message.id);
    if (id !== undefined) state.messages.set(id, message);
  }
  if (action === 'ClearDisplayMessage' && response.status === 'Accepted') {
    const id = int(request.id);
    if (id !== undefined) state.messages.delete(id);
  }
  if (action === 'GetDisplayMessages') {
    const requestId = int(request.requestId);
    if (requestId !== undefined) report(state, requestId).requestStatus = text(response.status);
  }
}

export const AREA: CsmsArea = {
  name: 'display',
  handlers: { NotifyDisplayMessages: notifyDisplayMessages },
  outgoing,
  learn,
};
