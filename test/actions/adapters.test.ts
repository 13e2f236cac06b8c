// Every SUT-action / operator-trigger adapter against a tiny local HTTP server (or a shell), checking what goes on the wire.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionFailed, CommandAdapter, HttpGatewayActions, HttpMappingAdapter, HttpOcttTriggers, PromptAdapter } from '../../src/actions/index.ts';

interface Seen {
  method: string;
  url: string;
  body: string;
}
let server: Server;
let base = '';
const seen: Seen[] = [];
let reply: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"ok":true,"response":{"status":"Accepted"}}');
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', body });
      reply(req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

describe('http-gateway adapter', () => {
  it('uses the bench gateway paths and query parameters', async () => {
    seen.length = 0;
    const a = new HttpGatewayActions(base);
    await a.plugIn(1, 2);
    await a.presentIdToken('TAG 1', 'ISO14443', 1);
    await a.reboot();
    await a.parkingBay(true, 1);
    await a.setOnline(false);
    await a.evState('suspendedEV', 1, 1);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /api/v1/plugin?evse_id=1&connector_id=2',
      'POST /api/v1/authorize?id=TAG+1&type=ISO14443&evse_id=1',
      'POST /api/v1/reboot',
      'POST /api/v1/parkingbay?evse_id=1&state=occupied',
      'POST /api/v1/offline',
      'POST /api/v1/state?state=suspendedEV&evse_id=1&connector_id=1',
    ]);
  });
  it('turns an HTTP error into ActionFailed', async () => {
    reply = (_req, res) => {
      res.writeHead(409);
      res.end('busy');
    };
    await expect(new HttpGatewayActions(base).plugOut(1, 1)).rejects.toBeInstanceOf(ActionFailed);
    reply = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true,"response":{"status":"Accepted"}}');
    };
  });
});

describe('http-octt adapter', () => {
  it('posts the request payload to call/{Action} and unwraps the response', async () => {
    seen.length = 0;
    const t = new HttpOcttTriggers(base, '2.0.1', 'CS 1');
    await expect(t.send('Reset', { type: 'OnIdle' })).resolves.toEqual({ status: 'Accepted' });
    await t.helper('set-pending-boot', { pending: true });
    expect(seen[0]).toEqual({ method: 'POST', url: '/api/octt/2.0.1/CS%201/call/Reset', body: '{"type":"OnIdle"}' });
    expect(seen[1]?.url).toBe('/api/octt/2.0.1/CS%201/set-pending-boot');
  });
  it('status semantics: 2xx callerror and 504 are delivered; 502 and other errors are not delivered', async () => {
    const outcome = async (status: number, body: string): Promise<unknown> => {
      reply = (_req, res) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body);
      };
      return new HttpOcttTriggers(base, '2.0.1', 'X').send('Reset', {}).catch((e: unknown) => e);
    };
    const callError = await outcome(200, '{"ok":false,"error":{"kind":"callerror","code":"NotSupported"}}');
    expect(callError).toBeInstanceOf(ActionFailed);
    expect((callError as ActionFailed).delivered).toBe(true);
    expect(((await outcome(504, '{"ok":false,"error":{"kind":"timeout"}}')) as ActionFailed).delivered).toBe(true);
    // A gateway error of the trigger endpoint means it could not reach the station: not delivered (INCONCLUSIVE).
    const badGateway = await outcome(502, '{"ok":false,"error":{"kind":"callerror"}}');
    expect((badGateway as ActionFailed).delivered).toBe(false);
    expect((badGateway as ActionFailed).message).toContain('could not deliver');
    expect(await outcome(200, '{"ok":true,"response":{"status":"Accepted"}}')).toEqual({ status: 'Accepted' });
    reply = (_req, res) => {
      res.writeHead(404);
      res.end('{"ok":false,"error":{"kind":"not-connected"}}');
    };
    const e2 = await new HttpOcttTriggers(base, '2.0.1', 'X').send('Reset', {}).catch((e: unknown) => e);
    expect((e2 as ActionFailed).delivered).toBe(false);
    reply = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true,"response":{}}');
    };
  });
});

describe('http-mapping adapter', () => {
  it('fills URL and body templates, encoding values', async () => {
    seen.length = 0;
    const m = new HttpMappingAdapter(
      {
        plugIn: { method: 'PUT', urlTemplate: `${base}/evse/{evseId}/plug?c={connectorId}&s={station}` },
        'send:Reset': { method: 'POST', urlTemplate: `${base}/reset`, bodyTemplate: '{"station":"{station}","payload":{payload}}' },
      },
      { station: 'a/b' },
    );
    await m.plugIn(1, 2);
    await m.send('Reset', { type: 'Immediate' });
    expect(seen[0]).toMatchObject({ method: 'PUT', url: '/evse/1/plug?c=2&s=a%2Fb' });
    expect(JSON.parse(seen[1]?.body ?? '')).toEqual({ station: 'a/b', payload: { type: 'Immediate' } });
  });
  it('a missing entry or placeholder is ActionFailed', async () => {
    const m = new HttpMappingAdapter({ reboot: { method: 'POST', urlTemplate: `${base}/{nope}` } });
    await expect(m.plugOut(1, 1)).rejects.toThrow(/no entry for plugOut/);
    await expect(m.reboot()).rejects.toThrow(/\{nope\}/);
  });
});

describe('command adapter', () => {
  it('runs the command with quoted placeholders and returns parsed stdout', async () => {
    const c = new CommandAdapter({ presentIdToken: "printf '{\"got\":\"%s/%s\"}' {idToken} {type}", '*': 'exit 3' });
    await expect(c.run('presentIdToken', { idToken: "it's", type: 'ISO14443' })).resolves.toEqual({ got: "it's/ISO14443" });
    await expect(c.reboot()).rejects.toThrow(/exited with 3/);
  });
});

describe('prompt adapter', () => {
  it('resolves on Enter, fails on "fail", and times out', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const p = new PromptAdapter(2000, { input, output });
    const done = p.plugIn(1, 1);
    input.write('\n');
    await expect(done).resolves.toBeUndefined();
    const failed = p.reboot();
    input.write('fail\n');
    await expect(failed).rejects.toBeInstanceOf(ActionFailed);
    const slow = new PromptAdapter(50, { input: new PassThrough(), output });
    await expect(slow.reboot()).rejects.toThrow(/within/);
  });
});
