// Connection set-up time of the transport over loopback, per security profile: from calling connect()
// until it resolves (TCP + TLS + HTTP upgrade + auth checks), sequentially, p50 and p99.
// Run alone with `npx tsx bench/transport.ts`, or through bench/run.ts.

import { pathToFileURL } from 'node:url';
import type { IssuedCert, KeyAlgorithm } from '../src/pki/index.ts';
import { createRootCa, issueCertificate } from '../src/pki/index.ts';
import type { ClientOptions } from '../src/transport/client.ts';
import { connect } from '../src/transport/client.ts';
import type { ServerOptions } from '../src/transport/server.ts';
import { startServer } from '../src/transport/server.ts';
import type { WireSocket } from '../src/transport/types.ts';
import type { BenchRow } from './bench-row.ts';

const CONNECTIONS = 50;
const WARMUP = 3;
const PASSWORD = 'bench-password-0123456789';

function percentile(sorted: number[], p: number): number {
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] ?? Number.NaN;
}

async function pki(algorithm: KeyAlgorithm): Promise<{ root: IssuedCert; server: IssuedCert; station: IssuedCert }> {
  const root = await createRootCa({ commonName: `Bench ${algorithm} Root`, algorithm });
  const [server, station] = await Promise.all([
    issueCertificate({ issuer: root, commonName: 'csms.bench', algorithm, usage: 'server', ipAddresses: ['127.0.0.1'] }),
    issueCertificate({ issuer: root, commonName: 'BENCH01', algorithm, usage: 'client' }),
  ]);
  return { root, server, station };
}

async function measure(
  name: string,
  server: Omit<ServerOptions, 'onConnection' | 'subprotocols'>,
  client: (url: string) => ClientOptions,
): Promise<BenchRow[]> {
  const serverSockets: WireSocket[] = [];
  const srv = await startServer({ ...server, subprotocols: ['ocpp2.0.1'], onConnection: (s) => serverSockets.push(s) });
  const times: number[] = [];
  try {
    for (let i = 0; i < WARMUP + CONNECTIONS; i += 1) {
      const started = performance.now();
      const socket = await connect(client(srv.url));
      const elapsed = performance.now() - started;
      if (i >= WARMUP) times.push(elapsed);
      const gone = new Promise<void>((resolve) => socket.onClose(() => resolve()));
      socket.close(1000, 'bench');
      await gone;
    }
  } finally {
    await srv.close();
  }
  times.sort((a, b) => a - b);
  return [
    { name: `${name} connect p50`, value: percentile(times, 50), unit: 'ms' },
    { name: `${name} connect p99`, value: percentile(times, 99), unit: 'ms' },
  ];
}

export async function benchTransport(): Promise<BenchRow[]> {
  const [rsa, ec] = await Promise.all([pki('RSA'), pki('ECDSA-P256')]);
  const base = { identity: 'BENCH01', subprotocols: ['ocpp2.0.1'] };
  const rows: BenchRow[] = [];
  rows.push(...(await measure('SP0 ws', { securityProfile: 0 }, (url) => ({ ...base, url, securityProfile: 0 }))));
  rows.push(
    ...(await measure('SP1 ws+basic', { securityProfile: 1, checkPassword: (_id, pw) => pw === PASSWORD }, (url) => ({
      ...base,
      url,
      securityProfile: 1,
      password: PASSWORD,
    }))),
  );
  for (const [label, h] of [
    ['RSA-2048', rsa],
    ['ECDSA-P256', ec],
  ] as const) {
    rows.push(
      ...(await measure(
        `SP2 wss+basic ${label}`,
        { securityProfile: 2, checkPassword: (_id, pw) => pw === PASSWORD, tls: { certPem: h.server.certPem, keyPem: h.server.keyPem } },
        (url) => ({ ...base, url, securityProfile: 2, password: PASSWORD, tls: { caPem: h.root.certPem } }),
      )),
    );
  }
  for (const [label, h] of [
    ['ECDSA-P256', ec],
    ['RSA-2048', rsa],
  ] as const) {
    rows.push(
      ...(await measure(
        `SP3 mTLS ${label}`,
        { securityProfile: 3, tls: { certPem: h.server.certPem, keyPem: h.server.keyPem, caPem: h.root.certPem } },
        (url) => ({ ...base, url, securityProfile: 3, tls: { caPem: h.root.certPem, certPem: h.station.certPem, keyPem: h.station.keyPem } }),
      )),
    );
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchTransport();
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`transport connection set-up, ${CONNECTIONS} sequential connections each (after ${WARMUP} warm-up)`);
  for (const row of rows) console.log(`  ${row.name.padEnd(width)}  ${row.value.toFixed(2).padStart(8)} ${row.unit}`);
}
