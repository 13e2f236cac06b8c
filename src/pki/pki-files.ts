// Writing the test PKI's files safely: private folders (0700), atomic writes with explicit modes, and reads that tell
// a missing file from an unreadable one.
import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PkiError, describeError } from './errors.ts';


export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new PkiError(`cannot read ${file}: ${code === 'EACCES' ? 'permission denied' : describeError(err)}`, { cause: err });
  }
}

export async function ensureDir(dir: string): Promise<void> {
  const existing = await stat(dir).catch(() => null);
  if (existing && !existing.isDirectory()) throw new PkiError(`${dir} exists and is not a directory`);
  try {
    await privateDir(dir);
  } catch (err) {
    throw new PkiError(`cannot create the directory ${dir}: ${describeError(err)}`, { cause: err });
  }
}

/**
 * A folder only its owner can enter (0700), whatever the umask: it holds private keys. mkdir's mode is only ever
 * narrowed by the umask, and the explicit chmod also closes a folder that existed before.
 */
async function privateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await chmod(dir, PRIVATE_DIR_MODE);
}

const PRIVATE_DIR_MODE = 0o700;

/** Writes via a temporary file and rename, so a crash never leaves half a key; sets the mode explicitly. */
export async function writeAtomic(file: string, text: string, mode: number): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await privateDir(path.dirname(file));
    await writeFile(tmp, text, { mode });
    await chmod(tmp, mode);
    await rename(tmp, file);
  } catch (err) {
    throw new PkiError(`cannot write ${file}: ${describeError(err)}`, { cause: err });
  }
}
