// The live waiting line: on a TTY one line rewritten in place (and taken away around ordinary lines); elsewhere a
// plain line once a wait lasted a few seconds, then at most every few seconds.
import { describe, expect, it } from 'vitest';
import { WaitingLine } from '../../src/cli/waiting-line.ts';

function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('WaitingLine', () => {
  it('not a TTY: nothing for a short wait; a line after everyMs, then at most one per everyMs', () => {
    const printed: string[] = [];
    const c = clock();
    const live = new WaitingLine((l) => printed.push(l), { everyMs: 5000, now: c.now });
    live.onSignal({ kind: 'wait', caseId: 'TC_B_03_CS', id: 1, what: 'a BootNotificationRequest from the SUT', withinMs: 61_000 });
    for (let i = 0; i < 4; i++) {
      c.advance(1000);
      live.tick();
    }
    expect(printed).toEqual([]);
    c.advance(1000);
    live.tick();
    expect(printed).toEqual(['waiting: TC_B_03_CS for a BootNotificationRequest from the SUT (5 s of up to 61 s)']);
    for (let i = 0; i < 4; i++) {
      c.advance(1000);
      live.tick();
    }
    expect(printed).toHaveLength(1);
    c.advance(1000);
    live.tick();
    expect(printed[1]).toBe('waiting: TC_B_03_CS for a BootNotificationRequest from the SUT (10 s of up to 61 s)');
    live.onSignal({ kind: 'waited', caseId: 'TC_B_03_CS', id: 1 });
    c.advance(10_000);
    live.tick();
    expect(printed).toHaveLength(2);
  });

  it('a TTY: the line is rewritten in place each tick, erased before an ordinary line and drawn again after it', () => {
    const written: string[] = [];
    const printed: string[] = [];
    const c = clock();
    const terminal = { isTTY: true, columns: 200, write: (t: string) => written.push(t) };
    const live = new WaitingLine((l) => printed.push(l), { terminal, now: c.now });
    live.onSignal({ kind: 'wait', caseId: 'TC_B_01_CS', id: 1, what: "the SUT's ResetResponse", withinMs: 30_000 });
    expect(written.at(-1)).toBe("\r\u001b[2Kwaiting: TC_B_01_CS for the SUT's ResetResponse (0 s of up to 30 s)");
    c.advance(2000);
    live.tick();
    expect(written.at(-1)).toBe("\r\u001b[2Kwaiting: TC_B_01_CS for the SUT's ResetResponse (2 s of up to 30 s)");
    expect(written.every((w) => !w.includes('\n'))).toBe(true);
    const before = written.length;
    live.line('[1/2] PASS  TC_B_02_CS  1.0s');
    expect(written[before]).toBe('\r\u001b[2K');
    expect(printed).toEqual(['[1/2] PASS  TC_B_02_CS  1.0s']);
    expect(written.at(-1)?.startsWith('\r\u001b[2Kwaiting: TC_B_01_CS')).toBe(true);
    live.caseDone('TC_B_01_CS');
    live.tick();
    expect(written.at(-1)).toBe('\r\u001b[2K');
  });

  it('a narrow terminal gets the line cut to its width; parallel cases share the line', () => {
    const written: string[] = [];
    const live = new WaitingLine(() => undefined, { terminal: { isTTY: true, columns: 40, write: (t: string) => written.push(t) }, now: () => 0 });
    live.onSignal({ kind: 'wait', caseId: 'TC_A', id: 1, what: 'x', withinMs: 1000 });
    live.onSignal({ kind: 'wait', caseId: 'TC_B', id: 2, what: 'y', withinMs: 2000 });
    expect(live.text()).toBe('waiting: TC_A for x (0 s of up to 1 s) | TC_B for y (0 s of up to 2 s)');
    expect((written.at(-1) ?? '').replace('\r\u001b[2K', '')).toHaveLength(39);
  });

  it('a terminal that reports width 0 (no size known) gets 80 columns, not a cut-off stub', () => {
    const written: string[] = [];
    const live = new WaitingLine(() => undefined, { terminal: { isTTY: true, columns: 0, write: (t: string) => written.push(t) }, now: () => 0 });
    live.onSignal({ kind: 'wait', caseId: 'TC_B_01_CSMS', id: 1, what: "the SUT's BootNotificationResponse", withinMs: 6000 });
    expect(written.at(-1)).toBe("\r\u001b[2Kwaiting: TC_B_01_CSMS for the SUT's BootNotificationResponse (0 s of up to 6 s)");
  });
});
