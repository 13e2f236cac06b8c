// `npm run build` (also run by `npm install` / `npm ci` through "prepare"): compiles src/ and steps/ to dist/, one .js
// file per .ts file, so the CLI and the cucumber child start without transpiling (bin/ocpp-conformance.js and
// src/runner/run-cases.ts use dist only while dist-state.js finds it fresh). Each file is transformed the way tsx does
// it (esbuild, the tsconfig's compiler options), with two changes so the output behaves like its source:
//   - import.meta.url is the source file's URL, so data read next to a source (schemas, catalog data, the console's
//     ui/) is found where it lives;
//   - relative imports of ".ts" files name the ".js" files beside them (other relative imports still reach their file).
// The new tree is written next to dist/ and swapped in at the end, so a reader never sees half a build.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import { BUILD_FORMAT, ROOT, SOURCE_DIRS, sourceFiles } from './dist-state.js';

/** A relative specifier in `from "..."`, `import("...")` or `import "..."`. */
const RELATIVE = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.\.?\/[^"'\n]*)\2/g;

/**
 * The specifiers of the compiled file `out` (made from `source`): a .ts file inside the compiled folders becomes the
 * .js beside the output; anything else (a plain .js or .json file elsewhere in the repository) is named relative to
 * the output so it is still found.
 */
export function rewriteImports(code, source, out, root = ROOT) {
  return code.replace(RELATIVE, (_m, lead, quote, spec) => {
    const target = resolve(dirname(source), spec);
    const inside = SOURCE_DIRS.some((d) => target.startsWith(join(root, d) + sep));
    let next;
    if (inside && target.endsWith('.ts')) next = spec.replace(/\.ts$/, '.js');
    else {
      next = relative(dirname(out), target).split(sep).join('/');
      if (!next.startsWith('.')) next = `./${next}`;
    }
    return `${lead}${quote}${next}${quote}`;
  });
}

export async function build(root = ROOT) {
  const started = Date.now();
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
  const files = sourceFiles(root);
  const tmp = join(root, `dist.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  await Promise.all(
    Object.keys(files).map(async (rel) => {
      const source = join(root, rel);
      const { code } = await transform(readFileSync(source, 'utf8'), {
        loader: 'ts',
        format: 'esm',
        target: 'node20.10',
        sourcefile: source,
        tsconfigRaw: { compilerOptions },
        define: { 'import.meta.url': JSON.stringify(pathToFileURL(source).href) },
      });
      const out = join(tmp, rel.replace(/\.ts$/, '.js'));
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, rewriteImports(code, source, join(root, 'dist', rel), root));
    }),
  );
  // A source edited while we read it has a newer mtime than the one recorded: the next check finds the build stale.
  writeFileSync(join(tmp, 'manifest.json'), `${JSON.stringify({ format: BUILD_FORMAT, root, builtAt: new Date().toISOString(), files }, null, 0)}\n`);
  const dist = join(root, 'dist');
  const old = join(root, `dist.old-${process.pid}`);
  try {
    if (statSync(dist).isDirectory()) renameSync(dist, old);
  } catch {
    // no earlier build
  }
  renameSync(tmp, dist);
  rmSync(old, { recursive: true, force: true });
  return { files: Object.keys(files).length, ms: Date.now() - started };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { files, ms } = await build();
  if (!process.argv.includes('--quiet')) console.log(`built ${files} files into dist/ in ${ms} ms`);
}
