import { describe, expect, it } from 'vitest';
import { parseSimStationArgs, runSimStationCommand } from '../../../src/cli/sim-station.ts';

describe('sim station command line', () => {
  it('builds options from flags', async () => {
    const { options } = await parseSimStationArgs(['--csms-url', 'ws://127.0.0.1:9/ocpp', '--id', 'CS9', '--evses', '1,2', '--fault', 'heartbeat.never', '--fault', 'tx.seqNoGap', '--action-port', '0']);
    expect(options).toMatchObject({ csmsUrl: 'ws://127.0.0.1:9/ocpp', identity: 'CS9', evses: [1, 2], faults: ['heartbeat.never', 'tx.seqNoGap'], securityProfile: 0, ocppVersion: '2.0.1' });
  });

  it.each([
    [['--id', 'X'], /--csms-url is required/],
    [['--csms-url', 'http://x', '--id', 'X'], /ws:\/\/ or wss:\/\//],
    [['--csms-url', 'ws://x', '--id', 'X', '--security-profile', '1'], /needs --password/],
    [['--csms-url', 'ws://x', '--id', 'X', '--security-profile', '2', '--password', 'p'], /needs a wss:\/\/ URL/],
    [['--csms-url', 'ws://x', '--id', 'X', '--fault', 'nope'], /unknown --fault nope/],
    [['--csms-url', 'ws://x', '--id', 'X', '--bogus'], /Unknown option/],
    [['--csms-url', 'ws://x', '--id', 'X', '--evses', 'two'], /--evses/],
  ])('rejects %j', async (argv, message) => {
    await expect(parseSimStationArgs(argv)).rejects.toThrow(message);
  });

  it('exits 2 with usage on bad flags', async () => {
    const writes: string[] = [];
    const orig = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => {
      writes.push(chunk);
      return true;
    }) as typeof process.stderr.write;
    try {
      expect(await runSimStationCommand(['--id', 'X'])).toBe(2);
    } finally {
      process.stderr.write = orig;
    }
    expect(writes.join('')).toMatch(/usage: sim station/);
  });
});
