// typed-ocpp's message schemas are valid draft-06 JSON Schema: the engine compiles them without checking that (the
// check made every process's first message ~0.1 s slower), so it is made here, once, for both versions.
import { Ajv } from 'ajv';
import draft06MetaSchema from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import * as schemas20 from 'typed-ocpp/dist/ocpp20/schemas.js';
import * as schemas21 from 'typed-ocpp/dist/ocpp21/schemas.js';
import { describe, expect, it } from 'vitest';

describe('the OCPP message schemas', () => {
  for (const [version, schemas] of [['2.0.1', schemas20], ['2.1', schemas21]] as const) {
    it(`of ${version} are valid against the draft-06 meta-schema`, () => {
      const ajv = new Ajv({ strictSchema: false, logger: false });
      ajv.addMetaSchema(draft06MetaSchema);
      const named = Object.entries(schemas as Record<string, unknown>).filter(([, s]) => s !== null && typeof s === 'object');
      expect(named.length).toBeGreaterThan(100);
      const invalid = named.filter(([, s]) => !ajv.validateSchema(s as object)).map(([name]) => `${name}: ${JSON.stringify(ajv.errors)}`);
      expect(invalid).toEqual([]);
    });
  }
});
