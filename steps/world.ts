// The World: per-scenario state holder with no logic (the engine's Scenario does the work).
import { setWorldConstructor, World } from '@cucumber/cucumber';
import type { IWorldOptions } from '@cucumber/cucumber';
import type { Scenario } from '../src/runner/scenario.ts';

export class ConformanceWorld extends World {
  scenario: Scenario | undefined;
  setupError: unknown;
  startedAt = new Date();
  caseId: string | undefined;
  constructor(options: IWorldOptions) {
    super(options);
  }
  /** The scenario; a missing one means the Before hook failed (already recorded). */
  get s(): Scenario {
    if (!this.scenario) throw new Error('the scenario was not set up (see the Before hook error)');
    return this.scenario;
  }
}

setWorldConstructor(ConformanceWorld);
