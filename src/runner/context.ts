// The run context: what the runner hands to every cucumber worker through one JSON file (env OCPP_CONFORMANCE_CONTEXT).
import { readFileSync } from 'node:fs';
import type { BenchConfig, RunConfig } from '../config/types.ts';
import type { EngineSettings } from '../peer/settings.ts';
import type { CaseResult } from '../report/verdict.ts';
import type { StationTuning } from '../actions/simulator.ts';

export const CONTEXT_ENV = 'OCPP_CONFORMANCE_CONTEXT';

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
  cases: Record<string, CaseMeta>;
}


let cached: RunContext | undefined;

export function loadRunContext(path = process.env[CONTEXT_ENV]): RunContext {
  if (cached) return cached;
  if (!path) throw new Error(`${CONTEXT_ENV} is not set: run the features through runCases (src/runner) or the CLI, not bare cucumber-js`);
  cached = JSON.parse(readFileSync(path, 'utf8')) as RunContext;
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
  const e = ctx.engine;
  return {
    heartbeatIntervalS: e.heartbeatIntervalS,
    evseId: e.evseId,
    connectorId: e.connectorId,
    evses: ctx.config.evses,
    idTokens: ctx.config.idTokens,
    model: e.model,
    vendorName: e.vendorName,
    transactionDurationMs: e.transactionDurationMs,
    authorizeVariant: e.authorizeVariant,
    clockAlignedIntervalS: e.clockAlignedIntervalS,
    sampledIntervalS: e.sampledIntervalS,
    dataTransferVendorId: e.dataTransferVendorId,
    dataTransferMessageId: e.dataTransferMessageId,
  };
}
