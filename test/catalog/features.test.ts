import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFeatures } from '../../src/catalog/features.ts';
import type { FeatureProblemKind } from '../../src/catalog/features.ts';

const repoFeatures = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'features');
const tmp = mkdtempSync(join(tmpdir(), 'features-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function tree(files: Record<string, string>): string {
  const root = join(tmp, `t${n++}`);
  mkdirSync(root);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

const good = (id: string, title: string, extra = ''): string =>
  `@${id}\nFeature: ${id} ${title}\n  Some words of ours.\n\n${extra}  Scenario: one\n    When something happens\n`;

describe('checkFeatures on the repository', () => {
  it('finds no problem in features/', () => {
    expect(checkFeatures(repoFeatures)).toEqual([]);
  });
});

describe('checkFeatures on deliberate mistakes', () => {
  it('accepts a well-formed tree (both roles, either version title)', () => {
    const root = tree({
      'cs/B/TC_B_01_CS.feature': good('TC_B_01_CS', 'Cold Boot Charging Station - Accepted'),
      'csms/B/TC_B_01_CSMS.feature': good('TC_B_01_CSMS', 'Cold Boot Charging Station - Accepted'),
      'README.md': 'not a feature',
    });
    expect(checkFeatures(root)).toEqual([]);
  });

  it.each<[string, Record<string, string>, FeatureProblemKind, RegExp]>([
    ['unknown id', { 'cs/B/TC_B_99_CS.feature': good('TC_B_99_CS', 'x') }, 'unknown-id', /TC_B_99_CS is not in the catalog/],
    ['file name not an id', { 'cs/B/boot.feature': good('TC_B_01_CS', 'x') }, 'bad-file-name', /"boot" is not a case id/],
    ['CS case under csms', { 'csms/B/TC_B_01_CS.feature': good('TC_B_01_CS', 'Cold Boot Charging Station - Accepted') }, 'wrong-role-folder', /belongs under features\/cs\//],
    ['CSMS case under cs', { 'cs/B/TC_B_01_CSMS.feature': good('TC_B_01_CSMS', 'Cold Boot Charging Station - Accepted') }, 'wrong-role-folder', /belongs under features\/csms\//],
    ['wrong block folder', { 'cs/C/TC_B_01_CS.feature': good('TC_B_01_CS', 'Cold Boot Charging Station - Accepted') }, 'wrong-block-folder', /features\/cs\/B\/TC_B_01_CS\.feature/],
    ['no block folder', { 'cs/TC_B_01_CS.feature': good('TC_B_01_CS', 'Cold Boot Charging Station - Accepted') }, 'wrong-block-folder', /its block is B/],
    ['case outside cs/csms', { 'TC_B_01_CS.feature': good('TC_B_01_CS', 'Cold Boot Charging Station - Accepted') }, 'misplaced-file', /features\/cs\/<Block>/],
    ['missing tag', { 'cs/B/TC_B_01_CS.feature': 'Feature: TC_B_01_CS Cold Boot Charging Station - Accepted\n' }, 'missing-tag', /add "@TC_B_01_CS"/],
    ['tag of another case', { 'cs/B/TC_B_01_CS.feature': good('TC_B_02_CS', 'x').replace('Feature: TC_B_02_CS x', 'Feature: TC_B_01_CS Cold Boot Charging Station - Accepted') }, 'tag-mismatch', /@TC_B_02_CS does not match/],
    ['second case tag on the feature', { 'cs/B/TC_B_01_CS.feature': `@TC_B_01_CS @TC_B_02_CS\nFeature: TC_B_01_CS Cold Boot Charging Station - Accepted\n` }, 'tag-mismatch', /@TC_B_02_CS/],
    ['case tag on a scenario', { 'cs/B/TC_B_01_CS.feature': good('TC_B_01_CS', 'Cold Boot Charging Station - Accepted', '  @TC_B_02_CS\n') }, 'extra-tag', /on a scenario/],
    ['profile tag on the feature', { 'cs/B/TC_B_01_CS.feature': `@TC_B_01_CS @Core\nFeature: TC_B_01_CS Cold Boot Charging Station - Accepted\n` }, 'extra-tag', /tag @Core on the Feature/],
    ['wrong title', { 'cs/B/TC_B_01_CS.feature': good('TC_B_01_CS', 'Cold Boot') }, 'feature-line', /must start with the id and catalog title: "TC_B_01_CS Cold Boot Charging Station - Accepted"/],
    ['no Feature line', { 'cs/B/TC_B_01_CS.feature': '@TC_B_01_CS\n' }, 'feature-line', /no "Feature:" line/],
  ])('detects: %s', (_name, files, kind, message) => {
    const problems = checkFeatures(tree(files));
    expect(problems.map((p) => p.kind)).toContain(kind);
    expect(problems.find((p) => p.kind === kind)?.message).toMatch(message);
  });

  it('reports the file relative to the features folder', () => {
    const [p] = checkFeatures(tree({ 'cs/B/TC_B_99_CS.feature': good('TC_B_99_CS', 'x') }));
    expect(p?.file).toBe('cs/B/TC_B_99_CS.feature');
    expect(p?.message.startsWith('cs/B/TC_B_99_CS.feature: ')).toBe(true);
  });

  it('treats a missing features folder as empty', () => {
    expect(checkFeatures(join(tmp, 'nope'))).toEqual([]);
  });
});
