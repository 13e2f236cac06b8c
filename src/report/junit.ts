// JUnit XML (the de-facto schema read by Jenkins, GitLab, GitHub test reporters, Azure DevOps).
//
// Decision: one <testsuite> per SUT role + functional block (e.g. "ChargingStation / B Provisioning"), because a case
// belongs to exactly one block but may belong to several profiles; grouping by profile would repeat testcases and
// inflate CI dashboards' counts. The per-profile view is profiles.md.
//
// Mapping: PASS -> plain <testcase>; FAIL -> <failure type="FAIL">; INCONCLUSIVE -> <failure type="INCONCLUSIVE">
// (it fails the run, like the exit code); NOT_APPLICABLE -> <skipped message=reason>; ERROR -> <error type="ERROR">.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { boundCaseResult } from './bounded.ts';
import { escapeXmlAttr, escapeXmlText } from './xml.ts';
import { shortReason, type CaseResult, type RunSummary } from './verdict.ts';

export const JUNIT_FILE = 'junit.xml';

function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

function suiteKey(r: CaseResult): string {
  return `${r.role} / ${r.block}`;
}

/**
 * "OCPP201.ChargingStation.B_Provisioning". CI viewers split a classname at its dots (Jenkins: package and class,
 * GitLab: the suite column), so the version loses its dots and the block its spaces and punctuation.
 */
export function junitClassname(r: Pick<CaseResult, 'version' | 'role' | 'block'>): string {
  const part = (s: string): string => s.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'unknown';
  return `OCPP${r.version.replace(/\D/g, '')}.${part(r.role)}.${part(r.block)}`;
}

function failureBody(r: CaseResult): string {
  const lines: string[] = [];
  if (r.failure) {
    const f = r.failure;
    lines.push(f.step);
    lines.push(`Requirement ids: ${f.requirementIds.length > 0 ? f.requirementIds.join(', ') : '(none given)'}`);
    lines.push(`Expected: ${f.expected}`);
    lines.push(`Actual: ${f.actual}`);
    if (f.frame !== undefined) lines.push(`Frame: ${f.frame}`);
  }
  if (r.reason) lines.push(`Reason: ${r.reason}`);
  const failedStep = r.steps.find((s) => s.status === 'failed' || s.status === 'undefined');
  if (failedStep) lines.push(`Failed step: ${failedStep.text}${failedStep.error ? `\n${failedStep.error}` : ''}`);
  if (r.tracePath) lines.push(`Trace: ${r.tracePath}`);
  return lines.join('\n');
}

function systemOut(r: CaseResult): string {
  const lines = r.steps.map((s) => `[${s.status}] ${s.text} (${s.durationMs} ms)${s.error ? ` - ${s.error}` : ''}`);
  if (r.requirements.length > 0) lines.push(`Requirements: ${r.requirements.join(', ')}`);
  if (r.profiles.length > 0) lines.push(`Profiles: ${r.profiles.map((p) => `${p.profile} (${p.requirement})`).join(', ')}`);
  if (r.tracePath) lines.push(`Trace: ${r.tracePath}`);
  return lines.join('\n');
}

