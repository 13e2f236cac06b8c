// Closed parameter types: message names from the schemas of the run's OCPP version, reusable state names, the SUT.
// A name outside these lists does not match any step, so the scenario is undefined -> ERROR, never a silent PASS.
import { defineParameterType } from '@cucumber/cucumber';
import { knownActions } from '../src/schema/index.ts';
import { STATE_NAMES } from '../src/states/index.ts';
import { tryLoadRunContext } from '../src/runner/context.ts';

const version = tryLoadRunContext()?.config.ocppVersion;
const actions = version ? knownActions(version) : [...new Set([...knownActions('2.0.1'), ...knownActions('2.1')])];
const alternatives = (list: readonly string[]): string => [...list].sort((a, b) => b.length - a.length).join('|');

defineParameterType({
  name: 'request',
  regexp: new RegExp(`(?:${alternatives(actions)})Request`),
  transformer: (s: string) => s.replace(/Request$/, ''),
});

defineParameterType({
  name: 'response',
  regexp: new RegExp(`(?:${alternatives(actions)})Response`),
  transformer: (s: string) => s.replace(/Response$/, ''),
});

defineParameterType({
  name: 'state',
  regexp: new RegExp(alternatives(STATE_NAMES)),
  transformer: (s: string) => s,
});

defineParameterType({
  name: 'sut',
  regexp: /the Charging Station|the CSMS/,
  transformer: (s: string) => s,
});

defineParameterType({
  name: 'subprotocols',
  regexp: /"[^"]+"(?:, "[^"]+")*/,
  transformer: (s: string) => [...s.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? ''),
});
