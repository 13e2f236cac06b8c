// What the configured-values table produces outside the code: the "bench" section of the run-config schema and the
// table in src/config/README.md. write-generated.ts writes them; test/config/configured-values.test.ts checks they
// are in sync with the table.
import { readFileSync } from 'node:fs';
import { benchSchema, readmeTable } from './configured-values.ts';

export const SCHEMA_FILE = new URL('../../schemas/run-config.schema.json', import.meta.url);
export const README_FILE = new URL('./README.md', import.meta.url);
export const README_START = '<!-- configured-values: generated from configured-values.ts by write-generated.ts; do not edit -->';
export const README_END = '<!-- /configured-values -->';

/** The schema file's text with its "bench" block replaced by the table's (the rest of the file keeps its layout). */
export function schemaWithBench(text: string): string {
  const open = text.indexOf('\n    "bench": {');
  if (open < 0) throw new Error('schemas/run-config.schema.json has no top-level "bench" property');
  const close = text.indexOf('\n    },', open);
  const block = JSON.stringify(benchSchema(), null, 2).replace(/\n/g, '\n    ');
  return `${text.slice(0, open)}\n    "bench": ${block}${text.slice(close + '\n    }'.length)}`;
}

/** The README's text with the configured-values table between its markers replaced by the table's. */
export function readmeWithTable(text: string): string {
  const open = text.indexOf(README_START);
  const close = text.indexOf(README_END);
  if (open < 0 || close < open) throw new Error(`src/config/README.md lacks the markers ${README_START} ... ${README_END}`);
  return `${text.slice(0, open + README_START.length)}\n${readmeTable()}\n${text.slice(close)}`;
}

export const readText = (file: URL): string => readFileSync(file, 'utf8');
