// Turns the selection flags shared by `run` and `list` into catalog cases and the feature files that implement them.
import { existsSync } from 'node:fs';
import { flowDecision, loadCatalog } from '../catalog/index.ts';
import type { OcppVersion, Pics, SelectedCase, SutRole } from '../catalog/index.ts';
import { featurePath } from '../runner/index.ts';

export interface SelectionFlags {
  role?: string | undefined;
  version?: string | undefined;
  profile?: string | undefined;
  ids?: string[] | undefined;
  blocks?: string[] | undefined;
}

export interface SelectionEntry {
  testCase: SelectedCase;
  /** Absolute path of the feature file, or null when the case is not implemented yet. */
  featurePath: string | null;
}

export class SelectionError extends Error {}

const ROLE_WORDS: Record<string, SutRole> = {
  cs: 'ChargingStation',
  station: 'ChargingStation',
  chargingstation: 'ChargingStation',
  csms: 'CSMS',
};

export function parseRole(word: string | undefined): SutRole | undefined {
  if (word === undefined) return undefined;
  const role = ROLE_WORDS[word.toLowerCase().replace(/[^a-z]/g, '')];
  if (!role) throw new SelectionError(`--sut must be "cs" (a Charging Station is tested) or "csms" (a CSMS is tested), got "${word}"`);
  return role;
}

export function parseVersion(word: string | undefined): OcppVersion | undefined {
  if (word === undefined) return undefined;
  const cleaned = word.replace(/^ocpp/i, '');
  if (cleaned === '2.0.1' || cleaned === '2.1') return cleaned;
  throw new SelectionError(`--version must be 2.0.1 or 2.1, got "${word}"`);
}

export function selectCases(flags: SelectionFlags, pics?: Pics | null): SelectionEntry[] {
  const catalog = loadCatalog();
  const version = parseVersion(flags.version) ?? '2.0.1';
  const role = parseRole(flags.role);
  if (flags.profile !== undefined && !catalog.profileNames(version).includes(flags.profile)) {
    throw new SelectionError(
      `--profile: unknown profile "${flags.profile}" for OCPP ${version}; known: ${catalog.profileNames(version).join(', ')}`,
    );
  }
  const ids = flags.ids?.map((id) => id.toUpperCase());
  for (const id of ids ?? []) {
    if (!catalog.get(id, version)) throw new SelectionError(`--case: unknown case id "${id}" for OCPP ${version}`);
  }
  const cases = catalog.select({
    version,
    ...(role ? { role } : {}),
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(ids ? { ids } : {}),
    ...(flags.blocks ? { blocks: flags.blocks.map((b) => b.toUpperCase()) } : {}),
    ...(pics ? { pics } : {}),
  });
  return cases.map((testCase) => {
    const path = featurePath(testCase);
    // A feature written for 2.0.1 implements a 2.1 case only when Part 6 keeps its flow (catalog/version-flow.ts).
    return { testCase, featurePath: existsSync(path) && flowDecision(testCase).runs ? path : null };
  });
}
