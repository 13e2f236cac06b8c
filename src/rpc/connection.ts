// One OCPP-J connection: correlation of our CALLs with their answers, dispatch of the peer's CALLs to handlers,
// schema checks of everything in both directions, and a trace entry for every frame as it passes.
//
// Part 4 rules this class applies (section numbers of Part 4, same in 2.0.1 and 2.1):
//  - 4.1.1: our side has at most one CALL outstanding; further call()s wait in a queue until the previous CALL is
//    answered or timed out (unless allowConcurrentCalls is set, a deliberate misbehaviour). The peer's breach of
//    the same rule is detected and reported as violation 'concurrent-call', and its CALL is still handled.
//  - 4.1.7 / 4.2.3: an invalid CALL gets a CALLERROR and its handler is not run.
//  - 4.3: an action this version does not define -> NotImplemented; an action the version defines but for which
//    no handler (and no default handler) is registered -> NotSupported.
//  - 4.2.4 (2.1): SEND gets no reply of any kind. 4.2.3 (2.1): CALLRESULTERROR in both directions.
import type { TraceEvent, TraceSink } from '../report/trace-types.ts';
import { nowIso } from '../report/trace.ts';
import { isKnownAction, isSendOnly, mostSevereCode, validatePayload } from '../schema/index.ts';
import type { ValidationProblem } from '../schema/index.ts';
import type { HandshakeFacts, WireSocket } from '../transport/types.ts';
import {
  CallErrorResponse,
  CallTimeoutError,
  ConnectionClosedError,
  MalformedResponseError,
  OcppError,
} from './errors.ts';
import { buildCallError, MAX_ERROR_DESCRIPTION_LENGTH, parseFrame, serializeFrame } from './frames.ts';
import { newMessageId } from './ids.ts';
import type {
  CallErrorFrame,
  CallFrame,
  CallResultFrame,
  Frame,
  OcppVersion,
  Role,
  RpcErrorCode,
  SendFrame,
} from './types.ts';

/** Returned by a handler to send nothing at all (for fault injection and negative cases). */
export const NO_REPLY: unique symbol = Symbol('NO_REPLY');

/** A CALL (answered) or, in 2.1, a SEND (never answered; the return value is ignored). */
export type Handler = (payload: unknown, frame: CallFrame | SendFrame) => unknown;

export interface ConnectionOptions {
  version: OcppVersion;
  localRole: Role;
  trace?: TraceSink;
  /** Deadline for the answer to each of our CALLs, counted from when it goes on the wire. Default 30000. */
  callTimeoutMs?: number;
  /** Default true: incoming date-times must have at most 3 fraction digits. */
  strictDateTime?: boolean;
  /** Deliberate misbehaviour: put every call() on the wire at once instead of one at a time. Default false. */
  allowConcurrentCalls?: boolean;
  /**
   * 2.1 only: answer a CALLRESULT that breaks its schema (or cannot be parsed) with a CALLRESULTERROR. Part 4 permits
   * this but does not require it, so it is off by default to keep the traffic a test case sees predictable.
   */
  callResultErrorOnInvalidResult?: boolean;
  /**
   * Default false: also write the 'connection' event (at construction) and the 'close' event to the trace. The
   * WebSocket transport (src/transport) already writes both, so only sockets that do not (the in-memory test pair)
   * need this.
   */
  traceLifecycle?: boolean;
}

export interface CallOutcome {
  payload: unknown;
  frame: CallResultFrame;
  /** Schema problems of the answer: a SUT violation when not empty (also reported as 'invalid-response'). */
  problems: ValidationProblem[];
}

export interface FrameEvent {
  dir: 'in' | 'out';
  raw: string;
  frame?: Frame;
  problems: ValidationProblem[];
  deliberate?: boolean;
}

export interface Violation {
  rule: ViolationRule;
  message: string;
  frameId?: string;
}

/** Rule ids of the violations this class reports (the peer broke Part 4 or a schema). */
export const VIOLATION_RULES = [
  'malformed-frame',
  'binary-frame',
  'concurrent-call',
  'duplicate-message-id',
  'invalid-request',
  'invalid-response',
  'invalid-send',
  'unknown-send-action',
  'send-not-allowed',
  'late-response',
  'unknown-id',
  'unknown-error-code',
  'error-description-too-long',
] as const;
export type ViolationRule = (typeof VIOLATION_RULES)[number];

