// The hostile frames every probe sends, as text built by hand (never through JSON.stringify, so any shape is possible).
import { deepJson } from './raw-peer.ts';

/** Under the transports' 16 MiB limit, so it must be received (and traced, cut to the trace's cap). */
export const BIG_FRAME_CHARS = 16 * 1024 * 1024 - 1024;
export const BURST = 10_000;

export interface HostileFrame {
  name: string;
  data: string;
  binary?: boolean;
  /** Text the trace line's raw field starts with. */
  tracedAs: string;
}

export function battery(tag: string): HostileFrame[] {
  const big = `[2,"${tag}-big","DataTransfer",{"vendorId":"${'x'.repeat(BIG_FRAME_CHARS - 60)}"}]`;
  const frames: Array<Omit<HostileFrame, 'tracedAs'>> = [
    { name: 'invalid JSON', data: `[2,"${tag}-1","Heartbeat",{` },
    { name: 'not an array', data: `{"id":"${tag}-2","action":"Heartbeat"}` },
    { name: 'unknown message type', data: `[9,"${tag}-3","Heartbeat",{}]` },
    { name: 'unknown action', data: `[2,"${tag}-4","FlyToTheMoon",{}]` },
    { name: 'answer to an unknown message id', data: `[3,"${tag}-never-sent",{}]` },
    { name: 'binary frame', data: `[2,"${tag}-5","Heartbeat",{}]`, binary: true },
    { name: '20,000-deep nesting', data: `[2,"${tag}-6","DataTransfer",{"vendorId":"x","data":${deepJson(20_000)}}]` },
    { name: '16 MB frame', data: big },
  ];
  return frames.map((f) => ({ ...f, tracedAs: f.data.slice(0, 200) }));
}

/** 10,000 CALLs sent back to back without waiting for answers. */
export function burst(tag: string): string[] {
  return Array.from({ length: BURST }, (_, i) => `[2,"${tag}-b${i}","Heartbeat",{}]`);
}
