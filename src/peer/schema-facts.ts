// What the official message schemas say about one field path: does it exist, what type, which enum values.
// Feature tables name fields by path ("setVariableResult[0].attributeStatus"); resolving every path and enum value
// against the schema when the table is read makes a typo fail loudly (ERROR) instead of silently matching nothing.
import * as schemas20 from 'typed-ocpp/dist/ocpp20/schemas.js';
import * as schemas21 from 'typed-ocpp/dist/ocpp21/schemas.js';
import type { OcppVersion } from '../rpc/types.ts';

type Node = Record<string, unknown>;

const SOURCES: Record<OcppVersion, Record<string, unknown>> = {
  '2.0.1': schemas20 as Record<string, unknown>,
  '2.1': schemas21 as Record<string, unknown>,
};

export interface FieldFacts {
  type: string | undefined;
  enum: string[] | undefined;
  isArray: boolean;
  /** The schema's `format` (e.g. "date-time"), if it declares one. */
  format?: string;
  /** The schema's `default` for the field (absent on the wire means this value), if it declares one. */
  default?: unknown;
}

/** One step of a field path: a property name or an array index / wildcard. */
export type PathSegment = { kind: 'prop'; name: string } | { kind: 'index'; index: number } | { kind: 'any'; label: string } | { kind: 'all' };

export function parsePath(path: string): PathSegment[] | undefined {
  const out: PathSegment[] = [];
  const re = /([A-Za-z_][A-Za-z0-9_]*)|\[(\d+|\?[a-z0-9]*|\*)\]|(\.)/gy;
  let m: RegExpExecArray | null;
  let expectName = true;
  let pos = 0;
  while (pos < path.length) {
    re.lastIndex = pos;
    m = re.exec(path);
    if (!m) return undefined;
    pos = re.lastIndex;
    if (m[1] !== undefined) {
      if (!expectName) return undefined;
      out.push({ kind: 'prop', name: m[1] });
      expectName = false;
    } else if (m[2] !== undefined) {
      if (expectName) return undefined;
      out.push(m[2].startsWith('?') ? { kind: 'any', label: m[2].slice(1) } : m[2] === '*' ? { kind: 'all' } : { kind: 'index', index: Number(m[2]) });
    } else {
      if (expectName) return undefined;
      expectName = true;
    }
  }
  return out.length > 0 && !expectName ? out : undefined;
}

function deref(root: Node, node: Node): Node {
  let cur = node;
  for (let guard = 0; guard < 20 && typeof cur.$ref === 'string'; guard++) {
    const ref = cur.$ref;
    const name = ref.replace(/^#\/definitions\//, '');
    const defs = root.definitions as Node | undefined;
    const next = defs?.[name] as Node | undefined;
    if (!next) return cur;
    cur = next;
  }
  return cur;
}

/** The schema facts of `path` inside message `message` (e.g. "BootNotificationResponse"); undefined if no such field. */
export function fieldFacts(version: OcppVersion, message: string, path: PathSegment[]): FieldFacts | undefined {
  const root = SOURCES[version][message] as Node | undefined;
  if (!root) return undefined;
  let node = deref(root, root);
  let declaredDefault: unknown;
  for (const seg of path) {
    declaredDefault = undefined;
    if (seg.kind === 'prop') {
      const props = node.properties as Node | undefined;
      const child = props?.[seg.name] as Node | undefined;
      if (!child) return undefined;
      // The default may sit on the property itself or on the definition it refers to.
      declaredDefault = child.default;
      node = deref(root, child);
      declaredDefault ??= node.default;
    } else {
      if (node.type !== 'array') return undefined;
      const items = node.items as Node | undefined;
      if (!items) return undefined;
      node = deref(root, items);
    }
  }
  return {
    type: typeof node.type === 'string' ? node.type : undefined,
    enum: Array.isArray(node.enum) ? (node.enum as string[]) : undefined,
    isArray: node.type === 'array',
    ...(typeof node.format === 'string' ? { format: node.format } : {}),
    ...(declaredDefault !== undefined ? { default: declaredDefault } : {}),
  };
}

export function messageExists(version: OcppVersion, message: string): boolean {
  return SOURCES[version][message] !== undefined;
}

/** Enum values of a named definition (e.g. "ConnectorStatusEnumType"), for closed step parameters. */
export function enumValues(version: OcppVersion, definition: string): string[] {
  for (const schema of Object.values(SOURCES[version])) {
    const defs = (schema as Node | undefined)?.definitions as Node | undefined;
    const def = defs?.[definition] as Node | undefined;
    if (def && Array.isArray(def.enum)) return def.enum as string[];
  }
  return [];
}
