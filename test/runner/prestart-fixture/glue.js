// Glue of test/runner/cucumber-prestart.test.ts: writes what the prestarted cucumber child sees of its environment.
import { writeFileSync } from 'node:fs';
import { Given } from '@cucumber/cucumber';

Given('the child reports its environment', function () {
  const out = process.env['PRESTART_PROBE_OUT'];
  if (!out) throw new Error('PRESTART_PROBE_OUT is not set: the run environment did not reach the child');
  const seen = { pid: process.pid, parentWatch: process.env['OCPP_CONFORMANCE_PARENT_PID'], probe: process.env['PRESTART_PROBE'], stale: process.env['PRESTART_STALE'] ?? null };
  writeFileSync(out, JSON.stringify(seen));
});
