// The live waiting line of `run`: while a case waits for the SUT, the console says for what and for how long.
// On a terminal one line is rewritten in place (once a second) below the progress lines; anywhere else (CI logs,
// pipes, tests) a plain line is printed once a wait has lasted `everyMs`, and then at most every `everyMs`, so a
// log stays short and a 60 s silence still shows what the harness is doing.
import type { RunSignal } from '../runner/wait-signal.ts';

export interface Terminal {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

interface ActiveWait {
  caseId: string;
  what: string;
  withinMs: number;
  since: number;
}

export interface WaitingLineOptions {
  /** A terminal to draw the live line on; without one (or not a TTY) plain lines go through `print`. */
  terminal?: Terminal;
  /** Not a TTY: the least time between two waiting lines (and the shortest wait that gets one). Default 5 s. */
  everyMs?: number;
  now?: () => number;
}

const CLEAR = '\r\u001b[2K';

function seconds(ms: number): string {
  return `${Math.max(0, Math.round(ms / 1000))} s`;
}

export class WaitingLine {
  private readonly waits = new Map<string, ActiveWait>();
  private readonly tty: Terminal | undefined;
  private readonly everyMs: number;
  private readonly now: () => number;
  private drawn = false;
  private lastPlain = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly print: (line: string) => void,
    options: WaitingLineOptions = {},
  ) {
    this.tty = options.terminal?.isTTY ? options.terminal : undefined;
    this.everyMs = options.everyMs ?? 5000;
    this.now = options.now ?? Date.now;
  }

  /** Ticks once a second until stop() (the real clock; tests call tick() themselves). */
  start(): void {
    this.timer ??= setInterval(() => this.tick(), 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.waits.clear();
    this.erase();
  }

  onSignal(signal: RunSignal): void {
    if (signal.kind === 'wait') this.waits.set(signal.caseId, { caseId: signal.caseId, what: signal.what, withinMs: signal.withinMs, since: this.now() });
    else this.waits.delete(signal.caseId);
    if (this.tty) this.draw();
  }

  /** A case finished (its waits are over, whatever the child said last). */
  caseDone(caseId: string): void {
    this.waits.delete(caseId);
  }

  /** Prints an ordinary line; on a terminal the live line is taken away first and drawn again below it. */
  line(text: string): void {
    this.erase();
    this.print(text);
    if (this.tty) this.draw();
  }

  /** The current waiting text, e.g. "waiting: TC_B_03_CS for a BootNotificationRequest from the SUT (12 s of up to 60 s)". */
  text(): string | undefined {
    if (this.waits.size === 0) return undefined;
    const now = this.now();
    const parts = [...this.waits.values()].map((w) => `${w.caseId} for ${w.what} (${seconds(now - w.since)} of up to ${seconds(w.withinMs)})`);
    return `waiting: ${parts.join(' | ')}`;
  }

  tick(): void {
    if (this.tty) {
      this.draw();
      return;
    }
    const now = this.now();
    const long = [...this.waits.values()].some((w) => now - w.since >= this.everyMs);
    if (!long || now - this.lastPlain < this.everyMs) return;
    const text = this.text();
    if (!text) return;
    this.lastPlain = now;
    this.print(text);
  }

  private draw(): void {
    if (!this.tty) return;
    const text = this.text();
    if (!text) {
      this.erase();
      return;
    }
    const width = Math.max(20, (this.tty.columns || 80) - 1); // 0: a terminal that does not say
    this.tty.write(`${CLEAR}${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    this.drawn = true;
  }

  private erase(): void {
    if (!this.tty || !this.drawn) return;
    this.tty.write(CLEAR);
    this.drawn = false;
  }
}
