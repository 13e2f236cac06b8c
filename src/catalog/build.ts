// Generates src/catalog/data/{cases,profiles}.json from the shared catalog (../shared/catalog by default).
//   npx tsx src/catalog/build.ts [sourceDir]      (or OCPP_CATALOG_SOURCE=<dir>)
// Keeps only the facts the harness needs, in a fixed key order and a fixed case order, so the output is reproducible.
// No sentence of Part 5 / Part 6 goes into the output: the prose condition column is read here (to decide whether the
// feature column can be evaluated) and dropped; feature names are replaced by our labels (feature-labels.ts); notes and
// manual actions that quote the documents are reduced to their facts or reworded (see NOTE_REWRITES, MANUAL_ACTIONS).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { applyPart6v21 } from './part6-v21.ts';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatExpr, parseCondition } from './conditions.ts';
import { featureLabelOrRef } from './feature-labels.ts';
import type { FeatureScope } from './feature-labels.ts';
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

/**
 * Feature columns that the shared catalog's table extraction split or misplaced, as they read in Part 5 (2.0.1 Ed. 3),
 * keyed by case id and role. Only feature ids and operators, which are facts.
 */
const FEATURE_COLUMN_FIXES: Record<string, string> = {
  'TC_B_30_CSMS CSMS': 'C-44 or NOT AQ-6',
  'TC_B_31_CSMS CSMS': 'C-44 or NOT AQ-6',
  'TC_E_31_CSMS CSMS': 'C-16',
  'TC_F_06_CSMS CSMS': 'C-11',
  'TC_C_05_CS ChargingStation': '(C-30 or C-31 or C-32) and AQ-2',
  'TC_C_47_CS ChargingStation': 'C-07 and (C-30 or C-31 or C-32)',
  'TC_C_48_CS ChargingStation': 'C-07 and (C-30 or C-31 or C-32)',
  // The NOT of these rows slid into the prose column (TC_L_11, TC_L_13, TC_L_15) or the row was cut (TC_L_12, TC_L_14).
  'TC_L_11_CS ChargingStation': 'NOT C-60',
  'TC_L_12_CS ChargingStation': 'C-20 and NOT C-43 and NOT AQ-7 and HFS-8 > 1',
  'TC_L_13_CS ChargingStation': 'NOT C-43 and NOT AQ-7',
  'TC_L_14_CS ChargingStation': 'C-20 and NOT C-43 and AQ-7 and HFS-8 > 1',
  'TC_L_15_CS ChargingStation': 'NOT C-43 and AQ-7',
};

/**
 * Reads a Part 5 row. The feature column is parsed for the case's role (see conditions.ts); the prose condition column
 * only counts for the guard against a negation that slid into it, and for knowing whether a condition exists at all.
 */
function profileEntry(p: RawProfileDetail, sut: SutRole, where: string, caseId: string): ProfileEntry {
  if (p.requirement !== 'M' && p.requirement !== 'C') throw new Error(`${where}: requirement "${p.requirement}"`);
  const requirement = p.requirement;
  const entry = (condition: ProfileEntry['condition'], featureExpr: string | null, unreadable: string | null): ProfileEntry => ({
    profile: p.profile,
    requirement,
    condition,
    featureExpr,
    featureRefs: p.featureRefs ? [...p.featureRefs] : [],
    unreadable,
    source: p.source ?? null,
  });
  if (requirement === 'M') {
    if (p.featureNo || p.condition) throw new Error(`${where}: M row in "${p.profile}" with a condition`);
    return entry('none', null, null);
  }
  const fixed = FEATURE_COLUMN_FIXES[`${caseId} ${sut}`];
  if (fixed !== undefined) {
    const parsed = parseCondition(fixed, sut, [], null);
    if (!parsed.ok) throw new Error(`${where}: the corrected feature column "${fixed}" does not parse: ${parsed.why}`);
    return entry('expression', formatExpr(parsed.expr), null);
  }
  if (!p.featureNo) {
    if (p.condition) return entry('manual', null, 'Part 5 gives this condition in prose only');
    if (p.source) return entry('manual', null, 'the row comes from errata, which name no feature');
    return entry('none', null, null);
  }
  const parsed = parseCondition(p.featureNo, sut, p.featureRefs ?? [], p.condition ?? null);
  return parsed.ok ? entry('expression', formatExpr(parsed.expr), null) : entry('manual', null, parsed.why);
}

/**
 * Notes of the shared catalog that quote a document are rewritten to their facts. A rewrite returns the new note (or
 * null to drop it) and may set the Part 5 title.
 */
const NOTE_REWRITES: { match: RegExp; rewrite: (m: RegExpExecArray, c: { part5Title: string | null }) => string | null }[] = [
  {
    match: /^Part 5 names this case "(.+)"\.$/,
    rewrite: (m, c) => {
      c.part5Title = m[1] ?? null;
      return null;
    },
  },
  {
    match: /^An OCPP 2\.0\.1 case with this ID exists but its title differs: ".+"\.$/,
    rewrite: () => 'The OCPP 2.0.1 case with this id has a different title.',
  },
];

