// Operations behind the firmware-publishing steps (Part 6 block L, L03; CSMS cases): the progress reports of the
// publication the test system's Local Controller works on.
import { ExpectationFailed, ScriptError } from '../../peer/errors.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import { fieldFacts, parsePath } from '../../peer/schema-facts.ts';
import type { ScenarioContext } from '../../states/context.ts';
import { asCsms } from '../roles.ts';

/**
 * Reports each status of the publication (PublishFirmwareStatusNotification with the requestId of the last
 * PublishFirmwareRequest received; Published also names <firmware location> as where it is served); each must be answered.
 */
export async function reportPublishStatuses(ctx: ScenarioContext, statuses: string[]): Promise<void> {
  const c = asCsms(ctx, 'the test system reports publish statuses');
  const segments = parsePath('status');
  const known = (segments && fieldFacts(c.peer.version, 'PublishFirmwareStatusNotificationRequest', segments)?.enum) || [];
  for (const s of statuses) if (!known.includes(s)) throw new ScriptError(`${s} is not a publish firmware status of OCPP ${c.peer.version} (${known.join(', ')})`);
  const request = c.memory.get('request:PublishFirmware') as InboxEntry | undefined;
  if (!request) throw new ScriptError('no PublishFirmwareRequest was received by an earlier step, so no publication is in progress');
  const requestId = request.payload.requestId;
  for (const status of statuses) {
    c.peer.inbox.advanceCursor();
    const location = status === 'Published' ? { location: [c.memory.require('firmware location', 'Published names the configured firmware location (configure the firmware first)')] } : {};
    const call = c.peer.sendRequest('PublishFirmwareStatusNotification', { status, requestId, ...location });
    try {
      await c.peer.awaitAnswer(call, c.requirementIds);
    } catch (e) {
      if (!(e instanceof ExpectationFailed)) throw e;
      throw new ExpectationFailed({ expected: `${e.expected} to the publish status ${status}`, actual: e.actual, frame: e.frame, requirementIds: e.requirementIds });
    }
  }
}
