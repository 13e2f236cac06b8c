// Reads one JSON file a run config names (the config itself, its PICS), turning a missing file or bad syntax into a
// message that names the field and the fix instead of an exception.
import { existsSync, readFileSync } from 'node:fs';

export function readJson(file: string, what: string, field: string): { ok: true; data: unknown } | { ok: false; error: string } {
  if (!existsSync(file)) {
    return { ok: false, error: `${field}: ${what} file not found: ${file}. Check the path (relative paths start from the config file's folder).` };
  }
  try {
    return { ok: true, data: JSON.parse(readFileSync(file, 'utf8')) as unknown };
  } catch (e) {
    return { ok: false, error: `${field}: ${file} is not valid JSON (${(e as Error).message}). Fix the syntax; comments and trailing commas are not allowed.` };
  }
}
