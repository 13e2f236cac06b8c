// `npm run build` (also run by `npm install` / `npm ci` through "prepare"): bundles the TypeScript into dist/ so the
// CLI, the cucumber child and each of its parallel workers start from one JavaScript file each instead of resolving,
// reading and transpiling some 300 sources and their packages' ~1000 files (at --parallel 8 on two cores that
// loading was most of the run's CPU). bin/ocpp-conformance.js and src/runner/cucumber-glue.ts use dist only while
// dist-state.js finds it made from exactly the current sources. Five bundles, by esbuild (as tsx transforms):
//   dist/cli.js           src/cli/main.ts (subcommands stay lazy: evaluated on first use)
//   dist/glue.js          every steps/*.ts, in name order: what cucumber's `--profile compiled` imports (with its
//                         chunks glue-*.js: what the sources import on first use, the simulators, is split off)
//   dist/parent-watch.js  src/runner/parent-watch.ts, loaded with `node --import` before cucumber
//   dist/cucumber-child.js  src/runner/cucumber-child.ts, the cucumber child started before it knows its arguments,
//                         with cucumber itself inside (see cucumberInside)
//   dist/cucumber-prestart.js  src/runner/cucumber-prestart.ts, which the launcher uses to start that child first
// In our sources import.meta.url is replaced by the source file's own URL, so data read next to a source (schemas,
// catalog data, the console's ui/) is found where it lives. @cucumber/cucumber stays outside the other bundles; the
// glue reaches it through src/runner/cucumber-instance.ts, which is the child's bundled copy inside the child and the
// installed package elsewhere (cucumber's parallel workers). Packages that are optional or spawned stay outside too.
// The new tree is written next to dist/ and swapped in at the end, so a reader never sees half a build.
import { readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { ROOT, SOURCE_DIRS, manifestFor } from './dist-state.js';

const EXTERNAL = ['@cucumber/cucumber', 'bufferutil', 'utf-8-validate', 'playwright-core', 'allure'];
// Bundled CommonJS packages call require() for Node's built-ins; an ES module has no require of its own.
const BANNER = "import { createRequire as __ocppCreateRequire } from 'node:module'; const require = __ocppCreateRequire(import.meta.url);";

/** esbuild plugin: in our own sources, import.meta.url names the source file (see above). */
function sourceUrls(root) {
  const ours = SOURCE_DIRS.map((d) => join(root, d));
  return {
    name: 'source-urls',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!ours.some((d) => args.path.startsWith(d))) return undefined;
        const text = readFileSync(args.path, 'utf8');
        return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
      });
    },
  };
}

/**
 * esbuild plugin for the child's bundle of cucumber: its modules name their own location (__dirname, __filename), which
 * an ES module bundle does not define. They get the installed files' paths, so cucumber forks its parallel workers from
 * the installed run_worker.js as always. The bundle's own frames count as cucumber's when it looks through a stack
 * (where a step was defined, what of an error's stack to show), as the installed files' frames do. And where a step was
 * defined is read from call sites, not from stack text. Each patch fails the build if cucumber's code has changed.
 */
function cucumberInside(root) {
  const lib = join(root, 'node_modules', '@cucumber', 'cucumber', 'lib');
  const bundle = join(root, 'dist', 'cucumber-child.js');
  const IN_CUCUMBER = 'function isFileNameInCucumber(fileName) {';
  const STACK_PARSER = 'require("error-stack-parser")';
  const patch = (text, file, from, to) => {
    if (!text.includes(from)) throw new Error(`cucumber's ${file} changed: no "${from}" to replace`);
    return text.replace(from, to);
  };
  return {
    name: 'cucumber-inside',
    setup(b) {
      b.onLoad({ filter: /[\\/]@cucumber[\\/]cucumber[\\/]lib[\\/].*\.js$/ }, (args) => {
        let text = readFileSync(args.path, 'utf8');
        text = text.replaceAll('__dirname', JSON.stringify(dirname(args.path))).replaceAll('__filename', JSON.stringify(args.path));
        if (args.path === join(lib, 'filter_stack_trace.js')) {
          const ours = [bundle, pathToFileURL(bundle).href].map((p) => `fileName === ${JSON.stringify(p)}`).join(' || ');
          text = patch(text, args.path, IN_CUCUMBER, `${IN_CUCUMBER}\n    if (${ours}) return true;`);
        }
        // Where a step is defined: from V8's call sites instead of parsing stack text (src/runner/call-site-frames.ts).
        if (args.path === join(lib, 'support_code_library_builder', 'get_definition_line_and_uri.js')) {
          text = patch(text, args.path, STACK_PARSER, `require(${JSON.stringify(join(root, 'src', 'runner', 'call-site-frames.ts'))})`);
        }
        return { contents: text, loader: 'js' };
      });
    },
  };
}

export async function build(root = ROOT) {
  const started = Date.now();
  // The sources' mtimes are taken before they are read: a file edited during the build looks newer than recorded.
  const manifest = manifestFor(root);
  const tmp = join(root, `dist.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  const steps = readdirSync(join(root, 'steps')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.10',
    external: EXTERNAL,
    banner: { js: BANNER },
    tsconfig: join(root, 'tsconfig.json'),
    plugins: [sourceUrls(root)],
    logLevel: 'warning',
    absWorkingDir: root,
  };
  await Promise.all([
    esbuild({ ...common, entryPoints: [join(root, 'src', 'cli', 'main.ts')], outfile: join(tmp, 'cli.js') }),
    esbuild({
      ...common,
      stdin: { contents: steps.map((f) => `import './steps/${f}';`).join('\n'), resolveDir: root, sourcefile: 'glue.ts', loader: 'ts' },
      alias: { '@cucumber/cucumber': join(root, 'src', 'runner', 'cucumber-instance.ts') },
      // What the sources import on first use (the built-in simulators) goes to chunks of its own, which a run against
      // a real SUT never reads: every cucumber child and worker parses less before its first case.
      splitting: true,
      outdir: tmp,
      entryNames: 'glue',
      chunkNames: 'glue-[name]-[hash]',
    }),
    esbuild({ ...common, entryPoints: [join(root, 'src', 'runner', 'parent-watch.ts')], outfile: join(tmp, 'parent-watch.js') }),
    esbuild({
      ...common,
      entryPoints: [join(root, 'src', 'runner', 'cucumber-child.ts')],
      // read-package-up: cucumber imports it only for a configuration file named .js (ours is .mjs).
      external: [...EXTERNAL.filter((p) => p !== '@cucumber/cucumber'), 'read-package-up'],
      alias: { 'regexp-match-indices': join(root, 'src', 'runner', 'native-match-indices.ts'), yaml: join(root, 'src', 'runner', 'no-yaml.ts') },
      plugins: [...common.plugins, cucumberInside(root)],
      outfile: join(tmp, 'cucumber-child.js'),
    }),
    esbuild({ ...common, entryPoints: [join(root, 'src', 'runner', 'cucumber-prestart.ts')], outfile: join(tmp, 'cucumber-prestart.js') }),
  ]);
  writeFileSync(join(tmp, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
  const dist = join(root, 'dist');
  const old = join(root, `dist.old-${process.pid}`);
  try {
    if (statSync(dist).isDirectory()) renameSync(dist, old);
  } catch {
    // no earlier build
  }
  renameSync(tmp, dist);
  rmSync(old, { recursive: true, force: true });
  return { files: Object.keys(manifest.files).length, ms: Date.now() - started };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { files, ms } = await build();
  if (!process.argv.includes('--quiet')) console.log(`bundled ${files} sources into dist/ in ${ms} ms`);
}
