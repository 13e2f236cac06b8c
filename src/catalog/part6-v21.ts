// The OCPP 2.1 Part 6 (Edition 2, 2025-12-03) facts read from the official text, laid over the 2.1 cases that the shared
// catalog assembled from Part 5 and secondary sources. Facts only (ids, titles, use cases, requirement ids, state names,
// our own short wording of what differs from 2.0.1); the data lives in data/part6-2.1.json.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogCase, Flow21, SutRole } from './types.ts';

export const PART6_V21_FILE = join(dirname(fileURLToPath(import.meta.url)), 'data', 'part6-2.1.json');

/** Where the facts come from (a text conversion of the official PDF; see the README). */
export const PART6_V21_SOURCE = 'OCPP 2.1 Part 6 - Test Cases, Edition 2, 2025-12-03';

/** One case as Part 6 prints it (after resolving the misprints below). */
export interface Part6Case {
  title: string;
  /** The "System under test" row as printed; the role we use always follows the id (see MISPRINTS). */
  sutPrinted: SutRole;
  useCases: string[];
  requirements: string[];
  reusableStates: string[];
  memoryStates: string[];
  manualAction: boolean;
  securityProfile: number[] | null;
  /** null: listed from the text, flow not compared with 2.0.1 yet. */
  flow: Flow21['status'] | null;
  differences?: string[];
  notes?: string[];
}

export interface Part6Data {
  source: string;
  /**
   * Per role: `complete` when every table of that Part 6 section was read; else the blocks with cases read, in Part 6
   * order up to and including `through` (the last case read; empty when complete).
   */
  coverage: Record<SutRole, { complete: boolean; blocks: string[]; through?: string }>;
  cases: Record<string, Part6Case>;
}

/**
 * Places where Part 6 contradicts itself, and the reading we took. Tests pin each one (test/catalog/part6-v21.test.ts).
 */
export const MISPRINTS: readonly { id: string; printed: string; reading: string }[] = [
  { id: 'TC_Q_125_CSMS', printed: 'id row "TC_Q_150_CS"', reading: 'TC_Q_125_CSMS: the heading, the CSMS section and Part 5 agree' },
  { id: 'TC_N_103_CSMS', printed: 'id row "TC_N_102_CSMS"', reading: 'TC_N_103_CSMS: the heading says so and TC_N_102_CSMS has its own table (HTTP vs HTTPS)' },
  { id: 'TC_B_105_CSMS', printed: 'SUT row "Charging Station"', reading: 'CSMS: the id, the section and the purpose are about the CSMS' },
  { id: 'TC_I_110_CSMS', printed: 'SUT row "Charging Station"', reading: 'CSMS: the id, the section and the purpose are about the CSMS' },
  { id: 'TC_N_100_CSMS', printed: 'SUT row "Charging Station"', reading: 'CSMS: the id, the section and the purpose are about the CSMS' },
  { id: 'TC_K_136_CS', printed: 'id row "TC_K_103_CS"', reading: 'TC_K_136_CS: the heading says so and TC_K_103_CS has its own table (TimeOffset vs TimeZone)' },
];

/** 2.1 ids of the shared catalog that Part 6 does not have, with why they go. */
export const NOT_IN_PART6: Readonly<Record<string, string>> = {
  TC_G_01_CSMS: 'the CSMS G block of Part 6 starts at TC_G_03_CSMS',
  TC_N_102_2_CSMS: 'this is TC_N_103_CSMS, whose id row misprints TC_N_102_CSMS',
};

let cached: Part6Data | undefined;

export function part6v21(): Part6Data {
  cached ??= JSON.parse(readFileSync(PART6_V21_FILE, 'utf8')) as Part6Data;
  return cached;
}

function roleOfId(id: string): SutRole {
  return id.endsWith('_CSMS') ? 'CSMS' : 'ChargingStation';
}

function manualActionsFor(c: CatalogCase, p: Part6Case): string[] {
  if (!p.manualAction || c.manualActions.length > 0) return c.manualActions;
  return [c.role === 'CSMS' ? 'An operator makes the CSMS send the request (Part 6 names the trigger).' : 'A person acts at the station (Part 6 names the action).'];
}

/** The catalog case with the Part 6 facts laid over it. */
function overlay(c: CatalogCase, p: Part6Case): CatalogCase {
  const notes = [...c.notes.filter((n) => !/EVtivity/.test(n)), ...(p.notes ?? []).map((n) => `Part 6: ${n}.`)];
  const misprint = MISPRINTS.find((m) => m.id === c.id);
  if (misprint) notes.push(`Part 6 misprint (${misprint.printed}); we read ${misprint.reading}.`);
  const part5Title = c.title !== p.title ? c.title : c.part5Title;
  const flow: Flow21 | null = p.flow ? { status: p.flow, differences: [...(p.differences ?? [])] } : null;
  return {
    ...c,
    title: p.title,
    part5Title,
    useCases: [...p.useCases],
    requirements: [...p.requirements],
    reusableStates: { before: [...p.reusableStates], main: c.reusableStates?.main ?? [], memory: [...p.memoryStates] },
    manualActions: manualActionsFor(c, p),
    securityProfile: p.securityProfile ?? c.securityProfile,
    summary: summaryOf(p),
    notes,
    flow21: flow,
  };
}

function summaryOf(p: Part6Case): string {
  const flow =
    p.flow === null
      ? 'Flow not compared with 2.0.1 yet.'
      : p.flow === 'same'
      ? 'Same steps, messages and checks as the 2.0.1 case.'
      : p.flow === 'new'
        ? 'New in OCPP 2.1.'
        : p.flow === 'changed'
          ? `Differs from the 2.0.1 case: ${(p.differences ?? []).join('; ')}.`
          : `Not comparable with 2.0.1: ${(p.differences ?? []).join('; ')}.`;
  return `"${p.title}". ${flow}`;
}

/**
 * Applies data/part6-2.1.json to the built cases: overlays the facts on every 2.1 case Part 6 has, drops the 2.1 ids of
 * a fully read role that Part 6 does not have (NOT_IN_PART6 says why), and fails when the two disagree otherwise.
 */
export function applyPart6v21(cases: CatalogCase[], data: Part6Data = part6v21()): CatalogCase[] {
  const seen = new Set<string>();
  const out: CatalogCase[] = [];
  for (const c of cases) {
    if (c.version !== '2.1') {
      out.push(c);
      continue;
    }
    const p = data.cases[c.id];
    if (p) {
      seen.add(c.id);
      out.push(overlay(c, p));
      continue;
    }
    if (data.coverage[c.role].complete) {
      if (!NOT_IN_PART6[c.id]) throw new Error(`${c.id} (2.1) is not in Part 6 and NOT_IN_PART6 does not explain why`);
      continue;
    }
    out.push(c);
  }
  const missing = Object.keys(data.cases).filter((id) => !seen.has(id));
  if (missing.length > 0) throw new Error(`Part 6 (2.1) cases missing from the shared catalog: ${missing.join(', ')}`);
  for (const id of Object.keys(data.cases)) {
    if (!data.coverage[roleOfId(id)]) throw new Error(`${id}: no coverage entry for its role`);
  }
  return out;
}
