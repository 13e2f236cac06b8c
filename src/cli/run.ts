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
  progressBlock,
  renderConsoleSummary,
  renderOutsideProfiles,
  renderProfileTable,
  writeAllReports,
} from '../report/index.ts';
import type { CaseResult, RunSummary } from '../report/verdict.ts';
import { runCases } from '../runner/index.ts';
import { durationsFromSummary, parseShard, shardOf, ShardError } from '../runner/shard.ts';
import { poolShortfall } from '../runner/station-identity.ts';
import { makeTemporaryPki, removeTemporaryPkis } from '../pki/index.ts';
import { csmsSutConfig, SIM_CSMS_CLIENT_IDENTITY, SIM_STATION_IDENTITY, stationSutConfig } from '../runner/simulator-config.ts';
import { parseRole, parseVersion, selectCases, SelectionError } from './selection.ts';
import type { SelectionEntry } from './selection.ts';
import { flowDecision } from '../catalog/version-flow.ts';
import { securityProfileApplicability } from '../catalog/catalog.ts';
import { configProblem, endProbe, startProbe } from './preflight.ts';
import { withStationVariants } from './sim-variants.ts';
import { interruptions } from './interruptions.ts';
import { idsFromTags } from './tags.ts';
import type { StationTuning } from '../actions/simulator.ts';
import { UsageError } from './usage-error.ts';
import { WaitingLine } from './waiting-line.ts';
import type { Terminal } from './waiting-line.ts';

export { idsFromTags } from './tags.ts';

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
  --parallel N          cases run N at a time (default 1, with --sim and --main 4; a real station SUT always runs one
                        at a time; against a CSMS each of the N uses its own station identity: "sut.identities")
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

/** Cases at a time against the built-in simulators when --parallel is not given (they mostly wait on protocol time). */
const SIM_PARALLEL = 4;

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
  /** --sim against the built-in station: the cases that meet a variant of it (see sim-variants.ts). */
  caseStationTuning?: Record<string, StationTuning>;
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
      const entries = select(selection, r, config, true);
      if (r === 'CSMS') plans.push({ label: 'csms', config, entries, faults: flags.fault ?? [] });
      else plans.push({ label: 'cs', config, ...withStationVariants(entries, sim), faults: flags.fault ?? [] });
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

/** Cases that will not run because they have no feature (for this version) yet: summarised, not listed one by one. */
function isNotImplemented(r: CaseResult): boolean {
  return r.verdict === 'INCONCLUSIVE' && (r.reason ?? '').startsWith('not implemented yet');
}

async function executePlan(
  plan: Plan,
  runDir: string,
  flags: RunFlags,
  parallelWanted: number,
  live: WaitingLine,
  linePrefix: string,
  signal: AbortSignal,
): Promise<RunSummary> {
  const out = (line: string): void => live.line(line);
  // A real station connects to one configured address, so its cases cannot overlap.
  const stationOnOnePort = plan.config.sut.role === 'ChargingStation' && plan.config.actions.kind !== 'simulator';
  const parallel = stationOnOnePort ? 1 : parallelWanted;
  if (stationOnOnePort && parallelWanted > 1) out('note: a Charging Station under test connects to one address, so its cases run one at a time');
  // The cases that run are numbered and printed first; the ones without a feature get one line at the end.
  // NOT_APPLICABLE cases (PICS, security profile) get a numbered line too: they are decided before implementation counts.
  const notApplicable = (c: SelectedCase): boolean => !c.applicability.applicable || !securityProfileApplicability(c, plan.config.securityProfile).applicable;
  const runnable = plan.entries.filter((e) => notApplicable(e.testCase) || (e.featurePath !== null && flowDecision(e.testCase).runs)).length;
  const total = runnable > 0 ? runnable : plan.entries.length;
  const notImplemented: CaseResult[] = [];
  let done = 0;
  const width = Math.min(120, Math.max(60, process.stdout.columns || 100));
  const summary = await runCases({
    config: plan.config,
    cases: plan.entries.map((e) => e.testCase),
    runDir,
    parallel,
    faults: plan.faults,
    ...(plan.caseStationTuning ? { caseStationTuning: plan.caseStationTuning } : {}),
    signal,
    onSignal: (s) => live.onSignal(s),
    onAnnounce: (line) => out(`${linePrefix}${line}`),
    onResult: (result: CaseResult) => {
      live.caseDone(result.id);
      if (isNotImplemented(result) && runnable > 0) {
        notImplemented.push(result);
        return;
      }
      done += 1;
      if (!flags.quiet) for (const line of progressBlock(result, done, total, width)) out(`${linePrefix}${line}`);
    },
  });
  if (notImplemented.length > 0 && !flags.quiet) {
    out(`${linePrefix}${notImplemented.length} selected case(s) not implemented yet: INCONCLUSIVE, listed in summary.json (\`ocpp-conformance list\` shows which)`);
  }
  return summary;
}