function testcase(unbounded: CaseResult): string {
  const r = boundCaseResult(unbounded);
  const attrs =
    `name="${escapeXmlAttr(`${r.id} ${r.title}`)}" classname="${escapeXmlAttr(junitClassname(r))}" ` +
    `time="${seconds(r.durationMs)}"`;
  const inner: string[] = [];
  const message = escapeXmlAttr(shortReason(r, 500));
  const declared = r.expectation;
  switch (r.verdict) {
    case 'PASS':
      // A declared expected failure that passed fails the run, so CI viewers must show it as a failure too.
      if (declared?.outcome === 'unexpected-pass') {
        inner.push(`      <failure type="UNEXPECTED_PASS" message="${escapeXmlAttr(`UNEXPECTED PASS: declared as an expected failure (${declared.reason}); remove the declaration`)}"/>`);
      }
      break;
    case 'FAIL':
      if (declared?.outcome === 'expected-failure') {
        // Excused from the exit code, as pytest's xfail: a skip that says why, with the failure itself in the body.
        const ref = declared.reference ? ` (${declared.reference})` : '';
        inner.push(`      <skipped type="EXPECTED_FAIL" message="${escapeXmlAttr(`expected failure: ${declared.reason}${ref}`)}">${escapeXmlText(failureBody(r))}</skipped>`);
        break;
      }
      inner.push(`      <failure type="${r.verdict}" message="${message}">${escapeXmlText(failureBody(r))}</failure>`);
      break;
    case 'INCONCLUSIVE':
      inner.push(`      <failure type="${r.verdict}" message="${message}">${escapeXmlText(failureBody(r))}</failure>`);
      break;
    case 'NOT_APPLICABLE':
      inner.push(`      <skipped message="${escapeXmlAttr(r.reason ?? 'not applicable')}"/>`);
      break;
    case 'ERROR':
      inner.push(`      <error type="ERROR" message="${message}">${escapeXmlText(failureBody(r))}</error>`);
      break;
  }
  inner.push(`      <system-out>${escapeXmlText(systemOut(r))}</system-out>`);
  return `    <testcase ${attrs}>\n${inner.join('\n')}\n    </testcase>`;
}

const isExcused = (r: CaseResult): boolean => r.verdict === 'FAIL' && r.expectation?.outcome === 'expected-failure';
/** <failure> elements: FAIL (unless excused), INCONCLUSIVE, and UNEXPECTED PASS. */
function failuresOf(cases: readonly CaseResult[]): number {
  return cases.filter((r) => (r.verdict === 'FAIL' && !isExcused(r)) || r.verdict === 'INCONCLUSIVE' || r.expectation?.outcome === 'unexpected-pass').length;
}
/** <skipped> elements: NOT_APPLICABLE and excused expected failures. */
function skippedOf(cases: readonly CaseResult[]): number {
  return cases.filter((r) => r.verdict === 'NOT_APPLICABLE' || isExcused(r)).length;
}

/** Renders the JUnit document as a string (UTF-8, XML 1.0, well-formed for any input text). */
export function renderJUnit(summary: RunSummary): string {
  const suites = new Map<string, CaseResult[]>();
  for (const r of summary.results) {
    const key = suiteKey(r);
    const list = suites.get(key) ?? [];
    list.push(r);
    suites.set(key, list);
  }
  const c = summary.counts;
  const totalMs = summary.results.reduce((t, r) => t + r.durationMs, 0);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites name="${escapeXmlAttr(`ocpp-conformance ${summary.runId}`)}" tests="${summary.results.length}" ` +
      `failures="${failuresOf(summary.results)}" errors="${c.ERROR}" skipped="${skippedOf(summary.results)}" time="${seconds(totalMs)}">`,
  );
  for (const [name, cases] of suites) {
    const n = (pred: (r: CaseResult) => boolean): number => cases.filter(pred).length;
    const first = cases[0] as CaseResult;
    out.push(
      `  <testsuite name="${escapeXmlAttr(name)}" tests="${cases.length}" ` +
        `failures="${failuresOf(cases)}" errors="${n((r) => r.verdict === 'ERROR')}" ` +
        `skipped="${skippedOf(cases)}" time="${seconds(cases.reduce((t, r) => t + r.durationMs, 0))}" ` +
        `timestamp="${escapeXmlAttr(first.startedAt)}">`,
    );
    out.push('    <properties>');
    out.push(`      <property name="runId" value="${escapeXmlAttr(summary.runId)}"/>`);
    out.push(`      <property name="role" value="${escapeXmlAttr(first.role)}"/>`);
    out.push(`      <property name="ocppVersion" value="${escapeXmlAttr(summary.sut.version)}"/>`);
    out.push('    </properties>');
    for (const r of cases) out.push(testcase(r));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

/** Writes `<dir>/junit.xml`; returns its path. */
export async function writeJUnit(summary: RunSummary, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, JUNIT_FILE);
  await writeFile(file, renderJUnit(summary), 'utf8');
  return file;
}
