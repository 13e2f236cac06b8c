// The test PKI's manifest (manifest.json): which files of a PKI folder this tool generated, with their hashes, so a
// later run can tell its own files from ones a user put there.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PkiError, describeError } from './errors.ts';
import type { KeyAlgorithm } from './keys.ts';
import type { IntendedValidity, PkiConfig } from './plan.ts';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'ocpp-conformance-test-pki';
export const MANIFEST_VERSION = 1;


export type FileRole = 'cert' | 'key' | 'chain';

export interface ManifestFile {
  role: FileRole;
  path: string;
  origin: 'generated' | 'user-supplied';
  sha256: string;
}

export interface ManifestEntry {
  id: string;
  purpose: string;
  intended: IntendedValidity;
  algorithm: KeyAlgorithm;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  userSupplied: boolean;
  /** Present when the entry belongs to an earlier configuration. */
  stale?: true;
  files: ManifestFile[];
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  version: number;
  config: PkiConfig;
  entries: ManifestEntry[];
}

export async function readManifest(dir: string): Promise<Manifest | null> {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new PkiError(`cannot read ${file}: ${describeError(err)}`, { cause: err });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new PkiError(`${file} is not valid JSON (${describeError(err)}); remove it to start over`, { cause: err });
  }
  const m = data as Partial<Manifest> | null;
  if (!m || typeof m !== 'object' || m.format !== MANIFEST_FORMAT || !Array.isArray(m.entries) || !m.config) {
    throw new PkiError(`${file} is not a test PKI manifest written by this tool; remove it or use another directory`);
  }
  if (m.version !== MANIFEST_VERSION) {
    throw new PkiError(`${file} has manifest version ${String(m.version)}, this tool understands version ${MANIFEST_VERSION}`);
  }
  return m as Manifest;
}
