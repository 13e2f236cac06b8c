// `sim station --action-port -1` is accepted as --help offers it (the SUT-action API switched off).
import { describe, expect, it } from 'vitest';
import { joinNegativeNumbers, parseSimStationArgs } from '../../src/cli/sim-station.ts';

const base = ['--csms-url', 'ws://127.0.0.1:9000/ocpp', '--id', 'CS-1'];

describe('sim station --action-port', () => {
  it('-1 as a separate word switches the action API off', async () => {
    const { options } = await parseSimStationArgs([...base, '--action-port', '-1']);
    expect(options.actionApi).toBe(false);
  });
  it('=-1 does the same, and a port number still opens it', async () => {
    expect((await parseSimStationArgs([...base, '--action-port=-1'])).options.actionApi).toBe(false);
    expect((await parseSimStationArgs([...base, '--action-port', '8123'])).options.actionApi).toEqual({ host: '127.0.0.1', port: 8123 });
  });
  it('below -1 is still refused; a flag after an option is not taken as its value', async () => {
    await expect(parseSimStationArgs([...base, '--action-port', '-2'])).rejects.toThrow('--action-port must be between -1 and 65535, got -2');
    expect(joinNegativeNumbers(['--id', '-x', '--action-port', '-1'])).toEqual(['--id', '-x', '--action-port=-1']);
  });
});
