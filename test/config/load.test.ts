import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRunConfig } from '../../src/config/load.ts';
import { loadPics } from '../../src/config/pics-check.ts';
import { fieldPath, suggest } from '../../src/config/messages.ts';
import type { RunConfig } from '../../src/config/types.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const examples = join(repo, 'examples');
const tmp = mkdtempSync(join(tmpdir(), 'run-config-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function ok(input: string | object): RunConfig {
  const r = loadRunConfig(input, { baseDir: tmp });
  if (!r.ok) throw new Error(`expected a valid config, got:\n${r.errors.join('\n')}`);
  return r.config;
}

function errors(input: object): string[] {
  const r = loadRunConfig(input, { baseDir: tmp });
  expect(r.ok, 'config should be rejected').toBe(false);
  return r.ok ? [] : r.errors;
}

describe('example configs', () => {
  it('station-under-test.json loads with its PICS file', () => {
    const c = ok(join(examples, 'station-under-test.json'));
    expect(c.sut).toEqual({ role: 'ChargingStation', listen: { host: '0.0.0.0', port: 9443, path: '/ocpp' }, stationIdentity: 'LAB-WALLBOX-01' });
    expect(c.picsFile).toBe(join(examples, 'pics-example.json'));
    expect(c.pics?.features['C-13']).toBe(true);
    expect(c.certificates).toEqual({ dir: join(repo, 'certs'), caPem: null, serverCert: null, serverKey: null, clientCert: null, clientKey: null });
    expect(c.report.dir).toBe(join(repo, 'reports'));
    expect(c.timeouts.connectMs).toBe(30_000); // default filled next to the given ones
  });

  it('csms-under-test.json loads with an inline PICS', () => {
    const c = ok(join(examples, 'csms-under-test.json'));
    expect(c.sut).toEqual({ role: 'CSMS', csmsUrl: 'wss://csms.example.com/ocpp', identity: 'OCTT-STATION-01' });
    expect(c.actions).toEqual({ kind: 'http-octt', baseUrl: 'https://csms.example.com' });
    expect(c.pics?.role).toBe('CSMS');
    expect(c.pics?.facts?.numberOfEvses).toBe(1); // taken from "evses"
  });

  it('pics-example.json is a valid PICS for a 2.0.1 Charging Station', () => {
    const r = loadPics(join(examples, 'pics-example.json'), { version: '2.0.1', role: 'ChargingStation' });
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});

const station = { sut: { role: 'ChargingStation', stationIdentity: 'CS-1' }, ocppVersion: '2.0.1', securityProfile: 0 };
const csms = {
  sut: { role: 'CSMS', csmsUrl: 'ws://localhost:8180/ocpp', identity: 'CS-1' },
  ocppVersion: '2.0.1',
  securityProfile: 1,
  basicAuthPassword: '0123456789abcdefgh',
};

describe('defaults', () => {
  it('fills every default for a minimal station config', () => {
    const c = ok(station);
    expect(c.sut).toEqual({ role: 'ChargingStation', listen: { host: '0.0.0.0', port: 9000, path: '/ocpp' }, stationIdentity: 'CS-1' });
    expect(c.evses).toEqual([{ id: 1, connectors: [{ id: 1 }] }]);
    expect(c.reconnectGapMs).toBe(500);
    expect(c.actions).toEqual({ kind: 'prompt', timeoutMs: 300_000 });
    expect(c.timeouts).toEqual({ defaultMs: 30_000, connectMs: 30_000, bootMs: 60_000, transactionMs: 120_000, promptMs: 300_000, drainMs: 300, sutReturnMs: 120_000 });
    expect(c.idTokens.valid.length).toBeGreaterThan(0);
    expect(c.pics).toBeNull();
    expect(c.basicAuthPassword).toBeNull();
    expect(c.report.dir).toBe(join(tmp, 'reports'));
  });

  it('a prompt without timeout takes timeouts.promptMs', () => {
    expect(ok({ ...station, timeouts: { promptMs: 1234 }, actions: { kind: 'prompt' } }).actions).toEqual({ kind: 'prompt', timeoutMs: 1234 });
  });
});

// Each mistake and the exact message a user sees.
const mistakes: [string, object, string][] = [
  ['security profile out of range', { ...station, securityProfile: 5 }, 'securityProfile: must be one of 0, 1, 2, 3 (got 5). Set "securityProfile" to the profile your SUT uses.'],
  ['unknown version', { ...station, ocppVersion: '1.6' }, 'ocppVersion: must be one of "2.0.1", "2.1" (got "1.6"). Set "ocppVersion" to the OCPP version your SUT speaks.'],
  ['missing sut', { ocppVersion: '2.0.1', securityProfile: 0 }, 'sut: missing. Describe the system under test: {"role": "ChargingStation", ...} or {"role": "CSMS", ...}.'],
  ['missing role', { ...station, sut: { stationIdentity: 'x' } }, 'sut.role: missing. Set "role" to one of "ChargingStation", "CSMS".'],
  ['misspelt role', { ...station, sut: { role: 'ChargingStaton', stationIdentity: 'x' } }, 'sut.role: must be one of "ChargingStation", "CSMS" (got "ChargingStaton"). Did you mean "ChargingStation"?'],
  ['misspelt top-level key', { ...station, reconectGapMs: 10 }, 'reconectGapMs: unknown field. Did you mean "reconnectGapMs"?'],
  ['unrelated unknown key', { ...station, colour: 'red' }, 'colour: unknown field. Remove it, or use one of: sut, ocppVersion, securityProfile, basicAuthPassword, certificates, evses, idTokens, timeouts, reconnectGapMs, actions, bench, pics, expectedFailures, report, fileServer, ocspService.'],
  ['station key on a CSMS SUT', { ...csms, sut: { ...csms.sut, listen: { port: 1 } } }, 'sut.listen: unknown field. "listen" is only for a Charging Station SUT ("sut.role": "ChargingStation"); remove it or change the role.'],
  ['CSMS key on a station SUT', { ...station, sut: { ...station.sut, csmsUrl: 'ws://x' } }, 'sut.csmsUrl: unknown field. "csmsUrl" is only for a CSMS SUT ("sut.role": "CSMS"); remove it or change the role.'],
  ['identity with a colon', { ...csms, sut: { ...csms.sut, identity: 'CS:1' } }, `sut.identity: has an invalid form (got "CS:1"). Use the station identity the test system connects as (at most 48 characters: letters, digits and * - _ = + | @ . ; no ':'), registered in the CSMS.`],
  ['identity too long', { ...csms, sut: { ...csms.sut, identity: 'x'.repeat(49) } }, `sut.identity: must be at most 48 characters (got 49). Use the station identity the test system connects as (at most 48 characters: letters, digits and * - _ = + | @ . ; no ':'), registered in the CSMS.`],
  ['missing identity', { ...csms, sut: { role: 'CSMS', csmsUrl: 'ws://x/ocpp' } }, `sut.identity: missing. Use the station identity the test system connects as (at most 48 characters: letters, digits and * - _ = + | @ . ; no ':'), registered in the CSMS.`],
  ['http URL for a CSMS', { ...csms, sut: { ...csms.sut, csmsUrl: 'http://x/ocpp' } }, 'sut.csmsUrl: has an invalid form (got "http://x/ocpp"). Give the CSMS endpoint without the station identity, e.g. "wss://csms.example.com/ocpp"; the identity is appended.'],
  ['wss with SP1', { ...csms, sut: { ...csms.sut, csmsUrl: 'wss://x/ocpp' } }, 'sut.csmsUrl: security profile 1 has no TLS, so the URL must start with ws:// (got "wss://x/ocpp"). Change the scheme to ws://, or set "securityProfile" to 2 or 3.'],
  ['ws with SP2', { ...csms, securityProfile: 2, certificates: { dir: 'certs' } }, 'sut.csmsUrl: security profile 2 uses TLS, so the URL must start with wss:// (got "ws://localhost:8180/ocpp"). Change the scheme to wss://, or set "securityProfile" to 0 or 1.'],
  ['identity inside the URL', { ...csms, sut: { ...csms.sut, csmsUrl: 'ws://x/ocpp/CS-1' } }, 'sut.csmsUrl: ends with the identity "CS-1", which the test system appends itself. Remove it from the URL.'],
  ['SP1 without password', { ...station, securityProfile: 1 }, `basicAuthPassword: missing. Security profile 1 uses HTTP Basic Auth; set "basicAuthPassword" to the station's password (16 to 40 characters).`],
  ['short password', { ...station, securityProfile: 1, basicAuthPassword: 'secret' }, 'basicAuthPassword: must be at least 16 characters (got 6). Use the HTTP Basic Auth password of the station, 16 to 40 characters (security profiles 1 and 2).'],
  ['SP2 station without certificates', { ...station, securityProfile: 2, basicAuthPassword: '0123456789abcdef' }, 'certificates: security profile 2 needs serverCert, serverKey (the test system serves TLS as the CSMS). Set "certificates.dir" to the test PKI folder (e.g. "../certs"), or give "certificates.serverCert", "certificates.serverKey" as PEM file paths.'],
  ['SP3 CSMS with only a CA', { ...csms, securityProfile: 3, sut: { ...csms.sut, csmsUrl: 'wss://x/ocpp' }, certificates: { caPem: 'ca.pem' } }, 'certificates: security profile 3 needs clientCert, clientKey (the test system connects over TLS as a station). Set "certificates.dir" to the test PKI folder (e.g. "../certs"), or give "certificates.clientCert", "certificates.clientKey" as PEM file paths.'],
  ['certificate file missing', { ...station, securityProfile: 3, certificates: { dir: 'certs', serverCert: 'nope.pem' } }, `certificates.serverCert: file not found: ${join(tmp, 'nope.pem')}. Point it at an existing PEM file (relative paths start from the config file's folder).`],
  ['port out of range', { ...station, sut: { ...station.sut, listen: { port: 70000 } } }, 'sut.listen.port: must be <= 65535 (got 70000). Give the TCP port the station connects to, between 1 and 65535.'],
  ['timeout not a number', { ...station, timeouts: { bootMs: '60s' } }, 'timeouts.bootMs: must be a whole number (got a string "60s"). Give a whole number of milliseconds, at least 1.'],
  ['EVSE numbering', { ...station, evses: [{ id: 2, connectors: [{ id: 1 }] }] }, 'evses[0].id: EVSE ids must be 1, 2, 3, ... in order (got 2, expected 1). Renumber the EVSEs.'],
  ['connector numbering', { ...station, evses: [{ id: 1, connectors: [{ id: 2 }] }] }, 'evses[0].connectors[0].id: connector ids restart at 1 on each EVSE (got 2, expected 1). Renumber the connectors.'],
  ['EVSE without connectors', { ...station, evses: [{ id: 1, connectors: [] }] }, 'evses[0].connectors: needs at least 1 entry. List at least one connector: [{"id": 1, "type": "cType2"}].'],
  ['2.0.1 idToken type', { ...station, idTokens: { valid: [{ idToken: 'A1', type: 'RFID' }] } }, 'idTokens.valid[0].type: must be one of Central, eMAID, ISO14443, ISO15693, KeyCode, Local, MacAddress, NoAuthorization in OCPP 2.0.1 (got "RFID").'],
  ['idToken without type', { ...station, idTokens: { valid: [{ idToken: 'A1' }] } }, 'idTokens.valid[0].type: missing. Use an IdTokenEnumType value such as "ISO14443", "Central" or "KeyCode".'],
  ['same token twice', { ...station, idTokens: { valid: [{ idToken: 'abc', type: 'Local' }], blocked: { idToken: 'ABC', type: 'Local' } } }, 'idTokens.blocked.idToken: same token as idTokens.valid[0] (idTokens compare case-insensitively). Use a different token for each role.'],
  ['misspelt action kind', { ...station, actions: { kind: 'simulater' } }, 'actions.kind: must be one of "prompt", "http-gateway", "http-octt", "http-mapping", "command", "simulator" (got "simulater"). Did you mean "simulator"?'],
  ['gateway without URL', { ...station, actions: { kind: 'http-gateway' } }, 'actions.baseUrl: missing. Give an http:// or https:// URL.'],
  ['gateway for a CSMS', { ...csms, actions: { kind: 'http-gateway', baseUrl: 'http://gw' } }, 'actions.kind: "http-gateway" drives a station bench and needs "sut.role": "ChargingStation". For a CSMS SUT use "http-octt", "http-mapping", "command", "prompt" or "simulator".'],
  ['OCTT API for a station', { ...station, actions: { kind: 'http-octt', baseUrl: 'http://c' } }, 'actions.kind: "http-octt" asks a CSMS to send requests and needs "sut.role": "CSMS". For a station SUT use "http-gateway", "http-mapping", "command", "prompt" or "simulator".'],
  ['mapping with a bad method', { ...station, actions: { kind: 'http-mapping', map: { plugIn: { method: 'FETCH', urlTemplate: 'http://b/plug' } } } }, 'actions.map.plugIn.method: must be one of "GET", "POST", "PUT", "PATCH", "DELETE" (got "FETCH"). Use an HTTP method: GET, POST, PUT, PATCH or DELETE.'],
  ['PICS file missing', { ...station, pics: 'missing-pics.json' }, `pics: PICS file not found: ${join(tmp, 'missing-pics.json')}. Check the path (relative paths start from the config file's folder).`],
  ['PICS feature id typo', { ...station, pics: { features: { 'C-133': true } } }, 'pics.features["C-133"]: not a Part 5 feature of a ChargingStation in OCPP 2.0.1. Did you mean "C-13"?'],
  ['PICS feature key not an id', { ...station, pics: { features: { reset: true } } }, 'pics.features.reset: not an allowed key. Feature keys are Part 5 ids such as "C-13", "AQ-2", "HFS-1", "LA-0", "ISO-1.2".'],
  ['PICS feature not boolean', { ...station, pics: { features: { 'C-13': 'yes' } } }, 'pics.features["C-13"]: must be of type boolean (got a string "yes"). Use true when the SUT supports the feature (or the Part 5 question is answered yes), false otherwise.'],
  ['PICS for the other role', { ...station, pics: { role: 'CSMS', features: {} } }, 'pics.role: the PICS describes a CSMS but "sut.role" is "ChargingStation". Use the PICS of this SUT.'],
  ['PICS for the other version', { ...station, pics: { ocppVersion: '2.1', features: {} } }, 'pics.ocppVersion: the PICS is for OCPP 2.1 but the run uses 2.0.1. Use the PICS for 2.0.1.'],
  ['PICS profile typo', { ...station, pics: { profiles: ['Smart Charing'], features: {} } }, 'pics.profiles: unknown profile "Smart Charing". Did you mean "Smart Charging"?'],
  ['PICS EVSE count disagrees', { ...station, evses: [{ id: 1, connectors: [{ id: 1 }] }], pics: { features: {}, facts: { numberOfEvses: 2 } } }, 'pics.facts.numberOfEvses: says 2 but "evses" lists 1. Make them agree.'],
];

describe('mistakes', () => {
  it.each(mistakes)('%s', (_name, input, message) => {
    expect(errors(input)).toContain(message);
  });

  it('never leaks a password value into a message', () => {
    const all = errors({ ...station, securityProfile: 1, basicAuthPassword: 'hunter2' }).join('\n');
    expect(all).not.toContain('hunter2');
  });

  it('reports several problems at once', () => {
    expect(errors({ ...station, securityProfile: 9, ocppVersion: '3' }).length).toBe(2);
  });
});

describe('files', () => {
  it('names a missing config file', () => {
    const r = loadRunConfig(join(tmp, 'nope.json'));
    expect(r).toEqual({ ok: false, errors: [`config: run config file not found: ${join(tmp, 'nope.json')}. Check the path (relative paths start from the config file's folder).`] });
  });

  it('names a JSON syntax error without a stack trace', () => {
    const f = join(tmp, 'broken.json');
    writeFileSync(f, '{ "sut": { "role": "CSMS", }, }');
    const r = loadRunConfig(f);
    expect(r.ok).toBe(false);
    const msg = r.ok ? '' : (r.errors[0] ?? '');
    expect(msg).toMatch(/^config: .*broken\.json is not valid JSON \(.+\)\. Fix the syntax; comments and trailing commas are not allowed\.$/);
    expect(msg).not.toMatch(/\n\s+at /);
  });

  it('rejects a top level that is not an object', () => {
    expect(loadRunConfig([1, 2])).toEqual({ ok: false, errors: ['config: must be a JSON object ({ "sut": ..., "ocppVersion": ..., ... }).'] });
  });

  it('resolves a PICS path from the config file folder', () => {
    writeFileSync(join(tmp, 'p.json'), JSON.stringify({ features: { 'C-13': false } }));
    writeFileSync(join(tmp, 'run.json'), JSON.stringify({ ...station, pics: 'p.json' }));
    const c = ok(join(tmp, 'run.json'));
    expect(c.pics).toEqual({ features: { 'C-13': false }, facts: { numberOfEvses: 1 } });
  });
});

describe('helpers', () => {
  it('formats JSON pointers as field paths', () => {
    expect(fieldPath('/evses/0/connectors/1/id')).toBe('evses[0].connectors[1].id');
    expect(fieldPath('/features/C-13', 'pics')).toBe('pics.features["C-13"]');
    expect(fieldPath('')).toBe('(top level)');
  });

  it('suggests only close names', () => {
    expect(suggest('idenity', ['identity', 'csmsUrl'])).toBe('identity');
    expect(suggest('colour', ['sut', 'report'])).toBeNull();
  });
});
