// The SUT's state as part of the run. A real SUT lives through the whole run, so what one case changes on it stays
// changed for the next case unless that case restores it. Two kinds of change:
//   - carried forward: the CSMS now expects the station's new BasicAuthPassword, its raised security profile (with the
//     endpoint of the new network profile) and the client certificate it signed; every later case connects that way;
//   - restored: a change a case makes only for itself (a Pending boot policy) is undone by the case's own clean-up.
// The state lives in <runDir>/sut-state.json (cucumber workers are separate processes), a station identity's credentials
// in <runDir>/sut-state.<identity>.json, and every change is written to the trace of the case that made it and of each
// case that starts with it.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StationCredentials } from '../peer/station-peer.ts';

export type { StationCredentials };

export interface SutChange {
  caseId: string;
  at: string;
  what: string;
}

/** One station identity's carried state: what the CSMS changed on it, kept in its own file (one worker writes it). */
export interface IdentityState {
  credentials: StationCredentials;
  changes: SutChange[];
}

export interface SutState {
  /** The case after which the SUT stopped answering, if it did (the run stops there). */
  unavailableSince?: string;
  /** The last case that ended (a loss of the SUT right after it is blamed on it). */
  lastCase?: string;
  /** Cases the SUT's disappearance spoiled and that run once more after it came back. */
  retry?: string[];
}

const FILE = 'sut-state.json';

export function loadSutState(runDir: string): SutState {
  return readJson<SutState>(join(runDir, FILE)) ?? {};
}

export function saveSutState(runDir: string, state: SutState): void {
  writeJson(join(runDir, FILE), state);
}

/**
 * A station identity's file: with a pool of identities (--parallel against a CSMS) each worker keeps its own
 * identity's credentials, so no two workers ever write the same file.
 */
function identityFile(runDir: string, identity: string): string {
  return join(runDir, `sut-state.${encodeURIComponent(identity).replace(/\*/g, '%2A')}.json`);
}

export function loadIdentityState(runDir: string, identity: string): IdentityState {
  return readJson<IdentityState>(identityFile(runDir, identity)) ?? { credentials: {}, changes: [] };
}

function readJson<T>(p: string): T | undefined {
  if (!existsSync(p)) return undefined;
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function writeJson(p: string, value: unknown): void {
  // It may hold a station's current password and key: readable by the owner only. The name of the temporary file is
  // the writer's own (workers of one run write side by side).
  const tmp = `${p}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, p);
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
export function carryForward(runDir: string, caseId: string, after: StationCredentials, identity: string): string[] {
  const state = loadIdentityState(runDir, identity);
  const what = describeCredentialChange(state.credentials, after);
  if (what.length === 0) return [];
  const at = new Date().toISOString();
  state.credentials = { ...state.credentials, ...after };
  state.changes.push(...what.map((w) => ({ caseId, at, what: w })));
  writeJson(identityFile(runDir, identity), state);
  return what;
}
