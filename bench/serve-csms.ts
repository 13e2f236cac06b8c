// Dev aid: a long-lived `sim csms` with the time-to-verdict bench's pool and values, and its run config, to run and
// profile the CLI against by hand: `npx tsx bench/serve-csms.ts DIR` prints the config path and serves until Ctrl-C.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { initTestPki } from '../src/pki/index.ts';
import { startCsms } from './time-to-verdict.ts';

const dir = resolve(process.argv[2] ?? 'reports/bench-csms');
mkdirSync(dir, { recursive: true });
const certDir = join(dir, 'certs');
const identities = Array.from({ length: 8 }, (_, i) => `BENCH-${String(i + 1).padStart(3, '0')}`);
await initTestPki({ dir: certDir, identities, organization: 'Bench Lab' });
const csms = await startCsms(dir, certDir, identities, 'config');
console.log(`config: ${csms.config}`);
for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => void csms.stop().then(() => process.exit(0)));
