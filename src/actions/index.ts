// SUT actions and operator triggers: the interfaces and every adapter, chosen from the run configuration.
import type { ActionsConfig } from '../config/types.ts';
import { CommandAdapter } from './command.ts';
import { HttpGatewayActions, HttpOcttTriggers } from './http.ts';
import { HttpMappingAdapter } from './mapping.ts';
import { PromptAdapter } from './prompt.ts';
import type { OperatorTriggers, SutActions } from './types.ts';

export * from './types.ts';
export { HttpGatewayActions, HttpOcttTriggers, httpRequest } from './http.ts';
export { HttpMappingAdapter } from './mapping.ts';
export { CommandAdapter } from './command.ts';
export { PromptAdapter } from './prompt.ts';
export { fillTemplate } from './templates.ts';

export interface AdapterContext {
  version: string;
  /** Station identity (both roles). */
  station: string;
  promptTimeoutMs: number;
}

/** The SUT-action adapter of a run whose SUT is a Charging Station ('simulator' is built per scenario elsewhere). */
export function sutActionsFor(cfg: ActionsConfig, ctx: AdapterContext): SutActions {
  switch (cfg.kind) {
    case 'prompt':
      return new PromptAdapter(cfg.timeoutMs, undefined, `Charging Station ${ctx.station}`);
    case 'http-gateway':
      return new HttpGatewayActions(cfg.baseUrl);
    case 'http-mapping':
      return new HttpMappingAdapter(cfg.map, { station: ctx.station, version: ctx.version });
    case 'command':
      return new CommandAdapter(cfg.command, { station: ctx.station, version: ctx.version });
    case 'http-octt':
      throw new Error('actions.kind "http-octt" drives a CSMS; a Charging Station SUT needs http-gateway, http-mapping, command or prompt');
    case 'simulator':
      throw new Error('the simulator adapter is started per scenario');
  }
}

/** The operator-trigger adapter of a run whose SUT is a CSMS. */
export function operatorTriggersFor(cfg: ActionsConfig, ctx: AdapterContext): OperatorTriggers {
  switch (cfg.kind) {
    case 'prompt':
      return new PromptAdapter(cfg.timeoutMs, undefined, `station ${ctx.station}`);
    case 'http-octt':
      return new HttpOcttTriggers(cfg.baseUrl, ctx.version, ctx.station);
    case 'http-mapping':
      return new HttpMappingAdapter(cfg.map, { station: ctx.station, version: ctx.version });
    case 'command':
      return new CommandAdapter(cfg.command, { station: ctx.station, version: ctx.version });
    case 'http-gateway':
      throw new Error('actions.kind "http-gateway" drives a Charging Station; a CSMS SUT needs http-octt, http-mapping, command or prompt');
    case 'simulator':
      throw new Error('the simulator adapter is started per scenario');
  }
}
