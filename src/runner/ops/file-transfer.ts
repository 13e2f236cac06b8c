// The case's file server (src/fileserver): started by the first step that needs it, on the run config's fileServer
// address (any free port on 127.0.0.1 in simulator runs), stopped when the case ends. Every request goes into the case
// trace. HTTPS with the CSMS server certificate when the run's security profile uses TLS (the station trusts that root
// already), plain HTTP otherwise.
import { readFileSync } from 'node:fs';
import { FileServer } from '../../fileserver/index.ts';
import type { FileServerOptions } from '../../fileserver/index.ts';
import type { RunConfig } from '../../config/types.ts';
import { csmsSet, loadTestPki } from '../../pki/index.ts';
import type { CsContext } from '../../states/context.ts';
import { tryLoadRunContext } from '../context.ts';
import { publicHostOf } from './public-host.ts';

const MEMORY_KEY = 'file server';

/** The address a station reaches this machine at when the config does not say: the first external IPv4 address. */
async function serverTls(config: RunConfig): Promise<FileServerOptions['tls']> {
  if (config.securityProfile < 2) return undefined;
  const c = config.certificates;
  if (c.serverCert && c.serverKey) return { certPem: readFileSync(c.serverCert, 'utf8'), keyPem: readFileSync(c.serverKey, 'utf8') };
  if (!c.dir) return undefined;
  const layout = await loadTestPki(c.dir);
  const algorithm = layout.config.algorithms[0];
  if (!algorithm) return undefined;
  const server = csmsSet(layout, algorithm).server;
  return { certPem: server.chainPem, keyPem: server.keyPem };
}

async function optionsFor(cs: CsContext): Promise<FileServerOptions> {
  const onRecord: FileServerOptions['onRecord'] = (r) =>
    cs.peer.note(`file server: ${r.method} ${r.path} from ${r.remote} -> ${r.status}${r.failure ? ` (told to fail: ${r.failure})` : ''}, ${r.bytesIn} bytes in, ${r.bytesOut} out`, r);
  const run = tryLoadRunContext();
  if (!run) return { onRecord };
  const config = run.config;
  const tls = await serverTls(config);
  if (config.actions.kind === 'simulator') return { host: '127.0.0.1', port: 0, onRecord, ...(tls ? { tls } : {}) };
  const fs = config.fileServer;
  const listenHost = config.sut.role === 'ChargingStation' ? config.sut.listen.host : undefined;
  const publicHost = publicHostOf(fs.publicHost, fs.host, listenHost);
  return { host: fs.host, port: fs.port, publicHost, onRecord, ...(tls ? { tls } : {}) };
}

interface EndWork {
  label: string;
  work: () => Promise<unknown>;
}

/** What runs when the case ends, in this order: transfers are let finish, the server stops, then what needs them over. */
interface CaseEnd {
  finishTransfers: EndWork[];
  afterTransfers: EndWork[];
}

async function runAll(cs: CsContext, list: EndWork[], failures: string[]): Promise<void> {
  for (const w of list) {
    try {
      await w.work();
      cs.peer.note(`clean-up done: ${w.label}`);
    } catch (e) {
      failures.push(`${w.label}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** The case's file server, started on first use and stopped with the case (after the transfers were let finish). */
export async function fileServerOf(cs: CsContext): Promise<FileServer> {
  const existing = cs.memory.get(MEMORY_KEY) as FileServer | undefined;
  if (existing) return existing;
  const server = await FileServer.start(await optionsFor(cs));
  cs.memory.set(MEMORY_KEY, server);
  const end: CaseEnd = { finishTransfers: [], afterTransfers: [] };
  cs.memory.set(`${MEMORY_KEY} end`, end);
  cs.peer.note(`file server listening: ${server.url('/')}`);
  cs.cleanUp?.('stop the file server', async () => {
    const failures: string[] = [];
    await runAll(cs, end.finishTransfers, failures);
    await server.stop();
    await runAll(cs, end.afterTransfers, failures);
    if (failures.length > 0) throw new Error(failures.join('; '));
  });
  return server;
}

/** Clean-up that lets a transfer the case left running end, before the file server stops. */
export async function finishTransferAtEnd(cs: CsContext, label: string, work: () => Promise<unknown>): Promise<void> {
  await fileServerOf(cs);
  (cs.memory.get(`${MEMORY_KEY} end`) as CaseEnd).finishTransfers.push({ label, work });
}

/** Clean-up that must wait until every transfer is over (e.g. removing the trust a firmware update relied on). */
export async function afterTransfersAtEnd(cs: CsContext, label: string, work: () => Promise<unknown>): Promise<void> {
  await fileServerOf(cs);
  (cs.memory.get(`${MEMORY_KEY} end`) as CaseEnd).afterTransfers.push({ label, work });
}
