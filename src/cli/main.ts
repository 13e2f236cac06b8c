// The `ocpp-conformance` command: dispatches to one module per subcommand and turns unexpected errors into exit code 2.
import { runCertsCommand } from './certs.ts';
import { runListCommand } from './list.ts';

const HELP = `ocpp-conformance - OCPP 2.0.1 / 2.1 conformance test harness

usage: ocpp-conformance <command> [options]

commands:
  run          run Part 6 cases against a station or a CSMS (or, with --main, against the built-in simulators)
  list         show the selected cases and which are implemented, without running
  merge-reports  merge the reports of the shards of one run (run --shard i/n) into one
  certs        create and inspect the test PKI (certs init | show | sign-csr)
  console      the operator console in the browser (runs, live verdicts and wire log, bench prompts, reports)
  sim station  run the reference Charging Station simulator
  sim csms     run the reference CSMS simulator

Run "ocpp-conformance <command> --help" for a command's options.
exit codes: 0 all passed, 1 a case failed or was inconclusive, 2 a harness or usage error`;

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  run: async (argv) => {
    // Loading cucumber is half the time to the first case: it starts now, beside the CLI's own start, unless the
    // launcher started it already (src/runner/cucumber-prestart.ts).
    const prestart = await import('../runner/cucumber-prestart.ts');
    prestart.prestartCucumberFor(['run', ...argv]);
    try {
      return await (await import('./run.ts')).runRunCommand(argv);
    } finally {
      prestart.discardPrestartedCucumber();
    }
  },
  list: (argv) => runListCommand(argv),
  'merge-reports': async (argv) => (await import('./merge-reports.ts')).runMergeReportsCommand(argv),
  certs: (argv) => runCertsCommand(argv),
  console: async (argv) => (await import('./console.ts')).runConsoleCommand(argv),
  sim: async (argv) => {
    const [which, ...rest] = argv;
    if (which === 'station') return (await import('./sim-station.ts')).runSimStationCommand(rest);
    if (which === 'csms') return (await import('./sim-csms.ts')).runSimCsmsCommand(rest);
    console.error('usage: ocpp-conformance sim station|csms [options]');
    return 2;
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  return command(rest);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`ocpp-conformance: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 2;
}
