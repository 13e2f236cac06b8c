// Reusable states per SUT role, by their Part 6 names.
import { ScriptError } from '../peer/errors.ts';
import type { ScenarioContext } from './context.ts';
import { CS_STATES } from './cs.ts';
import { CSMS_STATES } from './csms.ts';

export * from './context.ts';
export * as cs from './cs.ts';
export * as csms from './csms.ts';

/** Every state name a feature may use (the closed parameter type of the state step). */
export const STATE_NAMES: readonly string[] = [...new Set([...Object.keys(CS_STATES), ...Object.keys(CSMS_STATES)])].sort();

export async function enterState(ctx: ScenarioContext, name: string): Promise<void> {
  if (ctx.role === 'ChargingStation') {
    const fn = CS_STATES[name];
    if (!fn) throw new ScriptError(`reusable state ${name} is not implemented for a Charging Station SUT (have: ${Object.keys(CS_STATES).join(', ')})`);
    ctx.peer.note(`reusable state ${name}: begin`);
    await fn(ctx);
  } else {
    const fn = CSMS_STATES[name];
    if (!fn) throw new ScriptError(`reusable state ${name} is not implemented for a CSMS SUT (have: ${Object.keys(CSMS_STATES).join(', ')})`);
    ctx.peer.note(`reusable state ${name}: begin`);
    await fn(ctx);
  }
  ctx.peer.note(`reusable state ${name}: reached`);
}
