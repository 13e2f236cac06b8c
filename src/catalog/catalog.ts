// Runtime access to the committed catalog data: lookup, selection by version / role / profile / ids / blocks, and
// applicability of each case under a PICS.
import { readFileSync } from 'node:fs';
import { evaluate, formatExpr, parseCondition } from './conditions.ts';
import type {
  Applicability,
  CatalogCase,
  OcppVersion,
  Pics,
  ProfileCount,
  ProfileDef,
  ProfileEntry,
  ProfilesData,
  SelectFilter,
  SelectedCase,
  SutRole,
} from './types.ts';
import { OCPP_VERSIONS, SUT_ROLES } from './types.ts';

export interface CatalogData {
  cases: CatalogCase[];
  profiles: ProfilesData;
}

export class CatalogError extends Error {
  override name = 'CatalogError';
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) === 0;
}

/** A claimed profile covers its own rows and, for "Core", the 2.1 feature-gated sub-groups "Core / ...". */
function claimCovers(claim: string, profile: string): boolean {
  return sameName(claim, profile) || (sameName(claim, 'Core') && /^core\s*\//i.test(profile));
}

type RowResult = { applicable: true; notes: string[] } | { applicable: false; reason: string };

export class Catalog {
  private readonly cases: readonly CatalogCase[];
  private readonly byKey = new Map<string, CatalogCase>();
  private readonly byId = new Map<string, CatalogCase[]>();

  constructor(private readonly data: CatalogData) {
    this.cases = data.cases;
    for (const c of data.cases) {
      this.byKey.set(`${c.version}/${c.id}`, c);
      const list = this.byId.get(c.id) ?? [];
      list.push(c);
      this.byId.set(c.id, list);
    }
  }

  /** The case with this id; without a version the newest version that has it (2.1 before 2.0.1). */
  get(id: string, version?: OcppVersion): CatalogCase | undefined {
    if (version) return this.byKey.get(`${version}/${id}`);
    const list = this.byId.get(id);
    return list ? [...list].sort((a, b) => (a.version < b.version ? 1 : -1))[0] : undefined;
  }

  all(): readonly CatalogCase[] {
    return this.cases;
  }

  /** Every version of a case id (for checks that do not depend on the version, e.g. feature files). */
  versionsOf(id: string): readonly CatalogCase[] {
    return this.byId.get(id) ?? [];
  }

  profiles(version: OcppVersion): readonly ProfileDef[] {
    return this.data.profiles[version].profiles;
  }

  profileNames(version?: OcppVersion): string[] {
    const versions = version ? [version] : OCPP_VERSIONS;
    return [...new Set(versions.flatMap((v) => this.profiles(v).map((p) => p.name)))];
  }

  /** Every Part 5 id a PICS may declare for this version and role (optional features, additional questions, hardware). */
  featureIds(version: OcppVersion, role: SutRole): string[] {
    const vp = this.data.profiles[version];
    const ids = new Set<string>();
    for (const p of vp.profiles) {
      for (const f of p.optionalFeatures[role]) ids.add(f.id);
      if (p.gatingFeature) ids.add(p.gatingFeature);
    }
    for (const f of vp.additionalQuestions[role]) ids.add(f.id);
    for (const f of vp.hardwareFeatures) ids.add(f.id);
    // Ids the case rows mention for this role (some only appear in the feature column, e.g. C-61 for a CSMS).
    for (const c of this.cases) {
      if (c.version !== version || c.role !== role) continue;
      for (const r of c.profiles) for (const id of r.featureRefs) ids.add(id);
    }
    return [...ids].sort();
  }

  select(filter: SelectFilter = {}): SelectedCase[] {
    const { version, role, profile, ids, blocks, pics } = filter;
    const requirement = filter.requirement ?? 'any';
    if (profile !== undefined && !this.profileNames(version).some((n) => sameName(n, profile))) {
      throw new CatalogError(
        `Unknown profile "${profile}"${version ? ` for OCPP ${version}` : ''}. Known profiles: ${this.profileNames(version).join(', ')}.`,
      );
    }
    if (ids) {
      const unknown = ids.filter((id) => !this.byId.has(id));
      if (unknown.length > 0) throw new CatalogError(`Unknown case id(s): ${unknown.join(', ')}.`);
    }
    const idSet = ids ? new Set(ids) : null;
    const blockSet = blocks ? new Set(blocks.map((b) => b.toUpperCase())) : null;
    const out: SelectedCase[] = [];
    for (const c of this.cases) {
      if (version && c.version !== version) continue;
      if (role && c.role !== role) continue;
      if (idSet && !idSet.has(c.id)) continue;
      if (blockSet && !blockSet.has(c.block)) continue;
      const rows = profile === undefined ? c.profiles : c.profiles.filter((r) => sameName(r.profile, profile));
      if (profile !== undefined && rows.length === 0) continue;
      const req = rows.some((r) => r.requirement === 'M') ? 'M' : rows.length > 0 ? 'C' : null;
      if (requirement !== 'any' && req !== requirement) continue;
      out.push({ ...c, requirement: req, matchedProfiles: rows, applicability: this.applicability(c, rows, pics) });
    }
    return out;
  }

  /** Counts per profile and role (M / C rows), plus applicable / not applicable when PICS are given. */
  profileSummary(filter: { version?: OcppVersion; role?: SutRole; pics?: Pics } = {}): ProfileCount[] {
    const out: ProfileCount[] = [];
    for (const v of filter.version ? [filter.version] : OCPP_VERSIONS) {
      for (const p of this.profiles(v)) {
        for (const role of filter.role ? [filter.role] : SUT_ROLES) {
          const sel = this.select({ version: v, role, profile: p.name, ...(filter.pics ? { pics: filter.pics } : {}) });
          const count: ProfileCount = {
            profile: p.name,
            version: v,
            role,
            mandatory: sel.filter((s) => s.requirement === 'M').length,
            conditional: sel.filter((s) => s.requirement === 'C').length,
          };
          if (filter.pics) {
            count.applicable = sel.filter((s) => s.applicability.applicable).length;
            count.notApplicable = sel.length - count.applicable;
          }
          out.push(count);
        }
      }
    }
    return out;
  }

  private profileDef(version: OcppVersion, name: string): ProfileDef | undefined {
    return this.profiles(version).find((p) => sameName(p.name, name));
  }

  /** A case applies when any of the considered profile rows applies; see README.md for the rules. */
  applicability(c: CatalogCase, rows: readonly ProfileEntry[], pics: Pics | undefined): Applicability {
    if (rows.length === 0) {
      if (pics?.profiles) return { applicable: false, reason: 'the case is in no Part 5 profile, and PICS "profiles" limits the run to claimed profiles' };
      return { applicable: true, notes: ['not listed in any Part 5 profile'] };
    }
    let considered = rows;
    if (pics?.profiles) {
      const claims = pics.profiles;
      considered = rows.filter((r) => claims.some((cl) => claimCovers(cl, r.profile)));
      if (considered.length === 0) {
        const names = [...new Set(rows.map((r) => `"${r.profile}"`))].join(', ');
        return { applicable: false, reason: `PICS "profiles" does not claim ${names}` };
      }
    }
    const results = considered.map((r) => this.rowApplicability(c, r, pics));
    const yes = results.filter((r): r is Extract<RowResult, { applicable: true }> => r.applicable);
    if (yes.length > 0) {
      // A clean (note-free) row, typically M, makes the case plainly applicable.
      if (yes.some((r) => r.notes.length === 0)) return { applicable: true, notes: [] };
      return { applicable: true, notes: [...new Set(yes.flatMap((r) => r.notes))] };
    }
    const reasons = results.map((r) => (r.applicable ? '' : r.reason));
    return { applicable: false, reason: [...new Set(reasons)].join('; ') };
  }

  private rowApplicability(c: CatalogCase, row: ProfileEntry, pics: Pics | undefined): RowResult {
    const gate = this.profileDef(c.version, row.profile)?.gatingFeature;
    if (gate && pics && pics.features[gate] === false) {
      return { applicable: false, reason: `profile "${row.profile}" needs ${gate}, and PICS features.${gate} = false` };
    }
    if (row.requirement === 'M') return { applicable: true, notes: [] };
    const label = `C in "${row.profile}"`;
    if (row.condition === 'none') return { applicable: true, notes: [`${label}: Part 5 states no condition`] };
    const parsed = row.condition === 'expression' && row.featureExpr ? parseCondition(row.featureExpr, c.role, []) : null;
    if (!parsed?.ok) return { applicable: true, notes: [`${label}: ${manualNote(c, row, parsed ? parsed.why : row.unreadable)}`] };
    const expr = formatExpr(parsed.expr);
    if (!pics) return { applicable: true, notes: [`${label}: condition ${expr} not evaluated (no PICS given)`] };
    const ev = evaluate(parsed.expr, pics);
    if (ev.value === true) return { applicable: true, notes: [] };
    if (ev.value === 'unknown') {
      return { applicable: true, notes: [`${label}: condition ${expr} undecided, PICS does not declare ${ev.missing.join(', ')}`] };
    }
    return { applicable: false, reason: `condition ${expr} (${label}) is false: PICS ${ev.used.join(', ')}` };
  }
}

/**
 * A case that Part 6 runs only under some security profiles (e.g. TLS cases: SP2/SP3) does not apply to a run over
 * another profile; the reason names the profiles it needs.
 */
export function securityProfileApplicability(c: Pick<CatalogCase, 'securityProfile'>, configured: number): Applicability {
  const needed = c.securityProfile;
  if (!needed || needed.length === 0 || needed.includes(configured)) return { applicable: true, notes: [] };
  const list = needed.map((n) => `SP${n}`).join(' or ');
  return { applicable: false, reason: `the case runs under security profile ${list}; this run uses SP${configured}` };
}

/** The note for a row a person has to decide: which Part 5 row, why it is not evaluated, and the ids it refers to. */
function manualNote(c: CatalogCase, row: ProfileEntry, why: string | null): string {
  const refs = row.featureRefs.length > 0 ? `feature refs: ${row.featureRefs.join(', ')}` : 'no feature refs';
  const source = row.source ? `; row from ${row.source}` : '';
  return (
    `condition not machine-readable${why ? ` (${why})` : ''}; decide it by hand from the Part 5 row for ${c.id} ` +
    `(${row.profile}, ${row.requirement}; ${refs})${source}`
  );
}

function readData(): CatalogData {
  const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8'));
  return { cases: read('cases.json') as CatalogCase[], profiles: read('profiles.json') as ProfilesData };
}

let cached: Catalog | undefined;

/** The project's catalog (read once from src/catalog/data). */
export function loadCatalog(): Catalog {
  cached ??= new Catalog(readData());
  return cached;
}
