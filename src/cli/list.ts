// `ocpp-conformance list`: shows what a selection contains (and what of it is implemented) without running anything.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { catalogCounts, implementedByProfile, loadCatalog, renderCounts } from '../catalog/index.ts';
import { featurePath } from '../runner/index.ts';
import { parseVersion, selectCases, SelectionError } from './selection.ts';
import type { SelectionEntry } from './selection.ts';

const HELP = `usage: ocpp-conformance list [--sut cs|csms] [--version 2.0.1|2.1] [--profile NAME] [--case ID ...]
                             [--block B ...] [--all] [--json]
Lists the selected Part 6 cases with their profile requirement (M/C) and whether a feature implements them.
Without --all only implemented cases are listed; the counts always cover the whole selection.
With --version the catalog of that version is also counted by role, block and profile (2.1: and how each case's
Part 6 flow compares with 2.0.1), and how many cases are implemented for it per profile. A feature file written for
2.0.1 implements a 2.1 case only when the 2.1 flow is the same.`;

/** The counts block of \`list --version\`: the whole catalog of the version, independent of the other filters. */
function versionCounts(version: string, out: (line: string) => void): void {
  const v = parseVersion(version) ?? '2.0.1';
  for (const line of renderCounts(catalogCounts(loadCatalog(), v))) out(line);
  const entries = selectCases({ version: v });
  const written = entries.filter((e) => existsSync(featurePath(e.testCase))).length;
  const running = entries.filter((e: SelectionEntry) => e.featurePath !== null);
  const ids = new Set(running.map((e) => e.testCase.id));
  const perProfile = Object.entries(implementedByProfile(entries.map((e) => e.testCase), (c) => ids.has(c.id)))
    .map(([p, n]) => `${p} ${n}`)
    .join(', ');
  out(`  implemented for ${v}: ${running.length} of ${written} feature files (by profile: ${perProfile || 'none'})`);
}

export async function runListCommand(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  let flags;
  try {
    flags = parseArgs({
      args: argv,
      options: {
        sut: { type: 'string' },
        version: { type: 'string' },
        profile: { type: 'string' },
        case: { type: 'string', multiple: true },
        block: { type: 'string', multiple: true },
        all: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    out(`list: ${(error as Error).message}\n${HELP}`);
    return 2;
  }
  if (flags.help) {
    out(HELP);
    return 0;
  }
  try {
    const entries = selectCases({
      role: flags.sut,
      version: flags.version,
      profile: flags.profile,
      ids: flags.case,
      blocks: flags.block,
    });
    const implemented = entries.filter((e) => e.featurePath !== null);
    const shown = flags.all ? entries : implemented;
    if (flags.json) {
      out(
        JSON.stringify(
          shown.map(({ testCase, featurePath }) => ({
            id: testCase.id,
            title: testCase.title,
            role: testCase.role,
            requirement: testCase.requirement,
            implemented: featurePath !== null,
          })),
          null,
          2,
        ),
      );
      return 0;
    }
    for (const { testCase, featurePath } of shown) {
      const mark = featurePath ? 'impl' : '    ';
      out(`${mark}  ${testCase.requirement ?? '-'}  ${testCase.id.padEnd(16)} ${testCase.title}`);
    }
    if (flags.version !== undefined) versionCounts(flags.version, out);
    const mandatory = entries.filter((e) => e.testCase.requirement === 'M').length;
    out(
      `${entries.length} cases selected (${mandatory} M, ${entries.length - mandatory} C or none); ` +
        `${implemented.length} implemented, ${entries.length - implemented.length} not yet`,
    );
    return 0;
  } catch (error) {
    if (error instanceof SelectionError) {
      out(`list: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
