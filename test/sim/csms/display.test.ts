// Display and tariff-cost areas of the reference CSMS: display messages and their reports per station, the running and
// final cost of a transaction, and their faults.
import { describe, expect, it } from 'vitest';
import { AREA as DISPLAY, displayOf } from '../../../src/sim/csms/areas/display.ts';
import { AREA as TARIFF, costOf, TARIFF_PER_KWH } from '../../../src/sim/csms/areas/tariff-cost.ts';
import { CsmsFaultSet } from '../../../src/sim/csms/faults.ts';
import type { HandlerContext } from '../../../src/sim/csms/handlers.ts';
import { SimCallError } from '../../../src/sim/csms/handlers.ts';
import { areaContext } from './area-context.ts';

type Json = Record<string, unknown>;

function context(faults: string[] = [], calls: Array<[string, Json]> = []): { ctx: HandlerContext; later: Array<() => Promise<void>> } {
  const later: Array<() => Promise<void>> = [];
  const callStation = (action: string, payload: Json): Promise<unknown> => {
    calls.push([action, payload]);
    return Promise.resolve({});
  };
  return { ctx: areaContext('UI1', faults, { later: (fn) => later.push(fn), callStation }), later };
}

function wire(faults: string[], action: string, payload: Json): Json {
  const p = structuredClone(payload);
  DISPLAY.outgoing?.(new CsmsFaultSet(faults), action, p, '2.0.1');
  return p;
}

const MESSAGE = { id: 7, priority: 'AlwaysFront', state: 'Charging', transactionId: 'tx-1', startDateTime: '2030-01-01T08:00:00.000Z', endDateTime: '2030-01-02T08:00:00.000Z', message: { format: 'UTF8', content: 'hi' } };

const reading = (wh: number): Json => ({ timestamp: '2025-01-01T00:00:00.000Z', sampledValue: [{ value: wh, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } }] });
const event = (eventType: string, meterValue: Json[] = []): Json => ({ eventType, timestamp: '2025-01-01T00:00:00.000Z', triggerReason: 'MeterValuePeriodic', seqNo: 1, transactionInfo: { transactionId: 'tx-1' }, idToken: { idToken: 'D1', type: 'ISO14443' }, meterValue });

describe('display area', () => {
  it('keeps accepted messages by id, replaces and clears them, and files reports per requestId', async () => {
    const { ctx } = context();
    const learn = DISPLAY.learn!;
    const f = ctx.opts.faults;
    learn(ctx.station, 'SetDisplayMessage', { message: MESSAGE }, { status: 'Accepted' }, f);
    learn(ctx.station, 'SetDisplayMessage', { message: { ...MESSAGE, priority: 'NormalCycle' } }, { status: 'Accepted' }, f);
    learn(ctx.station, 'SetDisplayMessage', { message: { ...MESSAGE, id: 8 } }, { status: 'Rejected' }, f);
    const state = displayOf(ctx.station);
    expect([...state.messages.keys()]).toEqual([7]);
    expect(state.messages.get(7)?.priority).toBe('NormalCycle');
    learn(ctx.station, 'GetDisplayMessages', { requestId: 4 }, { status: 'Accepted' }, f);
    expect(await DISPLAY.handlers!.NotifyDisplayMessages!(ctx, { requestId: 4, messageInfo: [MESSAGE] })).toEqual({});
    expect(state.reports.get(4)).toMatchObject({ requestStatus: 'Accepted', complete: true, messages: [MESSAGE] });
    learn(ctx.station, 'ClearDisplayMessage', { id: 7 }, { status: 'Accepted' }, f);
    expect(state.messages.size).toBe(0);
  });

  it('outgoing faults change the requests as described', () => {
    const sent = (fault: string): Json => wire([fault], 'SetDisplayMessage', { message: MESSAGE }).message as Json;
    expect(sent('display.prioritySwapped').priority).toBe('NormalCycle');
    expect(sent('display.stateDropped')).not.toHaveProperty('state');
    expect((sent('display.formatAsASCII').message as Json).format).toBe('ASCII');
    expect(sent('display.transactionIdDropped')).not.toHaveProperty('transactionId');
    expect(sent('display.scheduleDropped')).not.toHaveProperty('startDateTime');
    expect(sent('display.scheduleDropped')).not.toHaveProperty('endDateTime');
    expect(sent('display.idOffByOne').id).toBe(8);
    expect(wire(['display.getFiltersDropped'], 'GetDisplayMessages', { requestId: 1, id: [7], state: 'Charging' })).toEqual({ requestId: 1 });
    expect(wire(['display.getAllWithPriority'], 'GetDisplayMessages', { requestId: 1 })).toEqual({ requestId: 1, priority: 'NormalCycle' });
    expect(wire(['display.getAllWithPriority'], 'GetDisplayMessages', { requestId: 1, id: [7] })).toEqual({ requestId: 1, id: [7] });
    expect(wire(['display.clearIdOffByOne'], 'ClearDisplayMessage', { id: 7 }).id).toBe(8);
  });

  it('display.refuseNotifyDisplayMessages refuses the report', async () => {
    const { ctx } = context(['display.refuseNotifyDisplayMessages']);
    await expect(Promise.resolve().then(() => DISPLAY.handlers!.NotifyDisplayMessages!(ctx, { requestId: 1 }))).rejects.toBeInstanceOf(SimCallError);
  });
});

