// The operator console's HTTP server: the page, a JSON API, one event stream (SSE) every tab subscribes to, the bench
// broker the runner posts prompts to, and the report files. Everything needs the access token; nothing is fetched from
// anywhere else. The console is a remote control and a view: runs are the `run` command (runs.ts), verdicts and wire
// logs are the files the runner writes.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SelectionError } from '../cli/selection.ts';
import { BenchDesk } from './bench.ts';
import type { BenchEvent, BenchPrompt } from './bench.ts';
import { runDetail, listRuns, runFolder } from './history.ts';
import { authorize, BadRequest, readJson, sendFile, sendJson } from './http-util.ts';
import { RunConflict, RunControl } from './runs.ts';
import type { RunEvent, RunRequest } from './runs.ts';
import { ChoiceError, configOf, listChoices, previewSelection } from './sut-choices.ts';
import type { SelectionRequest, SutChoice } from './sut-choices.ts';
import { parseTraceLines } from './run-watch.ts';

const UI_DIR = join(dirname(fileURLToPath(import.meta.url)), 'ui');

export interface ConsoleOptions {
  host?: string;
  port?: number;
  /** Run configs to offer (the examples are always offered too). */
  configs?: string[];
  /** Where the console's own process works; reports of simulator runs go to <cwd>/reports. */
  cwd?: string;
  /** true (default): the runner's terminal prompt reads this process's stdin too. */
  terminalPrompts?: boolean;
  /** Told about every prompt (the terminal shows it there when no browser is open). */
  onPrompt?: (prompt: BenchPrompt) => void;
  token?: string;
}

export interface ConsoleServer {
  /** The URL to open, with the access token. */
  url: string;
  origin: string;
  token: string;
  runs: RunControl;
  close(): Promise<void>;
}

type ConsoleEvent = RunEvent | BenchEvent;

