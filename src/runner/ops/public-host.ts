// The address a SUT reaches one of the test system's own servers at (file server, OCSP service): the configured
// public host, else the listen host when it is a specific address, else this machine's first external IPv4 address.
import { networkInterfaces } from 'node:os';

function externalAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

const specific = (h: string | undefined): string | undefined => (h && h !== '0.0.0.0' && h !== '::' ? h : undefined);

/** `hosts` in order of preference: configured public host first, then listen hosts that are specific addresses. */
export function publicHostOf(configured: string | null, ...listenHosts: Array<string | undefined>): string {
  return configured ?? listenHosts.map(specific).find((h) => h !== undefined) ?? externalAddress() ?? '127.0.0.1';
}
