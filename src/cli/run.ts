// `ocpp-conformance run`: select cases, run them against the SUT of a run config (or the built-in simulators),
// print a progress line per case, write every report, and exit 0 / 1 / 2.
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { declaredButNotRun } from '../report/expected-failures.ts';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../catalog/index.ts';
import type { SelectedCase, SutRole } from '../catalog/index.ts';
import { loadRunConfig } from '../config/index.ts';
import type { RunConfig } from '../config/types.ts';
import {
  exitCodeFor,
  outsideProfiles,
  profileTable,
  progressLine,
  renderConsoleSummary,
  renderOutsideProfiles,
  renderProfileTable,
  writeAllReports,
} from '../report/index.ts';
import type { CaseResult, RunSummary } from '../report/verdict.ts';
import { runCases } from '../runner/index.ts';
import { durationsFromSummary, parseShard, shardOf, ShardError } from '../runner/shard.ts';
import { makeTemporaryPki, removeTemporaryPkis } from '../pki/index.ts';
import { csmsSutConfig, SIM_CSMS_CLIENT_IDENTITY, SIM_STATION_IDENTITY, stationSutConfig } from '../runner/simulator-config.ts';
import { parseRole, parseVersion, selectCases, SelectionError } from './selection.ts';
import type { SelectionEntry } from './selection.ts';

const HELP = `usage:
  ocpp-conformance run --config FILE [selection] [options]    test the SUT described by a run config
  ocpp-conformance run --sim [--sut cs|csms] [--version 2.0.1|2.1] [selection] [--fault NAME ...] [--security-profile N] [options]
                                                              test the built-in reference simulators
  ocpp-conformance run --main                                 Core cases of both roles against the simulators

selection:
  --profile NAME        a Part 5 certification profile (Core, Security, ...)
  --case ID             a case id (repeatable), e.g. TC_B_01_CS
  --block B             a Part 6 block letter (repeatable)
  --tags EXPR           case tags, e.g. "@TC_B_01_CS or @TC_B_02_CS", "not @TC_B_03_CS"
  --implemented-only    leave out selected cases that have no feature yet (default with --sim and --main;
                        otherwise they are reported INCONCLUSIVE so a profile answer is never overstated)
  --shard I/N           only the I-th of N parts of the selection (CI runners in parallel; merge their reports with
                        \`ocpp-conformance merge-reports\`); balanced by count, or by time with --shard-durations
  --shard-durations F   an earlier run's summary.json: balance the shards by its case durations
options:
  --security-profile N  with --sim/--main: the profile the simulators run on (default: 2 for a CSMS under test, the
                        one profile every Core CSMS case applies to; 1 for a station); 2 and 3 use a throw-away test PKI
  --parallel N          cases run N at a time (default 1; a station SUT always runs one at a time)
  --report-dir DIR      where reports/<run-id>/ goes (default: the config's report.dir, or ./reports)
  --no-html             skip the HTML report (JSON, JUnit and Markdown are always written)
  --quiet               no progress lines`;

interface RunFlags {
  config?: string;
  sim: boolean;
  main: boolean;
  sut?: string;
  version?: string;
  profile?: string;
  case?: string[];
  block?: string[];
  tags?: string;
  fault?: string[];
  'security-profile'?: string;
  'implemented-only': boolean;
  shard?: string;
  'shard-durations'?: string;
  parallel?: string;
  'report-dir'?: string;
  html: boolean;
  quiet: boolean;
  help: boolean;
}

class UsageError extends Error {}

function parseFlags(argv: string[]): RunFlags {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      sim: { type: 'boolean', default: false },
      main: { type: 'boolean', default: false },
      sut: { type: 'string' },
      version: { type: 'string' },
      profile: { type: 'string' },
      case: { type: 'string', multiple: true },
      block: { type: 'string', multiple: true },
      tags: { type: 'string' },
      fault: { type: 'string', multiple: true },
      'security-profile': { type: 'string' },
      'implemented-only': { type: 'boolean', default: false },
      shard: { type: 'string' },
      'shard-durations': { type: 'string' },
      parallel: { type: 'string' },
      'report-dir': { type: 'string' },
      html: { type: 'boolean', default: true },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowNegative: true,
    allowPositionals: false,
  });
  return values as RunFlags;
}

