// Validators for every OCPP 2.0.1 and 2.1 message.
//
// The message schemas come from typed-ocpp's generated schema modules (deep imports only: the package root's
// validate() drops unknown fields, which would hide exactly the errors we must report). Each export there is a
// draft-06 JSON schema sharing one `definitions` object. We clone them once per version (never touching the
// package's objects), attach our `ocppDecimal` keyword next to every `"type": "number"`, and compile lazily per
// (version, action, request|response) with one Ajv instance per version.
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import draft06MetaSchema from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import * as schemas20 from 'typed-ocpp/dist/ocpp20/schemas.js';
import * as schemas21 from 'typed-ocpp/dist/ocpp21/schemas.js';
import type { OcppVersion, RpcErrorCode } from '../rpc/types.ts';
import { codeForKeyword } from './codes.ts';
import { checkOcppDateTime } from './datetime.ts';
import { countDecimalPlaces, MAX_DECIMAL_PLACES } from './decimal.ts';

export { mostSevereCode, codeForKeyword } from './codes.ts';
export { formatOcppDateTime, checkOcppDateTime, isOcppDateTime } from './datetime.ts';
export { countDecimalPlaces, MAX_DECIMAL_PLACES } from './decimal.ts';

export type MessageKind = 'request' | 'response';

/** One schema problem, in our words, with the OCPP error code it maps to. */
export interface ValidationProblem {
  /** JSON pointer into the payload ('' is the payload itself), e.g. /chargingStation/model. */
  pointer: string;
  /** The JSON-schema keyword that failed (type, required, maxLength, format, ocppDecimal, ...). */
  keyword: string;
  /** Specific and self-contained, e.g. "/chargingStation/model must be at most 20 characters (got 31)". */
  message: string;
  code: RpcErrorCode;
}

export interface ValidateOptions {
  /** Default true: date-times may have at most 3 fraction digits. False accepts any precision (zone still required). */
  strictDateTime?: boolean;
}

export interface Validator {
  readonly version: OcppVersion;
  readonly action: string;
  readonly kind: MessageKind;
  /** Empty array = valid. Never throws, whatever the payload. */
  validate(payload: unknown, opts?: ValidateOptions): ValidationProblem[];
}

type SchemaObject = Record<string, unknown>;

interface VersionCatalog {
  ajv: Ajv;
  /** action -> cloned schemas; `request` of a SEND-only message is the message itself. */
  messages: Map<string, { request?: SchemaObject; response?: SchemaObject }>;
  sendOnly: Set<string>;
}

const SOURCES: Record<OcppVersion, Record<string, unknown>> = {
  '2.0.1': schemas20 as Record<string, unknown>,
  '2.1': schemas21 as Record<string, unknown>,
};

const catalogs = new Map<OcppVersion, VersionCatalog>();
const validators = new Map<string, Validator>();

/**
 * Deep clone of plain JSON schema data: adds `ocppDecimal` beside each `"type": "number"`, drops prose
 * descriptions, and points local `#/definitions/...` references at the version's shared definitions schema
 * (`refBase`), so Ajv compiles each shared definition once per version instead of once per message.
 */
function cloneSchema(node: unknown, refBase: string): unknown {
  if (Array.isArray(node)) return node.map((v) => cloneSchema(v, refBase));
  if (node === null || typeof node !== 'object') return node;
  const out: SchemaObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'description' && typeof v === 'string') continue;
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/definitions/')) {
      out[k] = `${refBase}${v}`;
      continue;
    }
    out[k] = cloneSchema(v, refBase);
  }
  const t = out.type;
  if (t === 'number' || (Array.isArray(t) && t.includes('number'))) out.ocppDecimal = MAX_DECIMAL_PLACES;
  return out;
}

function createAjv(): Ajv {
  // validateSchema: false: checking typed-ocpp's schemas against the draft-06 meta-schema made the first message of a
  // process (each parallel worker's) cost ~0.1 s more; test/schema/schema-meta.test.ts makes that check once.
  const ajv = new Ajv({ strictSchema: false, allErrors: true, verbose: true, logger: false, validateSchema: false });
  ajv.addMetaSchema(draft06MetaSchema);
  // Our own date-time format: RFC 3339 with mandatory zone and, in this compiled form, at most 3 fraction digits.
  // Lenient mode (strictDateTime: false) is applied after validation by re-checking the offending values.
  ajv.addFormat('date-time', { type: 'string', validate: (s: string) => checkOcppDateTime(s) === undefined });
  ajv.addKeyword({
    keyword: 'ocppDecimal',
    type: 'number',
    schemaType: 'number',
    errors: true,
    validate: (max: number, data: number) => countDecimalPlaces(data) <= max,
  });
  return ajv;
}

