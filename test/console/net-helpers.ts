// Ports for the console tests: a free loopback port for a run config to listen on, and whether something listens there.
import net from 'node:net';
export { freePort } from '../helpers/free-port.ts';

export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
