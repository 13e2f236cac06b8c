// Finding 6: two connections of one identity at once are recorded in the trace, naming both connections.
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../src/transport/server.ts';
import type { RunningServer } from '../../src/transport/server.ts';
import { RecordingTrace } from '../helpers/recording-trace.ts';
import { openRawPeer } from './raw-peer.ts';
import type { RawPeer } from './raw-peer.ts';

let srv: RunningServer | undefined;
const peers: RawPeer[] = [];
afterEach(async () => {
  for (const p of peers.splice(0)) p.close();
  await srv?.close();
});

const isDuplicate = (e: { kind: string; data?: unknown }): boolean => e.kind === 'note' && typeof e.data === 'object' && e.data !== null && 'duplicateIdentity' in e.data;

describe('the same identity twice', () => {
  it('a second connection while the first is open is noted with both connection ids', async () => {
    const trace = new RecordingTrace();
    srv = await startServer({ subprotocols: ['ocpp2.0.1'], securityProfile: 0, trace, onConnection: () => undefined });
    const first = await openRawPeer(`${srv.url}CS-TWICE`);
    peers.push(first);
    const again = await openRawPeer(`${srv.url}CS-TWICE`);
    peers.push(again);
    const note = await trace.waitFor(isDuplicate, 'duplicate identity note');
    const conns = trace.ofKind('connection').map((c) => c.facts.connectionId);
    expect(note).toMatchObject({ data: { duplicateIdentity: 'CS-TWICE', connectionId: conns[1], openConnections: [conns[0]] } });
  });

});
