// Cases outside every certification profile are counted apart and never into a profile.
import { describe, expect, it } from 'vitest';
import { outsideProfiles, profileTable, renderOutsideProfiles } from '../../src/report/profiles.ts';
import type { RunSummary } from '../../src/report/verdict.ts';

const result = (id: string, verdict: string, profiles: Array<{ profile: string; requirement: 'M' | 'C' }>): unknown => ({ id, verdict, profiles });

describe('cases outside the certification profiles', () => {
  it('are counted apart from the profiles', () => {
    const summary = {
      runId: 'r',
      results: [
        result('TC_B_08_CSMS', 'PASS', []),
        result('TC_L_17_CSMS', 'FAIL', []),
        result('TC_B_14_CSMS', 'PASS', [{ profile: 'Advanced Device Management', requirement: 'M' }]),
      ],
    } as unknown as RunSummary;
    const counts = outsideProfiles(summary);
    expect(counts).toMatchObject({ total: 2, pass: 1, fail: 1 });
    expect(renderOutsideProfiles(counts!)).toContain('2 case(s), 1 pass, 1 fail');
    expect(profileTable(summary, []).map((r) => [r.profile, r.mandatory.total])).toEqual([['Advanced Device Management', 1]]);
    expect(outsideProfiles({ runId: 'r', results: [] } as unknown as RunSummary)).toBeUndefined();
  });
});