describe('tariff-cost area', () => {
  it('sends the running cost after each reading and answers the Ended event with the final cost', async () => {
    const calls: Array<[string, Json]> = [];
    const { ctx, later } = context([], calls);
    expect(TARIFF.answer!(ctx, 'TransactionEvent', event('Updated', [reading(1000)]), {})).toEqual({});
    expect(TARIFF.answer!(ctx, 'TransactionEvent', event('Updated', [reading(5000)]), {})).toEqual({});
    for (const task of later) await task();
    expect(calls).toEqual([
      ['CostUpdated', { totalCost: 0, transactionId: 'tx-1' }],
      ['CostUpdated', { totalCost: 4 * TARIFF_PER_KWH, transactionId: 'tx-1' }],
    ]);
    expect(TARIFF.answer!(ctx, 'TransactionEvent', event('Ended', [reading(9000)]), {})).toEqual({ totalCost: 8 * TARIFF_PER_KWH });
    expect(costOf({})).toBe(0);
    // No driver, no price: neither a running nor a final cost.
    const anonymous = context([], calls);
    const { idToken: _driver, ...withoutDriver } = event('Updated', [reading(1000)]);
    TARIFF.answer!(anonymous.ctx, 'TransactionEvent', withoutDriver, {});
    expect(anonymous.later).toHaveLength(0);
    expect(TARIFF.answer!(anonymous.ctx, 'TransactionEvent', { ...withoutDriver, eventType: 'Ended' }, {})).toEqual({});
  });

  it('faults: no running cost, no final cost, cost for another transaction', async () => {
    const none: Array<[string, Json]> = [];
    const silent = context(['tariff.noRunningCost'], none);
    TARIFF.answer!(silent.ctx, 'TransactionEvent', event('Updated', [reading(1000)]), {});
    expect(silent.later).toHaveLength(0);
    expect(TARIFF.answer!(context(['tariff.noFinalCost']).ctx, 'TransactionEvent', event('Ended', [reading(1000)]), {})).toEqual({});
    const calls: Array<[string, Json]> = [];
    const other = context(['tariff.costForOtherTransaction'], calls);
    TARIFF.answer!(other.ctx, 'TransactionEvent', event('Updated', [reading(1000)]), {});
    for (const task of other.later) await task();
    expect(calls[0]?.[1].transactionId).toBe('1-xt');
  });
});
