// Writes what the configured-values table produces: `npx tsx src/config/write-generated.ts` after changing a row.
import { writeFileSync } from 'node:fs';
import { README_FILE, readText, readmeWithTable, SCHEMA_FILE, schemaWithBench } from './generated.ts';

writeFileSync(SCHEMA_FILE, schemaWithBench(readText(SCHEMA_FILE)));
writeFileSync(README_FILE, readmeWithTable(readText(README_FILE)));
console.log('wrote schemas/run-config.schema.json ("bench") and the table in src/config/README.md');
