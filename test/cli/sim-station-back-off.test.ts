// `sim station` declares its reconnection back-off as OCPPCommCtrlr.RetryBackOff* and uses it as declared: the older
// millisecond options translate into those variables, and a station started that way doubles its wait.
import { describe, expect, it } from 'vitest';
import { parseSimStationArgs } from '../../src/cli/sim-station.ts';
import { StationCore } from '../../src/sim/station/core.ts';
import { retryBackOffMs } from '../../src/sim/station/areas/reconnect.ts';

const base = ['--csms-url', 'ws://127.0.0.1:9/ocpp', '--id', 'CS-1'];
const backOff = (v: Record<string, string> | undefined): string[] =>
  ['RetryBackOffWaitMinimum', 'RetryBackOffRepeatTimes', 'RetryBackOffRandomRange'].map((n) => v?.[`OCPPCommCtrlr.${n}`] ?? '-');

describe('sim station back-off options', () => {
  it('declares the back-off by default (1 s, doubling up to 30 s)', async () => {
    const { options } = await parseSimStationArgs(base);
    expect(options.retryBackOff).toBe(true);
    expect(backOff(options.variables)).toEqual(['1', '4', '0']);
  });
  it('--reconnect-ms 30000 is a 30 s RetryBackOffWaitMinimum; --reconnect-max-ms gives the doublings that fit', async () => {
    expect(backOff((await parseSimStationArgs([...base, '--reconnect-ms', '30000'])).options.variables)).toEqual(['30', '0', '0']);
    expect(backOff((await parseSimStationArgs([...base, '--reconnect-ms', '30000', '--reconnect-max-ms', '130000'])).options.variables)).toEqual(['30', '2', '0']);
    expect(backOff((await parseSimStationArgs([...base, '--reconnect-ms', '1500'])).options.variables)).toEqual(['2', '3', '0']);
  });
  it('takes the variables directly, and refuses both spellings of one', async () => {
    const args = [...base, '--retry-back-off-wait-minimum', '45', '--retry-back-off-repeat-times', '3', '--retry-back-off-random-range', '10'];
    expect(backOff((await parseSimStationArgs(args)).options.variables)).toEqual(['45', '3', '10']);
    await expect(parseSimStationArgs([...base, '--reconnect-ms', '1000', '--retry-back-off-wait-minimum', '1'])).rejects.toThrow('not both');
  });
});

describe('a station started with the CLI options', () => {
  it('waits as it declares: the minimum first, doubled after each failed attempt as often as RepeatTimes says', async () => {
    const { options } = await parseSimStationArgs([...base, '--reconnect-ms', '30000', '--reconnect-max-ms', '130000']);
    const st = new StationCore(options);
    expect(['RetryBackOffWaitMinimum', 'RetryBackOffRepeatTimes', 'RetryBackOffRandomRange'].map((n) => st.dm.int('OCPPCommCtrlr', n))).toEqual([30, 2, 0]);
    expect([0, 1, 2, 3].map(() => retryBackOffMs(st))).toEqual([30_000, 60_000, 120_000, 120_000]);
  });
});
