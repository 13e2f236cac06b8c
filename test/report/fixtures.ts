// Shared test data: a small run with real NDJSON trace files (lines typed as TraceEvent).

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TraceEvent } from '../../src/report/trace-types.ts';
import { buildRunSummary, type CaseResult, type RunSummary } from '../../src/report/verdict.ts';

/** A frame string that appears only in the FAIL case's trace: the HTML test looks for it on the page. */
export const KNOWN_FRAME_MARKER = 'FW-9.9.9-MARKER-7f3a';
/** Control characters and XML-hostile text, as a broken station might send. */
export const NASTY_FRAME = `[3,"42",{"status":"Acc\u0001epted","x":"<a href=\\"&amp;\\">]]>\u0000\u001b[0m\uFFFF\ud800"}]`;

export async function tempDir(prefix = 'ocpp-report-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

export async function writeTrace(file: string, events: TraceEvent[]): Promise<string> {
  await writeFile(file, events.map((e) => JSON.stringify(e)).join('\n') + '\n', 'utf8');
  return file;
}

export function baseCase(over: Partial<CaseResult> & Pick<CaseResult, 'id' | 'verdict'>): CaseResult {
  return {
    title: `Title of ${over.id}`,
    role: 'ChargingStation',
    version: '2.0.1',
    block: 'B Provisioning',
    profiles: [{ profile: 'Core', requirement: 'M' }],
    requirements: [],
    steps: [],
    startedAt: '2025-01-01T10:00:00.000Z',
    durationMs: 1200,
    ...over,
  };
}

/** PASS, FAIL (with a trace holding KNOWN_FRAME_MARKER and a nasty frame), NOT_APPLICABLE. */
export async function threeCaseRun(dir: string): Promise<RunSummary> {
  const at = '2025-01-01T10:00:00.100Z';
  const passTrace = await writeTrace(path.join(dir, 'TC_B_01_CS.ndjson'), [
    { kind: 'note', at, message: 'case started' },
    { kind: 'frame', at, connectionId: 'c1', dir: 'in', raw: '[2,"1","BootNotification",{"reason":"PowerUp"}]' },
  ]);
  const failRaw = `[2,"7","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"M1","firmwareVersion":"${KNOWN_FRAME_MARKER}"}}]`;
  const failTrace = await writeTrace(path.join(dir, 'TC_B_02_CS.ndjson'), [
    { kind: 'note', at, message: 'case started' },
    { kind: 'frame', at, connectionId: 'c1', dir: 'in', raw: failRaw, problems: [] },
    { kind: 'frame', at, connectionId: 'c1', dir: 'out', raw: '[3,"7",{"status":"Pending","currentTime":"2025-01-01T10:00:00Z","interval":5}]' },
    { kind: 'frame', at, connectionId: 'c1', dir: 'in', raw: NASTY_FRAME, problems: ['status: must be equal to one of the allowed values'] },
    { kind: 'violation', at, connectionId: 'c1', rule: 'pending.noUnsolicited', message: 'StatusNotification sent while Pending' },
  ]);
  return buildRunSummary({
    runId: 'run-test-1',
    startedAt: '2025-01-01T10:00:00.000Z',
    finishedAt: '2025-01-01T10:00:05.000Z',
    sut: { role: 'ChargingStation', version: '2.0.1', identity: 'CS001', vendor: 'ACME' },
    results: [
      baseCase({
        id: 'TC_B_01_CS',
        title: 'Cold Boot Charging Station - Accepted',
        verdict: 'PASS',
        requirements: ['B01.FR.01', 'B01.FR.02'],
        steps: [
          { text: 'Step 1: the station sends a BootNotificationRequest', status: 'passed', durationMs: 400 },
          { text: 'Step 2: the test system accepts it', status: 'passed', durationMs: 10 },
        ],
        tracePath: passTrace,
        securityProfile: 1,
      }),
      baseCase({
        id: 'TC_B_02_CS',
        title: 'Cold Boot Charging Station - Pending',
        verdict: 'FAIL',
        requirements: ['B02.FR.01', 'B01.FR.02'],
        failure: {
          step: 'Step 3: while Pending the station only answers the CSMS',
          requirementIds: ['B02.FR.02'],
          expected: 'no CALL other than BootNotificationRequest while Pending',
          actual: 'StatusNotificationRequest <connector 1> & "Available"',
          frame: NASTY_FRAME,
        },
        steps: [
          { text: 'Step 1: the station sends a BootNotificationRequest', status: 'passed', durationMs: 300 },
          { text: 'Step 2: the test system responds Pending', status: 'passed', durationMs: 5 },
          { text: 'Step 3: the station stays quiet', status: 'failed', durationMs: 800, error: 'unexpected StatusNotificationRequest' },
          { text: 'Step 4: the test system accepts', status: 'skipped', durationMs: 0 },
        ],
        tracePath: failTrace,
      }),
      baseCase({
        id: 'TC_C_10_CS',
        title: 'Store Authorization Data in the Authorization Cache',
        block: 'C Authorization',
        verdict: 'NOT_APPLICABLE',
        reason: 'PICS: AuthCacheCtrlr not supported',
        profiles: [{ profile: 'Local Authorization - Cache', requirement: 'C' }],
        requirements: ['C10.FR.01'],
        durationMs: 0,
      }),
    ],
  });
}
