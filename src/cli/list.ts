// `ocpp-conformance list`: shows what a selection contains (and what of it is implemented) without running anything.
import { parseArgs } from 'node:util';
import { selectCases, SelectionError } from './selection.ts';

const HELP = `usage: ocpp-conformance list [--sut cs|csms] [--version 2.0.1|2.1] [--profile NAME] [--case ID ...]
                             [--block B ...] [--all] [--json]
Lists the selected Part 6 cases with their profile requirement (M/C) and whether a feature implements them.
Without --all only implemented cases are listed; the counts always cover the whole selection.`;

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
