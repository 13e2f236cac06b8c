// Proof that the HTML report works offline and makes no request to any third-party host:
// generate it from real results, serve it on 127.0.0.1, open it in Debian's chromium, record every request the browser
// makes (page, context, workers, service workers, websockets, popups), and read the failed case's trace in the page.

import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { generateHtmlReport, writeAllureResults } from '../../src/report/allure.ts';
import { writeAllReports } from '../../src/report/index.ts';
import { KNOWN_FRAME_MARKER, tempDir, threeCaseRun } from './fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const UI_DEADLINE_MS = 20_000;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Tiny static file server for outDir on 127.0.0.1, port 0. Records every path it was asked for. */
async function serve(root: string): Promise<{ origin: string; served: string[] }> {
  const served: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    served.push(url.pathname);
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(root, rel.endsWith('/') ? `${rel}index.html` : rel);
    if (!file.startsWith(path.resolve(root) + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        const type = /\.html$/.test(file) ? 'text/html; charset=utf-8' : /\.js$/.test(file) ? 'text/javascript' : /\.css$/.test(file) ? 'text/css' : /\.json$/.test(file) ? 'application/json' : /\.svg$/.test(file) ? 'image/svg+xml' : 'application/octet-stream';
        res.writeHead(200, { 'content-type': type }).end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, served };
}

/** Launches chromium with a fresh profile and records every request URL the browser makes, from anywhere. */
async function launchRecording(): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  // Not a skip: CI installs chromium (.ci/run), so its absence is a broken environment and must fail loudly.
  expect(existsSync(CHROMIUM), `Debian's chromium is required at ${CHROMIUM} (apt-get install -y chromium)`).toBe(true);
  const profile = await tempDir('ocpp-chromium-profile-');
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1400, height: 1000 } });
  cleanups.push(() => context.close());
  const requests: string[] = [];
  const watchPage = (p: Page): void => {
    p.on('request', (r) => requests.push(r.url()));
    p.on('websocket', (ws) => requests.push(ws.url()));
    p.on('worker', (w) => requests.push(w.url()));
    p.on('popup', (popup) => requests.push(`popup:${popup.url()}`));
  };
  context.on('request', (r) => requests.push(r.url()));
  context.on('serviceworker', (sw) => requests.push(sw.url()));
  context.on('page', watchPage);
  context.pages().forEach(watchPage);
  // Anything not local is recorded above and then aborted here, so a leak fails the test without leaving the machine.
  await context.route(
    (url) => !isLocal(url.href, ''),
    (route) => route.abort('blockedbyclient'),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, requests };
}

function isLocal(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  if (origin) return url.startsWith(`${origin}/`) || url.startsWith(`popup:${origin}/`) || url.startsWith(origin.replace(/^http/, 'ws') + '/');
  return /^(https?|wss?):\/\/127\.0\.0\.1(:\d+)?\//.test(url) || url.startsWith('file:');
}

