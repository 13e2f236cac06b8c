// Stopping a run means stopping the command and the cucumber process it started. Node has no process-tree API, so the
// children are read from /proc (Linux); elsewhere only the command itself is signalled.
import { readFileSync } from 'node:fs';

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Sends `signal` to `pid` and all its descendants, the deepest first (so nothing is re-parented and missed). */
export function killTree(pid: number, signal: NodeJS.Signals = 'SIGTERM'): void {
  const order: number[] = [];
  const visit = (p: number): void => {
    for (const c of childrenOf(p)) visit(c);
    order.push(p);
  };
  visit(pid);
  for (const p of order) {
    try {
      process.kill(p, signal);
    } catch {
      // already gone
    }
  }
}
