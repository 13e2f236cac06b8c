// Loaded with `node --import` into the cucumber child and its workers (see child-lifetime.ts): ends this process when
// the process that started it is gone, whatever killed it (SIGKILL included). Orphans are re-parented by the OS, so a
// changed parent pid is the proof. The check is a cheap, unref'd timer: it never keeps the process alive.
const ENV = 'OCPP_CONFORMANCE_PARENT_PID';
const CHECK_EVERY_MS = 200;

const declared = Number(process.env[ENV]);
// A direct child knows its parent's pid from the environment; a worker forked later by that child inherits the child's
// pid (set below). Without the variable, the parent at start-up is the one to watch.
const parent = Number.isInteger(declared) && declared > 0 ? declared : process.ppid;
process.env[ENV] = String(process.pid);

function parentGone(): boolean {
  return process.ppid !== parent;
}

if (parentGone()) process.exit(129);
setInterval(() => {
  if (parentGone()) process.exit(129);
}, CHECK_EVERY_MS).unref();
