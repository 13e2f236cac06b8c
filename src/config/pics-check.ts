// Checks a PICS (the SUT's declared features): its schema, then that every feature id and profile name is one Part 5
// knows for the run's version and role, suggesting the nearest one for a typo.
import { resolve } from 'node:path';
import { loadCatalog } from '../catalog/catalog.ts';
import type { Pics } from '../catalog/types.ts';
import { compileSchema, formatErrors, suggest } from './messages.ts';
import { readJson } from './read-json.ts';
import type { LoadResult, OcppVersion, SutRole } from './types.ts';

const PICS_SCHEMA = new URL('../../schemas/pics.schema.json', import.meta.url);

export interface PicsContext {
  version?: OcppVersion;
  role?: SutRole;
  /** Field name used in messages (default "pics"). */
  prefix?: string;
}

/** Validates PICS data (schema + known feature ids / profiles for the version and role). */
export function checkPics(data: unknown, ctx: PicsContext = {}): LoadResult<Pics> {
  const prefix = ctx.prefix ?? 'pics';
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: [`${prefix}: must be a JSON object like {"features": {"C-13": true}}.`] };
  }
  const schema = compileSchema(PICS_SCHEMA);
  if (!schema.validate(data)) return { ok: false, errors: formatErrors(schema.validate.errors ?? [], schema.root, prefix) };
  const pics = data as Pics & { $schema?: string; notes?: string };
  const errors: string[] = [];
  if (ctx.role && pics.role && pics.role !== ctx.role) {
    errors.push(`${prefix}.role: the PICS describes a ${pics.role} but "sut.role" is "${ctx.role}". Use the PICS of this SUT.`);
  }
  if (ctx.version && pics.ocppVersion && pics.ocppVersion !== ctx.version) {
    errors.push(`${prefix}.ocppVersion: the PICS is for OCPP ${pics.ocppVersion} but the run uses ${ctx.version}. Use the PICS for ${ctx.version}.`);
  }
  const version = ctx.version ?? pics.ocppVersion;
  const role = ctx.role ?? pics.role;
  const catalog = loadCatalog();
  if (version && role) {
    const known = catalog.featureIds(version, role);
    for (const id of Object.keys(pics.features)) {
      if (!known.includes(id)) {
        const near = suggest(id, known);
        errors.push(
          `${prefix}.features["${id}"]: not a Part 5 feature of a ${role} in OCPP ${version}.${near ? ` Did you mean "${near}"?` : ' Remove it or check the id in Part 5.'}`,
        );
      }
    }
  }
  if (pics.profiles) {
    const names = catalog.profileNames(version);
    for (const p of pics.profiles) {
      if (!names.some((n) => n.toLowerCase() === p.toLowerCase())) {
        const near = suggest(p, names);
        errors.push(`${prefix}.profiles: unknown profile "${p}".${near ? ` Did you mean "${near}"?` : ` Known profiles: ${names.join(', ')}.`}`);
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const out: Pics = { features: { ...pics.features } };
  if (pics.ocppVersion) out.ocppVersion = pics.ocppVersion;
  if (pics.role) out.role = pics.role;
  if (pics.profiles) out.profiles = [...pics.profiles];
  if (pics.facts) out.facts = { ...pics.facts };
  return { ok: true, config: out };
}

/** Reads and checks a PICS file on its own (e.g. for a CLI "check-pics"). */
export function loadPics(input: string | object, ctx: PicsContext = {}): LoadResult<Pics> {
  if (typeof input === 'string') {
    const r = readJson(resolve(input), 'PICS', ctx.prefix ?? 'pics');
    if (!r.ok) return { ok: false, errors: [r.error] };
    return checkPics(r.data, ctx);
  }
  return checkPics(input, ctx);
}
