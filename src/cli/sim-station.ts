// `ocpp-conformance sim station ...`: runs the reference Charging Station against a CSMS until SIGINT/SIGTERM.

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { OcppVersion } from '../rpc/types.ts';
import { STATION_FAULTS, startStationSim, type StationSimOptions } from '../sim/station/index.ts';
import { untilStopped } from './until-stopped.ts';
import { retryBackOffVariables } from './sim-station-back-off.ts';

const USAGE = `usage: sim station --csms-url ws://host:port/path --id CS001 [options]
  --version 2.0.1|2.1          OCPP version (default 2.0.1)
  --security-profile 0-3       default 0 (1/2 need --password; 2/3 need a wss:// URL; 3 needs --cert and --key)
  --password P                 Basic Auth password (SP1/SP2)
  --ca FILE                    PEM trust anchors for the CSMS certificate
  --cert FILE --key FILE       PEM client certificate and key (SP3)
  --chain FILE                 PEM intermediates sent after the client certificate
  --evses N | --evses 1,2      EVSE count, or connectors per EVSE (default 1)
  --vendor NAME --model NAME --serial S --firmware V
  --tx-start-point LIST        comma-separated TxStartPoint (default PowerPathClosed)
  --tx-stop-point LIST         comma-separated TxStopPoint (default EVConnected,Authorized)
  --measurands LIST            comma-separated measurands (default Energy.Active.Import.Register)
  --heartbeat-ms MS            override the heartbeat interval
  --reconnect-ms MS            first reconnect delay after a lost connection, doubling up to --reconnect-max-ms
                               (defaults 1000 and 30000; real stations wait 30-65 s); declared as
                               OCPPCommCtrlr.RetryBackOffWaitMinimum (rounded up to whole seconds)
  --reconnect-max-ms MS        longest reconnect delay; declared as RetryBackOffRepeatTimes (the doublings that fit)
  --retry-back-off-wait-minimum S   RetryBackOffWaitMinimum in seconds (instead of --reconnect-ms)
  --retry-back-off-repeat-times N   RetryBackOffRepeatTimes (instead of --reconnect-max-ms)
  --retry-back-off-random-range S   RetryBackOffRandomRange in seconds (default 0)
  --fault NAME                 inject a named fault (repeatable; --list-faults shows them)
  --action-host H              SUT-action API host (default 127.0.0.1)
  --action-port N              SUT-action API port (default 0 = any free port; -1 = off)
  --list-faults                print the named faults and exit`;

class UsageError extends Error {}

