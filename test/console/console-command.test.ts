// `ocpp-conformance console` as a command: usage errors exit 2, the URL carries the token, a non-loopback --host warns.
import { describe, expect, it } from 'vitest';
import { exposureWarning, runConsoleCommand } from '../../src/cli/console.ts';

async function start(argv: string[]): Promise<{ lines: string[]; stop: () => Promise<number> }> {
  const lines: string[] = [];
  const abort = new AbortController();
  let announced: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (announced = resolve));
  const done = runConsoleCommand(argv, {
    out: (l) => {
      lines.push(l);
      if (l.startsWith('Operator console: ')) announced();
    },
    signal: abort.signal,
  });
  await Promise.race([ready, done]);
  return {
    lines,
    stop: async () => {
      abort.abort();
      return done;
    },
  };
}

describe('console command', () => {
  it('refuses bad options with exit code 2', async () => {
    const out: string[] = [];
    expect(await runConsoleCommand(['--port', 'x'], { out: (l) => out.push(l) })).toBe(2);
    expect(await runConsoleCommand(['--config', '/no/such/file.json'], { out: (l) => out.push(l) })).toBe(2);
    expect(await runConsoleCommand(['--bogus'], { out: (l) => out.push(l) })).toBe(2);
    expect(out.join('\n')).toMatch(/--port must be a whole number/);
    expect(out.join('\n')).toMatch(/no such run config: \/no\/such\/file\.json/);
  });

  it('serves on 127.0.0.1 with a token in the printed URL, and refuses requests without it', async () => {
    const c = await start(['--port', '0']);
    const url = c.lines.find((l) => l.startsWith('Operator console: '))?.slice('Operator console: '.length) ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{20,}$/);
    expect(c.lines.join('\n')).not.toMatch(/WARNING/);
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(new URL('/', url))).status).toBe(401);
    expect(await c.stop()).toBe(0);
  });

  it('warns when --host exposes the console beyond this machine (decided without binding anything but loopback)', () => {
    expect(exposureWarning('0.0.0.0')).toMatch(/^WARNING: the console listens on 0\.0\.0\.0/);
    expect(exposureWarning('192.168.1.20')).toMatch(/anyone on that network/);
    for (const loopback of ['127.0.0.1', '127.0.0.2', '::1', 'localhost']) expect(exposureWarning(loopback)).toBeUndefined();
  });
});
