// Whether a case's feature file (written against the 2.0.1 Part 6 flow) may run for the case's OCPP version.
// Decided from catalog data only (flow21, see part6-v21.ts), so every feature that lands later gets a decision too.
import type { CatalogCase } from './types.ts';

export type FlowDecision = { runs: true } | { runs: false; reason: string };

/**
 * 2.0.1 cases run as written. A 2.1 case runs only when Part 6 gives it the same steps, messages and checks as the
 * 2.0.1 case of the same id; otherwise it counts as not implemented for 2.1 until a 2.1 variant exists.
 */
export function flowDecision(c: Pick<CatalogCase, 'version' | 'flow21'>): FlowDecision {
  if (c.version !== '2.1') return { runs: true };
  const flow = c.flow21;
  if (!flow) return { runs: false, reason: 'the 2.1 Part 6 flow of this case has not been compared with 2.0.1 yet' };
  switch (flow.status) {
    case 'same':
      return { runs: true };
    case 'new':
      return { runs: false, reason: 'new in OCPP 2.1; no 2.1 variant exists yet' };
    case 'changed':
      return { runs: false, reason: `the 2.1 flow differs from 2.0.1 (${flow.differences.join('; ')}); no 2.1 variant exists yet` };
    case 'unknown':
      return { runs: false, reason: `the 2.1 flow cannot be compared with 2.0.1 (${flow.differences.join('; ')})` };
  }
}
