// What both roles of the test system share: the connection(s) of one scenario, the inbox of the SUT's requests, the
// way we answer them (default responder, a reply armed in advance, or a reply held until the case's next step says
// what to answer), our own CALLs and their awaited answers, and the central rule monitor.
import { CallErrorResponse, CallTimeoutError, ConnectionClosedError, MalformedResponseError } from '../rpc/errors.ts';
import type { OcppError } from '../rpc/errors.ts';
import { NO_REPLY, OcppConnection } from '../rpc/connection.ts';
import type { CallOutcome } from '../rpc/connection.ts';
import type { CallFrame, Frame, OcppVersion, Role } from '../rpc/types.ts';
import type { TraceSink } from '../report/trace-types.ts';
import { validatePayload } from '../schema/index.ts';
import type { WireSocket } from '../transport/types.ts';
import { ExpectationFailed, ScriptError, WaitCancelled } from './errors.ts';
import { Inbox } from './inbox.ts';
import type { ExpectOptions, InboxEntry } from './inbox.ts';
import { RuleMonitor } from './rules.ts';
import { signalled } from '../runner/wait-signal.ts';
import { unansweredContext } from './unanswered-context.ts';

export interface Timing {
  /** Default deadline for a message or answer of the SUT. */
  expectMs: number;
  /** Deadline for the SUT to (re)connect. */
  connectMs: number;
  /** Deadline for a (re)boot: from a reset or reboot to the BootNotificationRequest. */
  bootMs: number;
  /**
   * After a close the SUT may not have seen (no close frame came back: the connection was dropped, or a probe gave up),
   * how long to wait before the same identity connects again. A close the SUT answered needs no wait.
   */
  reconnectGapMs: number;
  /** Deadline for a SUT that lost its connection to come back on its own back-off (timeouts.sutReturnMs). */
  sutReturnMs?: number;
}

/** How we answer one request: a payload, a CALLERROR, or nothing. */
export type Reply = { payload: Record<string, unknown> } | { error: OcppError } | { none: true };

export type DefaultResponder = (entry: InboxEntry) => Reply;

/** One CALL we sent and the answer we will await. */
export interface SentCall {
  action: string;
  payload: Record<string, unknown>;
  sentAt: number;
  /** Whether a connection was open when the CALL was sent (a station may drop the line after a Rejected boot). */
  sentWhileConnected: boolean;
  /** How long the SUT has to answer (ms). */
  timeoutMs?: number;
  outcome: Promise<CallOutcome>;
  /** Settled value, once known (for explanations). */
  settled?: { ok: true; outcome: CallOutcome } | { ok: false; error: Error };
}

interface Held {
  entry: InboxEntry;
  resolve: (reply: Reply) => void;
}

export interface PeerBaseOptions {
  version: OcppVersion;
  localRole: Role;
  trace: TraceSink;
  timing: Timing;
}

export abstract class PeerBase {
  readonly version: OcppVersion;
  readonly localRole: Role;
  readonly trace: TraceSink;
  readonly timing: Timing;
  readonly inbox = new Inbox();
  readonly rules = new RuleMonitor();
  /** The calls we sent, newest last; `lastCall(action)` finds the one a response step asks about. */
  readonly sent: SentCall[] = [];

  protected connection: OcppConnection | undefined;
  protected socket: WireSocket | undefined;
  protected connectionCount = 0;
  private lastCloseAt = 0;
  /** Whether the SUT has seen the last close: it sent a close frame (its own, or the answer to ours). */
  private lastCloseSeen = true;
  /** Resolves when the current connection's socket has closed (for a teardown that waits for the SUT to see it). */
  protected socketClosed: Promise<void> = Promise.resolve();
  private readonly held = new Map<number, Held>();
  private readonly holdActions = new Set<string>();
  private readonly armed = new Map<string, Array<(entry: InboxEntry) => Reply>>();
  private readonly closeWaiters = new Set<{ resolve: () => void; reject: (e: Error) => void }>();
  private stopped = false;
  /** The reply a step last gave per action (what the test system keeps answering, see answerBlockingHeld). */
  private readonly lastStepReply = new Map<string, Reply>();
  /** Per answered CALL id of ours: how many requests the inbox held when the answer arrived (wire order). */
  private readonly inboxSeqAtAnswer = new Map<string, number>();

