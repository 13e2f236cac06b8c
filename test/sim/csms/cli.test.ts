// `sim csms` command: prints its URLs, serves stations, stops on abort; clear errors for bad options.
import { describe, expect, it } from 'vitest';
import { runSimCsmsCommand } from '../../../src/cli/sim-csms.ts';
import { openStation } from './helpers.ts';

function capture(signal?: AbortSignal): { io: Parameters<typeof runSimCsmsCommand>[1] & object; out: string[]; err: string[]; printed: Promise<void> } {
  const out: string[] = [];
  const err: string[] = [];
  let ready!: () => void;
  const printed = new Promise<void>((r) => (ready = r));
  return {
    out,
    err,
    printed,
    io: {
      out: (t) => {
        out.push(t);
        if (t.startsWith('Press Ctrl-C')) ready();
      },
      err: (t) => err.push(t),
      ...(signal ? { signal } : {}),
    },
  };
}

describe('sim csms command', () => {
  it('starts, accepts a station, and stops when aborted', async () => {
    const ac = new AbortController();
    const c = capture(ac.signal);
    const run = runSimCsmsCommand(['sim', 'csms', '--port', '0', '--fault', 'boot.zeroInterval', '--boot-status', 'Accepted'], c.io);
    await c.printed;
    const url = /listening at (\S+)<identity>/.exec(c.out.join(''))?.[1];
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/$/);
    expect(c.out.join('')).toContain('Operator API at http://127.0.0.1:');
    const st = await openStation(url!, 'CLI1');
    expect((await st.boot()).interval).toBe(0);
    st.close();
    ac.abort();
    expect(await run).toBe(0);
  });

  it('fails clearly on bad options', async () => {
    for (const [args, pattern] of [
      [['--fault', 'no.such'], /unknown CSMS fault: no\.such\. Valid faults: boot\.wrongStatus/],
      [['--security-profile', '1'], /needs --password/],
      [['--security-profile', '2', '--password', 'x'], /needs --cert-dir/],
      [['--boot-status', 'Maybe'], /--boot-status must be one of/],
      [['--port', 'abc'], /--port must be an integer/],
      [['--bogus'], /bogus/],
    ] as const) {
      const c = capture();
      const code = await runSimCsmsCommand(['--port', '0', ...args], c.io);
      expect(code, args.join(' ')).not.toBe(0);
      expect(c.err.join(''), args.join(' ')).toMatch(pattern);
    }
  });

  it('lists the faults', async () => {
    const c = capture();
    expect(await runSimCsmsCommand(['--list-faults'], c.io)).toBe(0);
    expect(c.out.join('')).toContain('rpc.neverAnswer');
  });
});
