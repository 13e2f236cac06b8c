// Fault scenarios of the customer-information area (N09/N10): each switches its fault on and sees the effect on the
// CustomerInformationRequest's notifications; faults.test.ts spreads them into its list.
import { expect } from 'vitest';
import type { StationSim, StationSimOptions } from '../../../src/sim/station/index.ts';
import type { Json, ScriptedCsms } from './scripted-csms.ts';

type Booted = (faults: string[], opts?: Partial<StationSimOptions>) => Promise<{ c: ScriptedCsms; s: StationSim }>;

const TAG = { idToken: 'TAG1', type: 'ISO14443' as const };

/** The station asks about TAG1 (the scripted CSMS accepts it), so its authorization cache holds the token. */
async function cacheTag(c: ScriptedCsms, s: StationSim): Promise<void> {
  const mark = c.mark();
  s.presentToken(TAG, 1);
  await c.waitFor('Authorize', () => true, 5000, mark);
  // The answer is cached when the station takes it, which the EVSE's authorization shows.
  await s.waitForState((st) => st.evses.some((e) => e.authorized?.idToken === TAG.idToken), 5000);
}

/** Sends the request and returns the data of its notifications (none: []), waiting at most `ms` for the first. */
async function ask(c: ScriptedCsms, payload: Json, ms = 2000): Promise<string[]> {
  c.respond('NotifyCustomerInformation', () => ({}));
  const mark = c.mark();
  expect((await c.call('CustomerInformation', payload)).status).toBe('Accepted');
  const out: string[] = [];
  try {
    for (;;) {
      const part = await c.waitFor('NotifyCustomerInformation', (p) => p.requestId === payload.requestId && p.seqNo === out.length, ms, mark);
      out.push(String(part.payload.data));
      if (part.payload.tbc !== true) return out;
    }
  } catch {
    return out;
  }
}

export function customerScenarios(booted: Booted): Record<string, () => Promise<void>> {
  return {
    'customerInformation.cacheNotReported': async () => {
      const { c, s } = await booted(['customerInformation.cacheNotReported']);
      await cacheTag(c, s);
      expect(await ask(c, { requestId: 1, report: true, clear: false, idToken: TAG })).toEqual(['']);
    },
    'customerInformation.noNoticeWhenNothingFound': async () => {
      const { c } = await booted(['customerInformation.noNoticeWhenNothingFound']);
      expect(await ask(c, { requestId: 2, report: true, clear: false, idToken: TAG }, 500)).toEqual([]);
    },
    'customerInformation.noNoticeWithoutReport': async () => {
      const { c } = await booted(['customerInformation.noNoticeWithoutReport']);
      expect(await ask(c, { requestId: 3, report: false, clear: true, idToken: TAG }, 500)).toEqual([]);
    },
    'customerInformation.clearKeepsData': async () => {
      const { c, s } = await booted(['customerInformation.clearKeepsData']);
      await cacheTag(c, s);
      const before = await ask(c, { requestId: 4, report: true, clear: true, idToken: TAG });
      expect(before[0]).toMatch(/authorization cache: idToken TAG1/);
      expect(await ask(c, { requestId: 5, report: true, clear: false, idToken: TAG })).toEqual(before);
    },
    'customerInformation.clearBeforeReport': async () => {
      const { c, s } = await booted(['customerInformation.clearBeforeReport']);
      await cacheTag(c, s);
      expect(await ask(c, { requestId: 6, report: true, clear: true, idToken: TAG })).toEqual(['']);
    },
  };
}

/** Without faults: reported, cleared, confirmed; by customerIdentifier too; an ambiguous request is Invalid. */
export async function correctCustomerInformation(booted: Booted): Promise<void> {
  const { c, s } = await booted([]);
  await cacheTag(c, s);
  const reported = await ask(c, { requestId: 10, report: true, clear: true, idToken: TAG });
  expect(reported).toHaveLength(1);
  expect(reported[0]).toMatch(/authorization cache: idToken TAG1 \(ISO14443\) Accepted/);
  expect(await ask(c, { requestId: 11, report: true, clear: false, idToken: TAG })).toEqual(['']);
  expect((await ask(c, { requestId: 12, report: false, clear: true, idToken: TAG }))[0]).toMatch(/cleared: 0 record/);
  s.storeCustomerIdentifier('OpenChargeAlliance');
  expect((await ask(c, { requestId: 13, report: true, clear: true, customerIdentifier: 'OpenChargeAlliance' }))[0]).toMatch(/customer OpenChargeAlliance/);
  expect(await ask(c, { requestId: 14, report: true, clear: false, customerIdentifier: 'OpenChargeAlliance' })).toEqual(['']);
  expect((await c.call('CustomerInformation', { requestId: 15, report: true, clear: false, idToken: TAG, customerIdentifier: 'x' })).status).toBe('Invalid');
}
