// Station-side (SUT = Charging Station) memory state of the authorization cases (Part 6 block C): IdTokenCached puts a
// configured idToken in the station's authorization cache by a short session of its own. The session runs the
// ordinary reusable states from a separate view (its own memory and reached states, the token as its "valid" one), so
// the case's own transaction bookkeeping starts clean.
import { ExpectationFailed } from '../peer/errors.ts';
import type { IdTokenConfig } from '../config/types.ts';
import type { InboxEntry } from '../peer/inbox.ts';
import { tokenStatus } from '../peer/settings.ts';
import { check, Memory, perform, resolvePlaceholder } from './context.ts';
import type { CsContext } from './context.ts';
import { authorized, energyTransferStarted, evDisconnected, stopAuthorized } from './cs.ts';

/** The configured idToken of a role (valid, valid2, invalid, blocked, expired, masterPass). */
export function configuredToken(ctx: CsContext, role: string): IdTokenConfig {
  const name = role === 'valid2' ? 'configured valid idToken2' : `configured ${role} idToken`;
  return { idToken: String(resolvePlaceholder(ctx, name)), type: String(resolvePlaceholder(ctx, `${name} type`)) };
}

const cachedKey = (role: string): string => `authorization:cachedAt:${role}`;

/** The inbox position at which IdTokenCached for this role ended (later requests are judged against it). */
export function cachedAt(ctx: CsContext, role: string): number | undefined {
  return ctx.memory.get(cachedKey(role)) as number | undefined;
}

/**
 * IdTokenCached: the token is presented; the station asks the CSMS (AuthorizeRequest), which answers with the token's
 * configured status, and keeps that answer in its cache. An Accepted token's session is then run to its end (plug in,
 * charge, stop with the same token, unplug), so the station is idle again; a refused token leaves nothing to end.
 */
export async function idTokenCached(ctx: CsContext, role: string, withGroup = false): Promise<void> {
  const token = configuredToken(ctx, role);
  if (withGroup) {
    // The token belongs to the configured group: every answer of the test system about it says so from now on.
    const group = { idToken: String(resolvePlaceholder(ctx, 'configured groupIdToken')), type: String(resolvePlaceholder(ctx, 'configured groupIdToken type')) };
    ctx.peer.assignTokenGroup(token.idToken, token.type, group);
    ctx.peer.note(`the test system gives ${token.idToken} the group ${group.idToken}`);
  }
  const status = tokenStatus(ctx.settings, token.idToken, token.type);
  ctx.peer.note(`memory state IdTokenCached for ${role} idToken ${token.idToken} (the test system answers it ${status})`);
  if (status === 'Accepted') {
    const view: CsContext = {
      ...ctx,
      settings: { ...ctx.settings, idTokens: { ...ctx.settings.idTokens, valid: [token] } },
      memory: new Memory(),
      reached: new Set(['Booted']),
    };
    // A case that answers TransactionEvent/AuthorizeRequests itself holds them: what this set-up consumed gets the
    // default answer after each state, so the station is not kept waiting.
    for (const state of [authorized, energyTransferStarted, stopAuthorized]) {
      await state(view);
      ctx.peer.releaseConsumed();
    }
    // The transaction may end at the stop (TxStopPoint Authorized) with the EV still plugged in: it leaves now.
    if (view.memory.get('evConnected') === true) await evDisconnected(view);
    ctx.peer.releaseConsumed();
  } else {
    await perform(ctx, `present the ${role} idToken ${token.idToken}`, (a) => a.presentIdToken(token.idToken, token.type, ctx.settings.evseId));
    const auth = await ctx.peer.expectRequest('Authorize', {
      where: (p) => (p.idToken as { idToken?: string } | undefined)?.idToken === token.idToken,
      description: `an AuthorizeRequest for the ${role} idToken ${token.idToken}`,
    });
    check(ctx, 'AuthorizeRequest', auth.payload, [['idToken.type', JSON.stringify(token.type)]], auth.frame);
    ctx.peer.answerIfHeld(auth);
  }
  await ctx.peer.pingBarrier();
  ctx.peer.inbox.advanceCursor();
  ctx.memory.set(cachedKey(role), ctx.peer.inbox.cursor);
}

/** The AuthorizeRequest for the role's token that arrived after IdTokenCached, if any. */
function askedSinceCached(ctx: CsContext, role: string): { token: IdTokenConfig; asked: InboxEntry | undefined } {
  const token = configuredToken(ctx, role);
  const since = cachedAt(ctx, role) ?? 0;
  const asked = ctx.peer.inbox.entries.find((e) => e.seq > since && e.action === 'Authorize' && (e.payload.idToken as { idToken?: string } | undefined)?.idToken === token.idToken);
  return { token, asked };
}

/** An AuthorizeRequest for the role's token arrived after it was cached (the cache could not decide, e.g. expired). */
export function authorizeSinceCached(ctx: CsContext, role: string, because: string): void {
  const { token, asked } = askedSinceCached(ctx, role);
  if (asked) return;
  throw new ExpectationFailed({
    expected: `an AuthorizeRequest for the ${role} idToken ${token.idToken}: ${because}`,
    actual: 'the station used the token without asking the CSMS',
    requirementIds: ctx.requirementIds,
  });
}

/** No AuthorizeRequest for the role's token arrived after it was cached (the station decided from its cache). */
export function noAuthorizeSinceCached(ctx: CsContext, role: string): void {
  const { token, asked } = askedSinceCached(ctx, role);
  if (!asked) {
    ctx.peer.note(`no AuthorizeRequest for ${token.idToken} since it was cached, as required`);
    return;
  }
  throw new ExpectationFailed({
    expected: `no AuthorizeRequest for the ${role} idToken ${token.idToken}: it is cached as Accepted and LocalPreAuthorize is true (C10.FR.03, C12.FR.02)`,
    actual: `one arrived: ${JSON.stringify(asked.payload).slice(0, 200)}`,
    frame: asked.frame,
    requirementIds: ctx.requirementIds,
  });
}
