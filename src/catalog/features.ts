// Checks that every .feature file under features/cs and features/csms is where its case id says it belongs, and that its
// tag and Feature line agree with the catalog. The path is the case's identity; this keeps it honest.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadCatalog } from './catalog.ts';
import type { Catalog } from './catalog.ts';
import type { SutRole } from './types.ts';

export type FeatureProblemKind =
  | 'misplaced-file'
  | 'bad-file-name'
  | 'unknown-id'
  | 'wrong-role-folder'
  | 'wrong-block-folder'
  | 'missing-tag'
  | 'tag-mismatch'
  | 'extra-tag'
  | 'feature-line';

export interface FeatureProblem {
  /** Path relative to the features folder, with forward slashes. */
  file: string;
  kind: FeatureProblemKind;
  message: string;
}

const ROLE_DIRS: Record<string, SutRole> = { cs: 'ChargingStation', csms: 'CSMS' };
const DIR_OF: Record<SutRole, string> = { ChargingStation: 'cs', CSMS: 'csms' };
const CASE_ID = /^TC_([A-Z])_\d+(?:_\d+)?_(CS|CSMS)$/;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else if (name.endsWith('.feature')) out.push(full);
  }
  return out;
}

interface ParsedFeature {
  featureTags: string[];
  otherTcTags: string[];
  featureLine: string | null;
}

/** Tags on the lines right above "Feature:" are the feature's; @TC_ tags anywhere else are reported too. */
function parseFeature(text: string): ParsedFeature {
  const lines = text.split(/\r?\n/);
  let pending: string[] = [];
  let featureTags: string[] = [];
  const otherTcTags: string[] = [];
  let featureLine: string | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('@')) {
      pending.push(...line.split(/\s+/).filter((t) => t.startsWith('@')));
      continue;
    }
    if (featureLine === null && /^Feature:/.test(line)) {
      featureLine = line.slice('Feature:'.length).trim();
      featureTags = pending;
    } else {
      otherTcTags.push(...pending.filter((t) => t.startsWith('@TC_')));
    }
    pending = [];
  }
  otherTcTags.push(...pending.filter((t) => t.startsWith('@TC_')));
  return { featureTags, otherTcTags, featureLine };
}

export function checkFeatures(featuresDir: string, catalog: Catalog = loadCatalog()): FeatureProblem[] {
  const problems: FeatureProblem[] = [];
  if (!existsSync(featuresDir)) return problems;
  const files = walk(featuresDir);
  for (const full of files) {
    const file = relative(featuresDir, full).split(sep).join('/');
    const add = (kind: FeatureProblemKind, message: string): void => {
      problems.push({ file, kind, message: `${file}: ${message}` });
    };
    const parts = file.split('/');
    const roleDir = parts[0] ?? '';
    const role = ROLE_DIRS[roleDir];
    const name = (parts[parts.length - 1] ?? '').replace(/\.feature$/, '');
    if (!role) {
      // Only cs/ and csms/ hold cases; other feature files (if any) are not ours to judge unless they look like a case.
      if (name.startsWith('TC_')) {
        add('misplaced-file', 'case features live in features/cs/<Block>/ or features/csms/<Block>/; move the file there.');
      }
      continue;
    }
    const m = CASE_ID.exec(name);
    if (!m) {
      add('bad-file-name', `"${name}" is not a case id (expected e.g. TC_B_02_CS); name the file after the case it implements.`);
      continue;
    }
    const block = m[1] ?? '';
    const versions = catalog.versionsOf(name);
    if (versions.length === 0) {
      add('unknown-id', `${name} is not in the catalog (neither OCPP 2.0.1 nor 2.1); check the id against Part 6.`);
      continue;
    }
    const caseRole = versions[0]?.role ?? role;
    if (caseRole !== role) {
      add('wrong-role-folder', `${name} tests a ${caseRole === 'CSMS' ? 'CSMS' : 'Charging Station'}, so it belongs under features/${DIR_OF[caseRole]}/, not features/${roleDir}/.`);
    }
    if (parts.length !== 3 || parts[1] !== block) {
      add('wrong-block-folder', `${name} belongs in features/${DIR_OF[caseRole]}/${block}/${name}.feature (its block is ${block}).`);
    }
    const parsed = parseFeature(readFileSync(full, 'utf8'));
    const tcTags = parsed.featureTags.filter((t) => t.startsWith('@TC_'));
    const otherTags = parsed.featureTags.filter((t) => !t.startsWith('@TC_'));
    if (tcTags.length === 0) add('missing-tag', `the Feature has no @${name} tag; add "@${name}" on the line above "Feature:".`);
    for (const t of tcTags) {
      if (t !== `@${name}`) add('tag-mismatch', `tag ${t} does not match the file name; the only case tag must be @${name}.`);
    }
    if (tcTags.length > 1 && tcTags.every((t) => t === `@${name}`)) add('tag-mismatch', `@${name} is repeated; keep one.`);
    for (const t of parsed.otherTcTags) {
      add('extra-tag', `case tag ${t} on a scenario; only the Feature carries the case tag @${name}.`);
    }
    for (const t of otherTags) {
      add('extra-tag', `tag ${t} on the Feature; only @${name} is written by hand (profile, M/C and version come from the catalog).`);
    }
    const titles = [...new Set(versions.map((v) => v.title))];
    if (parsed.featureLine === null) {
      add('feature-line', `no "Feature:" line; start it with "Feature: ${name} ${titles[0] ?? ''}".`);
    } else if (!titles.some((t) => parsed.featureLine?.startsWith(`${name} ${t}`))) {
      add(
        'feature-line',
        `the Feature line "${parsed.featureLine}" must start with the id and catalog title: ${titles.map((t) => `"${name} ${t}"`).join(' or ')}.`,
      );
    }
  }
  return problems;
}
