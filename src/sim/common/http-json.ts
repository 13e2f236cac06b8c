// A tiny JSON-over-HTTP router for the simulators' action APIs. Generic: routes are (method, path) -> handler.
// Query parameters and a JSON (or form-encoded) body are merged into one flat parameter map.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface JsonRequest {
  method: string;
  path: string;
  /** Query string and body fields, body winning on conflicts; values are strings. */
  params: Record<string, string>;
  /** The parsed JSON body, when there was one. */
  body: unknown;
}

export interface JsonReply {
  status?: number;
  body: unknown;
}

/** Throw from a handler to answer 4xx/5xx with `{ ok: false, error }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export type JsonHandler = (req: JsonRequest) => JsonReply | Promise<JsonReply>;

export interface JsonRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: JsonHandler;
}

export interface JsonServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY) throw new HttpError(413, `request body larger than ${MAX_BODY} bytes`);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function flatten(value: unknown, into: Record<string, string>): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string') into[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') into[k] = String(v);
  }
}

/**
 * Answers with a JSON body; never throws. A body JSON.stringify cannot write (a station's payload nested 20,000 levels
 * deep, a cycle) becomes a 500 naming the cause, so a hostile peer cannot take a simulator down through its HTTP API.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  let code = status;
  let text: string;
  try {
    text = JSON.stringify(body) ?? 'null';
  } catch (e) {
    code = 500;
    text = JSON.stringify({ ok: false, error: `the answer could not be written as JSON: ${e instanceof Error ? e.message : String(e)}` });
  }
  try {
    if (res.headersSent) {
      res.end();
      return;
    }
    res.writeHead(code, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  } catch {
    res.destroy();
  }
}

const send = sendJson;

export async function startJsonServer(opts: { host?: string; port?: number; routes: JsonRoute[] }): Promise<JsonServer> {
  const routes = opts.routes;
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const path = url.pathname.replace(/\/+$/, '') || '/';
        const samePath = routes.filter((r) => r.path === path);
        if (samePath.length === 0) throw new HttpError(404, `no route ${path}`);
        const route = samePath.find((r) => r.method === req.method);
        if (!route) throw new HttpError(405, `${req.method ?? '?'} not allowed on ${path}; use ${samePath.map((r) => r.method).join(', ')}`);
        const params: Record<string, string> = {};
        for (const [k, v] of url.searchParams) params[k] = v;
        const text = await readBody(req);
        let body: unknown;
        if (text.trim() !== '') {
          const type = req.headers['content-type'] ?? '';
          if (type.includes('application/x-www-form-urlencoded')) {
            for (const [k, v] of new URLSearchParams(text)) params[k] = v;
          } else {
            try {
              body = JSON.parse(text) as unknown;
            } catch {
              throw new HttpError(400, 'request body is not valid JSON');
            }
            flatten(body, params);
          }
        }
        const reply = await route.handler({ method: req.method ?? 'GET', path, params, body });
        send(res, reply.status ?? 200, reply.body);
      } catch (e) {
        if (e instanceof HttpError) send(res, e.status, { ok: false, error: e.message });
        else send(res, 500, { ok: false, error: e instanceof Error ? e.message : String(e) });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host}:${addr.port}`,
    port: addr.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
