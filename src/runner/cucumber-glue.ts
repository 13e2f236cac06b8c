// How the cucumber child loads its glue (steps, hooks and the engine under them): the bundle dist/glue.js when
// `npm run build` made it from exactly the current sources (scripts/dist-state.js), and otherwise the TypeScript
// through tsx. The bundle spares every child and every parallel worker the loader, its transpiling and the resolving
// and reading of ~1000 files, which at --parallel 8 on two cores was most of the run's CPU.
import { join } from 'node:path';
import { distState } from '../../scripts/dist-state.js';
import type { DistState } from '../../scripts/dist-state.js';
import { parentWatchArgs } from './child-lifetime.ts';

/** cucumber's configuration file and the profiles in it whose `import` globs are the glue. */
export interface GlueConfiguration {
  file: string;
  profiles: string[];
}

export interface CucumberGlue {
  /** Node arguments before the cucumber script: the loader (tsx only) and the parent watch. */
  nodeArgs: string[];
  configuration: GlueConfiguration;
  compiled: boolean;
}

/** What a cucumber child runs: the glue's configuration, the feature files, and how many workers. */
export interface CucumberInvocation extends GlueConfiguration {
  paths: string[];
  /** More than 1: cucumber's own parallel workers. */
  parallel?: number;
}

/** `dist`: the state of dist/ when the caller has it already (reading it stats every source file). */
export function cucumberGlue(root: string, env: NodeJS.ProcessEnv = process.env, dist: DistState = distState(root, env)): CucumberGlue {
  if (dist.fresh) {
    return { compiled: true, nodeArgs: parentWatchArgs(join(dist.dir, 'parent-watch.js')), configuration: { file: 'cucumber.mjs', profiles: ['compiled'] } };
  }
  return { compiled: false, nodeArgs: ['--import', 'tsx', ...parentWatchArgs()], configuration: { file: 'cucumber.mjs', profiles: [] } };
}

/** The invocation as cucumber-js's command line (for its bin script). */
export function cucumberArgv(run: CucumberInvocation): string[] {
  return [
    '--config',
    run.file,
    ...run.profiles.flatMap((p) => ['--profile', p]),
    ...(run.parallel && run.parallel > 1 ? ['--parallel', String(run.parallel)] : []),
    ...run.paths,
  ];
}