function int(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw)) throw new UsageError(`--${name} must be an integer, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function list(raw: string | undefined): string[] | undefined {
  return raw === undefined ? undefined : raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

async function pem(name: string, path: string | undefined): Promise<string | undefined> {
  if (path === undefined) return undefined;
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`--${name} ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * "--action-port -1" as --help offers it: parseArgs takes a value that starts with "-" for an option, so a negative
 * number after an option is joined to it ("--action-port=-1") before parsing.
 */
export function joinNegativeNumbers(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const next = argv[i + 1];
    if (arg.startsWith('--') && !arg.includes('=') && next !== undefined && /^-\d+$/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Builds station options from command-line arguments (exported for tests). */
export async function parseSimStationArgs(argv: string[]): Promise<{ options: StationSimOptions; listFaults: boolean; help: boolean }> {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeNumbers(argv),
      allowPositionals: false,
      strict: true,
      options: {
        'csms-url': { type: 'string' },
        id: { type: 'string' },
        version: { type: 'string' },
        'security-profile': { type: 'string' },
        password: { type: 'string' },
        ca: { type: 'string' },
        cert: { type: 'string' },
        key: { type: 'string' },
        chain: { type: 'string' },
        evses: { type: 'string' },
        vendor: { type: 'string' },
        model: { type: 'string' },
        serial: { type: 'string' },
        firmware: { type: 'string' },
        'tx-start-point': { type: 'string' },
        'tx-stop-point': { type: 'string' },
        measurands: { type: 'string' },
        'heartbeat-ms': { type: 'string' },
        'reconnect-ms': { type: 'string' },
        'reconnect-max-ms': { type: 'string' },
        'retry-back-off-wait-minimum': { type: 'string' },
        'retry-back-off-repeat-times': { type: 'string' },
        'retry-back-off-random-range': { type: 'string' },
        fault: { type: 'string', multiple: true },
        'action-host': { type: 'string' },
        'action-port': { type: 'string' },
        'list-faults': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const v = parsed.values;
  const listFaults = v['list-faults'] === true;
  const help = v.help === true;
  if (listFaults || help) return { options: { csmsUrl: '', identity: '' }, listFaults, help };
  const csmsUrl = v['csms-url'];
  if (!csmsUrl) throw new UsageError('--csms-url is required');
  if (!/^wss?:\/\//.test(csmsUrl)) throw new UsageError(`--csms-url must start with ws:// or wss://, got "${csmsUrl}"`);
  const identity = v.id;
  if (!identity) throw new UsageError('--id is required');
  const version = (v.version ?? '2.0.1') as OcppVersion;
  if (version !== '2.0.1' && version !== '2.1') throw new UsageError(`--version must be 2.0.1 or 2.1, got "${String(v.version)}"`);
  const sp = (int('security-profile', v['security-profile'], 0, 3) ?? 0) as 0 | 1 | 2 | 3;
  if ((sp === 1 || sp === 2) && v.password === undefined) throw new UsageError(`--security-profile ${sp} needs --password`);
  if (sp >= 2 && !csmsUrl.startsWith('wss://')) throw new UsageError(`--security-profile ${sp} needs a wss:// URL`);
  if (sp <= 1 && csmsUrl.startsWith('wss://')) throw new UsageError(`--security-profile ${sp} needs a ws:// URL`);
  if (sp === 3 && (v.cert === undefined || v.key === undefined)) throw new UsageError('--security-profile 3 needs --cert and --key');
  let evses: number | number[] | undefined;
  if (v.evses !== undefined) {
    if (!/^\d+(,\d+)*$/.test(v.evses)) throw new UsageError(`--evses must be a count or a comma-separated list of connector counts, got "${v.evses}"`);
    evses = v.evses.includes(',') ? v.evses.split(',').map(Number) : Number(v.evses);
    if ((Array.isArray(evses) ? evses : [evses]).some((n) => n < 1)) throw new UsageError('--evses values must be at least 1');
  }
  const faults = v.fault ?? [];
  const unknown = faults.filter((f) => !(f in STATION_FAULTS));
  if (unknown.length > 0) throw new UsageError(`unknown --fault ${unknown.join(', ')}; see --list-faults`);
  const actionPort = int('action-port', v['action-port'], -1, 65535);
  const heartbeatMs = int('heartbeat-ms', v['heartbeat-ms'], 1, 86_400_000);
  const reconnectMs = int('reconnect-ms', v['reconnect-ms'], 1, 86_400_000);
  const reconnectMaxMs = int('reconnect-max-ms', v['reconnect-max-ms'], 1, 86_400_000);
  let backOff: Record<string, string>;
  try {
    backOff = retryBackOffVariables({
      reconnectMs,
      reconnectMaxMs,
      waitMinimumS: int('retry-back-off-wait-minimum', v['retry-back-off-wait-minimum'], 0, 86_400),
      repeatTimes: int('retry-back-off-repeat-times', v['retry-back-off-repeat-times'], 0, 20),
      randomRangeS: int('retry-back-off-random-range', v['retry-back-off-random-range'], 0, 86_400),
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const tls = { caPem: await pem('ca', v.ca), certPem: await pem('cert', v.cert), keyPem: await pem('key', v.key), chainPem: await pem('chain', v.chain) };
  const options: StationSimOptions = {
    csmsUrl,
    identity,
    ocppVersion: version,
    securityProfile: sp,
    password: v.password,
    tls,
    evses,
    vendorName: v.vendor,
    model: v.model,
    serialNumber: v.serial,
    firmwareVersion: v.firmware,
    txStartPoint: list(v['tx-start-point']),
    txStopPoint: list(v['tx-stop-point']),
    measurands: list(v.measurands),
    faults,
    timers: {
      ...(heartbeatMs !== undefined ? { heartbeatMs } : {}),
    },
    // The back-off is declared in the device model and used as declared (Part 4 section 5.3).
    retryBackOff: true,
    variables: backOff,
    actionApi: actionPort === -1 ? false : { host: v['action-host'] ?? '127.0.0.1', port: actionPort ?? 0 },
  };
  return { options, listFaults, help };
}

export async function runSimStationCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = await parseSimStationArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`sim station: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.listFaults) {
    for (const [name, description] of Object.entries(STATION_FAULTS)) process.stdout.write(`${name.padEnd(36)} ${description}\n`);
    return 0;
  }
  let sim;
  try {
    sim = await startStationSim(parsed.options);
  } catch (e) {
    process.stderr.write(`sim station: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  process.stdout.write(`station ${sim.identity} -> ${parsed.options.csmsUrl}\n`);
  if (sim.actionApiUrl) process.stdout.write(`action API: ${sim.actionApiUrl}/api/v1/\n`);
  let lastLine = '';
  const off = sim.onStateChange((s) => {
    const line = `boot=${s.bootState} connected=${String(s.connected)} queued=${s.queuedTransactionEvents}`;
    if (line !== lastLine) process.stdout.write(`[${new Date().toISOString()}] ${line}\n`);
    lastLine = line;
  });
  await untilStopped();
  off();
  await sim.stop();
  return 0;
}
