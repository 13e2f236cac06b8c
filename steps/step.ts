// Step registration shared by every step file: the error of a failing step goes to the engine (it decides the
// verdict), and cucumber sees the arity it expects. Step files: vocabulary.ts (the general vocabulary) and one
// csms-<area>.ts / cs-<area>.ts file per functional area.
import { defineStep } from '@cucumber/cucumber';
import type { DataTable } from '@cucumber/cucumber';
import type { ScenarioContext } from '../src/states/context.ts';
import type { ConformanceWorld } from './world.ts';

export type Args = Array<string | string[] | DataTable>;

/** Registers a step; the first error of the scenario is handed to the engine (it decides the verdict). */
export function step(pattern: string, fn: (ctx: ScenarioContext, ...args: Args) => unknown): void {
  async function run(world: ConformanceWorld, args: Args): Promise<void> {
    try {
      await fn(world.s.ctx, ...args);
    } catch (e) {
      world.scenario?.noteError(e);
      throw e;
    }
  }
  // cucumber checks a step function's arity against the pattern (parameters + data table), so spell it out.
  const arity = (pattern.match(/\{[a-z]+\}/g) ?? []).length + (pattern.endsWith(':') ? 1 : 0);
  const byArity = [
    function (this: ConformanceWorld) {
      return run(this, []);
    },
    function (this: ConformanceWorld, a: Args[number]) {
      return run(this, [a]);
    },
    function (this: ConformanceWorld, a: Args[number], b: Args[number]) {
      return run(this, [a, b]);
    },
    function (this: ConformanceWorld, a: Args[number], b: Args[number], c: Args[number]) {
      return run(this, [a, b, c]);
    },
  ];
  const wrapper = byArity[arity];
  if (!wrapper) throw new Error(`step "${pattern}" has too many parameters`);
  defineStep(pattern, wrapper);
}

export const rows = (t: Args[number] | undefined): string[][] | undefined => (t && typeof t === 'object' && 'raw' in t ? t.raw() : undefined);
export const str = (v: Args[number] | undefined): string => (typeof v === 'string' ? v : '');
