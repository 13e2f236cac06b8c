// The terminal prompt: the instruction and a countdown for the person at the bench, answered with Enter ("fail" or
// "n" when the action could not be done). Lines start with the announce prefix, so a run shows them on the terminal
// even when the cucumber child's other output is kept quiet (src/runner/announce.ts).
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { PromptAnswer, PromptRequest, PromptUi } from './prompt.ts';

export interface PromptIo {
  input: Readable;
  output: Writable;
}

/** How often the countdown is repeated (at most; the last line comes when 10 s are left). */
const COUNTDOWN_EVERY_MS = 30_000;

export class TerminalPrompt implements PromptUi {
  constructor(private readonly io: PromptIo = { input: process.stdin, output: process.stderr }) {}

  ask(request: PromptRequest): Promise<PromptAnswer> {
    const { instruction, timeoutMs } = request;
    const deadline = Date.now() + timeoutMs;
    const say = (text: string): void => void this.io.output.write(`>>> ${text}\n`);
    say(`ACTION NEEDED: ${instruction}`);
    say(`Press Enter when done (or type "fail"); ${Math.round(timeoutMs / 1000)} s left.`);
    refStream(this.io.input, true);
    const rl = createInterface({ input: this.io.input, terminal: false });
    return new Promise<PromptAnswer>((resolve) => {
      let answered = false;
      const finish = (answer: PromptAnswer): void => {
        if (answered) return;
        answered = true;
        clearTimeout(timer);
        clearInterval(countdown);
        resolve(answer);
        rl.close();
        // Once read, stdin keeps the process alive until its other end closes (a terminal, a pipe): after the last
        // prompt the run must end on its own.
        this.io.input.pause();
        refStream(this.io.input, false);
      };
      const timer = setTimeout(() => finish('timeout'), timeoutMs);
      const countdown = setInterval(() => say(`${Math.max(0, Math.round((deadline - Date.now()) / 1000))} s left to confirm: ${instruction}`), Math.min(COUNTDOWN_EVERY_MS, Math.max(1000, timeoutMs / 3)));
      rl.once('line', (line) => finish(/^\s*(fail|n|no)\s*$/i.test(line) ? 'failed' : 'done'));
      rl.once('close', () => finish('closed'));
      request.signal?.addEventListener('abort', () => finish('closed'), { once: true });
    });
  }
}

/** Net sockets (stdin as a pipe or terminal) can be unreferenced; other streams have nothing to release. */
function refStream(input: Readable, ref: boolean): void {
  const handle = input as Readable & { ref?: () => void; unref?: () => void };
  if (ref) handle.ref?.();
  else handle.unref?.();
}
