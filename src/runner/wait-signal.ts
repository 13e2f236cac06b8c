// What a running case is doing, told to the parent process: the cucumber child writes one line to stderr when a case
// starts and when a wait of the harness begins and ends; the runner forwards them (RunCasesOptions.onSignal) and the
// CLI turns them into the live waiting line (src/cli/waiting-line.ts) and knows which case an interruption cut short.
export const SIGNAL_PREFIX = '>>>signal ';

export type RunSignal =
  | { kind: 'case'; caseId: string }
  | { kind: 'wait'; caseId: string; id: number; what: string; withinMs: number }
  | { kind: 'waited'; caseId: string; id: number };

let currentCase = '';
let nextId = 1;

function write(signal: RunSignal): void {
  process.stderr.write(`${SIGNAL_PREFIX}${JSON.stringify(signal)}\n`);
}

/** A scenario of this case starts in this process (one scenario at a time per cucumber worker). */
export function signalCaseStart(caseId: string): void {
  currentCase = caseId;
  write({ kind: 'case', caseId });
}

/** The harness starts waiting for `what` (up to withinMs); returns the call that says the wait is over. */
export function signalWait(what: string, withinMs: number): () => void {
  if (currentCase === '') return () => undefined;
  const id = nextId++;
  const caseId = currentCase;
  write({ kind: 'wait', caseId, id, what, withinMs: Math.round(withinMs) });
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    write({ kind: 'waited', caseId, id });
  };
}

/** Runs a wait between its two signals. */
export async function signalled<T>(what: string, withinMs: number, wait: () => Promise<T>): Promise<T> {
  const end = signalWait(what, withinMs);
  try {
    return await wait();
  } finally {
    end();
  }
}

/** The signal a line carries, or undefined for any other line. */
export function parseSignal(line: string): RunSignal | undefined {
  if (!line.startsWith(SIGNAL_PREFIX)) return undefined;
  try {
    const s = JSON.parse(line.slice(SIGNAL_PREFIX.length)) as RunSignal;
    return typeof s.caseId === 'string' && ['case', 'wait', 'waited'].includes(s.kind) ? s : undefined;
  } catch {
    return undefined;
  }
}
