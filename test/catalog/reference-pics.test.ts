import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.ts';
import type { Pics } from '../../src/catalog/types.ts';
import { REFERENCE_CSMS_PICS } from '../../src/sim/csms/pics.ts';

const pics = (features: Record<string, boolean>): Pics => ({ features }) as Pics;
const core = (p: Pics) => loadCatalog().select({ version: '2.0.1', role: 'CSMS', profile: 'Core', pics: p });

describe('PICS of the reference CSMS', () => {
  it('decides every conditional Core CSMS case: all applicable, none left undecided', () => {
    const conditional = core(pics({ ...REFERENCE_CSMS_PICS.features })).filter((c) => c.requirement === 'C');
    expect(conditional.length).toBe(27);
    expect(conditional.filter((c) => !c.applicability.applicable || c.applicability.notes.length > 0).map((c) => c.id)).toEqual([]);
  });

  it('makes a C case NOT_APPLICABLE, naming the PICS entry, when the feature is declared absent', () => {
    const selected = core(pics({ ...REFERENCE_CSMS_PICS.features, 'C-16': false }));
    const e29 = selected.find((c) => c.id === 'TC_E_29_CSMS');
    expect(e29?.applicability).toEqual({ applicable: false, reason: expect.stringContaining('C-16') as unknown });
    const b30 = core(pics({ ...REFERENCE_CSMS_PICS.features, 'C-44': false, 'AQ-6': true })).find((c) => c.id === 'TC_B_30_CSMS');
    expect(b30?.applicability.applicable).toBe(false);
  });
});
