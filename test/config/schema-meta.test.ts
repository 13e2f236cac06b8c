// The run-config and PICS schemas are valid JSON Schema 2020-12: the CLI compiles them without checking that (each
// check costs ~0.2 s of CPU at every start), so the check is made here, once, against the meta-schema.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

describe('the config schemas', () => {
  for (const name of ['run-config.schema.json', 'pics.schema.json']) {
    it(`${name} is valid against the 2020-12 meta-schema`, () => {
      const ajv = new Ajv2020({ strictSchema: false });
      const schema = JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8')) as object;
      expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    });
  }
});
