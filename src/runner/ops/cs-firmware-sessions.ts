// Operations behind the second charging session of TC_L_12_CS / TC_L_14_CS: with AllowNewSessionsPendingFirmwareUpdate
// true, a station whose firmware update waits for transactions to end must still let a driver start a session on
// another EVSE (Part 6: EnergyTransferStarted for <Configured second Connector>), and then wait for that one too.
// The second session runs the ordinary reusable states from the view of its own EVSE, idToken and memory, as the
// every-EVSE states of the remote-control cases do (src/states/cs-remote-control.ts).
import { PreconditionFailed } from '../../peer/errors.ts';
import { Memory, type CsContext, type ScenarioContext } from '../../states/context.ts';
import { stopUntilIdle } from '../../states/cs.ts';
import { enterState } from '../../states/index.ts';
import { asCs } from '../roles.ts';

const VIEW = 'firmware:secondSession';

/**
 * The second connector and who charges there. Decision (Part 6 names no <Configured second Connector> value): the first
 * connector of the first configured EVSE other than the configured one (two transactions at once need two EVSEs), and
 * the second configured valid idToken (a station may refuse a card that already charges elsewhere).
 */
function secondSessionView(cs: CsContext): CsContext {
  const { evses, evseId, idTokens } = cs.settings;
  const other = evses.find((e) => e.id !== evseId);
  if (!other) throw new PreconditionFailed(`this case needs a second EVSE for a second transaction; the run configuration lists only EVSE ${evseId} in "evses"`);
  const token = idTokens.valid[1];
  if (!token) throw new PreconditionFailed('this case needs a second valid idToken for the second transaction; the run configuration has one in idTokens.valid');
  const connectorId = other.connectors[0]?.id ?? 1;
  return {
    ...cs,
    settings: { ...cs.settings, evseId: other.id, connectorId, idTokens: { ...idTokens, valid: [token] } },
    memory: new Memory(),
    reached: new Set(['Booted']),
  };
}

/** Part 6 "EnergyTransferStarted for <Configured second Connector>": a driver starts charging on the second EVSE. */
export async function secondSessionStarted(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'a second transaction starts');
  const view = secondSessionView(cs);
  cs.peer.note(`second session: EnergyTransferStarted on EVSE ${view.settings.evseId} connector ${view.settings.connectorId} with idToken ${view.settings.idTokens.valid[0]?.idToken ?? ''}`);
  cs.memory.set(VIEW, view);
  await enterState(view, 'EnergyTransferStarted');
}

/** Part 6 "ParkingBayUnoccupied for <Configured second Connector>": the second session ends as the first one did. */
export async function secondSessionStopped(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the second transaction ends');
  const view = cs.memory.require(VIEW, 'a second transaction was started by an earlier step') as CsContext;
  await stopUntilIdle(view);
}