type TagExpr = { tag: string } | { not: TagExpr } | { op: 'and' | 'or'; left: TagExpr; right: TagExpr };

/** Parses a cucumber tag expression over case tags: @TC_X_NN_CS|CSMS, not, and, or, parentheses. */
function parseTagExpression(expression: string): TagExpr {
  const bad = (why: string): UsageError => new UsageError(`--tags "${expression}": ${why}; write e.g. "@TC_B_01_CS or @TC_B_02_CS" or "not @TC_B_03_CS"`);
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const peek = (): string | undefined => tokens[at]?.toLowerCase();
  const primary = (): TagExpr => {
    const t = tokens[at++];
    if (t === undefined) throw bad('ends too early');
    if (t.toLowerCase() === 'not') return { not: primary() };
    if (t === '(') {
      const inner = or();
      if (tokens[at++] !== ')') throw bad('a "(" is not closed');
      return inner;
    }
    if (!/^@TC_[A-Z]_\d+_(?:CS|CSMS)$/i.test(t)) throw bad(`"${t}" is not a case tag (tags look like @TC_B_01_CS)`);
    return { tag: t.slice(1).toUpperCase() };
  };
  // "and" binds tighter than "or"; both are left-associative.
  const chain = (op: 'and' | 'or', operand: () => TagExpr) => (): TagExpr => {
    let left = operand();
    while (peek() === op) {
      at++;
      left = { op, left, right: operand() };
    }
    return left;
  };
  const and = chain('and', primary);
  const or = chain('or', and);
  if (tokens.length === 0) throw bad('it is empty');
  const tree = or();
  if (at < tokens.length) throw bad(`unexpected "${tokens[at] ?? ''}"`);
  return tree;
}

function evaluate(e: TagExpr, tag: string | undefined): boolean {
  if ('tag' in e) return e.tag === tag;
  if ('not' in e) return !evaluate(e.not, tag);
  return e.op === 'and' ? evaluate(e.left, tag) && evaluate(e.right, tag) : evaluate(e.left, tag) || evaluate(e.right, tag);
}

function tagsOf(e: TagExpr): string[] {
  if ('tag' in e) return [e.tag];
  if ('not' in e) return tagsOf(e.not);
  return [...tagsOf(e.left), ...tagsOf(e.right)];
}

/**
 * The case ids a tag expression selects. Every case carries exactly one tag, its id, so the expression is decided per
 * id: `include` lists the ids it names and keeps (empty: it keeps every case it does not name), `exclude` the ids it
 * names and drops.
 */
export function idsFromTags(expression: string): { include: string[]; exclude: string[] } {
  const tree = parseTagExpression(expression);
  const named = [...new Set(tagsOf(tree))];
  const keepsOthers = evaluate(tree, undefined);
  const kept = named.filter((id) => evaluate(tree, id));
  if (!keepsOthers && kept.length === 0) throw new UsageError(`--tags "${expression}" selects no case (every case has exactly one tag, its id)`);
  return keepsOthers ? { include: [], exclude: named.filter((id) => !kept.includes(id)) } : { include: kept, exclude: [] };
}

function parseParallel(word: string | undefined): number {
  if (word === undefined) return 1;
  const n = Number(word);
  if (!Number.isInteger(n) || n < 1 || n > 32) throw new UsageError(`--parallel must be a whole number from 1 to 32, got "${word}"`);
  return n;
}

function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/** One unit of work: a SUT (config) and the cases to run against it. */
interface Plan {
  label: string;
  config: RunConfig;
  entries: SelectionEntry[];
  faults: string[];
}

function select(flags: RunFlags, role: SutRole, config: RunConfig, implementedOnly: boolean): SelectionEntry[] {
  const tagged = flags.tags ? idsFromTags(flags.tags) : undefined;
  const ids = [...(flags.case ?? []), ...(tagged?.include ?? [])];
  const entries = selectCases(
    {
      role: role === 'CSMS' ? 'csms' : 'cs',
      version: config.ocppVersion,
      profile: flags.profile,
      ids: ids.length > 0 ? ids : undefined,
      blocks: flags.block,
    },
    config.pics,
  ).filter((e) => !tagged?.exclude.includes(e.testCase.id));
  const chosen = implementedOnly ? entries.filter((e) => e.featurePath !== null) : entries;
  return flags.shard ? shardOfSelection(chosen, flags.shard, flags['shard-durations']) : chosen;
}

