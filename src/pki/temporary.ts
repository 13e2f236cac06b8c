// Throw-away test PKIs (CA private keys included) made for one run: created in a private temporary folder and deleted
// when the run is over, or at the latest when the process exits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initTestPki } from './layout.ts';
import type { InitOptions } from './layout-shape.ts';

const made: string[] = [];
let exitHookInstalled = false;

/** A test PKI in a new temporary folder (0700); returns the folder. Removed by removeTemporaryPkis or at exit. */
export async function makeTemporaryPki(opts: Omit<InitOptions, 'dir'>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-conformance-pki-'));
  made.push(dir);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => removeTemporaryPkis());
  }
  await initTestPki({ ...opts, dir });
  return dir;
}

/** Deletes the given temporary PKIs (folders not made by makeTemporaryPki are left alone); without a list, all of them. */
export function removeTemporaryPkis(dirs?: Array<string | null | undefined>): void {
  for (const dir of made) if (!dirs || dirs.includes(dir)) rmSync(dir, { recursive: true, force: true });
}

/** Every temporary PKI folder this process made (removed or not), for tests. */
export function temporaryPkisMade(): readonly string[] {
  return made;
}
