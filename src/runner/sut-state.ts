// The SUT's state as part of the run. A real SUT lives through the whole run, so what one case changes on it stays
// changed for the next case unless that case restores it. Two kinds of change:
//   - carried forward: the CSMS now expects the station's new BasicAuthPassword, its raised security profile (with the
//     endpoint of the new network profile) and the client certificate it signed; every later case connects that way;
//   - restored: a change a case makes only for itself (a Pending boot policy) is undone by the case's own clean-up.
// The state lives in <runDir>/sut-state.json (cucumber workers are separate processes) and every change is written
// to the trace of the case that made it and of each case that starts with it.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StationCredentials } from '../peer/station-peer.ts';

export type { StationCredentials };

export interface SutChange {
  caseId: string;
  at: string;
  what: string;
}

export interface SutState {
  credentials: StationCredentials;
  changes: SutChange[];
  /** The case after which the SUT stopped answering, if it did (the run stops there). */
  unavailableSince?: string;
  /** The last case that ended (a loss of the SUT right after it is blamed on it). */
  lastCase?: string;
  /** Cases the SUT's disappearance spoiled and that run once more after it came back. */
  retry?: string[];
}

const FILE = 'sut-state.json';

export function loadSutState(runDir: string): SutState {
  const p = join(runDir, FILE);
  if (!existsSync(p)) return { credentials: {}, changes: [] };
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as SutState;
  } catch {
    return { credentials: {}, changes: [] };
  }
}

export function saveSutState(runDir: string, state: SutState): void {
  const p = join(runDir, FILE);
  // It holds the station's current password and key: readable by the owner only.
  writeFileSync(`${p}.tmp`, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${p}.tmp`, p);
}

/** Human words for what changed between two credential sets (passwords are never written out). */
export function describeCredentialChange(before: StationCredentials, after: StationCredentials): string[] {
  const out: string[] = [];
  if (after.basicAuthPassword !== undefined && after.basicAuthPassword !== before.basicAuthPassword) out.push('the CSMS installed a new BasicAuthPassword on the station');
  if (after.securityProfile !== undefined && after.securityProfile !== before.securityProfile) out.push(`the station moved to security profile ${after.securityProfile}`);
  if (after.csmsUrl !== undefined && after.csmsUrl !== before.csmsUrl) out.push(`the station connects to ${after.csmsUrl}`);
  if (after.clientCertificate && after.clientCertificate.certPem !== before.clientCertificate?.certPem) out.push('the station holds a client certificate the CSMS signed');
  return out;
}

/** Records a case's changes to the SUT; returns the descriptions written (empty when nothing changed). */
export function carryForward(runDir: string, caseId: string, after: StationCredentials): string[] {
  const state = loadSutState(runDir);
  const what = describeCredentialChange(state.credentials, after);
  if (what.length === 0) return [];
  const at = new Date().toISOString();
  state.credentials = { ...state.credentials, ...after };
  state.changes.push(...what.map((w) => ({ caseId, at, what: w })));
  saveSutState(runDir, state);
  return what;
}
