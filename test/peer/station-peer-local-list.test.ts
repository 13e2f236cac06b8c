// The test system's station (SUT = CSMS) answers GetLocalListVersion with the version of the last list the CSMS sent.
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config/load.ts';
import type { InboxEntry } from '../../src/peer/inbox.ts';
import type { Reply } from '../../src/peer/peer.ts';
import type { EngineSettings } from '../../src/peer/settings.ts';
import { StationPeer } from '../../src/peer/station-peer.ts';
import { validatePayload } from '../../src/schema/index.ts';

const settings: EngineSettings = { ...DEFAULTS.bench, evseId: 1, connectorId: 1, evses: DEFAULTS.evses, idTokens: DEFAULTS.idTokens };

/** Exposes the default answers without a connection. */
class Probe extends StationPeer {
  answer(action: string, payload: Record<string, unknown>): Reply {
    const entry = { seq: 1, at: Date.now(), action, payload, frame: [2, '1', action, payload], connection: 0, consumed: false } as unknown as InboxEntry;
    return this.defaultReply(entry);
  }
}

function probe(): Probe {
  return new Probe({
    version: '2.0.1',
    trace: { write: () => undefined } as never,
    timing: { expectMs: 1000, connectMs: 1000, bootMs: 1000, reconnectGapMs: 0 },
    csmsUrl: 'ws://127.0.0.1:1/ocpp',
    identity: 'LL1',
    securityProfile: 0,
    password: null,
    settings,
  });
}

describe("test system's station: local authorization list", () => {
  it('answers GetLocalListVersion with a version (0 before any list), schema-valid, not with a CALLERROR', () => {
    const reply = probe().answer('GetLocalListVersion', {});
    expect(reply).toEqual({ payload: { versionNumber: 0 } });
    expect(validatePayload('2.0.1', 'GetLocalListVersion', 'response', (reply as { payload: Record<string, unknown> }).payload)).toEqual([]);
  });

  it('reports the versionNumber of the last SendLocalList it accepted', () => {
    const p = probe();
    expect(p.answer('SendLocalList', { versionNumber: 7, updateType: 'Full', localAuthorizationList: [] })).toEqual({ payload: { status: 'Accepted' } });
    expect(p.answer('GetLocalListVersion', {})).toEqual({ payload: { versionNumber: 7 } });
    p.answer('SendLocalList', { versionNumber: 8, updateType: 'Differential' });
    expect(p.answer('GetLocalListVersion', {})).toEqual({ payload: { versionNumber: 8 } });
  });
});