function catalog(version: OcppVersion): VersionCatalog {
  const existing = catalogs.get(version);
  if (existing) return existing;
  const source = SOURCES[version];
  const ajv = createAjv();
  const defsId = `urn:ocpp-conformance:${version}:definitions`;
  let shared: unknown;
  const messages = new Map<string, { request?: SchemaObject; response?: SchemaObject }>();
  for (const [name, schema] of Object.entries(source)) {
    if (schema === null || typeof schema !== 'object') continue;
    const { definitions, ...rest } = schema as SchemaObject;
    shared ??= definitions;
    // Every generated schema shares one definitions object; one that did not would keep its own, unshared.
    const cloned =
      definitions === shared
        ? (cloneSchema(rest, defsId) as SchemaObject)
        : (cloneSchema(schema, '') as SchemaObject);
    let action = name;
    let kind: MessageKind = 'request';
    if (name.endsWith('Request')) action = name.slice(0, -'Request'.length);
    else if (name.endsWith('Response')) {
      action = name.slice(0, -'Response'.length);
      kind = 'response';
    }
    const entry = messages.get(action) ?? {};
    entry[kind] = cloned;
    messages.set(action, entry);
  }
  ajv.addSchema({ $id: defsId, definitions: cloneSchema(shared ?? {}, defsId) });
  const sendOnly = new Set<string>();
  for (const name of Object.keys(source)) {
    if (!name.endsWith('Request') && !name.endsWith('Response')) sendOnly.add(name);
  }
  const built: VersionCatalog = { ajv, messages, sendOnly };
  catalogs.set(version, built);
  return built;
}

/** The action names of a version, read from the schema names alone (no Ajv, no cloning: start-up reads these). */
const namesCache = new Map<OcppVersion, { actions: Set<string>; sendOnly: Set<string> }>();
function names(version: OcppVersion): { actions: Set<string>; sendOnly: Set<string> } {
  const known = namesCache.get(version);
  if (known) return known;
  const actions = new Set<string>();
  const sendOnly = new Set<string>();
  for (const [name, schema] of Object.entries(SOURCES[version])) {
    if (schema === null || typeof schema !== 'object') continue;
    const action = name.replace(/(Request|Response)$/, '');
    actions.add(action);
    if (action === name) sendOnly.add(name);
  }
  const built = { actions, sendOnly };
  namesCache.set(version, built);
  return built;
}

/** Every action of a version (request/response pairs and SEND-only messages), sorted. */
export function knownActions(version: OcppVersion): string[] {
  return [...names(version).actions].sort();
}

/** True for messages that only exist as SEND (2.1's NotifyPeriodicEventStream): no response schema. */
export function isSendOnly(version: OcppVersion, action: string): boolean {
  return names(version).sendOnly.has(action);
}

export function isKnownAction(version: OcppVersion, action: string): boolean {
  return names(version).actions.has(action);
}

/**
 * The validator of one message, compiled on first use and cached. undefined when the version has no such
 * action (or no such kind: SEND-only messages have no response). For a SEND-only message, 'request' is the message.
 */
