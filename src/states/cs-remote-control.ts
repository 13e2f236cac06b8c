// Station-side (SUT = Charging Station) reusable states of the remote-control cases that the general ones in
// src/states/cs.ts do not cover: EnergyTransferStarted on every configured EVSE at once (TriggerMessage for all EVSEs).
// Each further EVSE runs the ordinary states from its own view (its EVSE, its own valid idToken, its own memory).
import { PreconditionFailed } from '../peer/errors.ts';
import { Memory } from './context.ts';
import type { CsContext } from './context.ts';
import { stopUntilIdle } from './cs.ts';
import { enterState } from './index.ts';

const VIEWS = 'remoteControl:everyEvseViews';

/** EnergyTransferStarted on the configured EVSE, then on every other configured EVSE, each with its own valid idToken. */
export async function energyTransferOnEveryEvse(ctx: CsContext): Promise<void> {
  const { evses, evseId, idTokens } = ctx.settings;
  const others = evses.filter((e) => e.id !== evseId);
  if (idTokens.valid.length < others.length + 1) {
    throw new PreconditionFailed(`this case needs one valid idToken per EVSE (${evses.length}); the run configuration has ${idTokens.valid.length} in idTokens.valid`);
  }
  await enterState(ctx, 'EnergyTransferStarted');
  const views: CsContext[] = [];
  for (const [i, evse] of others.entries()) {
    const token = idTokens.valid[i + 1] as (typeof idTokens.valid)[number];
    const connectorId = evse.connectors[0]?.id ?? 1;
    const view: CsContext = {
      ...ctx,
      settings: { ...ctx.settings, evseId: evse.id, connectorId, idTokens: { ...idTokens, valid: [token] } },
      memory: new Memory(),
      reached: new Set(['Booted']),
    };
    ctx.peer.note(`EnergyTransferStarted on EVSE ${evse.id} with idToken ${token.idToken}`);
    await enterState(view, 'EnergyTransferStarted');
    views.push(view);
  }
  ctx.memory.set(VIEWS, views);
}

/** Clean-up: end the transaction of every EVSE the state above started (the configured EVSE last). */
export async function stopOnEveryEvse(ctx: CsContext): Promise<void> {
  for (const view of (ctx.memory.get(VIEWS) as CsContext[] | undefined) ?? []) await stopUntilIdle(view);
  await stopUntilIdle(ctx);
}
