// An in-memory WireSocket pair for tests: what one side sends, the other receives on a later turn of the event
// loop (setImmediate, in order), never synchronously, like a real socket.
import type { HandshakeFacts, WireSocket } from '../../src/transport/types.ts';

export interface MemorySocket extends WireSocket {
  /** Every text this side put on the wire, in order (the wire as seen from here). */
  readonly sent: string[];
  readonly isClosed: boolean;
}

let pairCounter = 0;

class MemoryEnd implements MemorySocket {
  readonly sent: string[] = [];
  peer: MemoryEnd | undefined;
  private readonly messageListeners: Array<(text: string, isBinary: boolean) => void> = [];
  private readonly closeListeners: Array<(code: number, reason: string) => void> = [];
  private closedFlag = false;

  constructor(readonly facts: HandshakeFacts) {}

  get isClosed(): boolean {
    return this.closedFlag;
  }

  send(text: string): void {
    if (this.closedFlag) throw new Error('memory socket: send after close');
    this.sent.push(text);
    const peer = this.peer;
    setImmediate(() => peer?.deliver(text, false));
  }

  /** Test hook: deliver a binary message to the other side. */
  sendBinary(text: string): void {
    this.sent.push(text);
    const peer = this.peer;
    setImmediate(() => peer?.deliver(text, true));
  }

  close(code = 1000, reason = ''): void {
    this.shutdown(code, reason);
  }

  terminate(): void {
    this.shutdown(1006, '');
  }

  onMessage(listener: (text: string, isBinary: boolean) => void): void {
    this.messageListeners.push(listener);
  }

  onClose(listener: (code: number, reason: string) => void): void {
    this.closeListeners.push(listener);
  }

  private deliver(text: string, isBinary: boolean): void {
    if (this.closedFlag) return;
    for (const l of this.messageListeners) l(text, isBinary);
  }

  private shutdown(code: number, reason: string): void {
    if (this.closedFlag) return;
    const peer = this.peer;
    // Messages already in flight are delivered first (setImmediate keeps order), then both ends see the close.
    setImmediate(() => {
      this.finish(code, reason);
      peer?.finish(code, reason);
    });
    this.closedFlag = true;
  }

  private finish(code: number, reason: string): void {
    this.closedFlag = true;
    const listeners = this.closeListeners.splice(0);
    for (const l of listeners) l(code, reason);
  }
}

function facts(id: string, side: 'server' | 'client'): HandshakeFacts {
  return {
    connectionId: id,
    side,
    url: 'ws://memory/CS001',
    identity: 'CS001',
    offeredSubprotocols: ['ocpp2.0.1', 'ocpp2.1'],
    chosenSubprotocol: 'ocpp2.0.1',
  };
}

/** [server side (plays the CSMS), client side (plays the station)] */
export function createSocketPair(): [MemorySocket & { sendBinary(text: string): void }, MemorySocket & { sendBinary(text: string): void }] {
  pairCounter++;
  const a = new MemoryEnd(facts(`mem-${pairCounter}-server`, 'server'));
  const b = new MemoryEnd(facts(`mem-${pairCounter}-client`, 'client'));
  a.peer = b;
  b.peer = a;
  return [a, b];
}
