// The README's screenshots of a simulator run with a fault: the live run, its results with the failures explained, the
// wire log as a table and the earlier runs. The setup, prompt and chart views come from the browser test
// (CONSOLE_SCREENSHOT_DIR=docs npx vitest run test/console/console.test.ts). Usage: npx tsx test/console/readme-screenshots.ts docs
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startConsole } from '../../src/console/server.ts';

const out = process.argv[2] ?? 'docs';
const dir = await mkdtemp(path.join(tmpdir(), 'ocpp-console-shots-'));
const server = await startConsole({ cwd: dir, terminalPrompts: false });
const context = await chromium.launchPersistentContext(await mkdtemp(path.join(tmpdir(), 'shots-chromium-')), { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'], viewport: { width: 1440, height: 900 } });
const page = context.pages()[0] ?? (await context.newPage());
const ui = { timeout: 300_000 };
try {
  await page.goto(server.url);
  await page.locator('#sut').selectOption('sim:cs');
  await page.locator('#faults-field').waitFor({ state: 'visible' });
  await page.locator('#profile').selectOption('Core');
  await page.getByRole('button', { name: 'B', exact: true }).click();
  await page.locator('#cases input[value="TC_B_01_CS"]').waitFor();
  await page.locator('#faults').fill('report.noNotifyReport');
  await page.getByRole('button', { name: 'Start run' }).click();
  await page.locator('tr.running').first().waitFor(ui);
  await page.locator('.verdict.PASS').nth(2).waitFor(ui);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(out, 'console-run.png') });
  await page.locator('#results-card').getByText('By profile').waitFor(ui);
  await page.locator('#results-card').scrollIntoViewIfNeeded();
  await page.locator('#results-card').screenshot({ path: path.join(out, 'console-results.png') });
  await page.locator('#results-card .failure button').first().click();
  await page.getByRole('button', { name: 'Table' }).click();
  await page.locator('#wire table').waitFor();
  await page.locator('#wire details').nth(3).locator('summary').click();
  await page.screenshot({ path: path.join(out, 'console-wire-table.png') });
  await page.getByRole('tab', { name: 'Earlier runs' }).click();
  await page.locator('#history table').waitFor();
  await page.screenshot({ path: path.join(out, 'console-history.png') });
} finally {
  await context.close();
  await server.close();
}
