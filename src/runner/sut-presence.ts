// The SUT going away is its own outcome. Before each case of a long-lived SUT the run checks that the SUT is there
// (a CSMS: its endpoint accepts a TCP connection; a station: it holds the run-scoped connection). When it is gone the
// run waits a bounded time (timeouts.sutReturnMs) for it, visibly. Back: the case before, which the loss spoiled, is
// retried once at the end of the run. Not back: this and every later case end at once with "SUT unavailable since
// case X" and the runner stops the run (see run-cases.ts).
import { connect } from 'node:net';
import { PreconditionFailed } from '../peer/errors.ts';
import { announce } from './announce.ts';
import { loadSutState, saveSutState } from './sut-state.ts';

export const UNAVAILABLE = 'SUT unavailable since case';

/** Whether something accepts TCP connections at the URL's host and port within `withinMs`. */
export function tcpReachable(url: string, withinMs: number): Promise<boolean> {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol === 'wss:' || u.protocol === 'https:' ? 443 : 80));
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), withinMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface PresenceCheck {
  /** Is the SUT there now? (quick) */
  present(): Promise<boolean>;
  /** Resolves true once it is back, false after withinMs. */
  awaitReturn(withinMs: number): Promise<boolean>;
  what: string;
}

/** Polls a quick check until it succeeds or the deadline passes (the SUT gives no event to wait for). */
export async function pollUntil(check: () => Promise<boolean>, withinMs: number, everyMs = 1000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    if (await check()) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await new Promise<void>((resolve) => setTimeout(resolve, Math.min(everyMs, left)));
  }
}

/**
 * The sanity probe before a case. Throws PreconditionFailed("SUT unavailable since case X ...") when the SUT is gone
 * and does not come back; records the spoiled case for a retry when it does.
 */
export async function sanityProbe(runDir: string, caseId: string, check: PresenceCheck, withinMs: number, note: (m: string) => void): Promise<void> {
  const state = loadSutState(runDir);
  if (state.unavailableSince !== undefined) {
    if (await check.present()) {
      note(`${check.what} is back after being unavailable since case ${state.unavailableSince}`);
      delete state.unavailableSince;
      saveSutState(runDir, state);
      return;
    }
    throw new PreconditionFailed(`${UNAVAILABLE} ${state.unavailableSince}: ${check.what} did not come back`);
  }
  if (await check.present()) return;
  const since = state.lastCase ?? '(start of the run)';
  const message = `${check.what} went away after case ${since}; waiting up to ${Math.round(withinMs / 1000)} s for it to come back ...`;
  announce(message);
  note(message);
  if (await check.awaitReturn(withinMs)) {
    announce(`${check.what} is back; case ${since} will be retried once at the end of the run`);
    note(`${check.what} is back`);
    if (state.lastCase && !state.retry?.includes(state.lastCase)) state.retry = [...(state.retry ?? []), state.lastCase];
    saveSutState(runDir, state);
    return;
  }
  state.unavailableSince = since;
  saveSutState(runDir, state);
  throw new PreconditionFailed(`${UNAVAILABLE} ${since}: ${check.what} did not come back within ${Math.round(withinMs / 1000)} s`);
}

/** Remembers the case that just ended (the one a loss of the SUT right after it is blamed on). */
export function caseEnded(runDir: string, caseId: string): void {
  const state = loadSutState(runDir);
  state.lastCase = caseId;
  saveSutState(runDir, state);
}
