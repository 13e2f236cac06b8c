// The run context: what the runner hands to every cucumber worker through one JSON file (env OCPP_CONFORMANCE_CONTEXT).
import { readFileSync } from 'node:fs';
import type { RunConfig } from '../config/types.ts';
import type { EngineSettings } from '../peer/settings.ts';
import type { ProfileMembership, SutRole } from '../report/verdict.ts';
import type { OcppVersion } from '../rpc/types.ts';

export const CONTEXT_ENV = 'OCPP_CONFORMANCE_CONTEXT';

export interface CaseMeta {
  id: string;
  title: string;
  role: SutRole;
  version: OcppVersion;
  block: string;
  profiles: ProfileMembership[];
  requirements: string[];
}

/** Bench values Part 6 calls "<Configured ...>" that the run configuration does not (yet) carry. */
export type EngineOverrides = Partial<Pick<EngineSettings, 'heartbeatIntervalS' | 'model' | 'vendorName' | 'transactionDurationMs' | 'authorizeVariant' | 'evseId' | 'connectorId'>>;

export interface RunContext {
  runDir: string;
  config: RunConfig;
  engine: EngineOverrides;
  /** Simulator mode only: named faults switched on in the simulator the scenario starts. */
  faults: string[];
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

export function engineSettings(ctx: RunContext): EngineSettings {
  const c = ctx.config;
  const e = ctx.engine;
  const firstEvse = c.evses[0];
  return {
    heartbeatIntervalS: e.heartbeatIntervalS ?? 60,
    evseId: e.evseId ?? firstEvse?.id ?? 1,
    connectorId: e.connectorId ?? firstEvse?.connectors[0]?.id ?? 1,
    evses: c.evses,
    idTokens: c.idTokens,
    model: e.model ?? 'ConformanceStation',
    vendorName: e.vendorName ?? 'ocpp-conformance',
    transactionDurationMs: e.transactionDurationMs ?? 0,
    authorizeVariant: e.authorizeVariant ?? 'local',
  };
}
