// Public entry of the config module.
export { checkPics, DEFAULTS, loadPics, loadRunConfig } from './load.ts';
export type { LoadOptions, PicsContext } from './load.ts';
export { fieldPath, formatErrors, suggest } from './messages.ts';
export type * from './types.ts';
export { BENCH_DEFAULTS, CONFIGURED_VALUES, configuredPlaceholders, resolveConfigured } from './configured-values.ts';
