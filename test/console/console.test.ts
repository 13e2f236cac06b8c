// The operator console driven as a person would drive it, in Debian's chromium: open it with the token, pick a real
// station run config whose SUT actions are `prompt`, start TC_B_02_CS (it needs a reboot by hand), reboot the reference
// station when the prompt appears and click "Done", see the case PASS live, open its wire log; every request the
// browser made stayed on the console's origin, and a request without the token is refused.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './net-helpers.ts';
import { loadRunConfig } from '../../src/config/index.ts';
import { startConsole } from '../../src/console/server.ts';
import type { ConsoleServer } from '../../src/console/server.ts';
import { startCsmsSim } from '../../src/sim/csms/index.ts';
import { startStationSim } from '../../src/sim/station/index.ts';
import type { StationSim } from '../../src/sim/station/index.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** How long the UI may take to show something; the run itself is bounded by the config's timeouts. */
const UI_MS = 30_000;
/** Deadline for the first prompt: it includes starting `run` and its cucumber process (two TypeScript start-ups). */
const RUN_START_MS = 120_000;
const IDENTITY = 'CONSOLE-CS01';
const PASSWORD = 'console-test-password-01';
/** Screenshots go here (the README's come from CONSOLE_SCREENSHOT_DIR=docs). */
const SHOTS = process.env['CONSOLE_SCREENSHOT_DIR'];

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});


/** A station run config as a lab writes it, with every SUT action asked of the person at the bench. */
async function promptStationConfig(dir: string, port: number): Promise<string> {
  const file = path.join(dir, 'bench-station.json');
  const config = {
    sut: { role: 'ChargingStation', stationIdentity: IDENTITY, listen: { host: '127.0.0.1', port, path: '/ocpp' } },
    ocppVersion: '2.0.1',
    securityProfile: 1,
    basicAuthPassword: PASSWORD,
    evses: [{ id: 1, connectors: [{ id: 1 }] }, { id: 2, connectors: [{ id: 1 }] }],
    idTokens: { valid: [{ idToken: '04A1B2C3', type: 'ISO14443' }] },
    timeouts: { defaultMs: 10_000, connectMs: 10_000, bootMs: 15_000, transactionMs: 10_000, promptMs: 60_000 },
    reconnectGapMs: 50,
    actions: { kind: 'prompt' },
    // The interval of the Pending boot: long enough that the station's own retry never overtakes the case's steps on a
    // loaded machine (the case triggers the second boot itself, so it waits for none of it).
    bench: { heartbeatIntervalS: 30 },
    report: { dir: 'reports' },
  };
  await writeFile(file, JSON.stringify(config, null, 2));
  return file;
}

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => http.get(url, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject));
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `console-${name}.png`) });
}

