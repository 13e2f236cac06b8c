// `ocpp-conformance console`: serves the operator console (src/console) until Ctrl-C, prints its URL with the access
// token, and echoes every bench prompt on the terminal, where Enter still answers it when no browser is open.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startConsole } from '../console/server.ts';
import type { BenchPrompt } from '../console/bench.ts';
import { untilStopped } from './until-stopped.ts';

const HELP = `usage: ocpp-conformance console [--config FILE ...] [--port N] [--host H]

Serves the operator console in the browser: pick the SUT (a run config or the built-in simulators) and the cases, start
and stop runs, watch verdicts and the wire log live, answer bench prompts, open the reports of earlier runs.

  --config FILE   a run config to offer (repeatable; the examples and the simulators are always offered)
  --port N        port (default 0: any free port)
  --host H        address to listen on (default 127.0.0.1; anything else exposes the console on that network)
  -h, --help      this text

The printed URL carries a random access token; requests without it are refused (401).`;

export interface ConsoleCommandIo {
  out: (line: string) => void;
  /** Stops the console when aborted (tests); SIGINT/SIGTERM do the same. */
  signal?: AbortSignal;
}

/** The warning for a listen address other machines can reach; undefined for a loopback address. */
export function exposureWarning(host: string): string | undefined {
  if (/^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || host === 'localhost') return undefined;
  return `WARNING: the console listens on ${host}: anyone on that network who has the URL (with its token) can start runs and answer prompts. The traffic is plain HTTP.`;
}

function promptLine(p: BenchPrompt): string {
  const seconds = Math.round(p.timeoutMs / 1000);
  return `\n>>> ACTION NEEDED${p.caseId ? ` (${p.caseId})` : ''}: ${p.instruction}\n>>> Answer in the console page, or press Enter here when done (type "fail" if it cannot be done); ${seconds} s left.`;
}

export async function runConsoleCommand(argv: string[], io: ConsoleCommandIo = { out: (l) => console.log(l) }): Promise<number> {
  let values: { config?: string[]; port?: string; host?: string; help?: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: { config: { type: 'string', multiple: true }, port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    }).values;
  } catch (error) {
    io.out(`console: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.out(`console: --port must be a whole number from 0 to 65535, got "${values.port ?? ''}"`);
    return 2;
  }
  const missing = (values.config ?? []).filter((f) => !existsSync(f));
  if (missing.length > 0) {
    io.out(`console: no such run config: ${missing.join(', ')}`);
    return 2;
  }
  const host = values.host ?? '127.0.0.1';
  const warning = exposureWarning(host);
  if (warning) io.out(warning);
  const server = await startConsole({ host, port, configs: values.config ?? [], onPrompt: (p) => io.out(promptLine(p)) });
  io.out(`Operator console: ${server.url}`);
  io.out('(Ctrl-C stops the console and any run it started.)');
  await untilStopped(io.signal);
  await server.close();
  return 0;
}
