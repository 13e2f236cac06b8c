// Which station identity a case runs under against a CSMS. A CSMS keeps one connection per identity and drops the
// older one when a second arrives, so cases that run side by side (--parallel N: N cucumber workers) must each use an
// identity of their own. Worker k (CUCUMBER_WORKER_ID) always uses the k-th identity of the pool: an identity belongs
// to one worker for the whole run, so a case that changes what the CSMS holds for its station (the password, the
// security profile, the boot policy) has that identity to itself while it runs, and the change is carried only to
// the later cases of the same identity (sut-state.ts keeps a file per identity).
import type { RunConfig } from '../config/types.ts';
import type { PoolIdentity } from '../config/identity-pool.ts';

/** The identities a run against a CSMS may use ("identity" first); a station under test has none. */
export function identityPool(config: RunConfig): PoolIdentity[] {
  if (config.sut.role !== 'CSMS') return [];
  return config.sut.pool ?? [{ identity: config.sut.identity }];
}

/** The cucumber worker this process is (0 outside a parallel run). */
export function workerIndex(env: NodeJS.ProcessEnv = process.env): number {
  const id = Number(env['CUCUMBER_WORKER_ID']);
  return Number.isInteger(id) && id >= 0 ? id : 0;
}

/** The identity of this worker; the CLI refused the run before when the pool is smaller than the workers. */
export function identityOfWorker(config: RunConfig, env: NodeJS.ProcessEnv = process.env): PoolIdentity {
  const pool = identityPool(config);
  const index = workerIndex(env);
  const mine = pool[index];
  if (!mine) throw new Error(`worker ${index + 1} has no station identity of its own: the run config names ${pool.length} (sut.identity, sut.identities)`);
  return mine;
}

/**
 * Why `parallel` cases at a time cannot run against this CSMS (fewer identities than workers), naming the config
 * field; undefined when they can (or the SUT is not a CSMS, or the simulators start one per case).
 */
export function poolShortfall(config: RunConfig, parallel: number): string | undefined {
  if (config.sut.role !== 'CSMS' || config.actions.kind === 'simulator') return undefined;
  const pool = identityPool(config);
  if (parallel <= pool.length) return undefined;
  const named = pool.map((p) => p.identity).join(', ');
  return (
    `--parallel ${parallel} runs ${parallel} cases at a time against the CSMS, each under its own station identity, but the run ` +
    `config names ${pool.length} (${named}). List at least ${parallel - pool.length} more in "sut.identities" ` +
    `(e.g. "identities": {"pattern": "CS{n:3}", "count": ${parallel}} or a list of {"identity", "basicAuthPassword"}), ` +
    `registered in the CSMS, or run with --parallel ${pool.length}.`
  );
}
