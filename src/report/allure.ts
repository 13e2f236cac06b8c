// Allure glue: our results in Allure's result-file format, and the offline HTML report.
//
// Generator decision (see src/report/README.md for the evidence): Allure 3 (npm package `allure`, pure Node, no Java),
// rendering with its `allure2` plugin (the classic Allure 2 UI). Allure 3's default "awesome", "classic" and
// "dashboard" plugins hard-code a Google Tag Manager script into index.html; the `allure2` plugin emits it only when
// ALLURE_NO_ANALYTICS is not "true", and generateHtmlReport always sets it. After generating, the output is scanned for
// any reference to a non-local script/style/frame/image/font host, and a report that has one is reported as not ok.
//
// Status mapping: PASS -> passed, FAIL -> failed, ERROR -> broken (Allure's "the test itself broke"),
// NOT_APPLICABLE -> skipped, INCONCLUSIVE -> unknown (grey; kept apart from broken so harness errors stand out).

import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseResult, CaseStep, RunSummary, Verdict } from './verdict.ts';
import { boundCaseResult } from './bounded.ts';

export const ALLURE_RESULTS_DIR = 'allure-results';
export const HTML_REPORT_DIR = 'html';

export type AllureStatus = 'passed' | 'failed' | 'broken' | 'skipped' | 'unknown';

export const ALLURE_STATUS: Record<Verdict, AllureStatus> = {
  PASS: 'passed',
  FAIL: 'failed',
  ERROR: 'broken',
  NOT_APPLICABLE: 'skipped',
  INCONCLUSIVE: 'unknown',
};

const STEP_STATUS: Record<CaseStep['status'], AllureStatus> = {
  passed: 'passed',
  failed: 'failed',
  skipped: 'skipped',
  // An undefined step is a hole in the harness's vocabulary, not a fault of the SUT.
  undefined: 'broken',
};

interface AllureLabel {
  name: string;
  value: string;
}
interface AllureParameter {
  name: string;
  value: string;
}
interface AllureAttachment {
  name: string;
  source: string;
  type: string;
}
interface AllureStep {
  name: string;
  status: AllureStatus;
  statusDetails?: { message?: string; trace?: string };
  stage: 'finished';
  start: number;
  stop: number;
  steps: AllureStep[];
  attachments: AllureAttachment[];
  parameters: AllureParameter[];
}
export interface AllureResult {
  uuid: string;
  historyId: string;
  testCaseId: string;
  name: string;
  fullName: string;
  description?: string;
  status: AllureStatus;
  statusDetails: { message?: string; trace?: string };
  stage: 'finished';
  start: number;
  stop: number;
  labels: AllureLabel[];
  links: Array<{ name: string; url: string; type?: string }>;
  parameters: AllureParameter[];
  steps: AllureStep[];
  attachments: AllureAttachment[];
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

function details(r: CaseResult): { message?: string; trace?: string } {
  if (r.failure) {
    const f = r.failure;
    const ids = f.requirementIds.length > 0 ? f.requirementIds.join(', ') : '(none given)';
    const message = `${f.step}\nExpected: ${f.expected}\nActual: ${f.actual}\nRequirement ids: ${ids}`;
    const trace = [message, f.frame !== undefined ? `Frame: ${f.frame}` : '', r.tracePath ? `Trace: ${r.tracePath}` : '']
      .filter(Boolean)
      .join('\n');
    return { message, trace };
  }
  if (r.reason) return { message: `${r.verdict}: ${r.reason}` };
  const failed = r.steps.find((s) => s.status === 'failed' || s.status === 'undefined');
  if (failed) return { message: failed.text, ...(failed.error ? { trace: failed.error } : {}) };
  return {};
}

function toAllure(r: CaseResult, uuid: string, attachments: AllureAttachment[]): AllureResult {
  const start = Number.isNaN(Date.parse(r.startedAt)) ? 0 : Date.parse(r.startedAt);
  let t = start;
  const steps: AllureStep[] = r.steps.map((s) => {
    const step: AllureStep = {
      name: s.text,
      status: STEP_STATUS[s.status],
      ...(s.error ? { statusDetails: { message: s.error } } : {}),
      stage: 'finished',
      start: t,
      stop: t + s.durationMs,
      steps: [],
      attachments: [],
      parameters: [],
    };
    t += s.durationMs;
    return step;
  });
  const primary = r.profiles[0];
  const labels: AllureLabel[] = [
    { name: 'suite', value: r.role },
    { name: 'parentSuite', value: primary ? primary.profile : 'No profile' },
    { name: 'subSuite', value: r.block },
    { name: 'tag', value: r.id },
    { name: 'epic', value: `OCPP ${r.version}` },
    ...r.profiles.map((p) => ({ name: 'feature', value: p.profile })),
    { name: 'story', value: r.block },
    { name: 'severity', value: r.profiles.some((p) => p.requirement === 'M') ? 'critical' : 'normal' },
    { name: 'framework', value: 'ocpp-conformance' },
    { name: 'AS_ID', value: r.id },
  ];
  const parameters: AllureParameter[] = [
    { name: 'OCPP version', value: r.version },
    { name: 'profiles', value: r.profiles.map((p) => `${p.profile} (${p.requirement})`).join(', ') || '-' },
    { name: 'requirements', value: r.requirements.join(', ') || '-' },
  ];
  if (r.securityProfile !== undefined) parameters.push({ name: 'security profile', value: String(r.securityProfile) });
  return {
    uuid,
    historyId: md5(`${r.version}/${r.role}/${r.id}`),
    testCaseId: md5(r.id),
    name: `${r.id} ${r.title}`,
    fullName: `ocpp${r.version}.${r.role}.${r.block}.${r.id}`,
    description: `${r.id} - ${r.title}\n\nVerdict: ${r.verdict}${r.reason ? ` (${r.reason})` : ''}`,
    status: ALLURE_STATUS[r.verdict],
    statusDetails: details(r),
    stage: 'finished',
    start,
    stop: start + r.durationMs,
    labels,
    links: [],
    parameters,
    steps,
    attachments,
  };
}

function envValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\r?\n/g, ' ');
}

