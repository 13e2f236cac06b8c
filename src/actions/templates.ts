// Placeholder filling for the URL-template mapping and the shell-command adapters: {name} -> value.
// In URLs values are percent-encoded; in commands they are single-quoted for a POSIX shell.
import type { ActionArgs } from './types.ts';

export type Encode = (value: string) => string;

export const urlEncode: Encode = (v) => encodeURIComponent(v);
export const shellQuote: Encode = (v) => `'${v.replace(/'/g, `'\\''`)}'`;
export const jsonEncode: Encode = (v) => JSON.stringify(v).slice(1, -1);

/** The values a template may use for one action. */
export function placeholderValues(name: string, args: ActionArgs, extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = { ...extra, name };
  for (const [k, v] of Object.entries(args)) {
    if (v === undefined) continue;
    out[k] = typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

/** Fills {key} placeholders; an unknown placeholder is an error (a typo must not become an empty string). */
export function fillTemplate(template: string, values: Record<string, string>, encode: Encode, raw: ReadonlySet<string> = new Set()): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, key: string) => {
    const v = values[key];
    if (v === undefined) throw new Error(`template "${template}" uses {${key}}, which this action does not provide (has: ${Object.keys(values).join(', ')})`);
    return raw.has(key) ? v : encode(v);
  });
}

/** In JSON body templates, {payload} is inserted as JSON (it already is JSON); everything else as string content. */
export const JSON_RAW_KEYS: ReadonlySet<string> = new Set(['payload']);
