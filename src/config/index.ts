// Public entry of the config module.
export { DEFAULTS, loadRunConfig } from './load.ts';
export { checkPics, loadPics } from './pics-check.ts';
export type { LoadOptions } from './load.ts';
export type { PicsContext } from './pics-check.ts';
export { fieldPath, formatErrors, suggest } from './messages.ts';
export type * from './types.ts';
export { BENCH_DEFAULTS, CONFIGURED_VALUES, configuredPlaceholders, resolveConfigured } from './configured-values.ts';
