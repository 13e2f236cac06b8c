// The bench broker: when a prompt should also appear somewhere else than the terminal (the operator console in a
// browser), the runner's environment names a broker URL. The prompt is posted there as one long-lived HTTP request that
// answers "done" or "cannot" when a person clicks; it races the terminal prompt, and whichever answers first wins (the
// other is withdrawn). An unreachable broker never fails the action: the terminal still works alone.
import http from 'node:http';
import { ActionFailed } from './types.ts';

/** Environment variable holding the broker URL (with its access token), set by `ocpp-conformance console`. */
export const BENCH_BROKER_ENV = 'OCPP_CONFORMANCE_BENCH_BROKER';

/** What a person answered in the broker's page. */
export type BrokerAnswer = 'done' | 'cannot';

/** The terminal side of a prompt: resolves when confirmed, rejects when refused; stops quietly when `signal` aborts. */
export type TerminalPrompt = (signal: AbortSignal) => Promise<void>;

export function benchBrokerUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = env[BENCH_BROKER_ENV];
  return url && /^https?:\/\//.test(url) ? url : undefined;
}

/** Posts one prompt and waits for the answer; rejects if the broker cannot be reached or answers something else. */
export function postPrompt(brokerUrl: string, prompt: { instruction: string; timeoutMs: number; context?: string | undefined }, signal: AbortSignal): Promise<BrokerAnswer> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(prompt);
    const req = http.request(brokerUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, signal }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('error', reject);
      res.on('end', () => {
        let answer: unknown;
        try {
          answer = (JSON.parse(text) as { answer?: unknown }).answer;
        } catch {
          answer = undefined;
        }
        if (res.statusCode === 200 && (answer === 'done' || answer === 'cannot')) resolve(answer);
        else reject(new Error(`the bench broker answered HTTP ${String(res.statusCode)}: ${text.slice(0, 200)}`));
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Asks the person at the bench through the broker and the terminal at once. Resolves when either confirms; rejects with
 * ActionFailed when either reports the action impossible, or when nobody answers within `timeoutMs`.
 */
export function askWithBenchBroker(brokerUrl: string, instruction: string, timeoutMs: number, terminal: TerminalPrompt): Promise<void> {
  const stop = new AbortController();
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (error?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stop.abort();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => settle(new ActionFailed(`nobody confirmed "${instruction}" within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    terminal(stop.signal).then(
      () => settle(),
      (e: unknown) => settle(e instanceof Error ? e : new ActionFailed(String(e))),
    );
    // The run-context path (CONTEXT_ENV of src/runner/context.ts, not imported: the runner imports this folder) tells
    // the console which of its runs asks.
    postPrompt(brokerUrl, { instruction, timeoutMs, context: process.env['OCPP_CONFORMANCE_CONTEXT'] }, stop.signal).then(
      (answer) => settle(answer === 'done' ? undefined : new ActionFailed(`the operator reported in the console that "${instruction}" could not be done`)),
      (e: unknown) => {
        // The console went away (or never was): the terminal prompt carries on alone.
        if (!settled) process.stderr.write(`>>> (the operator console is not reachable: ${e instanceof Error ? e.message : String(e)}; answer here)\n`);
      },
    );
  });
}
