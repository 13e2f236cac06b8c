// Which functional area a simulator fault belongs to, and so which Part 6 blocks' cases it may prove (fault matrix v2:
// a case needs at least one killing row whose fault is of the case's own area; generic RPC/transport faults never
// stand alone). Station areas declare their blocks themselves (src/sim/station/areas/<area>.ts); the reference CSMS's
// area files are found on disk and given their blocks here.
import { readdirSync } from 'node:fs';
import { CSMS_FAULTS } from '../../src/sim/csms/index.ts';
import { STATION_FAULTS } from '../../src/sim/station/index.ts';
import { stationFaultArea } from '../../src/sim/station/faults.ts';

export interface FaultArea {
  area: string;
  /** Part 6 block letters whose cases the fault may prove; empty for generic (RPC, transport, operator API) faults. */
  blocks: readonly string[];
}

/** Part 6 block letters per CSMS area file name (src/sim/csms/areas/<name>.ts). A new area file needs a line here. */
export const CSMS_AREA_BLOCKS: Readonly<Record<string, readonly string[]>> = {
  security: ['A'],
  provisioning: ['B'],
  authorization: ['C'],
  // N too: TC_N_46 clears a customer's data and checks that the CSMS takes the token off the local list.
  'local-list': ['D', 'N'],
  'local-authorization-list': ['D'],
  transactions: ['E'],
  'remote-control': ['F'],
  availability: ['G'],
  reservation: ['H'],
  'tariff-and-cost': ['I'],
  'tariff-cost': ['I'],
  'meter-values': ['J'],
  'smart-charging': ['K'],
  firmware: ['L'],
  certificates: ['M', 'A'],
  diagnostics: ['N'],
  'display-message': ['O'],
  display: ['O'],
  monitoring: ['N'],
  'firmware-publish': ['L'],
  'display-messages': ['O'],
  'data-transfer': ['P'],
  // ISO 15118 contract certificates at authorization (C07) and certificate status (M06).
  'contract-certificates': ['C', 'M'],
};

/**
 * Faults whose topic belongs to another block than the file they live in (the GetTransactionStatus faults sit in the
 * CSMS's meter-values area, but GetTransactionStatus is Part 6 block E).
 */
const CSMS_TOPIC_BLOCKS: Readonly<Record<string, readonly string[]>> = {
  txStatus: ['E'],
};

/** The CSMS core's faults (src/sim/csms/faults.ts), by the first part of their name. */
const CSMS_CORE_PREFIX_BLOCKS: Readonly<Record<string, readonly string[]>> = {
  boot: ['B'],
  heartbeat: ['B', 'G'],
  variables: ['B'],
  report: ['B'],
  reset: ['B'],
  subprotocol: ['B'],
  auth: ['C'],
  tx: ['E'],
  security: ['A'],
  rpc: [],
  operator: [],
};

/** The station core's faults (src/sim/station/faults.ts). */
const STATION_CORE_BLOCKS: Readonly<Record<string, readonly string[]>> = {
  'subprotocol.wrong': ['B'],
  'auth.wrongPassword': ['A'],
};

const csmsAreaDir = new URL('../../src/sim/csms/areas/', import.meta.url);
const csmsFaultFile = new Map<string, string>();
for (const f of readdirSync(csmsAreaDir).filter((x) => x.endsWith('.ts') && x !== 'index.ts' && x !== 'types.ts')) {
  const mod = (await import(new URL(f, csmsAreaDir).href)) as { FAULTS?: Record<string, string> };
  for (const name of Object.keys(mod.FAULTS ?? {})) csmsFaultFile.set(name, f.replace(/\.ts$/, ''));
}

export function faultArea(sut: 'CS' | 'CSMS', fault: string): FaultArea {
  if (sut === 'CS') {
    if (!(fault in STATION_FAULTS)) throw new Error(`${fault} is not a station fault`);
    const a = stationFaultArea(fault);
    if (!a) throw new Error(`station fault ${fault} has no area`);
    return a.area === 'core' ? { area: 'core', blocks: STATION_CORE_BLOCKS[fault] ?? [] } : a;
  }
  if (!(fault in CSMS_FAULTS)) throw new Error(`${fault} is not a CSMS fault`);
  const file = csmsFaultFile.get(fault);
  const topic = CSMS_TOPIC_BLOCKS[fault.split('.')[0] ?? ''];
  if (file && topic) return { area: file, blocks: topic };
  if (file) {
    const blocks = CSMS_AREA_BLOCKS[file];
    if (!blocks) throw new Error(`CSMS area ${file} has no Part 6 blocks in test/selftest/fault-areas.ts (CSMS_AREA_BLOCKS)`);
    return { area: file, blocks };
  }
  const prefix = fault.split('.')[0] ?? '';
  const blocks = CSMS_CORE_PREFIX_BLOCKS[prefix];
  if (!blocks) throw new Error(`CSMS core fault ${fault}: its prefix ${prefix} has no Part 6 blocks in test/selftest/fault-areas.ts`);
  return { area: 'core', blocks };
}

/** "TC_B_01_CS" -> { block: 'B', sut: 'CS' }. */
export function caseBlock(id: string): { block: string; sut: 'CS' | 'CSMS' } {
  const m = /^TC_([A-Z])_\d+_(CS|CSMS)$/.exec(id);
  if (!m) throw new Error(`not a Part 6 case id: ${id}`);
  return { block: m[1] ?? '', sut: m[2] as 'CS' | 'CSMS' };
}

/** Is this fault of the case's own functional area? */
export function ownArea(id: string, fault: string): boolean {
  const { block, sut } = caseBlock(id);
  return faultArea(sut, fault).blocks.includes(block);
}
