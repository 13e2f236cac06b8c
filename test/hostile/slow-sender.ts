// A peer that opens TCP and sends its WebSocket upgrade request one byte per second: the server must cut it off
// within its handshake deadline instead of waiting for ever.
import { connect } from 'node:net';

/** Resolves with how long the server let the slow sender live (ms); rejects if it is still open after `giveUpMs`. */
export function slowSender(port: number, giveUpMs: number): Promise<number> {
  const request = `GET /ocpp/SLOW HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let i = 0;
    const tick = setInterval(() => {
      if (i < request.length && socket.writable) socket.write(request[i++] ?? '');
    }, 1_000);
    const giveUp = setTimeout(() => {
      clearInterval(tick);
      socket.destroy();
      reject(new Error(`the one-byte-per-second sender was still connected after ${giveUpMs} ms`));
    }, giveUpMs);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(tick);
      clearTimeout(giveUp);
      resolve(Date.now() - started);
    });
  });
}
