// The operations behind the station-side reset steps of TC_B_41_CS (SUT = Charging Station): the transactions on every
// EVSE end one after the other while an OnIdle reset waits, then the connectors are reported as the EVs were left.
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { evDisconnected, expectConnectorReports, stopAuthorized, stopUntilIdle, unplugAfterEnd } from '../../states/cs.ts';
import { asCs } from '../roles.ts';

// The views of the further EVSEs that "EnergyTransferStarted on every configured EVSE" (src/states/cs-remote-control.ts)
// remembers under this key: each EVSE's own settings and memory.
const EVERY_EVSE_VIEWS = 'remoteControl:everyEvseViews';

/** The configured EVSE's context and the other EVSEs' views, in EVSE id order. */
function everyEvse(cs: CsContext): CsContext[] {
  const views = (cs.memory.get(EVERY_EVSE_VIEWS) as CsContext[] | undefined) ?? [];
  return [cs, ...views].sort((a, b) => a.settings.evseId - b.settings.evseId);
}

/**
 * Part 6 TC_B_41 steps 3-10: every EVSE but the last runs StopAuthorized up to EVDisconnected; the last one stops only
 * until its transaction has ended (the reset follows at once, so its EV may stay plugged in).
 */
export async function stopEveryEvseInTurn(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'stop the transaction on every EVSE in turn');
  const all = everyEvse(cs);
  for (const [i, view] of all.entries()) {
    if (i < all.length - 1) {
      await stopAuthorized(view);
      await evDisconnected(view);
    } else {
      await stopUntilIdle(view);
    }
  }
}

/** After the reboot: the connector of an EVSE whose EV is still plugged in is Occupied, every other one Available. */
export async function reportsAsLeft(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the Charging Station reports its connectors');
  const plugged = new Set(everyEvse(cs).filter((v) => v.memory.get('evConnected') === true).map((v) => `${v.settings.evseId}/${v.settings.connectorId}`));
  await expectConnectorReports(cs, (e, c) => (plugged.has(`${e}/${c}`) ? 'Occupied' : 'Available'), { after: cs.peer.inbox.cursor });
}

/** Clean-up: every EV still plugged in is unplugged. */
export async function unplugEveryEv(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'unplug every EV');
  for (const view of everyEvse(cs)) if (view.memory.get('evConnected') === true) await unplugAfterEnd(view);
}
