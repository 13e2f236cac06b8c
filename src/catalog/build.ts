// Generates src/catalog/data/{cases,profiles}.json from the shared catalog (../shared/catalog by default).
//   npx tsx src/catalog/build.ts [sourceDir]      (or OCPP_CATALOG_SOURCE=<dir>)
// Keeps only the facts the harness needs, in a fixed key order and a fixed case order, so the output is reproducible.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
  CatalogCase,
  ErrataRef,
  FeatureDef,
  OcppVersion,
  ProfileDef,
  ProfileEntry,
  ProfilesData,
  ReusableStates,
  SutRole,
  VersionProfiles,
} from './types.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA_DIR = join(REPO_ROOT, 'src', 'catalog', 'data');
export const DEFAULT_SOURCE_DIR = resolve(REPO_ROOT, '..', 'shared', 'catalog');

/** Where the shared catalog lives: explicit argument, then OCPP_CATALOG_SOURCE, then ../shared/catalog next to the repo. */
export function sourceDir(override?: string): string {
  if (override) return resolve(override);
  const env = process.env['OCPP_CATALOG_SOURCE'];
  return env ? resolve(env) : DEFAULT_SOURCE_DIR;
}

// ---- raw shapes (only the fields we read) ----
interface RawProfileDetail {
  profile: string;
  requirement: string;
  condition?: string;
  featureNo?: string;
  featureRefs?: string[] | null;
  source?: string;
}
interface RawCase {
  id: string;
  version: string;
  sut: string;
  block: string;
  blockName: string;
  title: string;
  useCases: string[] | null;
  requirements: string[] | null;
  profileDetails: RawProfileDetail[];
  inCertificationProgram: boolean;
  manualActions: string[] | null;
  csmsMustInitiate?: string[] | null;
  securityProfile: string | null;
  reusableStates?: { before?: string[]; main?: string[]; memory?: string[] } | null;
  summary: string;
  errata?: { doc: string; section: string; date: string }[] | null;
  notes: string[] | null;
}
interface RawFeature {
  id: string;
  name?: string;
  question?: string;
}
interface RawProfile {
  name: string;
  mandatoryToCertify: boolean;
  gatingFeature: string | null;
  optionalFeatures: Record<string, RawFeature[]>;
  testCases: Record<string, { mandatory: (string | { id: string })[]; conditional: (string | { id: string })[] }>;
}
interface RawVersionProfiles {
  profiles: RawProfile[];
  additionalQuestions: Record<string, RawFeature[]>;
  hardwareFeatures: RawFeature[];
}

const ROLE_OF: Record<string, SutRole> = { CS: 'ChargingStation', CSMS: 'CSMS' };

function role(raw: string, where: string): SutRole {
  const r = ROLE_OF[raw];
  if (!r) throw new Error(`${where}: unknown SUT role "${raw}"`);
  return r;
}

function version(raw: string, where: string): OcppVersion {
  if (raw === '2.0.1' || raw === '2.1') return raw;
  throw new Error(`${where}: unknown OCPP version "${raw}"`);
}

/** "SP1/SP2" -> [1, 2]. */
function securityProfiles(raw: string | null): number[] | null {
  if (raw === null || raw === '') return null;
  const nums = [...raw.matchAll(/SP(\d)/g)].map((m) => Number(m[1]));
  return nums.length > 0 ? [...new Set(nums)].sort((a, b) => a - b) : null;
}

function profileEntry(p: RawProfileDetail, where: string): ProfileEntry {
  if (p.requirement !== 'M' && p.requirement !== 'C') throw new Error(`${where}: requirement "${p.requirement}"`);
  return {
    profile: p.profile,
    requirement: p.requirement,
    featureExpr: p.featureNo ?? null,
    featureRefs: p.featureRefs ? [...p.featureRefs] : [],
    condition: p.condition ?? null,
    source: p.source ?? null,
  };
}

function reusable(raw: RawCase['reusableStates']): ReusableStates | null {
  if (!raw) return null;
  return { before: [...(raw.before ?? [])], main: [...(raw.main ?? [])], memory: [...(raw.memory ?? [])] };
}

function errata(raw: RawCase['errata']): ErrataRef[] {
  return (raw ?? []).map((e) => ({ doc: e.doc, section: e.section, date: e.date }));
}

function toCase(raw: RawCase): CatalogCase {
  const where = `${raw.id} (${raw.version})`;
  return {
    id: raw.id,
    version: version(raw.version, where),
    role: role(raw.sut, where),
    block: raw.block,
    blockName: raw.blockName,
    title: raw.title,
    useCases: [...(raw.useCases ?? [])],
    requirements: [...(raw.requirements ?? [])],
    profiles: raw.profileDetails.map((p) => profileEntry(p, where)),
    reusableStates: reusable(raw.reusableStates),
    manualActions: [...(raw.manualActions ?? [])],
    csmsMustInitiate: raw.csmsMustInitiate ? [...raw.csmsMustInitiate] : null,
    securityProfile: securityProfiles(raw.securityProfile),
    inCertificationProgram: raw.inCertificationProgram,
    summary: raw.summary,
    errata: errata(raw.errata),
    notes: [...(raw.notes ?? [])],
  };
}

