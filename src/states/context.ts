// What a reusable state (and every other engine operation of a scenario) works with.
import type { OperatorTriggers, SutActions } from '../actions/types.ts';
import { ActionFailed } from '../actions/types.ts';
import type { CsmsPeer } from '../peer/csms-peer.ts';
import { ExpectationFailed, PreconditionFailed, ScriptError } from '../peer/errors.ts';
import { evaluateChecks, parseChecks } from '../peer/fields.ts';
import { resolveConfiguredIdToken } from '../config/configured-id-tokens.ts';
import { configuredPlaceholders, resolveConfigured } from '../config/configured-values.ts';
import type { Frame } from '../rpc/types.ts';
import type { EngineSettings } from '../peer/settings.ts';
import type { StationPeer } from '../peer/station-peer.ts';
import type { IssuedCert } from '../pki/index.ts';

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
  /** Over TLS: the CSMS root the station trusts, its key when the test PKI has it, and the server certificate served. */
  csmsTls?: { caPem: string; caIssuer?: IssuedCert | undefined; serverCertPem: string; serverKeyPem: string };
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
  const configured = resolveConfigured(s, name);
  if (configured) {
    if (configured.value === undefined) throw new PreconditionFailed(`this case needs bench.${configured.key} in the run configuration (<${name}>)`);
    return configured.value;
  }
  const token = resolveConfiguredIdToken(s.idTokens, name);
  if (token) {
    if (token.value === undefined) throw new PreconditionFailed(`this case needs idTokens.${token.field} in the run configuration (<${name}>)`);
    return token.value;
  }
  switch (name) {
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
      // Values an area's step remembered under this name (e.g. <remoteStartId>, <certificate hash>).
      if (ctx.memory.has(name)) return ctx.memory.get(name);
      throw new ScriptError(
        `unknown placeholder <${name}>; known (besides values remembered by earlier steps): ${configuredPlaceholders().join(', ')} ` +
          '(src/config/configured-values.ts, configured-id-tokens.ts), generated requestId, new requestId, transactionId, now',
      );
    }
  }
}