const printLine = (line: string): void => console.log(line);

export async function runRunCommand(argv: string[], out: (line: string) => void = printLine, terminal: Terminal | undefined = out === printLine ? process.stdout : undefined): Promise<number> {
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
    // The built-in simulators start afresh for every case, on ports of their own: their cases need not wait for each
    // other (a real station is one device: see executePlan).
    parallel = flags.parallel === undefined && (flags.sim || flags.main) ? SIM_PARALLEL : parseParallel(flags.parallel);
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
  const active = plans.filter((plan) => plan.entries.length > 0);
  for (const plan of active) {
    // Against a CSMS every case running at the same time needs a station identity of its own (station-identity.ts).
    const problem = poolShortfall(plan.config, parallel) ?? (await configProblem(plan.config)) ?? (await startProbe(plan.config));
    if (problem) {
      out(`run: ${problem}`);
      return 2;
    }
  }
  const runId = newRunId();
  const reportBase = resolve(flags['report-dir'] ?? (flags.config ? (plans[0]?.config.report.dir ?? 'reports') : 'reports'));
  const runRoot = join(reportBase, runId);
  const started = Date.now();
  // The plans of different roles share nothing (own simulators, ports, identities, folders), so they run at the same
  // time; their progress lines interleave, each marked with its role, and the tables follow in a fixed order.
  const prefixOf = (plan: Plan): string => (active.length > 1 ? `${plan.label.padEnd(4)} ` : '');
  const dirOf = (plan: Plan): string => (active.length > 1 ? join(runRoot, plan.label) : runRoot);
  for (const plan of active) {
    const role = plan.config.sut.role === 'CSMS' ? 'CSMS' : 'Charging Station';
    out(`${prefixOf(plan)}${role} under test: ${plan.entries.length} case(s)${flags.profile || flags.main ? ` of profile ${flags.profile ?? 'Core'}` : ''}`);
  }
  const live = new WaitingLine(out, terminal ? { terminal } : {});
  if (!flags.quiet) live.start();
  const stop = interruptions((line) => live.line(line));
  try {
    let summaries: RunSummary[];
    try {
      summaries = await Promise.all(
        active.map(async (plan) => ({ ...(await executePlan(plan, dirOf(plan), flags, parallel, live, prefixOf(plan), stop.signal)), runId })),
      );
    } finally {
      live.stop();
    }
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
      out(renderConsoleSummary(summary, dir, { html: flags.html && written.html.ok, explainedAbove: !flags.quiet }));
      if (flags.html && !written.html.ok) out(`HTML report not written: ${written.html.message}`);
      const undeclared = declaredButNotRun(summary.results, plan.config.expectedFailures);
      if (undeclared.length > 0) out(`${prefixOf(plan)}expectedFailures: ${undeclared.join(', ')} did not run (check the id and the selection)`);
      if (!stop.signal.aborted) {
        const probe = await endProbe(plan.config);
        if (probe) out(`${prefixOf(plan)}${probe}`);
      }
      codes.push(exitCodeFor(summary.results));
    }
    out(`\nWall time ${((Date.now() - started) / 1000).toFixed(1)}s. Reports under ${runRoot}`);
    const interrupted = stop.exitCode();
    if (interrupted !== undefined) {
      out(`Interrupted: the reports hold the cases that finished; the one that ran is INCONCLUSIVE (interrupted). Exit code ${interrupted}.`);
      return interrupted;
    }
    return Math.max(0, ...codes);
  } finally {
    stop.dispose();
  }
}
