// The test engine's entry: run selected cases through cucumber and collect verdicts.
export { runCases, featurePath, REPO_ROOT } from './run-cases.ts';
export type { RunCasesOptions } from './run-cases.ts';
export { runInstances } from './run-instances.ts';
export type { CaseInstance, RunInstancesOptions } from './run-instances.ts';
export { CONTEXT_ENV, effectiveBench, engineSettings, loadRunContext } from './context.ts';
export type { RunContext, CaseMeta, EngineOverrides } from './context.ts';
export { Scenario } from './scenario.ts';
