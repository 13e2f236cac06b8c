// Checks `run` makes before and after the cases of a real SUT, so a wrong address or a missing certificate costs one
// clear message instead of one failed case each:
// - before: the CSMS under test accepts a TCP connection at "sut.csmsUrl" (a station under test connects to us, so
//   its first case waits for it visibly and the run stops when it never comes: sut-presence.ts);
// - before: security profile 3 against a CSMS has a client certificate for the station identity; the command templates
//   of actions.kind "command" only use placeholders their actions fill; bench.authorizeVariant is one the states read;
// - after: the CSMS is still there (a CSMS that went away during the last case spoils that case's verdict).
import { commandTemplateProblems } from '../actions/command-check.ts';
import type { RunConfig } from '../config/types.ts';
import { csmsSet, loadTestPki } from '../pki/index.ts';
import { tcpReachable } from '../runner/sut-presence.ts';
import { identityPool } from '../runner/station-identity.ts';

/** How long the probes wait for the CSMS's TCP answer. */
const PROBE_MS = 5000;

/** The configuration problem that keeps every case from running, or undefined. */
export async function configProblem(config: RunConfig): Promise<string | undefined> {
  if (config.actions.kind === 'command') {
    const problems = commandTemplateProblems(config.actions.command, config.sut.role);
    if (problems.length > 0) return problems.join('\n  ');
  }
  // Part 6 names the variant per case (Authorized is local; the cases that need the remote one say "Authorized
  // (remote)" and send RequestStartTransaction), so no state reads this value: refuse "remote" rather than ignore it.
  if (config.bench.authorizeVariant === 'remote') {
    return 'bench.authorizeVariant: "remote" is not used: Part 6 says per case which variant of Authorized it runs (local: the idToken is presented at the station; the "Authorized (remote)" cases send RequestStartTransaction themselves). Remove the field or set it to "local".';
  }
  if (config.sut.role !== 'CSMS' || config.securityProfile !== 3 || config.actions.kind === 'simulator') return undefined;
  const c = config.certificates;
  // Every identity of the pool presents its own certificate: its own files, the configured ones (sut.identity only),
  // or the test PKI's certificate for it.
  const sutIdentity = config.sut.identity;
  const fromPki = identityPool(config)
    .filter((p) => !(p.clientCert && p.clientKey) && !(p.identity === sutIdentity && c.clientCert && c.clientKey))
    .map((p) => p.identity);
  const identity = fromPki[0];
  if (identity === undefined) return undefined;
  const fix = `set "certificates.clientCert" and "certificates.clientKey" to the station's certificate and key (PEM), or create one in the test PKI with \`ocpp-conformance certs init --dir <certificates.dir> --identity ${identity}\``;
  if (!c.dir) return `certificates.clientCert: security profile 3 presents a client certificate for "${identity}", and none is configured; ${fix}`;
  try {
    const layout = await loadTestPki(c.dir);
    const algorithm = layout.config.algorithms[0];
    const stations = algorithm ? csmsSet(layout, algorithm).stations : {};
    const missing = fromPki.filter((id) => !(stations[id]?.chainPem && stations[id]?.keyPem));
    if (missing.length === 0) return undefined;
    return `certificates.dir: the test PKI in ${c.dir} has no client certificate for ${missing.map((m) => `"${m}"`).join(', ')} (it has ${layout.config.identities.join(', ') || 'none'}), which security profile 3 presents; ${fix.replace(`--identity ${identity}`, missing.map((m) => `--identity ${m}`).join(' '))}`;
  } catch (error) {
    return `certificates.dir: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Whether the run's SUT can be probed from here: a real CSMS (a station connects to us instead). */
function probedUrl(config: RunConfig): string | undefined {
  if (config.sut.role !== 'CSMS' || config.actions.kind === 'simulator') return undefined;
  return config.sut.csmsUrl;
}

/** The sanity probe at the start: undefined when the SUT is there (or cannot be probed), else the message. */
export async function startProbe(config: RunConfig, withinMs = PROBE_MS): Promise<string | undefined> {
  const url = probedUrl(config);
  if (!url || (await tcpReachable(url, withinMs))) return undefined;
  return `the CSMS under test is not there: nothing accepted a connection at ${url} within ${Math.round(withinMs / 1000)} s. Check the host and port of "sut.csmsUrl" and that the CSMS runs; no case was run.`;
}

/** The sanity probe at the end: a line saying whether the SUT stayed, or undefined when it cannot be probed. */
export async function endProbe(config: RunConfig, withinMs = PROBE_MS): Promise<string | undefined> {
  const url = probedUrl(config);
  if (!url) return undefined;
  return (await tcpReachable(url, withinMs))
    ? `Sanity probe at the end: the CSMS at ${url} is still there.`
    : `WARNING: sanity probe at the end: the CSMS at ${url} no longer accepts connections; the verdict of the last case may be the CSMS going away, not its behaviour.`;
}