/** Sort key parts of an id: TC_B_02_CS -> ['B', 2], TC_N_102_2_CSMS -> ['N', 102, 2]. */
function idNumbers(id: string): number[] {
  return [...id.matchAll(/_(\d+)(?=_)/g)].map((m) => Number(m[1]));
}

export function compareCases(a: CatalogCase, b: CatalogCase): number {
  if (a.version !== b.version) return a.version < b.version ? -1 : 1;
  if (a.role !== b.role) return a.role === 'ChargingStation' ? -1 : 1;
  if (a.block !== b.block) return a.block < b.block ? -1 : 1;
  const na = idNumbers(a.id);
  const nb = idNumbers(b.id);
  for (let i = 0; i < Math.max(na.length, nb.length); i++) {
    const x = na[i] ?? -1;
    const y = nb[i] ?? -1;
    if (x !== y) return x - y;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function features(raw: RawFeature[] | undefined): FeatureDef[] {
  return (raw ?? [])
    .map((f) => ({ id: f.id, name: f.name ?? f.question ?? '' }))
    .sort((a, b) => compareFeatureIds(a.id, b.id));
}

/** C-09.2 < C-10 < C-10.1; prefixes alphabetically. */
export function compareFeatureIds(a: string, b: string): number {
  const pa = /^([A-Z]+)-(\d+)(?:\.(\d+))?$/.exec(a);
  const pb = /^([A-Z]+)-(\d+)(?:\.(\d+))?$/.exec(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  if (pa[1] !== pb[1]) return (pa[1] ?? '') < (pb[1] ?? '') ? -1 : 1;
  const d = Number(pa[2]) - Number(pb[2]);
  if (d !== 0) return d;
  return Number(pa[3] ?? -1) - Number(pb[3] ?? -1);
}

function roleRecord<T, U>(raw: Record<string, T> | undefined, map: (v: T | undefined) => U): Record<SutRole, U> {
  return { ChargingStation: map(raw?.['CS']), CSMS: map(raw?.['CSMS']) };
}

function caseIds(list: (string | { id: string })[] | undefined): string[] {
  return (list ?? []).map((x) => (typeof x === 'string' ? x : x.id));
}

function toVersionProfiles(v: OcppVersion, raw: RawVersionProfiles): VersionProfiles {
  const profiles: ProfileDef[] = raw.profiles.map((p) => ({
    name: p.name,
    version: v,
    mandatoryToCertify: p.mandatoryToCertify,
    gatingFeature: p.gatingFeature,
    optionalFeatures: roleRecord(p.optionalFeatures, (l) => features(l)),
    cases: roleRecord(p.testCases, (t) => ({ mandatory: caseIds(t?.mandatory), conditional: caseIds(t?.conditional) })),
  }));
  return {
    profiles,
    additionalQuestions: roleRecord(raw.additionalQuestions, (l) => features(l)),
    hardwareFeatures: features(raw.hardwareFeatures),
  };
}

export interface BuiltCatalog {
  cases: CatalogCase[];
  profiles: ProfilesData;
}

export function buildCatalogData(dir: string = sourceDir()): BuiltCatalog {
  const rawCases = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as RawCase[];
  const rawProfiles = JSON.parse(readFileSync(join(dir, 'profiles.json'), 'utf8')) as Record<string, RawVersionProfiles>;
  const cases = rawCases.map(toCase).sort(compareCases);
  const seen = new Set<string>();
  for (const c of cases) {
    const key = `${c.version}/${c.id}`;
    if (seen.has(key)) throw new Error(`duplicate case ${key}`);
    seen.add(key);
  }
  const v201 = rawProfiles['2.0.1'];
  const v21 = rawProfiles['2.1'];
  if (!v201 || !v21) throw new Error(`${join(dir, 'profiles.json')}: expected versions 2.0.1 and 2.1`);
  return { cases, profiles: { '2.0.1': toVersionProfiles('2.0.1', v201), '2.1': toVersionProfiles('2.1', v21) } };
}

/** The exact text written to disk (also what the freshness test compares). */
export function serialize(value: unknown): string {
  return JSON.stringify(value, null, 1) + '\n';
}

function main(): void {
  const dir = sourceDir(process.argv[2]);
  if (!existsSync(join(dir, 'catalog.json'))) {
    process.stderr.write(
      `No catalog.json in ${dir}. Pass the shared catalog folder as the first argument or set OCPP_CATALOG_SOURCE.\n`,
    );
    process.exitCode = 1;
    return;
  }
  const built = buildCatalogData(dir);
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(join(DATA_DIR, 'cases.json'), serialize(built.cases));
  writeFileSync(join(DATA_DIR, 'profiles.json'), serialize(built.profiles));
  process.stdout.write(`Wrote ${built.cases.length} cases and the profiles of 2.0.1 and 2.1 to ${DATA_DIR}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
