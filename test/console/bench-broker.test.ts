// The bench broker between the runner's prompt and the console: the page and the terminal race, the first answer wins
// and withdraws the other, "cannot do" and silence are ActionFailed, and a console that is gone leaves the terminal
// working alone. Runs against the real console server (no browser) and a real PromptAdapter on in-memory streams.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { askWithBenchBroker, BENCH_BROKER_ENV } from '../../src/actions/prompt-broker.ts';
import { PromptAdapter } from '../../src/actions/prompt.ts';
import { ActionFailed } from '../../src/actions/types.ts';
import type { BenchPrompt } from '../../src/console/bench.ts';
import { startConsole } from '../../src/console/server.ts';
import type { ConsoleServer } from '../../src/console/server.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  delete process.env[BENCH_BROKER_ENV];
});

/** A console whose prompts are reported to the test as they open. */
async function consoleWithPrompts(): Promise<{ server: ConsoleServer; broker: string; nextPrompt: () => Promise<BenchPrompt> }> {
  const waiting: Array<(p: BenchPrompt) => void> = [];
  const seen: BenchPrompt[] = [];
  const server = await startConsole({ terminalPrompts: false, onPrompt: (p) => (waiting.shift() ?? ((x: BenchPrompt) => seen.push(x)))(p) });
  cleanups.push(() => server.close());
  const broker = `${server.origin}/api/bench/prompts?token=${encodeURIComponent(server.token)}`;
  const nextPrompt = (): Promise<BenchPrompt> => {
    const ready = seen.shift();
    return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
  };
  return { server, broker, nextPrompt };
}

async function answerInPage(server: ConsoleServer, id: string, answer: 'done' | 'cannot'): Promise<number> {
  const res = await fetch(`${server.origin}/api/bench/prompts/${id}/answer`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-console-token': server.token },
    body: JSON.stringify({ answer }),
  });
  return res.status;
}

function terminal(): { adapter: PromptAdapter; input: PassThrough; output: PassThrough } {
  const input = new PassThrough();
  const output = new PassThrough();
  return { adapter: new PromptAdapter(20_000, { input, output }, 'Charging Station T1'), input, output };
}

describe('bench broker', () => {
  it('takes "Done" from the page, and the terminal prompt is withdrawn', async () => {
    const { server, broker, nextPrompt } = await consoleWithPrompts();
    process.env[BENCH_BROKER_ENV] = broker;
    const { adapter, input } = terminal();
    const asked = adapter.reboot();
    const prompt = await nextPrompt();
    expect(prompt.instruction).toBe('power-cycle (reboot) Charging Station T1');
    expect(prompt.timeoutMs).toBe(20_000);
    expect(await answerInPage(server, prompt.id, 'done')).toBe(200);
    await expect(asked).resolves.toBeUndefined();
    // A second answer finds the prompt gone; a late Enter on the terminal answers nothing.
    expect(await answerInPage(server, prompt.id, 'done')).toBe(410);
    input.write('\n');
  });

  it('reports "Cannot do" from the page as ActionFailed (the case becomes INCONCLUSIVE)', async () => {
    const { server, broker, nextPrompt } = await consoleWithPrompts();
    process.env[BENCH_BROKER_ENV] = broker;
    const { adapter } = terminal();
    const asked = adapter.send('Reset', { type: 'Immediate' });
    asked.catch(() => undefined); // judged below, after the click
    const prompt = await nextPrompt();
    expect(prompt.instruction).toContain('make the CSMS send a ResetRequest');
    expect(await answerInPage(server, prompt.id, 'cannot')).toBe(200);
    await expect(asked).rejects.toThrow(/could not be done/);
  });

  it('takes Enter on the terminal first, and the page prompt disappears', async () => {
    const { server, broker, nextPrompt } = await consoleWithPrompts();
    process.env[BENCH_BROKER_ENV] = broker;
    const { adapter, input } = terminal();
    const asked = adapter.plugIn(1, 1);
    const prompt = await nextPrompt();
    input.write('\n');
    await expect(asked).resolves.toBeUndefined();
    // The runner closed its request; the desk forgets the prompt as soon as the close arrives.
    await expect.poll(() => answerInPage(server, prompt.id, 'done')).toBe(410);
  });

  it('without an answer, fails after the prompt timeout', async () => {
    const { broker, nextPrompt } = await consoleWithPrompts();
    const asked = askWithBenchBroker(broker, 'present the card', 300, () => new Promise<void>(() => undefined));
    asked.catch(() => undefined); // judged below
    await nextPrompt();
    await expect(asked).rejects.toBeInstanceOf(ActionFailed);
    await expect(asked).rejects.toThrow(/nobody confirmed "present the card"/);
  });

  it('keeps the terminal working when the console is not reachable', async () => {
    const { server, broker } = await consoleWithPrompts();
    await server.close();
    cleanups.pop();
    process.env[BENCH_BROKER_ENV] = broker;
    const { adapter, input, output } = terminal();
    let printed = '';
    output.on('data', (c: Buffer) => (printed += c.toString('utf8')));
    const asked = adapter.reboot();
    await expect.poll(() => printed).toContain('ACTION NEEDED: power-cycle (reboot) Charging Station T1');
    input.write('\n');
    await expect(asked).resolves.toBeUndefined();
  });

  it('refuses a prompt without the token', async () => {
    const { server } = await consoleWithPrompts();
    const res = await fetch(`${server.origin}/api/bench/prompts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ instruction: 'x', timeoutMs: 1000 }) });
    expect(res.status).toBe(401);
  });
});