/** The --shard part of a selection (the same on every runner: see src/runner/shard.ts). */
function shardOfSelection(entries: SelectionEntry[], shard: string, durationsFile: string | undefined): SelectionEntry[] {
  try {
    return shardOf(entries, (e) => e.testCase.id, parseShard(shard), durationsFile ? durationsFromSummary(durationsFile) : undefined);
  } catch (e) {
    if (e instanceof ShardError) throw new UsageError(e.message);
    throw e;
  }
}

function parseSecurityProfile(value: string | undefined): 0 | 1 | 2 | 3 | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-3]$/.test(value)) throw new UsageError(`--security-profile must be 0, 1, 2 or 3 (got "${value}")`);
  return Number(value) as 0 | 1 | 2 | 3;
}

/** The simulators' security profile for a role: as asked, else 2 for a CSMS under test (see HELP) and 1 for a station. */
function simSecurityProfile(flags: RunFlags, role: SutRole): 0 | 1 | 2 | 3 {
  return parseSecurityProfile(flags['security-profile']) ?? (role === 'CSMS' ? 2 : 1);
}

/** A throw-away test PKI for simulator runs over TLS (made once per run; the simulators' identities and 127.0.0.1). */
async function throwAwayPki(): Promise<string> {
  return await makeTemporaryPki({ identities: [SIM_STATION_IDENTITY, SIM_CSMS_CLIENT_IDENTITY], serverNames: ['127.0.0.1', 'localhost'] });
}

async function plansFor(flags: RunFlags): Promise<Plan[]> {
  if (flags.fault && !flags.sim) throw new UsageError('--fault only applies to the built-in simulators (--sim)');
  if (flags['security-profile'] !== undefined && !flags.sim && !flags.main) throw new UsageError('--security-profile only applies to the built-in simulators (--sim, --main); a run config says its own');
  if (flags.version !== undefined && !flags.sim) throw new UsageError('--version only applies to the built-in simulators (--sim); a run config says its own ocppVersion');
  if (flags.main || flags.sim) {
    // --main is --sim for both roles, limited to the Core profile unless another is named.
    const selection = flags.main ? { ...flags, profile: flags.profile ?? 'Core' } : flags;
    const role = flags.main ? undefined : parseRole(flags.sut);
    const roles: SutRole[] = role ? [role] : ['ChargingStation', 'CSMS'];
    let pki: Promise<string> | undefined;
    const plans: Plan[] = [];
    for (const r of roles) {
      const securityProfile = simSecurityProfile(flags, r);
      const certDir = securityProfile >= 2 ? await (pki ??= throwAwayPki()) : undefined;
      const ocppVersion = parseVersion(flags.version);
      const sim = { securityProfile, ...(certDir ? { certDir } : {}), ...(ocppVersion ? { ocppVersion } : {}) };
      const config = r === 'CSMS' ? csmsSutConfig(sim) : stationSutConfig(sim);
      plans.push({ label: r === 'CSMS' ? 'csms' : 'cs', config, entries: select(selection, r, config, true), faults: flags.fault ?? [] });
    }
    return plans;
  }
  if (!flags.config) throw new UsageError('say what to test: --config FILE (a real SUT), --sim or --main (the built-in simulators)');
  const loaded = loadRunConfig(flags.config);
  if (!loaded.ok) throw new UsageError(`the run config ${flags.config} has problems:\n  ${loaded.errors.join('\n  ')}`);
  const config = loaded.config;
  const role = config.sut.role;
  return [{ label: role === 'CSMS' ? 'csms' : 'cs', config, entries: select(flags, role, config, flags['implemented-only']), faults: [] }];
}

function catalogProfilesOf(entries: SelectionEntry[]): Array<{ id: string; profiles: SelectedCase['profiles'] }> {
  const catalog = loadCatalog();
  const version = entries[0]?.testCase.version ?? '2.0.1';
  const role = entries[0]?.testCase.role;
  return catalog.select({ version, ...(role ? { role } : {}) }).map((c) => ({ id: c.id, profiles: c.profiles }));
}