describe('operator console in the browser', () => {
  it('runs a prompt case against the reference station, takes "Done" from the page, shows PASS live and the wire log', async () => {
    expect(existsSync(CHROMIUM), `Debian's chromium is required at ${CHROMIUM} (apt-get install -y chromium)`).toBe(true);
    const dir = await mkdtemp(path.join(tmpdir(), 'ocpp-console-'));
    const port = await freePort();
    const configFile = await promptStationConfig(dir, port);
    const loaded = loadRunConfig(configFile);
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));

    const server: ConsoleServer = await startConsole({ configs: [configFile], cwd: dir, terminalPrompts: false });
    cleanups.push(() => server.close());
    // The device at the bench: the reference station, pointed at the address the run config listens on, already booted
    // (by a CSMS that then goes away), as a station on a bench is before a run starts.
    const previousCsms = await startCsmsSim({ host: '127.0.0.1', port, securityProfile: 1, passwords: { '*': PASSWORD }, operatorApi: false });
    const station: StationSim = await startStationSim({
      csmsUrl: `ws://127.0.0.1:${port}/ocpp`,
      identity: IDENTITY,
      securityProfile: 1,
      password: PASSWORD,
      evses: [1, 1],
      vendorName: loaded.config.bench.vendorName,
      model: loaded.config.bench.model,
      timers: { reconnectMs: 100, reconnectMaxMs: 300, rebootMs: 100 },
      actionApi: false,
    });
    cleanups.push(() => station.stop());
    await station.waitForState((s) => s.bootState === 'Accepted', UI_MS);
    await previousCsms.stop();

    // Without the token: refused.
    expect(await get(`${server.origin}/`)).toBe(401);
    expect(await get(`${server.origin}/api/choices`)).toBe(401);
    expect(await get(`${server.origin}/?token=wrong-${server.token}`)).toBe(401);

    const profile = await mkdtemp(path.join(tmpdir(), 'ocpp-console-chromium-'));
    const context: BrowserContext = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1440, height: 900 } });
    cleanups.push(() => context.close());
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    context.on('page', (p) => p.on('websocket', (ws) => requests.push(ws.url())));
    await context.route((url) => !url.href.startsWith(`${server.origin}/`) && !url.href.startsWith('data:'), (route) => route.abort('blockedbyclient'));
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('websocket', (ws) => requests.push(ws.url()));
    const ui = { timeout: UI_MS };

    await page.goto(server.url, ui);
    await page.locator('#link-state.live').waitFor(ui);
    await page.locator('#sut').selectOption(`config:${configFile}`, ui);
    await page.getByText('actions: prompt').waitFor(ui);
    // Every NOT_APPLICABLE carries its reason in the list (this config has no PICS: the security-profile rule shows).
    await page.locator('#cases .why').first().waitFor(ui);
    await page.locator('#check-none').click(ui);
    await page.locator('#cases input[value="TC_B_02_CS"]').check(ui);
    await page.locator('#html').uncheck(ui);
    await shot(page, 'setup');
    await page.getByRole('button', { name: 'Start run' }).click(ui);
    const clicked = Date.now();

    // The bench prompt appears with its instruction and countdown; the person reboots the station, then clicks Done.
    const prompt = page.getByRole('alertdialog', { name: 'action needed' });
    await prompt.getByText(/power-cycle \(reboot\) Charging Station CONSOLE-CS01/).waitFor({ timeout: RUN_START_MS });
    await expect.poll(() => prompt.locator('[data-left]').textContent(), ui).toMatch(/\d+ s left/);
    await shot(page, 'prompt');
    const promptAfterMs = Date.now() - clicked;
    station.reboot();
    await prompt.getByRole('button', { name: 'Done' }).click(ui);
    await prompt.waitFor({ state: 'detached', ...ui });

    // The verdict arrives live (from the case file), before the run's reports are written.
    const row = page.locator('tr[data-case="TC_B_02_CS"]');
    await row.locator('.verdict.PASS').waitFor(ui);
    const passAfterMs = Date.now() - clicked;
    await shot(page, 'run');
    // A second tab sees the same run (the cookie the token set is enough; no token in its URL).
    const second = await context.newPage();
    second.on('websocket', (ws) => requests.push(ws.url()));
    await second.goto(`${server.origin}/`, ui);
    await second.locator('tr[data-case="TC_B_02_CS"] .verdict.PASS').waitFor(ui);
    await second.close();
    await row.getByRole('button', { name: 'Wire log' }).click(ui);
    const chart = page.locator('#wire .seq');
    await chart.getByText('BootNotificationRequest').first().waitFor(ui);
    await chart.getByText(/BootNotificationResponse \(Pending\)/).first().click(ui);
    await page.locator('#wire pre.json:not(.hidden)').getByText('"Pending"').first().waitFor(ui);
    await shot(page, 'wire-chart');
    await page.getByRole('button', { name: 'Table' }).click(ui);
    await page.locator('#wire table').getByText('SetVariablesRequest').first().waitFor(ui);

    // After the run: the results come from the report files the `run` command wrote.
    await page.getByRole('tab', { name: 'Run', exact: true }).click(ui);
    await page.locator('#results-card').getByText('By profile').waitFor({ timeout: RUN_START_MS });
    await page.locator('#results-card a', { hasText: 'JUnit XML' }).waitFor(ui);
    await shot(page, 'results');
    const run = server.runs.list()[0];
    expect(run?.command).toBe(`ocpp-conformance run --config ${configFile} --case TC_B_02_CS --no-html --report-dir ${path.join(dir, 'reports')}`);
    expect(run?.state).toBe('finished');
    const summary = JSON.parse(await readFile(path.join(run?.runDir ?? '', 'summary.json'), 'utf8')) as { results: Array<{ id: string; verdict: string }> };
    expect(summary.results.map((r) => `${r.id} ${r.verdict}`)).toEqual(['TC_B_02_CS PASS']);
    const trace = await readFile(path.join(run?.runDir ?? '', 'traces', 'TC_B_02_CS.ndjson'), 'utf8');
    expect(trace).toContain('SUT action: reboot the Charging Station (via prompt)');

    await page.getByRole('tab', { name: 'Earlier runs' }).click(ui);
    await page.locator('#history').getByText(run?.runId ?? '-').waitFor(ui);
    await shot(page, 'history');

    const foreign = requests.filter((u) => !u.startsWith(`${server.origin}/`) && !u.startsWith('data:'));
    expect(foreign, `requests that left the console's origin: ${foreign.join(', ')}`).toEqual([]);
    expect(requests.some((u) => u.includes('/api/events'))).toBe(true);
    console.info(`[console] prompt shown ${promptAfterMs} ms after "Start run" (the run command and cucumber starting), PASS live after ${passAfterMs} ms; ${requests.length} requests, all on ${server.origin}`);
  }, 240_000);
});