describe('HTML report (Allure 3, allure2 plugin) offline', () => {
  it('is generated without network, loads only from 127.0.0.1, and shows the failed case with its trace', async () => {
    const dir = await tempDir();
    const summary = await threeCaseRun(dir);
    const resultsDir = await writeAllureResults(summary, path.join(dir, 'reports', summary.runId));
    const outDir = path.join(dir, 'reports', summary.runId, 'html');
    const t0 = Date.now();
    const generated = await generateHtmlReport(resultsDir, outDir, { reportName: `OCPP run ${summary.runId}` });
    const generationMs = Date.now() - t0;
    expect(generated.message).toMatch(/HTML report: .*index\.html/);
    expect(generated.ok).toBe(true);

    const { origin, served } = await serve(outDir);
    const { page, requests } = await launchRecording();
    await page.goto(`${origin}/index.html#suites`, { timeout: UI_DEADLINE_MS });
    await page.waitForLoadState('networkidle', { timeout: UI_DEADLINE_MS });

    // Navigate as a person would: profile > role > block > case, then open the trace attachment.
    const ui = { timeout: UI_DEADLINE_MS };
    await page.getByText('Core', { exact: true }).click(ui);
    await page.getByText('ChargingStation', { exact: true }).click(ui);
    await page.getByText('B Provisioning', { exact: true }).click(ui);
    await page.getByText('TC_B_02_CS Cold Boot Charging Station - Pending').click(ui);
    await page.getByText('Expected: no CALL other than BootNotificationRequest while Pending').first().waitFor({ state: 'visible', ...ui });
    await page.getByText('wire trace (NDJSON)', { exact: true }).click(ui);
    const marker = page.getByText(KNOWN_FRAME_MARKER).first();
    await marker.waitFor({ state: 'visible', ...ui });
    await marker.scrollIntoViewIfNeeded(ui);
    await page.waitForLoadState('networkidle', { timeout: UI_DEADLINE_MS });

    const screenshot = path.join(dir, 'failed-case.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    expect((await stat(screenshot)).size).toBeGreaterThan(10_000);

    const foreign = requests.filter((u) => !isLocal(u, origin));
    expect(foreign, `requests to other hosts: ${foreign.join(', ')}`).toEqual([]);
    expect(requests.length).toBeGreaterThan(3);
    const recorded = requests.length;
    // The trace attachment really came from our server, not from a cache or another origin.
    expect(served.some((p) => /^\/data\/attachments\/.+\.ndjson$/.test(p))).toBe(true);

    // Control: the recorder does see a third-party request when one is made (aborted before it leaves the machine).
    // (A string: the tsconfig has no DOM lib.)
    await page.evaluate(`{ const img = document.createElement('img'); img.src = 'https://third-party.invalid/pixel.gif'; document.body.append(img); }`);
    await page.waitForEvent('requestfailed', { predicate: (r) => r.url().includes('third-party.invalid'), timeout: UI_DEADLINE_MS }).catch(() => undefined);
    expect(requests.filter((u) => !isLocal(u, origin))).toContain('https://third-party.invalid/pixel.gif');

    console.info(`[html-offline] generated in ${generationMs} ms; ${recorded} requests, all on ${origin}; screenshot ${screenshot}`);
  }, 90_000);

  it('is, as a run writes it, one self-contained file that opens from file:// with no request beyond the file itself', async () => {
    const dir = await tempDir();
    const summary = await threeCaseRun(dir);
    // The reports exactly as the CLI writes them (writeAllReports), so html/index.html is what a person double-clicks.
    const written = await writeAllReports(summary, path.join(dir, 'run'), summary.results.map((r) => ({ id: r.id, profiles: r.profiles })));
    expect(written.html.ok, written.html.message).toBe(true);
    expect(written.html.message).toMatch(/opens from disk/);
    const outDir = written.html.dir;
    expect((await readdir(outDir)).filter((f) => f !== 'summary.json' && f !== 'test-results.json')).toEqual(['index.html']);

    const { page, requests } = await launchRecording();
    const fileUrl = pathToFileURL(path.join(outDir, 'index.html')).href;
    await page.goto(`${fileUrl}#suites`, { timeout: UI_DEADLINE_MS });
    const ui = { timeout: UI_DEADLINE_MS };
    await page.getByText('Core', { exact: true }).click(ui);
    await page.getByText('ChargingStation', { exact: true }).click(ui);
    await page.getByText('B Provisioning', { exact: true }).click(ui);
    await page.getByText('TC_B_02_CS Cold Boot Charging Station - Pending').click(ui);
    await page.getByText('wire trace (NDJSON)', { exact: true }).click(ui);
    await page.getByText(KNOWN_FRAME_MARKER).first().waitFor({ state: 'visible', ...ui });
    await page.screenshot({ path: path.join(dir, 'single-file.png') });
    const other = requests.filter((u) => !u.startsWith(fileUrl) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(other, `requests beyond the report file: ${other.join(', ')}`).toEqual([]);
  }, 90_000);
});