  constructor(opts: PeerBaseOptions) {
    this.version = opts.version;
    this.localRole = opts.localRole;
    this.trace = opts.trace;
    this.timing = opts.timing;
    this.inbox.onWaitStart(() => this.answerBlockingHeld());
  }

  /** Answers to requests nobody armed or held. */
  protected abstract defaultReply(entry: InboxEntry): Reply;

  /** Hook for the station model (StationPeer) or the monitors (CsmsPeer) when a request arrives. */
  protected observeIncoming(_entry: InboxEntry): void {}

  /** Hook after one of our CALLs was answered. */
  protected observeOutcome(_call: SentCall, _outcome: CallOutcome): void {}

  note(message: string, data?: unknown): void {
    this.trace.write({ kind: 'note', at: new Date().toISOString(), message, ...(data === undefined ? {} : { data }) });
  }

  get connected(): boolean {
    return this.connection !== undefined && !this.connection.closed;
  }

  /** The connection has nothing outstanding either way (see OcppConnection.quiet); true without a connection. */
  get quiet(): boolean {
    return this.connection === undefined || this.connection.closed || this.connection.quiet;
  }

  get connectionIndex(): number {
    return this.connectionCount - 1;
  }

  /** The current connection; a ScriptError when there is none (a case sending before the SUT connected). */
  protected get conn(): OcppConnection {
    if (!this.connection || this.connection.closed) throw new ExpectationFailed({ expected: 'an open connection to the SUT', actual: 'the connection is closed' });
    return this.connection;
  }

  get connectionFacts(): OcppConnection['facts'] | undefined {
    return this.connection?.facts;
  }

  // ----- connection wiring -------------------------------------------------------------------------------------------

  protected attach(socket: WireSocket): OcppConnection {
    const conn = new OcppConnection(socket, {
      version: this.version,
      localRole: this.localRole,
      trace: this.trace,
      callTimeoutMs: this.timing.expectMs,
      strictDateTime: true,
    });
    const index = this.connectionCount++;
    this.connection = conn;
    this.socket = socket;
    conn.onViolation((v) => this.rules.record(v.rule, v.message, v.frameId));
    conn.onFrame((e) => {
      if (e.dir === 'in' && (e.frame?.type === 3 || e.frame?.type === 4)) this.inboxSeqAtAnswer.set(e.frame.id, this.inbox.entries.length);
      // Schema-invalid CALLs are refused by the connection without running a handler; keep them in the inbox anyway so
      // an expectation can say "it arrived, but broke its schema" instead of "it never came".
      if (e.dir === 'in' && e.frame?.type === 2 && e.problems.length > 0) {
        const frame = e.frame;
        this.inbox.add({
          at: Date.now(),
          action: frame.action,
          payload: (frame.payload ?? {}) as Record<string, unknown>,
          frame,
          connection: index,
          problems: e.problems.map((p) => p.message),
          answer: { error: 'refused by the schema check', at: Date.now() },
        });
      }
    });
    conn.setDefaultHandler((payload, frame) => this.onRequest(index, payload, frame as CallFrame));
    let closed: () => void = () => undefined;
    this.socketClosed = new Promise<void>((resolve) => (closed = resolve));
    conn.onClose((code) => {
      this.lastCloseAt = Date.now();
      // 1006: the socket ended without a close frame from the SUT, which may not know yet that we are gone.
      this.lastCloseSeen = code !== 1006;
      closed();
      if (this.connection === conn) this.onConnectionClosed(index);
      for (const w of [...this.closeWaiters]) {
        this.closeWaiters.delete(w);
        w.resolve();
      }
    });
    return conn;
  }

  protected onConnectionClosed(_index: number): void {}

