// Turns ajv errors into one-line messages that name the field, say what is wrong, and say how to fix it.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

/** Close spellings for "did you mean": case-insensitive edit distance of at most 2 (1 for short words). */
export function suggest(word: string, candidates: readonly string[]): string | null {
  const w = word.toLowerCase();
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = word.length <= 4 ? 1 : 2;
  return best !== null && bestD <= limit ? best : null;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

/** "/evses/0/connectors/1/id" -> "evses[0].connectors[1].id". */
export function fieldPath(pointer: string, prefix = ''): string {
  let out = prefix;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else out += out === '' ? part : /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `["${part}"]`;
  }
  return out === '' ? '(top level)' : out;
}

function join(base: string, key: string): string {
  if (base === '(top level)') return key;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}["${key}"]`;
}

const SECRET = /password|key$/i;

function show(value: unknown, path: string): string {
  if (SECRET.test(path) && typeof value === 'string') return `a string of ${value.length} characters`;
  const s = JSON.stringify(value);
  if (s === undefined) return String(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (Number.isInteger(value)) return 'an integer';
  return `a ${typeof value}`;
}

type Schemaish = Record<string, unknown> | undefined;

function hintOf(schema: Schemaish): string {
  const h = schema?.['x-hint'];
  return typeof h === 'string' ? ` ${h}` : '';
}

function propSchema(parent: Schemaish, key: string): Schemaish {
  const props = parent?.['properties'] as Record<string, Schemaish> | undefined;
  return props?.[key];
}

/** Resolve a local $ref once (enough for our schemas) so hints on referenced definitions are found. */
function deref(root: Record<string, unknown>, schema: Schemaish): Schemaish {
  const ref = schema?.['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let node: unknown = root;
  for (const p of ref.slice(2).split('/')) node = (node as Record<string, unknown> | undefined)?.[p];
  return node as Schemaish;
}

/** Other keys valid elsewhere (e.g. keys of the other SUT role) with a short explanation of where they belong. */
export type KeyElsewhere = (path: string, key: string) => string | null;

export function formatErrors(
  errors: readonly ErrorObject[],
  root: Record<string, unknown>,
  prefix = '',
  elsewhere: KeyElsewhere = () => null,
): string[] {
  const out: string[] = [];
  const structural = new Set(['if', 'oneOf', 'anyOf', 'then', 'else', 'propertyNames']);
  // Drop wrapper errors when a more precise error exists for the same or a deeper field.
  const precise = errors.filter((e) => !structural.has(e.keyword));
  const used = precise.length > 0 ? precise : errors;
  for (const e of used) {
    const path = fieldPath(e.instancePath, prefix);
    const parent = e.parentSchema as Schemaish;
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'required': {
        const key = String(p['missingProperty']);
        const disc = parent?.['discriminator'] as { propertyName?: string } | undefined;
        if (disc?.propertyName === key) {
          const branches = ((parent?.['oneOf'] as Schemaish[] | undefined) ?? []).map((b) => `"${String(propSchema(b, key)?.['const'])}"`);
          out.push(`${join(path, key)}: missing. Set "${key}" to one of ${branches.join(', ')}.`);
          break;
        }
        const hint = hintOf(deref(root, propSchema(parent, key)));
        out.push(`${join(path, key)}: missing.${hint || ` Add "${key}".`}`);
        break;
      }
      case 'additionalProperties': {
        const key = String(p['additionalProperty']);
        const allowed = Object.keys((parent?.['properties'] as object | undefined) ?? {}).filter((k) => k !== '$schema');
        const where = elsewhere(path, key);
        const near = suggest(key, allowed);
        const fix = where
          ? ` ${where}`
          : near
            ? ` Did you mean "${near}"?`
            : ` Remove it, or use one of: ${allowed.join(', ')}.`;
        out.push(`${join(path, key)}: unknown field.${fix}`);
        break;
      }
      case 'enum': {
        const values = (e.schema as unknown[]).map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(', ');
        out.push(`${path}: must be one of ${values} (got ${show(e.data, path)}).${hintOf(parent)}`);
        break;
      }
      case 'const':
        out.push(`${path}: must be ${JSON.stringify(e.schema)} (got ${show(e.data, path)}).${hintOf(parent)}`);
        break;
      case 'discriminator': {
        const tag = String(p['tag']);
        const branches = ((parent?.['oneOf'] as Schemaish[] | undefined) ?? [])
          .map((b) => (propSchema(b, tag)?.['const'] as string | undefined) ?? '')
          .filter(Boolean);
        if (p['error'] === 'tag' && e.data && typeof e.data === 'object' && !(tag in e.data)) {
          break; // the parent's "required" error already says it is missing
        }
        const got = (e.data as Record<string, unknown> | undefined)?.[tag];
        const near = typeof got === 'string' ? suggest(got, branches) : null;
        out.push(
          `${join(path, tag)}: must be one of ${branches.map((b) => `"${b}"`).join(', ')} (got ${show(got, tag)}).${near ? ` Did you mean "${near}"?` : hintOf(parent)}`,
        );
        break;
      }
      case 'type': {
        const want = Array.isArray(e.schema) ? (e.schema as string[]).join(' or ') : String(e.schema);
        out.push(`${path}: must be ${want === 'integer' ? 'a whole number' : `of type ${want}`} (got ${typeName(e.data)} ${show(e.data, path)}).${hintOf(parent)}`);
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        out.push(`${path}: must be ${String(p['comparison'])} ${String(p['limit'])} (got ${show(e.data, path)}).${hintOf(parent)}`);
        break;
      case 'minLength':
      case 'maxLength': {
        const len = typeof e.data === 'string' ? e.data.length : 0;
        const word = e.keyword === 'minLength' ? 'at least' : 'at most';
        const limit = Number(p['limit']);
        out.push(
          limit === 1 && e.keyword === 'minLength'
            ? `${path}: must not be empty.${hintOf(parent)}`
            : `${path}: must be ${word} ${limit} characters (got ${len}).${hintOf(parent)}`,
        );
        break;
      }
      case 'pattern':
        if (e.propertyName !== undefined) {
          out.push(`${join(path, e.propertyName)}: not an allowed key.${hintOf(parent)}`);
        } else {
          out.push(`${path}: has an invalid form (got ${show(e.data, path)}).${hintOf(parent)}`);
        }
        break;
      case 'minItems':
        out.push(`${path}: needs at least ${String(p['limit'])} entr${p['limit'] === 1 ? 'y' : 'ies'}.${hintOf(parent)}`);
        break;
      case 'minProperties':
        out.push(`${path}: needs at least ${String(p['limit'])} entr${p['limit'] === 1 ? 'y' : 'ies'}.${hintOf(parent)}`);
        break;
      case 'uniqueItems':
        out.push(`${path}: entries ${String(p['j'])} and ${String(p['i'])} are the same. Remove the duplicate.`);
        break;
      default:
        out.push(`${path}: ${e.message ?? 'is invalid'}.${hintOf(parent)}`);
    }
  }
  return [...new Set(out)];
}

export interface CompiledSchema {
  validate: ValidateFunction;
  root: Record<string, unknown>;
}

let ajv: Ajv2020 | undefined;

export function compileSchema(file: URL): CompiledSchema {
  ajv ??= (() => {
    // validateSchema: false: checking our own schemas against the 2020-12 meta-schema costs ~0.2 s of CPU at every
    // start; test/config/schema-meta.test.ts makes that check once.
    const a = new Ajv2020({ allErrors: true, verbose: true, discriminator: true, strictSchema: true, strictTypes: false, strictRequired: false, validateSchema: false });
    a.addKeyword({ keyword: 'x-hint', schemaType: 'string' });
    return a;
  })();
  const root = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const id = root['$id'];
  const existing = typeof id === 'string' ? ajv.getSchema(id) : undefined;
  return { validate: existing ?? ajv.compile(root), root };
}
