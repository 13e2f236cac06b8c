// A step written for one SUT role used in a case of the other role is a script mistake (ERROR), never a verdict.
import { ScriptError } from '../peer/errors.ts';
import type { CsContext, CsmsContext, ScenarioContext } from '../states/context.ts';

export function asCs(ctx: ScenarioContext, what: string): CsContext {
  if (ctx.role !== 'ChargingStation') throw new ScriptError(`"${what}" is a step for Charging Station cases (this case tests a CSMS)`);
  return ctx;
}

export function asCsms(ctx: ScenarioContext, what: string): CsmsContext {
  if (ctx.role !== 'CSMS') throw new ScriptError(`"${what}" is a step for CSMS cases (this case tests a Charging Station)`);
  return ctx;
}
