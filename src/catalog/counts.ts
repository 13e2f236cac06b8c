// Counts of a version's catalog by role, block, profile and (2.1) flow against 2.0.1: what `list --version` prints and
// what the README quotes, so the numbers have one source.
import type { Catalog } from './catalog.ts';
import { flowDecision } from './version-flow.ts';
import type { CatalogCase, OcppVersion, SutRole } from './types.ts';
import { SUT_ROLES } from './types.ts';

export type FlowCount = 'same' | 'changed' | 'new' | 'unknown' | 'not compared';
export const FLOW_COUNTS: readonly FlowCount[] = ['same', 'changed', 'new', 'unknown', 'not compared'];

export interface ProfileTally {
  profile: string;
  role: SutRole;
  mandatory: number;
  conditional: number;
}

export interface CatalogCounts {
  version: OcppVersion;
  total: number;
  byRole: Record<SutRole, number>;
  byBlock: Record<SutRole, Record<string, number>>;
  byProfile: ProfileTally[];
  /** 2.1 only (all zero for 2.0.1): how each case's Part 6 flow compares with 2.0.1. */
  flow: Record<SutRole, Record<FlowCount, number>>;
}

function flowOf(c: CatalogCase): FlowCount {
  return c.flow21 ? c.flow21.status : 'not compared';
}

function zeroFlows(): Record<FlowCount, number> {
  return { same: 0, changed: 0, new: 0, unknown: 0, 'not compared': 0 };
}

export function catalogCounts(catalog: Catalog, version: OcppVersion): CatalogCounts {
  const cases = catalog.select({ version });
  const byRole = { ChargingStation: 0, CSMS: 0 } as Record<SutRole, number>;
  const byBlock = { ChargingStation: {}, CSMS: {} } as Record<SutRole, Record<string, number>>;
  const flow = { ChargingStation: zeroFlows(), CSMS: zeroFlows() } as Record<SutRole, Record<FlowCount, number>>;
  for (const c of cases) {
    byRole[c.role]++;
    byBlock[c.role][c.block] = (byBlock[c.role][c.block] ?? 0) + 1;
    if (version === '2.1') flow[c.role][flowOf(c)]++;
  }
  const byProfile = catalog
    .profileSummary({ version })
    .map((p) => ({ profile: p.profile, role: p.role, mandatory: p.mandatory, conditional: p.conditional }));
  return { version, total: cases.length, byRole, byBlock, byProfile, flow };
}

/** Implemented cases per profile: a case counts once per profile it has a row in; `runs` filters the 2.1 flow rule in. */
export function implementedByProfile(cases: readonly CatalogCase[], hasFeature: (c: CatalogCase) => boolean): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of cases) {
    if (!hasFeature(c) || !flowDecision(c).runs) continue;
    for (const profile of new Set(c.profiles.map((p) => p.profile))) out[profile] = (out[profile] ?? 0) + 1;
  }
  return out;
}

/** The counts as text lines (list --version). */
export function renderCounts(counts: CatalogCounts): string[] {
  const roles = SUT_ROLES.map((r) => `${r} ${counts.byRole[r]}`).join(', ');
  const lines = [`OCPP ${counts.version}: ${counts.total} cases (${roles})`];
  for (const r of SUT_ROLES) {
    const blocks = Object.entries(counts.byBlock[r]).map(([b, n]) => `${b} ${n}`).join(', ');
    lines.push(`  ${r} by block: ${blocks}`);
  }
  const profiles = [...new Set(counts.byProfile.map((p) => p.profile))];
  for (const profile of profiles) {
    const parts = counts.byProfile
      .filter((p) => p.profile === profile && p.mandatory + p.conditional > 0)
      .map((p) => `${p.role} ${p.mandatory} M + ${p.conditional} C`);
    if (parts.length > 0) lines.push(`  profile ${profile}: ${parts.join(', ')}`);
  }
  if (counts.version === '2.1') {
    for (const r of SUT_ROLES) {
      const flows = FLOW_COUNTS.filter((f) => counts.flow[r][f] > 0).map((f) => `${f} ${counts.flow[r][f]}`).join(', ');
      lines.push(`  ${r} flow vs 2.0.1: ${flows}`);
    }
  }
  return lines;
}