export async function startConsole(options: ConsoleOptions = {}): Promise<ConsoleServer> {
  const token = options.token ?? randomBytes(18).toString('base64url');
  const cwd = resolve(options.cwd ?? process.cwd());
  const host = options.host ?? '127.0.0.1';
  const subscribers = new Set<ServerResponse>();
  const publish = (event: ConsoleEvent): void => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of subscribers) res.write(line);
  };
  let choices: SutChoice[] = listChoices(options.configs ?? []);
  const reportBases = (): string[] => [
    ...new Set([
      resolve(cwd, 'reports'),
      ...choices.flatMap((c) => {
        if (!c.key.startsWith('config:') || c.problems) return [];
        try {
          return [configOf(c.key, choices).report.dir];
        } catch {
          return [];
        }
      }),
    ]),
  ];
  let brokerUrl = '';
  const runs = new RunControl({ brokerUrl: () => brokerUrl, choices: () => choices, publish, terminalPrompts: options.terminalPrompts ?? true, cwd });
  const bench = new BenchDesk((event) => {
    if (event.type === 'prompt-opened') {
      const owner = runs.list().find((r) => r.runDir && event.prompt.context && dirname(event.prompt.context) === r.runDir);
      if (owner) {
        event.prompt.run = owner.key;
        const caseId = owner.running[owner.running.length - 1];
        if (caseId) event.prompt.caseId = caseId;
      }
      options.onPrompt?.(event.prompt);
    }
    publish(event);
  });

  const api = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/api/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`data: ${JSON.stringify({ type: 'hello', runs: runs.list(), prompts: bench.open() })}\n\n`);
      subscribers.add(res);
      req.on('close', () => subscribers.delete(res));
      return;
    }
    if (method === 'GET' && path === '/api/choices') {
      choices = listChoices(options.configs ?? []);
      return sendJson(res, 200, choices);
    }
    if (method === 'POST' && path === '/api/preview') return sendJson(res, 200, previewSelection(selection(await readJson(req)), choices));
    if (method === 'POST' && path === '/api/runs') {
      const body = (await readJson(req)) as { html?: unknown; faults?: unknown };
      const faults = Array.isArray(body.faults) ? body.faults.filter((f): f is string => typeof f === 'string' && /^[A-Za-z0-9.]+$/.test(f)) : [];
      const request: RunRequest = { ...selection(body), html: body.html !== false, faults };
      return sendJson(res, 202, runs.start(request));
    }
    const stop = /^\/api\/runs\/([A-Za-z0-9]+)\/stop$/.exec(path);
    if (method === 'POST' && stop?.[1]) return sendJson(res, runs.stop(stop[1]) ? 200 : 409, { stopped: stop[1] });
    if (method === 'GET' && path === '/api/trace') return sendTrace(res, url, runs, reportBases());
    if (method === 'GET' && path === '/api/history') return sendJson(res, 200, { bases: reportBases(), runs: listRuns(reportBases()) });
    if (method === 'GET' && path === '/api/run-detail') {
      const detail = runDetail(reportBases(), Number(url.searchParams.get('base') ?? 0), url.searchParams.get('id') ?? '');
      return detail ? sendJson(res, 200, detail) : sendJson(res, 404, { error: 'no such run (or it has no summary yet)' });
    }
    if (method === 'POST' && path === '/api/bench/prompts') return bench.accept(await readJson(req), req, res);
    const answer = /^\/api\/bench\/prompts\/([0-9a-f-]+)\/answer$/.exec(path);
    if (method === 'POST' && answer?.[1]) {
      const body = (await readJson(req)) as { answer?: unknown };
      if (body.answer !== 'done' && body.answer !== 'cannot') throw new BadRequest('answer is "done" or "cannot"');
      return sendJson(res, bench.answer(answer[1], body.answer) ? 200 : 410, { id: answer[1] });
    }
    sendJson(res, 404, { error: `no such endpoint: ${method} ${path}` });
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://console.invalid');
    if (!authorize(req, res, url, token)) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('401: open the URL `ocpp-conformance console` printed; it carries the access token.\n');
      return;
    }
    res.setHeader('x-content-type-options', 'nosniff');
    const handle = async (): Promise<void> => {
      if (url.pathname.startsWith('/api/')) return api(req, res, url);
      const report = /^\/reports\/(\d+)\/(.+)$/.exec(url.pathname);
      if (report?.[1] && report[2]) {
        const root = reportBases()[Number(report[1])];
        return root ? sendFile(res, root, decodeURIComponent(report[2])) : sendJson(res, 404, { error: 'no such report base' });
      }
      if (url.pathname === '/' || url.pathname === '/index.html') return sendFile(res, UI_DIR, 'index.html');
      if (/^\/[a-z-]+\.(js|css|svg)$/.test(url.pathname)) return sendFile(res, UI_DIR, url.pathname);
      res.writeHead(404).end();
    };
    handle().catch((e: unknown) => {
      if (res.headersSent) return res.end();
      const status = e instanceof BadRequest || e instanceof ChoiceError || e instanceof SelectionError ? 400 : e instanceof RunConflict ? 409 : 500;
      sendJson(res, status, { error: e instanceof Error ? e.message : String(e) });
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => done());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const origin = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  // The runner reaches the broker on the loopback address whatever host the page is exposed on.
  brokerUrl = `http://127.0.0.1:${port}/api/bench/prompts?token=${encodeURIComponent(token)}`;
  const keepAlive = setInterval(() => {
    for (const res of subscribers) res.write(': keep-alive\n\n');
  }, 15_000);
  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    token,
    runs,
    close: async () => {
      clearInterval(keepAlive);
      runs.stopAll();
      for (const res of subscribers) res.end();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

function selection(body: unknown): SelectionRequest {
  const b = (body ?? {}) as Record<string, unknown>;
  const words = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : undefined);
  if (typeof b['sut'] !== 'string') throw new BadRequest('say which SUT: "sut"');
  return { sut: b['sut'], profile: typeof b['profile'] === 'string' && b['profile'] ? b['profile'] : undefined, blocks: words(b['blocks']), cases: words(b['cases']) };
}

/** The wire log of one case: of a console run (by run key) or of any run folder (by base and id). */
function sendTrace(res: ServerResponse, url: URL, runs: RunControl, bases: string[]): void {
  const caseId = url.searchParams.get('case') ?? '';
  if (!/^TC_[A-Z0-9_]+$/.test(caseId)) return sendJson(res, 400, { error: 'case is a case id' });
  const runKey = url.searchParams.get('run');
  const dir = runKey ? runs.get(runKey)?.runDir : runFolder(bases, Number(url.searchParams.get('base') ?? 0), url.searchParams.get('id') ?? '');
  const file = dir ? join(dir, 'traces', `${caseId}.ndjson`) : undefined;
  if (!file || !existsSync(file)) return sendJson(res, 404, { error: 'no trace for this case (yet)' });
  const text = readFileSync(file, 'utf8');
  // Only complete lines: the live stream continues from exactly this count.
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  sendJson(res, 200, { events: parseTraceLines(complete), count: complete.split('\n').filter((l) => l.trim() !== '').length });
}