function notesOf(raw: RawCase, into: { part5Title: string | null }, where: string): string[] {
  const out: string[] = [];
  for (const note of raw.notes ?? []) {
    const rule = NOTE_REWRITES.find((r) => r.match.test(note));
    if (!rule) {
      out.push(note);
      continue;
    }
    const before = into.part5Title;
    const text = rule.rewrite(rule.match.exec(note) as RegExpExecArray, into);
    if (before !== null && into.part5Title !== before) throw new Error(`${where}: two Part 5 titles`);
    if (text !== null) out.push(text);
  }
  return out;
}

/**
 * Manual actions of the shared catalog that copy Part 6 wording, replaced by ours. Matched by case id and the first
 * words only, so that the Part 6 wording itself does not appear here either.
 */
const MANUAL_ACTIONS: { id: string; startsWith: string; text: string }[] = [
  { id: 'TC_C_21_CS', startsWith: 'Drive out of', text: 'drive the EV out of the bay' },
  { id: 'TC_N_45_CS', startsWith: 'If componentVariable is', text: 'for a Power or Current monitor, start energy transfer so that it triggers' },
  { id: 'TC_N_56_CS', startsWith: 'Make sure the', text: 'push the monitored value past the configured delta' },
];

function manualActions(raw: RawCase, used: Set<number>): string[] {
  return (raw.manualActions ?? []).map((a) => {
    const i = MANUAL_ACTIONS.findIndex((m) => m.id === raw.id && a.startsWith(m.startsWith));
    if (i < 0) return a;
    used.add(i);
    return MANUAL_ACTIONS[i]?.text ?? a;
  });
}

/** The shared summaries quote the manual actions; where an action was reworded, the summary gets the same words. */
function summaryOf(raw: RawCase, reworded: string[]): string {
  let summary = raw.summary;
  (raw.manualActions ?? []).forEach((original, i) => {
    const ours = reworded[i];
    if (ours !== undefined && ours !== original) summary = summary.split(original).join(ours);
  });
  return summary;
}

function reusable(raw: RawCase['reusableStates']): ReusableStates | null {
  if (!raw) return null;
  return { before: [...(raw.before ?? [])], main: [...(raw.main ?? [])], memory: [...(raw.memory ?? [])] };
}

function errata(raw: RawCase['errata']): ErrataRef[] {
  return (raw ?? []).map((e) => ({ doc: e.doc, section: e.section, date: e.date }));
}

function toCase(raw: RawCase, usedActions: Set<number>): CatalogCase {
  const where = `${raw.id} (${raw.version})`;
  const sut = role(raw.sut, where);
  const titles = { part5Title: null as string | null };
  const notes = notesOf(raw, titles, where);
  const actions = manualActions(raw, usedActions);
  return {
    id: raw.id,
    version: version(raw.version, where),
    role: sut,
    block: raw.block,
    blockName: raw.blockName,
    title: raw.title,
    part5Title: titles.part5Title,
    useCases: [...(raw.useCases ?? [])],
    requirements: [...(raw.requirements ?? [])],
    profiles: raw.profileDetails.map((p) => profileEntry(p, sut, where, raw.id)),
    reusableStates: reusable(raw.reusableStates),
    manualActions: actions,
    csmsMustInitiate: raw.csmsMustInitiate ? [...raw.csmsMustInitiate] : null,
    securityProfile: securityProfiles(raw.securityProfile),
    inCertificationProgram: raw.inCertificationProgram,
    summary: summaryOf(raw, actions),
    errata: errata(raw.errata),
    notes,
    flow21: null,
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

/** Feature ids with our labels; the Part 5 names and questions (`name`, `question`) are not read. */
function features(v: OcppVersion, scope: FeatureScope, raw: RawFeature[] | undefined): FeatureDef[] {
  return (raw ?? [])
    .map((f) => ({ id: f.id, label: featureLabelOrRef(v, scope, f.id) }))
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

function roleRecord<T, U>(raw: Record<string, T> | undefined, map: (v: T | undefined, r: SutRole) => U): Record<SutRole, U> {
  return { ChargingStation: map(raw?.['CS'], 'ChargingStation'), CSMS: map(raw?.['CSMS'], 'CSMS') };
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
    optionalFeatures: roleRecord(p.optionalFeatures, (l, r) => features(v, r, l)),
    cases: roleRecord(p.testCases, (t) => ({ mandatory: caseIds(t?.mandatory), conditional: caseIds(t?.conditional) })),
  }));
  return {
    profiles,
    additionalQuestions: roleRecord(raw.additionalQuestions, (l, r) => features(v, r, l)),
    hardwareFeatures: features(v, 'hardware', raw.hardwareFeatures),
  };
}

export interface BuiltCatalog {
  cases: CatalogCase[];
  profiles: ProfilesData;
}

export function buildCatalogData(dir: string = sourceDir()): BuiltCatalog {
  const rawCases = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as RawCase[];
  const rawProfiles = JSON.parse(readFileSync(join(dir, 'profiles.json'), 'utf8')) as Record<string, RawVersionProfiles>;
  const usedActions = new Set<number>();
  const cases = applyPart6v21(rawCases.map((r) => toCase(r, usedActions))).sort(compareCases);
  const stale = MANUAL_ACTIONS.filter((_, i) => !usedActions.has(i)).map((m) => m.id);
  if (stale.length > 0) throw new Error(`MANUAL_ACTIONS rules that no longer match the shared catalog: ${stale.join(', ')}`);
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