export const KNOWN_ERROR_CODES: ReadonlySet<string> = new Set<RpcErrorCode>([
  'FormatViolation',
  'GenericError',
  'InternalError',
  'MessageTypeNotSupported',
  'NotImplemented',
  'NotSupported',
  'OccurrenceConstraintViolation',
  'PropertyConstraintViolation',
  'ProtocolError',
  'RpcFrameworkError',
  'SecurityError',
  'TypeConstraintViolation',
]);

/** How many timed-out / answered ids we remember to recognise late or misdirected frames. */
const REMEMBERED_IDS = 1000;

interface Pending {
  id: string;
  action: string;
  timeoutMs: number;
  timer: ReturnType<typeof setTimeout>;
  resolve: (o: CallOutcome) => void;
  reject: (e: Error) => void;
}

interface Queued {
  action: string;
  payload: unknown;
  timeoutMs: number;
  resolve: (o: CallOutcome) => void;
  reject: (e: Error) => void;
}

function remember(map: Map<string, string>, id: string, value: string): void {
  map.set(id, value);
  if (map.size > REMEMBERED_IDS) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

function summarise(problems: ValidationProblem[]): string {
  const first = problems[0]?.message ?? 'invalid payload';
  return problems.length > 1 ? `${first} (and ${problems.length - 1} more)` : first;
}

function problemDetails(problems: ValidationProblem[]): Record<string, unknown> {
  return {
    problems: problems.slice(0, 10).map((p) => ({ pointer: p.pointer, code: p.code, message: p.message })),
    ...(problems.length > 10 ? { omitted: problems.length - 10 } : {}),
  };
}

export class OcppConnection {
  readonly version: OcppVersion;
  readonly localRole: Role;
  private readonly socket: WireSocket;
  private readonly trace: TraceSink | undefined;
  private readonly callTimeoutMs: number;
  private readonly strictDateTime: boolean;
  private readonly allowConcurrentCalls: boolean;
  private readonly callResultErrors: boolean;
  private readonly traceLifecycle: boolean;

  private readonly handlers = new Map<string, Handler>();
  private defaultHandler: Handler | undefined;
  private readonly pending = new Map<string, Pending>();
  private readonly queue: Queued[] = [];
  /** id -> action of our CALLs that timed out. */
  private readonly expired = new Map<string, string>();
  /** id -> action of the peer's CALLs we answered with a CALLRESULT (targets for a CALLRESULTERROR). */
  private readonly answered = new Map<string, string>();
  /** Ids of the peer's CALLs we have not answered yet. */
  private readonly peerOpen = new Set<string>();
  /** Ids of messages we put on the wire through sendRaw(); answers to them are not violations. */
  private readonly rawIds = new Set<string>();
  private rawSent = 0;

  private readonly frameListeners: Array<(e: FrameEvent) => void> = [];
  private readonly violationListeners: Array<(v: Violation) => void> = [];
  private readonly closeListeners: Array<(code: number, reason: string) => void> = [];

  private isClosed = false;
  private closedBy: 'local' | 'remote' | 'network' | undefined;
  private closeCode: number | undefined;
  private closeReason = '';
  private closeTraced = false;

  constructor(socket: WireSocket, opts: ConnectionOptions) {
    this.socket = socket;
    this.version = opts.version;
    this.localRole = opts.localRole;
    this.trace = opts.trace;
    this.callTimeoutMs = opts.callTimeoutMs ?? 30_000;
    this.strictDateTime = opts.strictDateTime ?? true;
    this.allowConcurrentCalls = opts.allowConcurrentCalls ?? false;
    this.callResultErrors = (opts.callResultErrorOnInvalidResult ?? false) && opts.version === '2.1';
    this.traceLifecycle = opts.traceLifecycle ?? false;
    if (this.traceLifecycle) this.emitTrace({ kind: 'connection', at: nowIso(), facts: socket.facts });
    socket.onMessage((text, isBinary) => this.onMessage(text, isBinary));
    socket.onClose((code, reason) => this.onSocketClose(code, reason));
  }

  get facts(): HandshakeFacts {
    return this.socket.facts;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Our CALLs on the wire and not yet answered or timed out. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Our CALLs waiting for the previous one to finish. */
  get queuedCount(): number {
    return this.queue.length;
  }

  /**
   * Nothing outstanding either way: no CALL of ours on the wire, queued or timed out (whose answer may still come), and
   * no CALL of the peer's we have not answered (whose consequences may still come).
   */
  get quiet(): boolean {
    return this.pending.size === 0 && this.queue.length === 0 && this.expired.size === 0 && this.peerOpen.size === 0;
  }

  // ----- registration -------------------------------------------------------------------------------------------

  handle(action: string, handler: Handler): void {
    this.handlers.set(action, handler);
  }

  /** Handler for every known action without a specific one. */
  setDefaultHandler(handler: Handler | undefined): void {
    this.defaultHandler = handler;
  }

  onFrame(listener: (e: FrameEvent) => void): void {
    this.frameListeners.push(listener);
  }

  onViolation(listener: (v: Violation) => void): void {
    this.violationListeners.push(listener);
  }

  onClose(listener: (code: number, reason: string) => void): void {
    this.closeListeners.push(listener);
  }

  // ----- our messages -------------------------------------------------------------------------------------------

  /** Sends a CALL (queued behind any outstanding one) and resolves with the answer's payload. */
  async call(action: string, payload: unknown, opts?: { timeoutMs?: number }): Promise<unknown> {
    const outcome = await this.callDetailed(action, payload, opts);
    return outcome.payload;
  }

  /**
   * Like call(), with the CALLRESULT frame and its schema problems. Rejects with CallErrorResponse (CALLERROR),
   * CallTimeoutError, ConnectionClosedError or MalformedResponseError.
   */
  callDetailed(action: string, payload: unknown, opts?: { timeoutMs?: number }): Promise<CallOutcome> {
    return new Promise<CallOutcome>((resolve, reject) => {
      if (this.isClosed) {
        reject(new ConnectionClosedError(action, this.closeCode, this.closeReason, false));
        return;
      }
      this.queue.push({ action, payload, timeoutMs: opts?.timeoutMs ?? this.callTimeoutMs, resolve, reject });
      this.pump();
    });
  }

  /** 2.1 only: an unconfirmed SEND (not subject to the one-CALL-at-a-time rule). Returns the message id. */
  send(action: string, payload: unknown): string {
    if (this.version !== '2.1') {
      throw new Error(`SEND exists only in OCPP 2.1 (this connection speaks ${this.version}); use sendRaw() for a deliberate breach`);
    }
    if (this.isClosed) throw new ConnectionClosedError(action, this.closeCode, this.closeReason, false);
    const id = newMessageId();
    const frame: SendFrame = { type: 6, id, action, payload };
    const problems = validatePayload(this.version, action, 'request', payload, { strictDateTime: true });
    if (problems.length > 0) this.note(`harness is sending a SEND ${action} (id ${id}) that fails its schema; sent anyway`, problems);
    this.sendFrame(frame, problems);
    return id;
  }

  /** Puts any text on the wire unchanged (negative cases). Traced with deliberate: true. */
  sendRaw(text: string): void {
    if (this.isClosed) throw new ConnectionClosedError('raw message', this.closeCode, this.closeReason, false);
    const parsed = parseFrame(text, this.version);
    this.rawSent++;
    if (parsed.ok) this.rawIds.add(parsed.frame.id);
    else if (parsed.messageId !== undefined) this.rawIds.add(parsed.messageId);
    this.put(text, parsed.ok ? parsed.frame : undefined, [], true);
  }

  close(code = 1000, reason = ''): void {
    if (this.isClosed) return;
    this.markClosed('local', code, reason);
    try {
      this.socket.close(code, reason);
    } catch (e) {
      this.note(`closing the socket failed: ${errorText(e)}`);
    }
  }

  terminate(): void {
    if (!this.isClosed) this.markClosed('local', 1006, 'terminated locally');
    try {
      this.socket.terminate();
    } catch (e) {
      this.note(`terminating the socket failed: ${errorText(e)}`);
    }
  }

  // ----- outgoing machinery -------------------------------------------------------------------------------------

  private pump(): void {
    while (!this.isClosed && this.queue.length > 0 && (this.allowConcurrentCalls || this.pending.size === 0)) {
      const q = this.queue.shift();
      if (q) this.dispatchCall(q);
    }
  }

  private dispatchCall(q: Queued): void {
    const id = newMessageId();
    const frame: CallFrame = { type: 2, id, action: q.action, payload: q.payload };
    let raw: string;
    try {
      raw = serializeFrame(frame);
    } catch (e) {
      q.reject(new TypeError(`${q.action} payload cannot be written as JSON: ${errorText(e)}`));
      return;
    }
    const problems = validatePayload(this.version, q.action, 'request', q.payload, { strictDateTime: true });
    if (problems.length > 0) {
      this.note(`harness is sending a ${q.action} CALL (id ${id}) that fails its schema; sent anyway`, problems);
    }
    const timer = setTimeout(() => this.onTimeout(id), q.timeoutMs);
    this.pending.set(id, { id, action: q.action, timeoutMs: q.timeoutMs, timer, resolve: q.resolve, reject: q.reject });
    this.put(raw, frame, problems, false);
  }

  private onTimeout(id: string): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    remember(this.expired, id, p.action);
    this.note(`${p.action} CALL (id ${id}) timed out after ${p.timeoutMs} ms`);
    p.reject(new CallTimeoutError(p.action, id, p.timeoutMs));
    this.pump();
  }

  /** Serialises, traces and sends a frame. Returns false when it could not be sent. */
  private sendFrame(frame: Frame, problems: ValidationProblem[] = []): boolean {
    let raw: string;
    try {
      raw = serializeFrame(frame);
    } catch (e) {
      this.note(`frame ${frame.id} could not be written as JSON: ${errorText(e)}`);
      return false;
    }
    return this.put(raw, frame, problems, false);
  }

  private put(raw: string, frame: Frame | undefined, problems: ValidationProblem[], deliberate: boolean): boolean {
    this.traceFrame('out', raw, frame, problems, deliberate);
    try {
      this.socket.send(raw);
      return true;
    } catch (e) {
      this.note(`sending frame failed: ${errorText(e)}`);
      return false;
    }
  }

  // ----- incoming machinery -------------------------------------------------------------------------------------

  private onMessage(text: string, isBinary: boolean): void {
    try {
      this.dispatchIncoming(text, isBinary);
    } catch (e) {
      // A bug of ours must not take the connection (or the process) down; it is recorded for the lead to see.
      this.note(`internal error while handling an incoming frame: ${errorText(e)}`);
    }
  }

  private dispatchIncoming(text: string, isBinary: boolean): void {
    const parsed = parseFrame(text, this.version);
    if (!parsed.ok) {
      const problem: ValidationProblem = { pointer: '', keyword: 'frame', message: parsed.reason, code: parsed.errorCode };
      this.traceFrame('in', text, undefined, [problem]);
      if (isBinary) this.violation('binary-frame', 'OCPP-J messages must be WebSocket text frames; got a binary frame');
      this.violation('malformed-frame', parsed.reason, parsed.messageId);
      if (this.isClosed) return;
      const pending = parsed.messageId !== undefined ? this.pending.get(parsed.messageId) : undefined;
      if (pending && (parsed.messageTypeId === 3 || parsed.messageTypeId === 4 || parsed.messageTypeId === 5)) {
        this.settle(pending);
        pending.reject(new MalformedResponseError(pending.action, pending.id, parsed.reason, text.slice(0, 500)));
        if (parsed.messageTypeId === 3 && this.callResultErrors) {
          this.sendFrame(buildCallError(pending.id, parsed.errorCode, parsed.reason, {}, 5));
        }
        this.pump();
      }
      if (parsed.reply) this.sendFrame(buildCallError(parsed.replyId, parsed.errorCode, parsed.reason));
      return;
    }
    const frame = parsed.frame;
    if (this.isClosed) {
      this.traceFrame('in', text, frame, []);
      this.note(`frame ${frame.id} arrived after the connection was closed locally; not processed`);
      return;
    }
    switch (frame.type) {
      case 2:
        this.onCall(frame, text);
        break;
      case 3:
        this.onResult(frame, text);
        break;
      case 4:
        this.onError(frame, text);
        break;
      case 5:
        this.onResultError(frame, text);
        break;
      case 6:
        this.onSend(frame, text);
        break;
    }
    if (isBinary) this.violation('binary-frame', 'OCPP-J messages must be WebSocket text frames; got a binary frame', frame.id);
  }

  private onCall(frame: CallFrame, raw: string): void {
    const { id, action } = frame;
    let problems: ValidationProblem[] = [];
    let refusal: { code: RpcErrorCode; description: string; details?: Record<string, unknown> } | undefined;
    if (!isKnownAction(this.version, action)) {
      refusal = { code: 'NotImplemented', description: `OCPP ${this.version} has no action "${action}"` };
    } else if (isSendOnly(this.version, action)) {
      refusal = { code: 'ProtocolError', description: `${action} is only sent as SEND (type 6), not as CALL` };
    } else {
      problems = validatePayload(this.version, action, 'request', frame.payload, { strictDateTime: this.strictDateTime });
      if (problems.length > 0) {
        refusal = { code: mostSevereCode(problems), description: summarise(problems), details: problemDetails(problems) };
      }
    }
    this.traceFrame('in', raw, frame, problems);

    if (this.peerOpen.has(id)) {
      this.violation('duplicate-message-id', `peer sent CALL ${action} with id ${id}, which its previous unanswered CALL already uses`, id);
    } else if (this.peerOpen.size > 0) {
      // Bounded: a burst of 10,000 CALLs must not build 10,000 messages of 10,000 ids each.
      const first = this.peerOpen.values().next().value as string;
      const open = this.peerOpen.size > 1 ? `${first} (and ${this.peerOpen.size - 1} more)` : first;
      this.violation('concurrent-call', `peer sent CALL ${action} (id ${id}) while its CALL ${open} was still unanswered`, id);
    }
    if (problems.length > 0) this.violation('invalid-request', `${action} request: ${summarise(problems)}`, id);
    this.peerOpen.add(id);

    if (refusal) {
      this.answer(id, buildCallError(id, refusal.code, refusal.description, refusal.details ?? {}));
      return;
    }
    const handler = this.handlers.get(action) ?? this.defaultHandler;
    if (!handler) {
      this.answer(id, buildCallError(id, 'NotSupported', `${action} is not supported by this test system configuration`));
      return;
    }
    void this.runHandler(handler, frame);
  }

  private async runHandler(handler: Handler, frame: CallFrame): Promise<void> {
    const { id, action } = frame;
    let result: unknown;
    try {
      result = await handler(frame.payload, frame);
    } catch (e) {
      if (e instanceof OcppError) {
        this.answer(id, buildCallError(id, e.code, e.description, e.details));
      } else {
        this.note(`handler for ${action} (id ${id}) threw; answering InternalError: ${errorText(e)}`);
        this.answer(id, buildCallError(id, 'InternalError', `handler for ${action} failed: ${e instanceof Error ? e.message : String(e)}`));
      }
      return;
    }
    if (result === NO_REPLY) {
      this.peerOpen.delete(id);
      this.note(`no answer sent to ${action} CALL (id ${id}): the handler chose NO_REPLY`);
      return;
    }
    const problems = validatePayload(this.version, action, 'response', result, { strictDateTime: true });
    if (problems.length > 0) {
      this.note(`harness bug: the ${action} response (id ${id}) fails its schema; it is sent anyway as produced`, problems);
    }
    const resultFrame: CallResultFrame = { type: 3, id, payload: result };
    this.answer(id, resultFrame, problems, action);
  }

  /** Sends our answer to the peer's CALL (unless closed meanwhile) and marks that CALL as answered. */
  private answer(id: string, frame: CallResultFrame | CallErrorFrame, problems: ValidationProblem[] = [], action?: string): void {
    this.peerOpen.delete(id);
    if (this.isClosed) {
      this.note(`answer to CALL ${id} dropped: the connection is closed`);
      return;
    }
    const sent = this.sendFrame(frame, problems);
    if (!sent && frame.type === 3) {
      // The result could not be serialised (a handler returned something that is not JSON): say so instead.
      this.sendFrame(buildCallError(id, 'InternalError', 'the response could not be written as JSON'));
      return;
    }
    if (frame.type === 3 && action !== undefined) remember(this.answered, id, action);
  }

  private onResult(frame: CallResultFrame, raw: string): void {
    const pending = this.pending.get(frame.id);
    if (pending) {
      this.settle(pending);
      const problems = validatePayload(this.version, pending.action, 'response', frame.payload, { strictDateTime: this.strictDateTime });
      this.traceFrame('in', raw, frame, problems);
      if (problems.length > 0) {
        this.violation('invalid-response', `${pending.action} response: ${summarise(problems)}`, frame.id);
        if (this.callResultErrors) {
          this.sendFrame(buildCallError(frame.id, mostSevereCode(problems), summarise(problems), problemDetails(problems), 5));
        }
      }
      pending.resolve({ payload: frame.payload, frame, problems });
      this.pump();
      return;
    }
    this.unmatchedAnswer(frame, raw);
  }

  private onError(frame: CallErrorFrame, raw: string): void {
    const problems = this.callErrorProblems(frame);
    const pending = this.pending.get(frame.id);
    if (pending) {
      this.settle(pending);
      this.traceFrame('in', raw, frame, problems);
      this.reportCallErrorProblems(frame, problems);
      pending.reject(new CallErrorResponse(pending.action, frame));
      this.pump();
      return;
    }
    this.unmatchedAnswer(frame, raw, problems);
  }

  private onResultError(frame: CallErrorFrame, raw: string): void {
    const problems = this.callErrorProblems(frame);
    this.traceFrame('in', raw, frame, problems);
    this.reportCallErrorProblems(frame, problems);
    const action = this.answered.get(frame.id);
    if (action !== undefined) {
      this.note(`peer rejected our ${action} response (id ${frame.id}) with CALLRESULTERROR ${frame.code}`);
    } else if (!this.isRawAnswer(frame.id)) {
      this.violation('unknown-id', `CALLRESULTERROR for id ${frame.id}, which is not a CALLRESULT we sent`, frame.id);
    }
  }

  private onSend(frame: SendFrame, raw: string): void {
    const { id, action } = frame;
    if (!isKnownAction(this.version, action)) {
      this.traceFrame('in', raw, frame, []);
      this.violation('unknown-send-action', `SEND with action "${action}", which OCPP ${this.version} does not define`, id);
      return;
    }
    if (!isSendOnly(this.version, action)) {
      this.traceFrame('in', raw, frame, []);
      this.violation('send-not-allowed', `${action} is a request/response message and must be sent as CALL, not SEND`, id);
      return;
    }
    const problems = validatePayload(this.version, action, 'request', frame.payload, { strictDateTime: this.strictDateTime });
    this.traceFrame('in', raw, frame, problems);
    if (problems.length > 0) {
      this.violation('invalid-send', `${action} SEND: ${summarise(problems)}`, id);
      return;
    }
    const handler = this.handlers.get(action) ?? this.defaultHandler;
    if (handler) void this.runSendHandler(handler, frame);
  }

  private async runSendHandler(handler: Handler, frame: SendFrame): Promise<void> {
    try {
      await handler(frame.payload, frame);
    } catch (e) {
      this.note(`handler for SEND ${frame.action} (id ${frame.id}) threw (no reply is sent for SEND): ${errorText(e)}`);
    }
  }

  private unmatchedAnswer(frame: CallResultFrame | CallErrorFrame, raw: string, extra: ValidationProblem[] = []): void {
    const kind = frame.type === 3 ? 'CALLRESULT' : 'CALLERROR';
    const lateAction = this.expired.get(frame.id);
    if (lateAction !== undefined) {
      const problems =
        frame.type === 3
          ? validatePayload(this.version, lateAction, 'response', frame.payload, { strictDateTime: this.strictDateTime })
          : extra;
      this.traceFrame('in', raw, frame, problems);
      this.violation('late-response', `${kind} for ${lateAction} CALL (id ${frame.id}) arrived after its deadline`, frame.id);
      this.expired.delete(frame.id);
      return;
    }
    this.traceFrame('in', raw, frame, extra);
    if (this.isRawAnswer(frame.id)) {
      this.note(`${kind} ${frame.id} answers a message sent with sendRaw()`);
      return;
    }
    this.violation('unknown-id', `${kind} with id ${frame.id}, which matches no CALL we sent`, frame.id);
  }

  private isRawAnswer(id: string): boolean {
    return this.rawIds.has(id) || (id === '-1' && this.rawSent > 0);
  }

  private callErrorProblems(frame: CallErrorFrame): ValidationProblem[] {
    const problems: ValidationProblem[] = [];
    if (!KNOWN_ERROR_CODES.has(frame.code)) {
      problems.push({
        pointer: '/errorCode',
        keyword: 'enum',
        message: `errorCode "${frame.code.slice(0, 60)}" is not one of Part 4's RPC framework error codes`,
        code: 'PropertyConstraintViolation',
      });
    }
    if (frame.description.length > MAX_ERROR_DESCRIPTION_LENGTH) {
      problems.push({
        pointer: '/errorDescription',
        keyword: 'maxLength',
        message: `errorDescription must be at most ${MAX_ERROR_DESCRIPTION_LENGTH} characters (got ${frame.description.length})`,
        code: 'PropertyConstraintViolation',
      });
    }
    return problems;
  }

  private reportCallErrorProblems(frame: CallErrorFrame, problems: ValidationProblem[]): void {
    for (const p of problems) {
      this.violation(p.keyword === 'enum' ? 'unknown-error-code' : 'error-description-too-long', p.message, frame.id);
    }
  }

  private settle(p: Pending): void {
    clearTimeout(p.timer);
    this.pending.delete(p.id);
  }

  // ----- closing ------------------------------------------------------------------------------------------------

  private markClosed(by: 'local' | 'remote' | 'network', code: number, reason: string): void {
    this.isClosed = true;
    this.closedBy = by;
    this.closeCode = code;
    this.closeReason = reason;
    for (const p of [...this.pending.values()]) {
      clearTimeout(p.timer);
      p.reject(new ConnectionClosedError(p.action, code, reason, true));
    }
    this.pending.clear();
    for (const q of this.queue.splice(0)) q.reject(new ConnectionClosedError(q.action, code, reason, false));
  }

  private onSocketClose(code: number, reason: string): void {
    if (!this.isClosed) this.markClosed(code === 1006 ? 'network' : 'remote', code, reason);
    if (this.closeTraced) return;
    this.closeTraced = true;
    if (this.traceLifecycle) {
      this.emitTrace({
        kind: 'close',
        at: nowIso(),
        connectionId: this.facts.connectionId,
        code,
        reason,
        by: this.closedBy ?? 'remote',
      });
    }
    for (const l of this.closeListeners) {
      try {
        l(code, reason);
      } catch (e) {
        this.note(`a close listener threw: ${errorText(e)}`);
      }
    }
  }

  // ----- trace and events ---------------------------------------------------------------------------------------

  private traceFrame(dir: 'in' | 'out', raw: string, frame: Frame | undefined, problems: ValidationProblem[], deliberate = false): void {
    const event: TraceEvent = { kind: 'frame', at: nowIso(), connectionId: this.facts.connectionId, dir, raw };
    if (frame) event.frame = frame;
    if (problems.length > 0) event.problems = problems.map((p) => `${p.code}: ${p.message}`);
    if (deliberate) event.deliberate = true;
    this.emitTrace(event);
    const fe: FrameEvent = { dir, raw, problems };
    if (frame) fe.frame = frame;
    if (deliberate) fe.deliberate = true;
    for (const l of this.frameListeners) {
      try {
        l(fe);
      } catch (e) {
        this.note(`a frame listener threw: ${errorText(e)}`);
      }
    }
  }

  private violation(rule: ViolationRule, message: string, frameId?: string): void {
    const event: TraceEvent = { kind: 'violation', at: nowIso(), connectionId: this.facts.connectionId, rule, message };
    if (frameId !== undefined) event.frameId = frameId;
    this.emitTrace(event);
    const v: Violation = { rule, message };
    if (frameId !== undefined) v.frameId = frameId;
    for (const l of this.violationListeners) {
      try {
        l(v);
      } catch (e) {
        this.note(`a violation listener threw: ${errorText(e)}`);
      }
    }
  }

  private note(message: string, problems?: ValidationProblem[]): void {
    const event: TraceEvent = { kind: 'note', at: nowIso(), message: `[${this.facts.connectionId}] ${message}` };
    if (problems && problems.length > 0) event.data = { problems: problems.map((p) => `${p.code}: ${p.message}`) };
    this.emitTrace(event);
  }

  private emitTrace(event: TraceEvent): void {
    if (!this.trace) return;
    try {
      this.trace.write(event);
    } catch {
      // A failing trace sink (disk full, closed file) must not break the protocol exchange.
    }
  }
}