/**
 * Writes `<dir>/allure-results/`: one `<uuid>-result.json` per case, the case's NDJSON trace copied as
 * `<uuid>-attachment.ndjson` (type text/plain, so the report shows it inline), the failing frame as a text attachment,
 * plus environment.properties and categories.json. Returns the results directory.
 * A trace file that cannot be read does not stop the writer: the case gets a note attachment saying so.
 */
export async function writeAllureResults(summary: RunSummary, dir: string): Promise<string> {
  const out = path.join(dir, ALLURE_RESULTS_DIR);
  await mkdir(out, { recursive: true });
  for (const r of summary.results.map(boundCaseResult)) {
    const uuid = randomUUID();
    const attachments: AllureAttachment[] = [];
    if (r.tracePath) {
      const source = `${uuid}-attachment.ndjson`;
      try {
        await copyFile(r.tracePath, path.join(out, source));
        attachments.push({ name: 'wire trace (NDJSON)', source, type: 'text/plain' });
      } catch (err) {
        const note = `${uuid}-missing-trace-attachment.txt`;
        await writeFile(path.join(out, note), `Trace file ${r.tracePath} could not be copied: ${(err as Error).message}\n`);
        attachments.push({ name: 'wire trace (missing)', source: note, type: 'text/plain' });
      }
    }
    if (r.failure?.frame !== undefined) {
      const source = `${uuid}-frame-attachment.txt`;
      await writeFile(path.join(out, source), r.failure.frame, 'utf8');
      attachments.push({ name: 'failing frame', source, type: 'text/plain' });
    }
    await writeFile(path.join(out, `${uuid}-result.json`), JSON.stringify(toAllure(r, uuid, attachments)), 'utf8');
  }
  const env: Array<[string, string | number | undefined]> = [
    ['Run', summary.runId],
    ['SUT role', summary.sut.role],
    ['OCPP version', summary.sut.version],
    ['SUT identity', summary.sut.identity],
    ['SUT URL', summary.sut.url],
    ['Vendor', summary.sut.vendor],
    ['Model', summary.sut.model],
    ['Firmware', summary.sut.firmwareVersion],
    ['Security profile', summary.sut.securityProfile],
  ];
  await writeFile(
    path.join(out, 'environment.properties'),
    env.filter(([, v]) => v !== undefined).map(([k, v]) => `${k.replace(/ /g, '\\ ')}=${envValue(String(v))}`).join('\n') + '\n',
    'utf8',
  );
  const categories = [
    { name: 'Conformance failures (FAIL)', matchedStatuses: ['failed'] },
    { name: 'Harness errors (ERROR, not a fault of the SUT)', matchedStatuses: ['broken'] },
    { name: 'Inconclusive (could not be judged)', matchedStatuses: ['unknown'] },
  ];
  await writeFile(path.join(out, 'categories.json'), JSON.stringify(categories, null, 2), 'utf8');
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------

/** Path of the Allure 3 CLI (`allure/cli.js`), or undefined when the package is not installed. */
export function findAllureCli(): string | undefined {
  try {
    // The package's "exports" does not expose cli.js; resolve its main file and step up to the package root.
    const main = fileURLToPath(import.meta.resolve('allure'));
    let dir = path.dirname(main);
    for (let i = 0; i < 4; i++) {
      const cli = path.join(dir, 'cli.js');
      if (path.basename(dir) === 'allure') return cli;
      dir = path.dirname(dir);
    }
    return undefined;
  } catch {
    return undefined;
  }
}

export interface HtmlReportOptions {
  reportName?: string;
  /** One self-contained index.html (scripts, styles and data inlined; opens from file://). Default false. */
  singleFile?: boolean;
  /** Kill the generator after this long. Default 120 s. */
  timeoutMs?: number;
  /** Path of Allure 3's cli.js; default: the installed `allure` package (tests use this to simulate its absence). */
  allureCli?: string;
}

/** Any URL with a host other than loopback, in an attribute that makes the browser load it. */
const LOADING_ATTR = /<(?:script|link|img|iframe|source|embed|object|audio|video)\b[^>]*\b(?:src|href|data)\s*=\s*["']?\s*(?:https?:)?\/\/(?!127\.0\.0\.1|localhost)([^/"'\s>]+)/gi;

/** Scans every .html and .css file of a generated report for resources loaded from another host. */
export async function findThirdPartyReferences(outDir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (/\.(html?|css)$/i.test(e.name)) {
        const text = await readFile(p, 'utf8');
        for (const m of text.matchAll(LOADING_ATTR)) found.push(`${path.relative(outDir, p)}: ${m[1] ?? '?'}`);
        for (const m of text.matchAll(/@import\s+(?:url\()?["']?(?:https?:)?\/\/([^/"')\s]+)/gi)) found.push(`${path.relative(outDir, p)}: ${m[1] ?? '?'}`);
        if (/googletagmanager|google-analytics|gtag\(/i.test(text)) found.push(`${path.relative(outDir, p)}: web analytics code`);
      }
    }
  };
  await walk(outDir);
  return found;
}

/**
 * Generates the HTML report from an allure-results directory into outDir (replaced), with no network access and no
 * analytics. Never throws: the JSON/JUnit reports must not depend on it. ok=false with a clear message when Allure is
 * not installed, the generator fails or times out, or the output would load anything from a third-party host.
 */
export async function generateHtmlReport(
  resultsDir: string,
  outDir: string,
  options: HtmlReportOptions = {},
): Promise<{ ok: boolean; message: string }> {
  const cli = options.allureCli ?? findAllureCli();
  if (!cli || !existsSync(cli)) {
    return {
      ok: false,
      message:
        'HTML report not generated: the Allure 3 generator (npm package "allure") is not installed; run `npm ci`. ' +
        'summary.json and junit.xml are written regardless.',
    };
  }
  let configDir: string | undefined;
  try {
    const results = await stat(resultsDir).catch(() => undefined);
    if (!results?.isDirectory()) return { ok: false, message: `HTML report not generated: ${resultsDir} is not a directory` };
    configDir = await mkdtemp(path.join(tmpdir(), 'ocpp-allure-'));
    const configFile = path.join(configDir, 'allurerc.mjs');
    const config = {
      name: options.reportName ?? 'OCPP conformance',
      output: path.resolve(outDir),
      plugins: { allure2: { options: { singleFile: options.singleFile ?? false, reportName: options.reportName ?? 'OCPP conformance', reportLanguage: 'en' } } },
    };
    await writeFile(configFile, `export default ${JSON.stringify(config, null, 2)};\n`, 'utf8');
    await rm(outDir, { recursive: true, force: true });
    const started = Date.now();
    const timeoutMs = options.timeoutMs ?? 120_000;
    const { code, output, timedOut } = await new Promise<{ code: number | null; output: string; timedOut: boolean }>((resolve) => {
      const child = spawn(process.execPath, [cli, 'generate', path.resolve(resultsDir), '-o', path.resolve(outDir), '-c', configFile], {
        cwd: configDir,
        env: { ...process.env, ALLURE_NO_ANALYTICS: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      let killed = false;
      child.stdout.on('data', (b: Buffer) => (text += b.toString('utf8')));
      child.stderr.on('data', (b: Buffer) => (text += b.toString('utf8')));
      const timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.on('error', (err) => {
        clearTimeout(timer);
        resolve({ code: -1, output: `${text}${err.message}`, timedOut: false });
      });
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve({ code: c, output: text, timedOut: killed });
      });
    });
    const took = Date.now() - started;
    if (timedOut) return { ok: false, message: `HTML report not generated: Allure did not finish within ${timeoutMs} ms` };
    const index = await stat(path.join(outDir, 'index.html')).catch(() => undefined);
    if (code !== 0 || !index) {
      return { ok: false, message: `HTML report not generated: allure exited with ${String(code)}: ${output.trim().slice(-2000)}` };
    }
    const foreign = await findThirdPartyReferences(outDir);
    if (foreign.length > 0) {
      return { ok: false, message: `HTML report rejected: it would load from third-party hosts: ${foreign.join('; ')}` };
    }
    const howToOpen = options.singleFile ? 'one file, opens from disk' : 'serve the folder over http to view';
    return { ok: true, message: `HTML report: ${path.join(outDir, 'index.html')} (generated in ${took} ms; ${howToOpen})` };
  } catch (err) {
    return { ok: false, message: `HTML report not generated: ${(err as Error).message}` };
  } finally {
    if (configDir) await rm(configDir, { recursive: true, force: true });
  }
}