async function executePlan(
  plan: Plan,
  runDir: string,
  flags: RunFlags,
  parallelWanted: number,
  out: (line: string) => void,
  linePrefix: string,
): Promise<RunSummary> {
  // A real station connects to one configured address, so its cases cannot overlap.
  const stationOnOnePort = plan.config.sut.role === 'ChargingStation' && plan.config.actions.kind !== 'simulator';
  const parallel = stationOnOnePort ? 1 : parallelWanted;
  if (stationOnOnePort && parallelWanted > 1) out('note: a Charging Station under test connects to one address, so its cases run one at a time');
  const total = plan.entries.length;
  let done = 0;
  const summary = await runCases({
    config: plan.config,
    cases: plan.entries.map((e) => e.testCase),
    runDir,
    parallel,
    faults: plan.faults,
    onResult: (result: CaseResult) => {
      done += 1;
      if (!flags.quiet) out(`${linePrefix}${progressLine(result, done, total)}`);
    },
  });
  return summary;
}

export async function runRunCommand(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  let flags: RunFlags;
  try {
    flags = parseFlags(argv);
  } catch (error) {
    out(`run: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (flags.help) {
    out(HELP);
    return 0;
  }
  let plans: Plan[];
  let parallel: number;
  try {
    parallel = parseParallel(flags.parallel);
    plans = await plansFor(flags);
  } catch (error) {
    if (error instanceof UsageError || error instanceof SelectionError) {
      out(`run: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (plans.every((p) => p.entries.length === 0)) {
    out('run: the selection is empty; `ocpp-conformance list --all` shows what can be selected');
    return 2;
  }
  const runId = newRunId();
  const reportBase = resolve(flags['report-dir'] ?? (flags.config ? (plans[0]?.config.report.dir ?? 'reports') : 'reports'));
  const runRoot = join(reportBase, runId);
  const started = Date.now();
  // The plans of different roles share nothing (own simulators, ports, identities, folders), so they run at the same
  // time; their progress lines interleave, each marked with its role, and the tables follow in a fixed order.
  const active = plans.filter((plan) => plan.entries.length > 0);
  const prefixOf = (plan: Plan): string => (active.length > 1 ? `${plan.label.padEnd(4)} ` : '');
  const dirOf = (plan: Plan): string => (active.length > 1 ? join(runRoot, plan.label) : runRoot);
  for (const plan of active) {
    const role = plan.config.sut.role === 'CSMS' ? 'CSMS' : 'Charging Station';
    out(`${prefixOf(plan)}${role} under test: ${plan.entries.length} case(s)${flags.profile || flags.main ? ` of profile ${flags.profile ?? 'Core'}` : ''}`);
  }
  const summaries = await Promise.all(
    active.map(async (plan) => ({ ...(await executePlan(plan, dirOf(plan), flags, parallel, out, prefixOf(plan))), runId })),
  );
  removeTemporaryPkis(plans.map((p) => p.config.certificates.dir));
  const codes: number[] = [];
  for (const [index, plan] of active.entries()) {
    const summary = summaries[index];
    if (!summary) continue;
    const dir = dirOf(plan);
    const catalogProfiles = catalogProfilesOf(plan.entries);
    const written = await writeAllReports(summary, dir, catalogProfiles, { html: flags.html });
    // The selected profile's row; without one, the rows of the profiles the run's cases belong to.
    const selectedProfile = flags.profile ?? (flags.main ? 'Core' : undefined);
    const touched = new Set(summary.results.flatMap((r) => r.profiles.map((p) => p.profile)));
    const rows = profileTable(summary, catalogProfiles).filter((row) =>
      selectedProfile ? row.profile === selectedProfile : touched.has(row.profile),
    );
    out('');
    out(renderProfileTable(rows));
    const outside = outsideProfiles(summary);
    if (outside) out(renderOutsideProfiles(outside));
    out('');
    out(renderConsoleSummary(summary, dir));
    if (flags.html && !written.html.ok) out(`HTML report not written: ${written.html.message}`);
    const undeclared = declaredButNotRun(summary.results, plan.config.expectedFailures);
    if (undeclared.length > 0) out(`${prefixOf(plan)}expectedFailures: ${undeclared.join(', ')} did not run (check the id and the selection)`);
    codes.push(exitCodeFor(summary.results));
  }
  out(`\nWall time ${((Date.now() - started) / 1000).toFixed(1)}s. Reports under ${runRoot}`);
  return Math.max(0, ...codes);
}
