// What the console offers to test: the run configs it was given (and the examples), or the built-in simulators; and,
// for one of them, the cases a selection picks, with the PICS and the security profile applied exactly as `run` does.
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { securityProfileApplicability } from '../catalog/catalog.ts';
import { loadCatalog } from '../catalog/index.ts';
import { selectCases } from '../cli/selection.ts';
import { loadRunConfig } from '../config/index.ts';
import type { RunConfig } from '../config/types.ts';
import { REPO_ROOT } from '../runner/index.ts';
import { csmsSutConfig, stationSutConfig } from '../runner/simulator-config.ts';

export interface SutChoice {
  /** "sim:cs", "sim:csms" or "config:<absolute path>". */
  key: string;
  label: string;
  role?: 'ChargingStation' | 'CSMS';
  /** Config problems, when the file does not load (it is listed anyway, so the person sees why). */
  problems?: string[];
}

export interface SelectionRequest {
  sut: string;
  profile?: string | undefined;
  blocks?: string[] | undefined;
  cases?: string[] | undefined;
}

export interface PlannedCase {
  id: string;
  title: string;
  block: string;
  /** M / C in the selected profile (or the strongest over all profiles). */
  requirement: 'M' | 'C' | null;
  implemented: boolean;
  /** Needs a person or a bench adapter (plug in, present a card, reboot, ...). */
  manual: string[];
  /** Why the case will be NOT_APPLICABLE (PICS or security profile), or null when it applies. */
  notApplicable: string | null;
}

export interface SelectionPreview {
  role: 'ChargingStation' | 'CSMS';
  version: string;
  securityProfile: number;
  actions: string;
  profiles: string[];
  blocks: Array<{ letter: string; name: string }>;
  cases: PlannedCase[];
}

export class ChoiceError extends Error {}

/** The simulators run at the CLI's default security profiles (`run --sim`): 1 for a station, 2 for a CSMS. */
const SIM_CONFIGS: Record<string, () => RunConfig> = {
  'sim:cs': () => stationSutConfig({ securityProfile: 1 }),
  'sim:csms': () => csmsSutConfig({ securityProfile: 2 }),
};

export function listChoices(configFiles: string[]): SutChoice[] {
  const files = [...new Set([...configFiles.map((f) => resolve(f)), ...exampleConfigs()])];
  return [
    { key: 'sim:cs', label: 'Built-in reference Charging Station (simulator)', role: 'ChargingStation' },
    { key: 'sim:csms', label: 'Built-in reference CSMS (simulator)', role: 'CSMS' },
    ...files.map((file): SutChoice => {
      const loaded = loadRunConfig(file);
      const label = `${basename(file)} (${file})`;
      return loaded.ok ? { key: `config:${file}`, label, role: loaded.config.sut.role } : { key: `config:${file}`, label, problems: loaded.errors };
    }),
  ];
}

function exampleConfigs(): string[] {
  const dir = join(REPO_ROOT, 'examples');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !/pics/i.test(f))
    .map((f) => join(dir, f));
}

/** The run config behind a choice key; only keys the console listed are accepted. */
export function configOf(key: string, known: SutChoice[]): RunConfig {
  const sim = SIM_CONFIGS[key];
  if (sim) return sim();
  const choice = known.find((c) => c.key === key);
  if (!choice) throw new ChoiceError(`unknown SUT "${key}"`);
  const loaded = loadRunConfig(key.slice('config:'.length));
  if (!loaded.ok) throw new ChoiceError(`the run config has problems:\n${loaded.errors.join('\n')}`);
  return loaded.config;
}

export function isSimulator(key: string): boolean {
  return key in SIM_CONFIGS;
}

/** The cases `run` would run for this selection, with the reason of every NOT_APPLICABLE. */
export function previewSelection(request: SelectionRequest, known: SutChoice[]): SelectionPreview {
  const config = configOf(request.sut, known);
  const role = config.sut.role;
  const catalog = loadCatalog();
  const version = config.ocppVersion;
  const all = catalog.select({ version, role });
  const blocks = [...new Map(all.map((c) => [c.block, c.blockName])).entries()].map(([letter, name]) => ({ letter, name })).sort((a, b) => a.letter.localeCompare(b.letter));
  const entries = selectCases(
    {
      role: role === 'CSMS' ? 'csms' : 'cs',
      version,
      profile: request.profile || undefined,
      ids: request.cases && request.cases.length > 0 ? request.cases : undefined,
      blocks: request.blocks && request.blocks.length > 0 ? request.blocks : undefined,
    },
    config.pics,
  ).filter((e) => !isSimulator(request.sut) || e.featurePath !== null); // `run --sim` runs implemented cases only
  return {
    role,
    version,
    securityProfile: config.securityProfile,
    actions: config.actions.kind,
    profiles: catalog.profileNames(version),
    blocks,
    cases: entries.map(({ testCase: c, featurePath }) => {
      const applicability = c.applicability.applicable ? securityProfileApplicability(c, config.securityProfile) : c.applicability;
      return {
        id: c.id,
        title: c.title,
        block: c.block,
        requirement: c.requirement,
        implemented: featurePath !== null,
        manual: c.manualActions,
        notApplicable: applicability.applicable ? null : applicability.reason,
      };
    }),
  };
}
