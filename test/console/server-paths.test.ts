// The console server's edges: the token guards everything, report files cannot be read outside the report folders,
// and malformed requests are answered with 400, not a crash.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole } from '../../src/console/server.ts';
import type { ConsoleServer } from '../../src/console/server.ts';

let server: ConsoleServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ocpp-console-paths-'));
  mkdirSync(path.join(dir, 'reports', '20260101-000000-abcd'), { recursive: true });
  writeFileSync(path.join(dir, 'reports', '20260101-000000-abcd', 'junit.xml'), '<testsuites/>');
  writeFileSync(path.join(dir, 'secret.txt'), 'not a report');
  server = await startConsole({ cwd: dir, terminalPrompts: false });
});
afterAll(() => server.close());

const get = (p: string, token = true): Promise<Response> => fetch(`${server.origin}${p}`, token ? { headers: { 'x-console-token': server.token } } : {});
const post = (p: string, body: string, type = 'application/json'): Promise<Response> =>
  fetch(`${server.origin}${p}`, { method: 'POST', headers: { 'content-type': type, 'x-console-token': server.token }, body });

describe('console server edges', () => {
  it('serves report files with the token, nothing outside the report folder, nothing without the token', async () => {
    expect((await get('/reports/0/20260101-000000-abcd/junit.xml')).status).toBe(200);
    expect((await get('/reports/0/20260101-000000-abcd/junit.xml', false)).status).toBe(401);
    expect((await get('/reports/0/..%2Fsecret.txt')).status).toBe(404);
    expect((await get('/reports/0/../secret.txt')).status).toBe(404);
    expect((await get('/reports/9/x')).status).toBe(404);
    expect((await get('/api/run-detail?base=0&id=..%2F..')).status).toBe(404);
    expect((await get('/api/trace?base=0&id=20260101-000000-abcd&case=..%2Fjunit')).status).toBe(400);
  });

  it('answers malformed requests with 400', async () => {
    expect((await post('/api/preview', '{not json')).status).toBe(400);
    expect((await post('/api/preview', '{}', 'text/plain')).status).toBe(400);
    expect((await post('/api/preview', JSON.stringify({ sut: 'config:/etc/passwd' }))).status).toBe(400);
    expect((await post('/api/runs', JSON.stringify({ sut: 'sim:cs', cases: ['TC_Z_99_CS'] }))).status).toBe(400);
    expect((await post('/api/bench/prompts', JSON.stringify({ instruction: '' }))).status).toBe(400);
    expect((await post('/api/bench/prompts/00000000-0000-0000-0000-000000000000/answer', JSON.stringify({ answer: 'maybe' }))).status).toBe(400);
    expect((await post('/api/bench/prompts/00000000-0000-0000-0000-000000000000/answer', JSON.stringify({ answer: 'done' }))).status).toBe(410);
    expect((await get('/api/choices')).status).toBe(200);
  });
});
