// The cases run against a variant of the reference station are exactly those its PICS rules out and the variant's
// PICS lets in: the variant is needed, and it is enough.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.ts';
import { stationSutConfig } from '../../src/runner/simulator-config.ts';
import { withStationVariants } from '../../src/cli/sim-variants.ts';
import { selectCases } from '../../src/cli/selection.ts';
import { REFERENCE_STATION_VARIANTS } from '../../src/sim/station/pics.ts';
import { VARIANT_OF_CASE } from './station-variants.ts';

describe('reference station variants', () => {
  const ids = Object.keys(VARIANT_OF_CASE);
  const pics = (variant?: (typeof VARIANT_OF_CASE)[string]): NonNullable<ReturnType<typeof stationSutConfig>['pics']> => {
    const p = stationSutConfig(variant ? { stationVariant: variant } : {}).pics;
    if (!p) throw new Error('the station run config has no PICS');
    return p;
  };

  it('each case is NOT_APPLICABLE against the reference station, by its PICS', () => {
    const sel = loadCatalog().select({ version: '2.0.1', ids, pics: pics() });
    expect(sel.map((c) => `${c.id} ${c.applicability.applicable ? 'applies' : 'ruled out'}`).sort()).toEqual(ids.map((id) => `${id} ruled out`).sort());
    for (const c of sel) if (!c.applicability.applicable) expect(c.applicability.reason).toMatch(/PICS .*features\.(C-13|C-56|AQ-2|C-07|C-60|C-43) = (true|false)/);
  });

  it('each case applies against its variant, whose PICS declares the feature absent', () => {
    for (const [id, variant] of Object.entries(VARIANT_OF_CASE)) {
      const [c] = loadCatalog().select({ version: '2.0.1', ids: [id], pics: pics(variant) });
      expect(`${id} ${String(c?.applicability.applicable)}`).toBe(`${id} true`);
    }
  });

  it('run --sim decides each by its variant and starts its station as that variant; other cases are left as they are', () => {
    const entries = selectCases({ role: 'cs', version: '2.0.1', ids: [...ids, 'TC_C_02_CS'] }, pics());
    const { entries: out, caseStationTuning } = withStationVariants(entries, {});
    expect(out.filter((e) => !e.testCase.applicability.applicable).map((e) => e.testCase.id)).toEqual([]);
    expect(Object.keys(caseStationTuning).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(caseStationTuning[id]?.omit).toEqual(REFERENCE_STATION_VARIANTS[VARIANT_OF_CASE[id]!].omit);
    // Under OCPP 2.1 there is no PICS to vary: nothing changes.
    expect(withStationVariants(entries, { ocppVersion: '2.1' }).caseStationTuning).toEqual({});
  });
});