  /**
   * A WebSocket ping/pong round trip: when the pong is back, every message the peer sent before answering the ping is
   * in the inbox. Resolves true then; false at once without ping support on this socket, or when no pong came within
   * `within` ms (both said in the trace).
   */
  async pingBarrier(within = this.timing.expectMs): Promise<boolean> {
    const socket = this.socket;
    if (!socket?.ping || !socket.onPong) {
      this.note('ping barrier skipped: the socket cannot ping');
      return false;
    }
    const token = `barrier-${Date.now()}`;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.note(`no pong within ${within} ms; continuing`);
        resolve(false);
      }, within);
      socket.onPong?.((data) => {
        if (data === token) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      socket.ping?.(token);
    });
  }

  /** Resolves when the current connection closes (or at once if there is none). */
  async waitForClose(within: number, what: string): Promise<void> {
    if (!this.connected) return;
    await new Promise<void>((resolve, reject) => {
      const w = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (e: Error) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      const timer = setTimeout(() => {
        this.closeWaiters.delete(w);
        reject(new ExpectationFailed({ expected: `${what} within ${(within / 1000).toFixed(1)} s`, actual: 'the connection stayed open' }));
      }, within);
      this.closeWaiters.add(w);
    });
  }

  /** Records that a connection of this identity just ended outside the OcppConnection (probes). */
  protected markClosed(seenBySut: boolean): void {
    this.lastCloseAt = Date.now();
    this.lastCloseSeen = seenBySut;
  }

  /** Time (ms) still to wait before the same identity may connect again. */
  protected reconnectDelay(): number {
    if (this.lastCloseAt === 0 || this.lastCloseSeen) return 0;
    return Math.max(0, this.lastCloseAt + this.timing.reconnectGapMs - Date.now());
  }

  // ----- answering the SUT's requests --------------------------------------------------------------------------------

  /** From now on, requests of these actions are held unanswered until a step decides (see releaseConsumed). */
  holdRepliesFor(actions: Iterable<string>): void {
    for (const a of actions) this.holdActions.add(a);
  }

  /** The next request of `action` gets this reply (armed before it arrives). */
  armReply(action: string, reply: (entry: InboxEntry) => Reply): void {
    const list = this.armed.get(action) ?? [];
    list.push(reply);
    this.armed.set(action, list);
  }

  private async onRequest(connection: number, payload: unknown, frame: CallFrame): Promise<unknown> {
    const entry = this.inbox.add({
      at: Date.now(),
      action: frame.action,
      payload: (payload ?? {}) as Record<string, unknown>,
      frame,
      connection,
    });
    this.observeIncoming(entry);
    const armed = this.armed.get(frame.action)?.shift();
    let reply: Reply;
    if (armed) reply = armed(entry);
    else if (this.holdActions.has(frame.action) && !this.stopped) {
      reply = await new Promise<Reply>((resolve) => {
        this.held.set(entry.seq, { entry, resolve });
        // A step is already waiting for another request: see answerBlockingHeld.
        if (this.inbox.waiting > 0) this.answerBlockingHeld();
      });
    } else reply = this.defaultReply(entry);
    return this.deliver(entry, reply);
  }

  private deliver(entry: InboxEntry, reply: Reply): unknown {
    const at = Date.now();
    if ('error' in reply) {
      entry.answer = { error: `${reply.error.code}: ${reply.error.description}`, at };
      throw reply.error;
    }
    if ('none' in reply) {
      entry.answer = { error: 'no answer (deliberate)', at };
      return NO_REPLY;
    }
    entry.answer = { payload: reply.payload, at };
    return reply.payload;
  }

  /** The default answer for an entry, e.g. to build an override on top of it. */
  defaultReplyFor(entry: InboxEntry): Reply {
    return this.defaultReply(entry);
  }

  /** Answers with the default if the request is still held (states use this: they never leave a request waiting). */
  answerIfHeld(entry: InboxEntry): void {
    if (this.held.has(entry.seq)) this.respond(entry, this.defaultReply(entry));
  }

  /** Answers a held request now. ScriptError if it is not held (already answered by default or armed). */
  respond(entry: InboxEntry, reply: Reply): void {
    const h = this.held.get(entry.seq);
    if (!h) {
      throw new ScriptError(
        `the ${entry.action}Request #${entry.seq} was already answered (${entry.answer?.error ?? 'by the default responder'}); ` +
          'a reply step must directly follow the step that received the request',
      );
    }
    this.held.delete(entry.seq);
    this.lastStepReply.set(entry.action, reply);
    h.resolve(reply);
  }

  /**
   * A held request no expectation took while a step waits for another one: the SUT sends one CALL at a time, so holding
   * it would keep the awaited request from ever coming (a Pending station's BootNotification retry in the middle of its
   * report; how soon the retry comes depends on the interval and on machine load). It gets the answer the case's step
   * gave last time to that action (the test system keeps its stance), or the default.
   */
  private answerBlockingHeld(): void {
    for (const [seq, h] of [...this.held]) {
      if (h.entry.consumed) continue;
      this.held.delete(seq);
      const last = this.lastStepReply.get(h.entry.action);
      const reply = last && 'payload' in last && typeof last.payload.currentTime === 'string' ? { payload: { ...last.payload, currentTime: new Date().toISOString() } } : (last ?? this.defaultReply(h.entry));
      this.note(`${h.entry.action}Request #${seq} was not asked for by a step while the case waits for another request; answered like the last one (holding it would block the SUT)`);
      h.resolve(reply);
    }
  }

  /** Is this request still waiting for our answer? */
  isHeld(entry: InboxEntry): boolean {
    return this.held.has(entry.seq);
  }

  /** Answers, with the default, every held request an expectation already consumed (a step passed without replying). */
  releaseConsumed(): void {
    for (const [seq, h] of [...this.held]) {
      if (!h.entry.consumed) continue;
      this.held.delete(seq);
      h.resolve(this.defaultReply(h.entry));
    }
  }

  /** Answers every held request with its default (teardown). */
  releaseAll(): void {
    for (const [seq, h] of [...this.held]) {
      this.held.delete(seq);
      h.resolve(this.defaultReply(h.entry));
    }
  }

  // ----- expectations -------------------------------------------------------------------------------------------------

  /**
   * A person was asked to make the SUT act (an operator prompt) and has until `until` to answer: the SUT's reaction
   * may come that much later, so default waits last until then plus timing.expectMs.
   */
  awaitPersonUntil(until: number, answered: Promise<unknown>): void {
    this.personUntil = Math.max(this.personUntil, until);
    void answered.then(
      () => this.settlePerson(until),
      () => this.settlePerson(until),
    );
  }

  private personUntil = 0;

  /** Once the person answered, the SUT has timing.expectMs from then on. */
  private settlePerson(until: number): void {
    if (this.personUntil === until) this.personUntil = Date.now();
  }

  private defaultWithin(): number {
    return Math.max(this.timing.expectMs, this.personUntil - Date.now() + this.timing.expectMs);
  }

  /** Waits for the SUT's request of `action` (default deadline: timing.expectMs); consumes it. */
  async expectRequest(action: string | string[], opts: Partial<ExpectOptions> = {}): Promise<InboxEntry> {
    const within = opts.within ?? this.defaultWithin();
    const what = opts.description ?? `a ${Array.isArray(action) ? action.join('/') : action}Request from the SUT`;
    const entry = await signalled(what, within, () => this.inbox.expect(action, { within, ...opts }));
    if (entry.problems && entry.problems.length > 0) {
      throw new ExpectationFailed({
        expected: `a schema-valid ${entry.action}Request`,
        actual: `the ${entry.action}Request broke its schema: ${entry.problems.join('; ')}`,
        frame: entry.frame,
        requirementIds: opts.requirementIds,
      });
    }
    return entry;
  }

  // ----- our CALLs ----------------------------------------------------------------------------------------------------

  /** Sends a CALL; the answer is awaited later by awaitAnswer (so the SUT can interleave its own requests). */
  sendCall(action: string, payload: Record<string, unknown>, opts: { timeoutMs?: number } = {}): SentCall {
    const problems = validatePayload(this.version, action, 'request', payload);
    if (problems.length > 0) {
      throw new ScriptError(`the ${action}Request the case builds breaks its schema: ${problems.map((p) => p.message).join('; ')}`);
    }
    const timeoutMs = opts.timeoutMs ?? this.timing.expectMs;
    const outcome = this.conn.callDetailed(action, payload, { timeoutMs });
    const call: SentCall = { action, payload, sentAt: Date.now(), sentWhileConnected: this.connected, timeoutMs, outcome };
    outcome.then(
      (o) => {
        call.settled = { ok: true, outcome: o };
        this.observeOutcome(call, o);
      },
      (error: unknown) => {
        call.settled = { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
      },
    );
    this.sent.push(call);
    return call;
  }

  /** The inbox seq of the last request that arrived before the SUT's answer to this CALL (requests sent after it have higher seq). */
  async seqBeforeAnswer(call: SentCall): Promise<number> {
    const o = await call.outcome;
    return this.inboxSeqAtAnswer.get(o.frame.id) ?? this.inbox.entries.length;
  }

  lastCall(action: string): SentCall {
    for (let i = this.sent.length - 1; i >= 0; i--) {
      const c = this.sent[i] as SentCall;
      if (c.action === action) return c;
    }
    throw new ScriptError(`no ${action}Request was sent in this scenario, so there is no ${action}Response to check`);
  }

  /** The SUT's answer to one of our CALLs, or an ExpectationFailed that says what happened instead. */
  async awaitAnswer(call: SentCall, requirementIds?: string[]): Promise<CallOutcome> {
    try {
      const outcome = call.settled ? await call.outcome : await signalled(`the SUT's ${call.action}Response`, Math.max(0, call.sentAt + (call.timeoutMs ?? this.timing.expectMs) - Date.now()), () => call.outcome);
      if (outcome.problems.length > 0) {
        throw new ExpectationFailed({
          expected: `a schema-valid ${call.action}Response`,
          actual: `the ${call.action}Response broke its schema: ${outcome.problems.map((p) => p.message).join('; ')}`,
          frame: outcome.frame,
          requirementIds,
        });
      }
      return outcome;
    } catch (e) {
      const explained = explainCallError(call, e, requirementIds);
      if (e instanceof CallTimeoutError && explained instanceof ExpectationFailed) {
        const context = unansweredContext(call, this.sent, this.inbox.entries, (entry) => this.isHeld(entry));
        if (context) throw new ExpectationFailed({ expected: explained.expected, actual: `${explained.actual}; ${context}`, requirementIds });
      }
      throw explained;
    }
  }

  /** Sends and awaits the answer in one go (states and preconditions). */
  async callAndAwait(action: string, payload: Record<string, unknown>, requirementIds?: string[]): Promise<CallOutcome> {
    return await this.awaitAnswer(this.sendCall(action, payload), requirementIds);
  }

  // ----- teardown ---------------------------------------------------------------------------------------------------

  /** Ends every wait with WaitCancelled, answers held requests, closes the connection. Idempotent. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.inbox.cancelAll(new WaitCancelled('the scenario ended (teardown) while a step was still waiting'));
    for (const w of [...this.closeWaiters]) {
      this.closeWaiters.delete(w);
      w.reject(new WaitCancelled('the scenario ended while waiting for the connection to close'));
    }
    this.releaseAll();
    // The answers just released go out before the connection closes: a case never leaves a request of the SUT
    // unanswered (one turn of the event loop lets the connection send them).
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.beforeClose();
    this.connection?.close(1000, 'test case finished');
    await this.stopTransport();
  }

  /** Teardown hook before our connection is closed (a run-scoped connection lets go here instead of closing). */
  protected beforeClose(): void {}

  protected abstract stopTransport(): Promise<void>;
}


export function explainCallError(call: SentCall, e: unknown, requirementIds?: string[]): Error {
  if (e instanceof ExpectationFailed) return e;
  const what = `a ${call.action}Response`;
  if (e instanceof CallErrorResponse) {
    return new ExpectationFailed({
      expected: what,
      actual: `CALLERROR ${e.code}${e.description ? ` ("${e.description}")` : ''}`,
      frame: e.frame as Frame,
      requirementIds,
    });
  }
  if (e instanceof CallTimeoutError) {
    return new ExpectationFailed({ expected: `${what} within ${(e.timeoutMs / 1000).toFixed(1)} s`, actual: 'no answer arrived', requirementIds });
  }
  if (e instanceof ConnectionClosedError) {
    return new ExpectationFailed({ expected: what, actual: e.message, requirementIds });
  }
  if (e instanceof MalformedResponseError) {
    return new ExpectationFailed({ expected: what, actual: `a malformed frame: ${e.reason}`, requirementIds });
  }
  return e instanceof Error ? e : new Error(String(e));
}
