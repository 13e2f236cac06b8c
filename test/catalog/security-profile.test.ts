// A case that Part 6 runs only under some security profiles is NOT_APPLICABLE in a run over another one.
import { describe, expect, it } from 'vitest';
import { loadCatalog, securityProfileApplicability } from '../../src/catalog/catalog.ts';

describe('securityProfileApplicability', () => {
  it('a case without a security-profile restriction applies to every profile', () => {
    for (const sp of [0, 1, 2, 3]) expect(securityProfileApplicability({ securityProfile: null }, sp)).toEqual({ applicable: true, notes: [] });
  });

  it('a case restricted to SP2/SP3 applies at SP2 and SP3 only, and says which profiles it needs', () => {
    const c = { securityProfile: [2, 3] };
    expect(securityProfileApplicability(c, 2).applicable).toBe(true);
    expect(securityProfileApplicability(c, 3).applicable).toBe(true);
    expect(securityProfileApplicability(c, 1)).toEqual({ applicable: false, reason: 'the case runs under security profile SP2 or SP3; this run uses SP1' });
  });

  it('uses the catalog facts: TC_A_04_CSMS needs TLS, TC_A_01_CSMS needs Basic Auth', () => {
    const catalog = loadCatalog();
    const a04 = catalog.get('TC_A_04_CSMS', '2.0.1');
    const a01 = catalog.get('TC_A_01_CSMS', '2.0.1');
    if (!a04 || !a01) throw new Error('catalog lacks the A cases');
    expect(securityProfileApplicability(a04, 1).applicable).toBe(false);
    expect(securityProfileApplicability(a04, 2).applicable).toBe(true);
    expect(securityProfileApplicability(a01, 1).applicable).toBe(true);
    expect(securityProfileApplicability(a01, 3)).toEqual({ applicable: false, reason: 'the case runs under security profile SP1 or SP2; this run uses SP3' });
  });
});
