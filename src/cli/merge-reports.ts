// `ocpp-conformance merge-reports DIR...`: the reports of the shards of one run (`run --shard i/n`, one per CI runner)
// merged into the reports one run would have written: summary.json, junit.xml, profile table, requirement matrix and
// HTML, with the traces copied in. Prints the profile table and summary as `run` does; exits as `run` would have.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../catalog/index.ts';
import { adoptTraces, findShardReports, groupShards, MergeError, mergeShardSummaries } from '../report/merge.ts';
import { exitCodeFor, outsideProfiles, profileTable, renderConsoleSummary, renderOutsideProfiles, renderProfileTable, writeAllReports } from '../report/index.ts';
import type { OcppVersion } from '../rpc/types.ts';

const HELP = `usage: ocpp-conformance merge-reports DIR... [--out DIR] [--no-html]
Merges the reports of the shards of one run (run --shard 1/n ... n/n, e.g. one per CI job) into one report, as if one
run had made it. DIR is a shard's report folder (reports/<run>) or one of its role folders (reports/<run>/csms).
A case found in two shards is refused. --out defaults to reports/merged-<time>.`;

export async function runMergeReportsCommand(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { out: { type: 'string' }, 'no-html': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } }, allowPositionals: true });
  } catch (e) {
    out(`merge-reports: ${(e as Error).message}\n${HELP}`);
    return 2;
  }
  if (parsed.values.help) {
    out(HELP);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    out(`merge-reports: name the shards' report folders\n${HELP}`);
    return 2;
  }
  const runId = `merged-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')}`;
  const root = parsed.values.out ?? path.join('reports', runId);
  const codes: number[] = [];
  try {
    const groups = groupShards(await findShardReports(parsed.positionals));
    for (const [key, shards] of groups) {
      const [label = 'csms', version = '2.0.1'] = key.split('@');
      const summary = mergeShardSummaries(shards, runId);
      // As `run` lays them out: one role directly in the folder, both roles in cs/ and csms/.
      const dir = groups.size === 1 ? root : path.join(root, label);
      await adoptTraces(summary, shards, dir);
      const catalogProfiles = loadCatalog()
        .select({ version: version as OcppVersion, role: label === 'csms' ? 'CSMS' : 'ChargingStation' })
        .map((c) => ({ id: c.id, profiles: c.profiles }));
      const written = await writeAllReports(summary, dir, catalogProfiles, { html: !parsed.values['no-html'] });
      const touched = new Set(summary.results.flatMap((r) => r.profiles.map((p) => p.profile)));
      out(`${label}: ${shards.length} shard(s), ${summary.results.length} case(s)`);
      out(renderProfileTable(profileTable(summary, catalogProfiles).filter((row) => touched.has(row.profile))));
      const outside = outsideProfiles(summary);
      if (outside) out(renderOutsideProfiles(outside));
      out(renderConsoleSummary(summary, dir));
      if (!parsed.values['no-html'] && !written.html.ok) out(`HTML report not written: ${written.html.message}`);
      codes.push(exitCodeFor(summary.results));
    }
  } catch (e) {
    if (e instanceof MergeError) {
      out(`merge-reports: ${e.message}`);
      return 2;
    }
    throw e;
  }
  return Math.max(0, ...codes);
}
