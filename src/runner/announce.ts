// Lines for the person running the harness (waits, prompts): the cucumber child writes them to stderr with a fixed
// prefix and the runner shows exactly those lines on the terminal, whatever else the child prints.
import { SIGNAL_PREFIX } from './wait-signal.ts';

export const ANNOUNCE_PREFIX = '>>> ';

export function announce(message: string): void {
  process.stderr.write(`${ANNOUNCE_PREFIX}${message}\n`);
}

/**
 * The announce lines of a chunk of child output (`rest` carries an unfinished last line to the next chunk), and the
 * run signals (wait-signal.ts) in it.
 */
export function announcedLines(carry: string, chunk: string): { lines: string[]; rest: string; signals: string[] } {
  const text = carry + chunk;
  const parts = text.split('\n');
  const rest = parts.pop() ?? '';
  return { lines: parts.filter((l) => l.startsWith(ANNOUNCE_PREFIX)), rest, signals: parts.filter((l) => l.startsWith(SIGNAL_PREFIX)) };
}
