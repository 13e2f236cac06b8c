// Glue of test/runner/cucumber-prestart.test.ts: writes what the prestarted cucumber child sees of its environment,
// when this glue was loaded and when its step ran.
import { writeFileSync } from 'node:fs';
import { Given } from '@cucumber/cucumber';

// The run's environment reaches the child with its invocation: a glue loaded while the child waited does not see it.
const probeAtLoad = process.env['PRESTART_PROBE'] ?? null;

Given('the child reports its environment', function () {
  const out = process.env['PRESTART_PROBE_OUT'];
  if (!out) throw new Error('PRESTART_PROBE_OUT is not set: the run environment did not reach the child');
  const seen = { pid: process.pid, parentWatch: process.env['OCPP_CONFORMANCE_PARENT_PID'], probe: process.env['PRESTART_PROBE'], probeAtLoad, stale: process.env['PRESTART_STALE'] ?? null };
  writeFileSync(out, JSON.stringify(seen));
});
