// What a reusable state (and every other engine operation of a scenario) works with.
import type { OperatorTriggers, SutActions } from '../actions/types.ts';
import { ActionFailed } from '../actions/types.ts';
import type { CsmsPeer } from '../peer/csms-peer.ts';
import { ExpectationFailed, PreconditionFailed, ScriptError } from '../peer/errors.ts';
import { evaluateChecks, parseChecks } from '../peer/fields.ts';
import type { Frame } from '../rpc/types.ts';
import type { EngineSettings } from '../peer/settings.ts';
import type { StationPeer } from '../peer/station-peer.ts';

/** Values a scenario remembers: generated ids, the running transaction, answers a later step refers to. */
export class Memory {
  private readonly values = new Map<string, unknown>();
  set(name: string, value: unknown): void {
    this.values.set(name, value);
  }
  get(name: string): unknown {
    return this.values.get(name);
  }
  has(name: string): boolean {
    return this.values.has(name);
  }
  require(name: string, hint: string): unknown {
    if (!this.values.has(name)) throw new ScriptError(`<${name}> is not known yet (${hint})`);
    return this.values.get(name);
  }
}

interface CommonContext {
  settings: EngineSettings;
  memory: Memory;
  /** Reusable states reached in this scenario (states chain: a later one runs the missing earlier ones). */
  reached: Set<string>;
  requirementIds: string[];
  /** Background work (operator triggers) still running. */
  track(label: string, work: Promise<unknown>): void;
  /** Clean-up the case owes the SUT (Part 6 post-conditions), run when the scenario ends however it ended. */
  cleanUp?(label: string, work: () => Promise<unknown>): void;
}

export interface CsContext extends CommonContext {
  role: 'ChargingStation';
  peer: CsmsPeer;
  actions: SutActions;
}

export interface CsmsContext extends CommonContext {
  role: 'CSMS';
  peer: StationPeer;
  triggers: OperatorTriggers;
}

export type ScenarioContext = CsContext | CsmsContext;

/** Runs a SUT action after moving the inbox cursor (what it causes arrives after it). ActionFailed -> INCONCLUSIVE. */
export async function perform(ctx: CsContext, label: string, action: (a: SutActions) => Promise<void>): Promise<void> {
  ctx.peer.inbox.advanceCursor();
  ctx.peer.note(`SUT action: ${label} (via ${ctx.actions.kind})`);
  try {
    await action(ctx.actions);
  } catch (e) {
    if (e instanceof ActionFailed) throw new PreconditionFailed(`the SUT action "${label}" could not be carried out: ${e.message}`);
    throw e;
  }
}

/** Checks written as [path, expectation] rows against a payload; a mismatch is ExpectationFailed. */
export function check(
  ctx: ScenarioContext,
  message: string,
  payload: unknown,
  rows: Array<[string, string]>,
  frame?: Frame,
  requirementIds?: string[],
): void {
  const checks = parseChecks(ctx.peer.version, message, rows);
  const problems = evaluateChecks(payload, checks, (name) => resolvePlaceholder(ctx, name));
  if (problems.length > 0) {
    throw new ExpectationFailed({
      expected: `${message} with ${rows.map(([p, e]) => `${p} ${e}`).join(', ')}`,
      actual: problems.join('; '),
      frame,
      requirementIds: requirementIds ?? ctx.requirementIds,
    });
  }
}

/** The <placeholders> of feature tables. */
export function resolvePlaceholder(ctx: ScenarioContext, name: string): unknown {
  const s = ctx.settings;
  const tok = s.idTokens.valid[0];
  switch (name) {
    case 'configured heartbeatInterval':
      return s.heartbeatIntervalS;
    case 'configured evseId':
      return s.evseId;
    case 'configured connectorId':
      return s.connectorId;
    case 'configured valid idToken':
      return tok?.idToken;
    case 'configured valid idToken type':
      return tok?.type;
    case 'configured model':
      return s.model;
    case 'configured vendorName':
      return s.vendorName;
    case 'configured vendorId':
      return s.dataTransferVendorId;
    case 'configured messageId':
      return s.dataTransferMessageId;
    case 'generated requestId': {
      const v = ctx.memory.get('requestId');
      if (v !== undefined) return v;
      const id = Math.floor(Math.random() * 1_000_000) + 1;
      ctx.memory.set('requestId', id);
      return id;
    }
    case 'new requestId': {
      const id = Math.floor(Math.random() * 1_000_000) + 1;
      ctx.memory.set('requestId', id);
      return id;
    }
    case 'transactionId':
      return ctx.memory.require('transactionId', 'no transaction has started in this scenario');
    case 'now':
      return new Date().toISOString().replace(/\.\d+Z$/, (m) => m.slice(0, 4) + 'Z');
    default: {
      const token = configuredIdToken(s, name);
      if (token !== undefined) return token;
      // Values an area's step remembered under this name (e.g. <remoteStartId>, <certificate hash>).
      if (ctx.memory.has(name)) return ctx.memory.get(name);
      throw new ScriptError(
        `unknown placeholder <${name}>; known (besides values remembered by earlier steps): configured heartbeatInterval, configured evseId, configured connectorId, ` +
          'configured valid idToken, configured valid idToken type, configured model, configured vendorName, configured vendorId, configured messageId, generated requestId, ' +
          'new requestId, transactionId, now, configured <valid|invalid|blocked|expired|masterPass> idToken [type], configured valid idToken2 [type], ' +
          'configured groupIdToken [type], configured masterPassGroupId',
      );
    }
  }
}

/**
 * The configured idTokens by role: <configured invalid idToken>, <configured blocked idToken type>, <configured valid
 * idToken2>, <configured masterPass idToken>, <configured groupIdToken>, <configured masterPassGroupId>. undefined: not
 * such a name. A role the run configuration leaves out makes the case INCONCLUSIVE, naming the field to add.
 */
function configuredIdToken(s: EngineSettings, name: string): string | undefined {
  const missing = (field: string): never => {
    throw new PreconditionFailed(`this case needs idTokens.${field} in the run configuration (<${name}>)`);
  };
  if (name === 'configured groupIdToken') return s.idTokens.groupId?.idToken ?? missing('groupId');
  if (name === 'configured groupIdToken type') return s.idTokens.groupId?.type ?? missing('groupId');
  if (name === 'configured masterPassGroupId') return s.idTokens.masterPassGroupId ?? missing('masterPassGroupId');
  const m = /^configured (valid|invalid|blocked|expired|masterPass) idToken(2)?( type)?$/.exec(name);
  if (!m || (m[2] && m[1] !== 'valid')) return undefined;
  const role = m[1] as 'valid' | 'invalid' | 'blocked' | 'expired' | 'masterPass';
  const token = role === 'valid' ? s.idTokens.valid[m[2] ? 1 : 0] : s.idTokens[role];
  if (!token) return missing(role === 'valid' ? `valid[${m[2] ? 1 : 0}]` : role);
  return m[3] ? token.type : token.idToken;
}
