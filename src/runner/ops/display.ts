// Operations behind the display-message steps (Part 6 block O, CSMS cases): the memory state "a display message is
// configured", reached through the CSMS like any operator request.
import { check } from '../../states/context.ts';
import type { ScenarioContext } from '../../states/context.ts';
import { operatorSends } from '../operations.ts';
import { asCsms } from '../roles.ts';

type Json = Record<string, unknown>;

/**
 * Memory state: the operator has the CSMS set a display message (with the given priority and, optionally, state) and
 * the test system's station accepts it. The message as the CSMS sent it is <configured display message>, its id
 * <display message id>.
 */
export async function displayMessageConfigured(ctx: ScenarioContext, priority: string, state?: string): Promise<void> {
  const c = asCsms(ctx, 'a display message is configured');
  const id = Math.floor(Math.random() * 1_000_000) + 1;
  const message: Json = { id, priority, message: { format: 'UTF8', content: 'Conformance test: configured message' }, ...(state ? { state } : {}) };
  c.peer.armReply('SetDisplayMessage', () => ({ payload: { status: 'Accepted' } }));
  operatorSends(c, 'SetDisplayMessage', [['message', JSON.stringify(message)]]);
  const entry = await c.peer.expectRequest('SetDisplayMessage');
  check(c, 'SetDisplayMessageRequest', entry.payload, [['message.id', 'present'], ['message.priority', priority], ...(state ? ([['message.state', state]] as Array<[string, string]>) : [])], entry.frame);
  const sent = entry.payload.message as Json;
  c.memory.set('configured display message', sent);
  c.memory.set('display message id', sent.id);
  c.peer.inbox.advanceCursor();
}
