// Operations behind the local-list steps (Part 6 block D, and N10's follow-up, CSMS cases): the local authorization
// list the test system's station holds (its version, <local list version> / <next local list version>), the memory
// state in which the CSMS installed a list with the configured valid idToken, and the checks on the CSMS's
// SendLocalListRequest that compare with that version and those entries.
import { ExpectationFailed, ScriptError } from '../../peer/errors.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import type { CsmsContext, ScenarioContext } from '../../states/context.ts';
import { operatorSends, sutSends, testSystemResponds } from '../operations.ts';
import { asCsms } from '../roles.ts';

type Json = Record<string, unknown>;

/** Memory names (also usable as <placeholders> in tables). */
const VERSION = 'local list version';
const NEXT_VERSION = 'next local list version';

function setVersion(ctx: CsmsContext, version: number): void {
  ctx.memory.set(VERSION, version);
  ctx.memory.set(NEXT_VERSION, version + 1);
}

function listVersion(ctx: CsmsContext): number {
  const v = ctx.memory.get(VERSION);
  if (typeof v !== 'number') throw new ScriptError('no earlier step said which local list version the test system holds');
  return v;
}

/** The test system's station holds a local list of this version (0: none); the CSMS learns it only by asking. */
export function holdsList(ctx: ScenarioContext, version: number): void {
  const c = asCsms(ctx, 'the test system holds a local authorization list');
  if (!Number.isInteger(version) || version < 0) throw new ScriptError(`a local list version is a whole number >= 0, not ${version}`);
  setVersion(c, version);
  c.peer.note(`the test system's local authorization list has version ${version}`);
}

const key = (t: unknown): string => {
  const o = (t ?? {}) as Json;
  return `${String(o.idToken)}|${String(o.type)}`;
};

/**
 * Memory state "a local authorization list with the configured valid idToken is configured", made through the CSMS so
 * that it knows the list: the operator has it send a Full list with that idToken (version: the next one), and the
 * test system accepts it.
 */
export async function csmsInstalledValidToken(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'the CSMS installed a local list');
  if (!c.memory.has(VERSION)) setVersion(c, 0);
  operatorSends(c, 'SendLocalList', [
    ['versionNumber', `<${NEXT_VERSION}>`],
    ['updateType', 'Full'],
    ['localAuthorizationList[0].idToken.idToken', '<configured valid idToken>'],
    ['localAuthorizationList[0].idToken.type', '<configured valid idToken type>'],
    ['localAuthorizationList[0].idTokenInfo.status', 'Accepted'],
  ]);
  await sutSends(c, 'the CSMS', 'SendLocalList', [['updateType', 'Full']]);
  const entry = c.memory.get('request:SendLocalList') as InboxEntry;
  // Held when the case answers SendLocalList in a step of its own; otherwise the default answer (Accepted) went out.
  if (c.peer.isHeld(entry)) testSystemResponds(c, 'SendLocalList', [['status', 'Accepted']]);
  setVersion(c, entry.payload.versionNumber as number);
}

function lastSendLocalList(ctx: CsmsContext): InboxEntry {
  const entry = ctx.memory.get('request:SendLocalList') as InboxEntry | undefined;
  if (!entry) throw new ScriptError('no SendLocalListRequest was received by an earlier step');
  return entry;
}

/** D01.FR.18: the last SendLocalListRequest carries a versionNumber above the list version the test system holds. */
export function raisesVersion(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'the SendLocalListRequest raises the version');
  const entry = lastSendLocalList(c);
  const held = listVersion(c);
  const v = entry.payload.versionNumber;
  if (typeof v !== 'number' || !(v > held)) {
    throw new ExpectationFailed({
      expected: `a SendLocalListRequest whose versionNumber is above ${held}, the local list version the test system holds`,
      actual: `versionNumber is ${JSON.stringify(v)}`,
      frame: entry.frame,
      requirementIds: c.requirementIds,
    });
  }
}

/**
 * N10 with the errata of TC_N_46_CSMS: the last SendLocalListRequest takes the configured valid idToken out of the
 * list: either Differential, above the held version, with only that idToken and no idTokenInfo, or Full without it.
 */
export function removesValidToken(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'the SendLocalListRequest removes the configured valid idToken');
  const entry = lastSendLocalList(c);
  const token = c.settings.idTokens.valid[0];
  if (!token) throw new ScriptError('the run configuration has no valid idToken');
  const wanted = key(token);
  const p = entry.payload;
  const list = (p.localAuthorizationList as Json[] | undefined) ?? [];
  const problems: string[] = [];
  if (p.updateType === 'Differential') {
    const held = listVersion(c);
    if (typeof p.versionNumber !== 'number' || !(p.versionNumber > held)) problems.push(`versionNumber ${JSON.stringify(p.versionNumber)} is not above ${held}, the version the test system holds`);
    if (list.length !== 1 || key(list[0]?.idToken) !== wanted) problems.push(`the entries are [${list.map((e) => key(e.idToken)).join(', ')}], not just ${wanted}`);
    else if (list[0]?.idTokenInfo !== undefined) problems.push(`the entry for ${wanted} carries idTokenInfo ${JSON.stringify(list[0].idTokenInfo)}, so it is updated, not removed`);
  } else if (list.some((e) => key(e.idToken) === wanted)) {
    problems.push(`the Full list still contains ${wanted}`);
  }
  if (problems.length > 0) {
    throw new ExpectationFailed({
      expected: `a SendLocalListRequest that removes ${wanted}: Differential with a higher versionNumber and only that idToken without idTokenInfo, or Full without it`,
      actual: problems.join('; '),
      frame: entry.frame,
      requirementIds: c.requirementIds,
    });
  }
}