export function getValidator(version: OcppVersion, action: string, kind: MessageKind): Validator | undefined {
  const key = `${version}|${action}|${kind}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const cat = catalog(version);
  const schema = cat.messages.get(action)?.[kind];
  if (!schema) return undefined;
  // Lazy per message: the compile happens on the first getValidator() for this (version, action, kind).
  const compiled: ValidateFunction = cat.ajv.compile(schema);
  const validator: Validator = {
    version,
    action,
    kind,
    validate(payload: unknown, opts?: ValidateOptions): ValidationProblem[] {
      if (compiled(payload)) return [];
      const strict = opts?.strictDateTime ?? true;
      const problems: ValidationProblem[] = [];
      for (const err of compiled.errors ?? []) {
        if (!strict && err.keyword === 'format' && typeof err.data === 'string' && checkOcppDateTime(err.data, { strict: false }) === undefined) {
          continue;
        }
        problems.push(describe(err));
      }
      return dropEchoesOfTypeErrors(problems);
    },
  };
  validators.set(key, validator);
  return validator;
}

/** Validate one payload. An unknown action yields one problem (code NotImplemented) rather than a throw. */
export function validatePayload(
  version: OcppVersion,
  action: string,
  kind: MessageKind,
  payload: unknown,
  opts?: ValidateOptions,
): ValidationProblem[] {
  const v = getValidator(version, action, kind);
  if (!v) {
    return [
      {
        pointer: '',
        keyword: 'action',
        message: `OCPP ${version} has no ${kind} message for action "${action}"`,
        code: 'NotImplemented',
      },
    ];
  }
  return v.validate(payload, opts);
}

/**
 * Forgets every loaded catalog and compiled validator, so the next use pays the full start-up cost again.
 * For start-up measurements; normal code never needs it.
 */
export function clearSchemaCache(): void {
  catalogs.clear();
  validators.clear();
}

/** Compiles every validator of a version (for start-up measurements and eager warm-up). Returns how many. */
export function compileAll(version: OcppVersion): number {
  let n = 0;
  for (const action of knownActions(version)) {
    for (const kind of ['request', 'response'] as const) {
      if (getValidator(version, action, kind)) n++;
    }
  }
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// Turning Ajv errors into our messages.

/**
 * A value of the wrong type usually also fails the value rules at the same place (5 is not in the enum of
 * strings). Only the type problem says what is wrong, so the others at that exact pointer are dropped.
 */
function dropEchoesOfTypeErrors(problems: ValidationProblem[]): ValidationProblem[] {
  const typed = new Set(problems.filter((p) => p.keyword === 'type').map((p) => p.pointer));
  if (typed.size === 0) return problems;
  return problems.filter((p) => p.keyword === 'type' || p.keyword === 'required' || p.keyword === 'additionalProperties' || !typed.has(p.pointer));
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function preview(v: unknown, max = 60): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

function escapePointerToken(t: string): string {
  return t.replace(/~/g, '~0').replace(/\//g, '~1');
}

function where(pointer: string): string {
  return pointer === '' ? 'the payload' : pointer;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describe(err: ErrorObject): ValidationProblem {
  const params = err.params as Record<string, unknown>;
  const data: unknown = err.data;
  let pointer = err.instancePath;
  let message: string;
  switch (err.keyword) {
    case 'type':
      message = `${where(pointer)} must be ${String(params.type)} (got ${typeName(data)})`;
      break;
    case 'required':
      pointer = `${pointer}/${escapePointerToken(String(params.missingProperty))}`;
      message = `${pointer} is required but missing`;
      break;
    case 'additionalProperties':
      pointer = `${pointer}/${escapePointerToken(String(params.additionalProperty))}`;
      message = `${pointer} is not a field of this message (only customData may carry extensions)`;
      break;
    case 'minItems':
      message = `${where(pointer)} must have at least ${plural(Number(params.limit), 'item')} (got ${Array.isArray(data) ? data.length : '?'})`;
      break;
    case 'maxItems':
      message = `${where(pointer)} must have at most ${plural(Number(params.limit), 'item')} (got ${Array.isArray(data) ? data.length : '?'})`;
      break;
    case 'minLength':
      message = `${where(pointer)} must be at least ${plural(Number(params.limit), 'character')} (got ${typeof data === 'string' ? [...data].length : '?'})`;
      break;
    case 'maxLength':
      message = `${where(pointer)} must be at most ${plural(Number(params.limit), 'character')} (got ${typeof data === 'string' ? [...data].length : '?'})`;
      break;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      message = `${where(pointer)} must be ${String(params.comparison)} ${String(params.limit)} (got ${preview(data)})`;
      break;
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues.map((v) => String(v)) : [];
      const list = allowed.length > 12 ? `${allowed.slice(0, 12).join(', ')}, ... (${allowed.length} values)` : allowed.join(', ');
      message = `${where(pointer)} must be one of ${list} (got ${preview(data)})`;
      break;
    }
    case 'pattern':
      message = `${where(pointer)} must match the pattern ${String(params.pattern)} (got ${preview(data)})`;
      break;
    case 'format': {
      const reason = typeof data === 'string' ? checkOcppDateTime(data) : undefined;
      message = `${where(pointer)} ${reason ?? `must be a ${String(params.format)}`} (got ${preview(data)})`;
      break;
    }
    case 'ocppDecimal':
      message = `${where(pointer)} has ${typeof data === 'number' ? countDecimalPlaces(data) : '?'} decimal places, at most ${MAX_DECIMAL_PLACES} are allowed (got ${preview(data)})`;
      break;
    default:
      message = `${where(pointer)} fails the "${err.keyword}" rule of the schema (got ${preview(data)})`;
  }
  return { pointer, keyword: err.keyword, message, code: codeForKeyword(err.keyword) };
}
