// The bench desk: prompts the cucumber child posted (src/actions/prompt-broker.ts) wait here, one held HTTP request
// each, until a person answers in a browser tab. A prompt answered on the terminal, timed out or abandoned withdraws
// itself: its request closes, and the desk forgets it.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BrokerAnswer } from '../actions/prompt-broker.ts';

export interface BenchPrompt {
  id: string;
  instruction: string;
  openedAt: string;
  /** When the harness gives up waiting (ISO 8601). */
  deadline: string;
  timeoutMs: number;
  /** The run-context file of the runner that asked: tells which run (and so which SUT) the prompt belongs to. */
  context?: string;
  /** The console run and case it belongs to, when the console knows them. */
  run?: string;
  caseId?: string;
}

export type BenchEvent = { type: 'prompt-opened'; prompt: BenchPrompt } | { type: 'prompt-closed'; id: string; answer: BrokerAnswer | 'withdrawn' };

interface Held {
  prompt: BenchPrompt;
  res: ServerResponse;
}

export class BenchDesk {
  private readonly held = new Map<string, Held>();

  constructor(private readonly publish: (event: BenchEvent) => void) {}

  open(): BenchPrompt[] {
    return [...this.held.values()].map((h) => h.prompt);
  }

  /** A runner posted a prompt: hold its request open until it is answered or withdrawn. */
  accept(body: unknown, req: IncomingMessage, res: ServerResponse): void {
    const b = (body ?? {}) as { instruction?: unknown; timeoutMs?: unknown; context?: unknown };
    if (typeof b.instruction !== 'string' || b.instruction.length === 0 || typeof b.timeoutMs !== 'number' || !(b.timeoutMs > 0)) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'a prompt needs "instruction" (text) and "timeoutMs" (> 0)' }));
      return;
    }
    const now = Date.now();
    const prompt: BenchPrompt = {
      id: randomUUID(),
      instruction: b.instruction,
      openedAt: new Date(now).toISOString(),
      deadline: new Date(now + b.timeoutMs).toISOString(),
      timeoutMs: b.timeoutMs,
      ...(typeof b.context === 'string' ? { context: b.context } : {}),
    };
    this.held.set(prompt.id, { prompt, res });
    // The runner withdraws a prompt by closing its request (terminal answer, timeout, run stopped).
    res.on('close', () => this.close(prompt.id, 'withdrawn'));
    req.socket.setTimeout(0);
    this.publish({ type: 'prompt-opened', prompt });
  }

  /** A person answered in the page; false when the prompt is no longer open. */
  answer(id: string, answer: BrokerAnswer): boolean {
    const h = this.held.get(id);
    if (!h) return false;
    this.close(id, answer);
    h.res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ answer }));
    return true;
  }

  private close(id: string, answer: BrokerAnswer | 'withdrawn'): void {
    if (!this.held.delete(id)) return;
    this.publish({ type: 'prompt-closed', id, answer });
  }
}
