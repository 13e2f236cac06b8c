// Whether dist/ (the compiled JavaScript of src/ and steps/, written by scripts/build.js) matches the TypeScript
// sources, so the launcher and the cucumber child can run it instead of transpiling at start. The build writes
// dist/manifest.json with every source file and its mtime; dist is fresh only if the sources are exactly those files
// with exactly those mtimes (an edited, added or removed file makes it stale, and the caller falls back to tsx).
// Plain JavaScript: the launcher needs it before any TypeScript can load.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The folders whose .ts files are compiled (same relative paths under dist/, .js instead of .ts). */
export const SOURCE_DIRS = ['src', 'steps'];
/** Bumped when the build's output changes shape, so an older dist counts as stale. */
export const BUILD_FORMAT = 3;
/** Set to 1 to ignore dist/ and always transpile with tsx. */
export const NO_DIST_ENV = 'OCPP_CONFORMANCE_NO_DIST';

/** Every TypeScript source file (relative, '/'-separated) with its mtime in ms. */
export function sourceFiles(root = ROOT) {
  const files = {};
  for (const dir of SOURCE_DIRS) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue;
      const full = join(entry.parentPath ?? entry.path, entry.name);
      files[relative(root, full).split(sep).join('/')] = statSync(full).mtimeMs;
    }
  }
  return files;
}

/** What the build writes to dist/manifest.json (taken before the sources are read, so an edit during the build shows). */
export function manifestFor(root = ROOT) {
  return { format: BUILD_FORMAT, root, builtAt: new Date().toISOString(), files: sourceFiles(root) };
}

/** The quick half of distState: { dir, manifest } of a build of this format made in this folder, or { dir, reason }. */
function readBuild(root, env) {
  const dir = join(root, 'dist');
  if (env[NO_DIST_ENV] === '1') return { dir, reason: `${NO_DIST_ENV}=1` };
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  } catch {
    return { dir, reason: 'no build (npm run build)' };
  }
  if (manifest.format !== BUILD_FORMAT) return { dir, reason: 'built by an older build script' };
  // The build writes the sources' absolute URLs into the output (import.meta.url): a moved checkout needs a new build.
  if (manifest.root !== root) return { dir, reason: 'built in another folder' };
  return { dir, manifest };
}

/** Whether a build of this format exists for this folder, without comparing it with the sources (a few ms less). */
export function distBuilt(root = ROOT, env = process.env) {
  return readBuild(root, env).manifest !== undefined;
}

/** { dir, fresh, reason }: reason says why dist is not used (missing, stale, switched off). */
export function distState(root = ROOT, env = process.env) {
  const { dir, manifest, reason } = readBuild(root, env);
  if (!manifest) return { dir, fresh: false, reason };
  const built = manifest.files ?? {};
  const now = sourceFiles(root);
  const names = Object.keys(now);
  if (names.length !== Object.keys(built).length) return { dir, fresh: false, reason: 'source files were added or removed since the build' };
  const changed = names.find((n) => built[n] !== now[n]);
  if (changed !== undefined) return { dir, fresh: false, reason: `${changed} changed since the build` };
  return { dir, fresh: true };
}

/** Node arguments that start the CLI: the bundle while dist is fresh, else the TypeScript entry through tsx. */
export function cliEntry(root = ROOT, env = process.env) {
  const dist = distState(root, env);
  if (dist.fresh) return [join(dist.dir, 'cli.js')];
  return ['--import', import.meta.resolve('tsx'), join(root, 'src', 'cli', 'main.ts')];
}
