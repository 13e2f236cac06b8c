// The run context: what the runner hands to every cucumber worker through one JSON file (env OCPP_CONFORMANCE_CONTEXT).
import { readFileSync, writeFileSync } from 'node:fs';
import type { BenchConfig, EngineSettings, RunConfig } from '../config/types.ts';
import type { CaseResult } from '../report/verdict.ts';
import type { StationTuning } from '../actions/simulator.ts';

export const CONTEXT_ENV = 'OCPP_CONFORMANCE_CONTEXT';
/** The run context's secrets (passwords), which never go into the report folder: JSON { pointer: value } in the env. */
export const SECRETS_ENV = 'OCPP_CONFORMANCE_SECRETS';
const REDACTED = '<redacted>';
/** Keys whose string values are secrets wherever they appear in the context. */
const SECRET_KEY = /password|secret|passphrase|apikey|authorization|privatekey/i;

/** What the runner knows about a case before it runs: the catalog part of its CaseResult. */
export type CaseMeta = Pick<CaseResult, 'id' | 'title' | 'role' | 'version' | 'block' | 'profiles' | 'requirements'>;

/** Values a caller of runCases puts on top of the run config's "bench" for one run. */
export type EngineOverrides = Partial<BenchConfig>;

export interface RunContext {
  runDir: string;
  config: RunConfig;
  /** The bench values in force: config.bench with the caller's overrides on top (see effectiveBench). */
  engine: BenchConfig;
  /** Simulator mode only: named faults switched on in the simulator the scenario starts. */
  faults: string[];
  /** Simulator mode only: how the built-in station is tuned (still a correct station, e.g. faster meter sampling). */
  stationTuning?: StationTuning;
  /** Simulator mode only: a case's own station tuning (the variant of the reference station the case is about). */
  caseStationTuning?: Record<string, StationTuning>;
  cases: Record<string, CaseMeta>;
  /** Instance mode (see instances.ts): instance key -> the case it runs and that instance's faults and tuning. */
  instances?: Record<string, InstanceSpec>;
}

/** One instance of a case in an instance-mode run: its own simulator faults (and station tuning). */
export interface InstanceSpec {
  caseId: string;
  faults: string[];
  stationTuning?: StationTuning;
}


let cached: RunContext | undefined;

/** The secret strings of a value (by key name, see SECRET_KEY), keyed by their path, e.g. "config/basicAuthPassword". */
function secretsOf(value: unknown, at = '', out: Record<string, string> = {}): Record<string, string> {
  if (value === null || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const path = at ? `${at}/${k}` : k;
    if (typeof v === 'string' && SECRET_KEY.test(k) && v !== '') out[path] = v;
    else secretsOf(v, path, out);
  }
  return out;
}

function setAt(root: unknown, path: string, value: string): void {
  const keys = path.split('/');
  let node = root as Record<string, unknown> | undefined;
  for (const k of keys.slice(0, -1)) node = node?.[k] as Record<string, unknown> | undefined;
  const last = keys[keys.length - 1];
  if (node && last !== undefined && last in node) node[last] = value;
}

/** The configured secret strings of a run (to keep them out of traces and reports). */
export function runSecrets(ctx: Pick<RunContext, 'config'>): string[] {
  return [...new Set(Object.values(secretsOf({ config: ctx.config })))];
}

/**
 * Writes the run context for the cucumber child with its secrets replaced by "<redacted>" (the file sits in the report
 * folder, which becomes a CI artifact) and returns the environment entry that carries the secrets to the child.
 */
export function writeRunContext(path: string, context: RunContext): Record<string, string> {
  const secrets = secretsOf(context);
  const redacted = JSON.parse(JSON.stringify(context)) as RunContext;
  for (const p of Object.keys(secrets)) setAt(redacted, p, REDACTED);
  writeFileSync(path, JSON.stringify(redacted, null, 2), { mode: 0o600 });
  return { [SECRETS_ENV]: JSON.stringify(secrets) };
}

export function loadRunContext(path = process.env[CONTEXT_ENV]): RunContext {
  if (cached) return cached;
  if (!path) throw new Error(`${CONTEXT_ENV} is not set: run the features through runCases (src/runner) or the CLI, not bare cucumber-js`);
  const ctx = JSON.parse(readFileSync(path, 'utf8')) as RunContext;
  const secrets = process.env[SECRETS_ENV] ? (JSON.parse(process.env[SECRETS_ENV]) as Record<string, string>) : {};
  for (const [p, v] of Object.entries(secrets)) setAt(ctx, p, v);
  cached = ctx;
  return cached;
}

/** The context if one is configured (parameter types use it to pick the OCPP version); undefined otherwise. */
export function tryLoadRunContext(): RunContext | undefined {
  try {
    return process.env[CONTEXT_ENV] ? loadRunContext() : undefined;
  } catch {
    return undefined;
  }
}

/** The run config's bench values with the defined overrides on top (an override left undefined keeps the config's value). */
export function effectiveBench(bench: BenchConfig, overrides: EngineOverrides = {}): BenchConfig {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as EngineOverrides;
  return { ...bench, ...defined };
}

/** What the peers and states get: the bench values in force plus the configured EVSEs and idTokens. */
export function engineSettings(ctx: Pick<RunContext, 'config' | 'engine'>): EngineSettings {
  return { ...ctx.engine, evses: ctx.config.evses, idTokens: ctx.config.idTokens };
}
