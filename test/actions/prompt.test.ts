// Prompts a person sees and the waits that go with them: the terminal shows the instruction and a countdown on
// announce lines (which a run always shows), another UI can answer instead (PromptUi), and a request the person makes
// the CSMS send may come as late as the person may take (no false FAIL after the usual deadline).
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ActionFailed, PromptAdapter } from '../../src/actions/index.ts';
import type { PromptRequest, PromptUi } from '../../src/actions/prompt.ts';
import { StationPeer } from '../../src/peer/station-peer.ts';
import { MemoryTrace } from '../../src/report/trace.ts';
import { announcedLines } from '../../src/runner/announce.ts';
import { stationSutConfig } from '../../src/runner/simulator-config.ts';
import { engineSettings, effectiveBench } from '../../src/runner/context.ts';

describe('terminal prompt', () => {
  it('shows the instruction and a countdown on announce lines, and times out as INCONCLUSIVE material', async () => {
    const output = new PassThrough();
    let shown = '';
    output.on('data', (c: Buffer) => (shown += c.toString('utf8')));
    const p = new PromptAdapter(2500, { input: new PassThrough(), output });
    const err = await p.reboot().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ActionFailed);
    const { lines } = announcedLines('', shown);
    expect(lines[0]).toBe('>>> ACTION NEEDED: power-cycle (reboot) the Charging Station');
    expect(lines.some((l) => /^>>> \d+ s left to confirm: power-cycle/.test(l))).toBe(true);
  });

  it('announcedLines keeps only the prefixed lines and carries a split line over', () => {
    const a = announcedLines('', 'noise\n>>> wait');
    expect(a.lines).toEqual([]);
    const b = announcedLines(a.rest, 'ing for CS001\nmore noise\n');
    expect(b.lines).toEqual(['>>> waiting for CS001']);
  });
});

describe('pluggable prompt UI', () => {
  it('another UI (e.g. a browser console) answers the same requests', async () => {
    const asked: PromptRequest[] = [];
    const ui: PromptUi = { ask: (r) => (asked.push(r), Promise.resolve(asked.length === 1 ? 'done' : 'failed')) };
    const p = new PromptAdapter(1000, ui, 'CS001');
    await expect(p.plugIn(1, 1)).resolves.toBeUndefined();
    await expect(p.send('Reset', { type: 'OnIdle' })).rejects.toThrow(/could not be done/);
    expect(asked.map((r) => r.instruction)).toEqual(['plug the EV into EVSE 1, connector 1 of CS001', 'make the CSMS send a ResetRequest with {"type":"OnIdle"} to CS001']);
  });
});

describe('waiting for what a person makes the CSMS do', () => {
  it('the wait lasts as long as the person may take, plus the usual deadline', async () => {
    const config = stationSutConfig();
    const peer = new StationPeer({
      version: '2.0.1',
      trace: new MemoryTrace(),
      timing: { expectMs: 300, connectMs: 300, bootMs: 300, reconnectGapMs: 0 },
      csmsUrl: 'ws://127.0.0.1:1/',
      identity: 'X',
      securityProfile: 0,
      password: null,
      settings: engineSettings({ config, engine: effectiveBench(config.bench) }),
    });
    peer.awaitPersonUntil(Date.now() + 1500, new Promise(() => undefined));
    const waiting = peer.expectRequest('Reset');
    // The CSMS sends its request 1 s later: after the usual 300 ms, within the person's time.
    setTimeout(() => peer.inbox.add({ at: Date.now(), action: 'Reset', payload: { type: 'OnIdle' }, frame: { type: 2, id: '1', action: 'Reset', payload: { type: 'OnIdle' } }, connection: 0 }), 1000);
    await expect(waiting).resolves.toMatchObject({ action: 'Reset' });
  });
});
