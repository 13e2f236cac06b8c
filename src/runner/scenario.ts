// One scenario of one case: the peer, the trace, the SUT actions / operator triggers, the step record, and the verdict.
// The cucumber glue (steps/) only forwards to the methods here; everything that decides is in src/.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sutActionsFor, operatorTriggersFor } from '../actions/index.ts';
import type { SimCommon, SimTls } from '../actions/simulator.ts';
import type * as SimulatorModule from '../actions/simulator.ts';
import { ActionFailed } from '../actions/types.ts';
import { simStationTuning } from './sim-station-tuning.ts';
import type { OperatorTriggers, SutActions } from '../actions/types.ts';
import type { RunConfig } from '../config/types.ts';
import { CsmsPeer } from '../peer/csms-peer.ts';
import { ExpectationFailed, NotApplicable, PreconditionFailed, ScriptError, WaitCancelled } from '../peer/errors.ts';
import type { InboxEntry } from '../peer/inbox.ts';
import type { Timing } from '../peer/peer.ts';
import type { EngineSettings } from '../peer/settings.ts';
import { StationPeer } from '../peer/station-peer.ts';
import { csmsSet, loadTestPki } from '../pki/index.ts';
import { configuredV2GChain, contractCa } from '../states/csms-iso15118.ts';
import { boundCaseResult, boundedList, safeJson } from '../report/bounded.ts';
import { NdjsonTrace } from '../report/trace.ts';
import type { CaseResult, CaseStep, Verdict } from '../report/verdict.ts';
import { Memory } from '../states/context.ts';
import type { CsContext, CsmsContext, ScenarioContext } from '../states/context.ts';
import { carryForward, loadIdentityState, loadSutState } from './sut-state.ts';
import { identityOfWorker, workerIndex } from './station-identity.ts';
import type { PoolIdentity } from '../config/identity-pool.ts';
import { letProtocolTimePass } from '../peer/protocol-time.ts';
import { runStationEndpoint } from './station-endpoint.ts';
import { invalidServerCertificates } from './invalid-server-certificates.ts';
import type { StationEndpoint } from './station-endpoint.ts';
import { SUBPROTOCOL_OF } from '../rpc/types.ts';
import { announce } from './announce.ts';
import { signalCaseStart, signalled } from './wait-signal.ts';
import { engineSettings, runSecrets } from './context.ts';
import { instanceOf } from './instances.ts';
import { caseEnded, pollUntil, sanityProbe, tcpReachable } from './sut-presence.ts';
import type { CaseMeta, RunContext } from './context.ts';

/**
 * The built-in simulators, loaded on first use: a run against a real SUT never needs them, and every cucumber worker
 * would otherwise load both simulators (and their areas) before its first case.
 */
function simulators(): Promise<typeof SimulatorModule> {
  return import('../actions/simulator.ts');
}

export interface ScenarioInfo {
  caseId: string;
  name: string;
  /** Texts of every step of the scenario (to find which requests a step will answer itself). */
  stepTexts: string[];
  /** Comment annotations ("# Part 6 step 3") per step index. */
  part6Steps?: Array<string | undefined>;
  /** The feature file the scenario came from (in an instance-mode run it names the instance, see instances.ts). */
  uri?: string;
}

interface Stoppable {
  stop(): Promise<void>;
}

/** "the test system responds with a XResponse ..." -> the requests of X are held for that step. */
export function repliedActions(stepTexts: string[]): string[] {
  const out = new Set<string>();
  for (const t of stepTexts) {
    const m = /^the test system (?:responds|answers) with an? ([A-Z][A-Za-z0-9]*)Response\b/.exec(t);
    if (m?.[1]) out.add(m[1]);
  }
  return [...out];
}

export function isReplyStep(text: string): boolean {
  return /^the test system (?:responds|answers) with an? [A-Z][A-Za-z0-9]*Response\b/.test(text);
}

/** The test PKI, read once per process: reading and parsing it costs most of a second of CPU, and a run never changes it. */
const pkiLayouts = new Map<string, ReturnType<typeof loadTestPki>>();
function testPkiOnce(dir: string): ReturnType<typeof loadTestPki> {
  let layout = pkiLayouts.get(dir);
  if (!layout) {
    layout = loadTestPki(dir);
    // A failed read is not kept: the next case tries again (and reports the problem itself).
    layout.catch(() => pkiLayouts.delete(dir));
    pkiLayouts.set(dir, layout);
  }
  return layout;
}

/**
 * TLS material for the run's profile; with `evenWithoutTls` also at SP0/SP1 when certificates are configured (a case may
 * raise the profile). `client`: a pool identity's own client certificate; `configuredClient` false: the configured
 * clientCert belongs to another identity of the pool (this one takes the test PKI's certificate for itself).
 */
async function tlsMaterial(config: RunConfig, identity: string, evenWithoutTls = false, client?: PoolIdentity, configuredClient = true): Promise<SimTls | undefined> {
  const c = config.certificates;
  if (config.securityProfile < 2 && !(evenWithoutTls && (c.dir || c.caPem))) return undefined;
  const read = (p: string | null): string | undefined => (p ? readFileSync(p, 'utf8') : undefined);
  let caPem = read(c.caPem);
  let serverCertPem = read(c.serverCert);
  let serverKeyPem = read(c.serverKey);
  let clientCertPem = client?.clientCert ? read(client.clientCert) : configuredClient ? read(c.clientCert) : undefined;
  let clientKeyPem = client?.clientKey ? read(client.clientKey) : configuredClient ? read(c.clientKey) : undefined;
  let caIssuer: SimTls['caIssuer'];
  let v2gIssuer: SimTls['v2gIssuer'];
  if (c.dir && (!caPem || !serverCertPem || !serverKeyPem || !clientCertPem || !clientKeyPem)) {
    const layout = await testPkiOnce(c.dir);
    const algorithm = layout.config.algorithms[0];
    if (algorithm) {
      const set = csmsSet(layout, algorithm);
      if (!caPem) caIssuer = set.root;
      v2gIssuer = layout.v2g.cpoSubCa2;
      caPem ??= set.root.certPem;
      serverCertPem ??= set.server.chainPem;
      serverKeyPem ??= set.server.keyPem;
      const station = set.stations[identity];
      clientCertPem ??= station?.chainPem;
      clientKeyPem ??= station?.keyPem;
    }
  }
  return { caPem: caPem ?? '', serverCertPem: serverCertPem ?? '', serverKeyPem: serverKeyPem ?? '', clientCertPem: clientCertPem ?? '', clientKeyPem: clientKeyPem ?? '', caIssuer, v2gIssuer };
}

/**
 * The run's bounded, visible wait for the station: at the start of the run (and after it went away) the station
 * connects with its own back-off, so the case waits up to timeouts.sutReturnMs and says so on the terminal.
 */
async function awaitStation(endpoint: StationEndpoint, identity: string, url: string, withinMs: number, trace: NdjsonTrace): Promise<void> {
  if (endpoint.connected) return;
  const message = `waiting for ${identity} to connect to ${url}/${identity} (up to ${Math.round(withinMs / 1000)} s) ...`;
  announce(message);
  trace.write({ kind: 'note', at: new Date().toISOString(), message });
  const came = await signalled(`${identity} to connect to ${url}/${identity}`, withinMs, () => endpoint.waitForStation(withinMs));
  announce(came ? `${identity} connected` : `${identity} did not connect within ${Math.round(withinMs / 1000)} s`);
}

export class Scenario {
  readonly ctx: ScenarioContext;
  readonly meta: CaseMeta;
  readonly trace: NdjsonTrace;
  readonly steps: CaseStep[] = [];
  private readonly startedAt = new Date();
  private readonly stoppables: Stoppable[];
  private readonly info: ScenarioInfo;
  private readonly run: RunContext;
  private currentStep: { text: string; index: number } | undefined;
  private firstError: { error: unknown; step: string; part6?: string | undefined } | undefined;
  private readonly background: string[];
  private readonly cleanups: Array<{ label: string; work: () => Promise<unknown> }>;
  private finished = false;
  /** Names this scenario's result and trace files: the case id, or the instance key in an instance-mode run. */
  private readonly key: string;

  private constructor(
    run: RunContext,
    info: ScenarioInfo,
    meta: CaseMeta,
    trace: NdjsonTrace,
    ctx: ScenarioContext,
    stoppables: Stoppable[],
    background: string[],
    cleanups: Array<{ label: string; work: () => Promise<unknown> }>,
    key: string,
  ) {
    this.key = key;
    this.background = background;
    this.cleanups = cleanups;
    this.run = run;
    this.info = info;
    this.meta = meta;
    this.trace = trace;
    this.ctx = ctx;
    this.stoppables = stoppables;
  }

  static tracePath(run: RunContext, caseId: string): string {
    return join(run.runDir, 'traces', `${caseId}.ndjson`);
  }

  static async start(run: RunContext, info: ScenarioInfo): Promise<Scenario> {
    const meta = run.cases[info.caseId];
    if (!meta) throw new ScriptError(`case ${info.caseId} is not part of this run's selection`);
    signalCaseStart(info.caseId);
    const config = run.config;
    const instance = instanceOf(run, info.caseId, info.uri);
    const trace = new NdjsonTrace(Scenario.tracePath(run, instance.key), { secrets: runSecrets(run) });
    trace.write({ kind: 'note', at: new Date().toISOString(), message: `case ${info.caseId}: scenario "${info.name}" starts`, data: { faults: instance.faults } });
    const settings: EngineSettings = engineSettings(run);
    const timing: Timing = {
      expectMs: config.timeouts.defaultMs,
      connectMs: config.timeouts.connectMs,
      bootMs: config.timeouts.bootMs,
      reconnectGapMs: config.reconnectGapMs,
      sutReturnMs: config.timeouts.sutReturnMs,
    };
    const memory = new Memory();
    const reached = new Set<string>();
    const simulator = config.actions.kind === 'simulator';
    // Basic Auth is sent at security profiles 1 and 2 only.
    const password = config.securityProfile >= 1 && config.securityProfile <= 2 ? config.basicAuthPassword : null;
    const stationTuning = simStationTuning(instance.stationTuning, info.caseId);
    // What a built-in simulator needs, whichever role it plays.
    const simCommon = (identity: string, tls: SimTls | undefined): SimCommon => ({
      version: config.ocppVersion,
      identity,
      securityProfile: config.securityProfile,
      password,
      tls,
      settings,
      faults: instance.faults,
      ...(stationTuning ? { stationTuning } : {}),
    });
    const stoppables: Stoppable[] = [];
    const backgroundList: string[] = [];
    const cleanups: Array<{ label: string; work: () => Promise<unknown> }> = [];
    const cleanUp = (label: string, work: () => Promise<unknown>): void => {
      if (!cleanups.some((c) => c.label === label)) cleanups.push({ label, work });
    };
    // A long-lived SUT keeps what earlier cases changed on it (see sut-state.ts); a simulator started per case does not.
    const carried = simulator ? undefined : loadSutState(run.runDir);
    // Against a CSMS: this worker's own station identity (station-identity.ts) and what earlier cases changed on it.
    const poolEntry = config.sut.role === 'CSMS' ? (simulator ? { identity: config.sut.identity } : identityOfWorker(config)) : undefined;
    const identityState = poolEntry && !simulator ? loadIdentityState(run.runDir, poolEntry.identity) : undefined;
    if (identityState && identityState.changes.length > 0) {
      trace.write({ kind: 'note', at: new Date().toISOString(), message: `SUT state carried from earlier cases: ${identityState.changes.map((c) => `${c.caseId}: ${c.what}`).join('; ')}` });
    }
    const holds = repliedActions(info.stepTexts);
    let scenarioRef: Scenario | undefined;
    const track = (label: string, work: Promise<unknown>): void => {
      work.then(
        () => undefined,
        (e: unknown) => {
          const msg = `${label} failed: ${e instanceof Error ? e.message : String(e)}`;
          backgroundList.push(msg);
          trace.write({ kind: 'note', at: new Date().toISOString(), message: msg });
          if (e instanceof ActionFailed && !e.delivered) scenarioRef?.ctx.peer.inbox.interrupt(new PreconditionFailed(msg));
        },
      );
    };
    try {
      if (config.sut.role === 'ChargingStation') {
        const identity = config.sut.stationIdentity;
        const tls = await tlsMaterial(config, identity);
        const serverTls = tls ? { certPem: tls.serverCertPem, keyPem: tls.serverKeyPem, ...(config.securityProfile === 3 ? { caPem: tls.caPem } : {}) } : undefined;
        const serverPassword = config.securityProfile <= 2 ? config.basicAuthPassword : null;
        // A real station lives through the run: one endpoint for the whole run (see station-endpoint.ts).
        const endpoint = simulator
          ? undefined
          : runStationEndpoint({
              host: config.sut.listen.host,
              port: config.sut.listen.port,
              securityProfile: config.securityProfile,
              subprotocols: [SUBPROTOCOL_OF[config.ocppVersion]],
              isKnownIdentity: (id) => id === identity,
              ...(serverPassword !== null ? { checkPassword: (_id: string, pw: string) => pw === serverPassword } : {}),
              ...(serverTls ? { tls: serverTls } : {}),
            });
        const peer = new CsmsPeer({
          version: config.ocppVersion,
          trace,
          timing,
          host: simulator ? '127.0.0.1' : config.sut.listen.host,
          port: simulator ? 0 : config.sut.listen.port,
          path: config.sut.listen.path,
          identity,
          securityProfile: config.securityProfile,
          password: serverPassword,
          ...(serverTls ? { tls: serverTls } : {}),
          settings,
          ...(endpoint ? { endpoint } : {}),
          invalidServerCertificates: () => invalidServerCertificates(config.certificates.dir),
        });
        stoppables.push(peer);
        peer.holdRepliesFor(holds);
        const url = await peer.start();
        if (endpoint) {
          if (carried?.lastCase === undefined) await awaitStation(endpoint, identity, url, config.timeouts.sutReturnMs, trace);
          else await sanityProbe(run.runDir, info.caseId, { what: `the Charging Station ${identity}`, present: () => Promise.resolve(endpoint.connected), awaitReturn: (ms) => endpoint.waitForStation(ms) }, config.timeouts.sutReturnMs, (m) => peer.note(m));
        }
        let actions: SutActions;
        if (simulator) {
          const sim = await (await simulators()).startSimulatedStation(url, simCommon(identity, tls));
          stoppables.unshift(sim);
          actions = sim.actions;
        } else {
          actions = sutActionsFor(config.actions, { version: config.ocppVersion, station: identity, promptTimeoutMs: config.timeouts.promptMs });
        }
        const ctx: CsContext = { role: 'ChargingStation', peer, actions, settings, memory, reached, requirementIds: meta.requirements, track, cleanUp };
        if (tls) ctx.csmsTls = { caPem: tls.caPem, caIssuer: tls.caIssuer, serverCertPem: tls.serverCertPem, serverKeyPem: tls.serverKeyPem };
        scenarioRef = new Scenario(run, info, meta, trace, ctx, stoppables, backgroundList, cleanups, instance.key);
      } else {
        const pool = poolEntry ?? { identity: config.sut.identity };
        const identity = pool.identity;
        if (identity !== config.sut.identity) trace.write({ kind: 'note', at: new Date().toISOString(), message: `station identity ${identity} (worker ${workerIndex() + 1} of the run's pool)` });
        // The station side keeps its TLS material (and client certificate) at every profile: a CSMS may raise the
        // station's security profile (TC_A_19_CSMS); the client uses it only when the profile needs it.
        const tls = (await tlsMaterial(config, identity, true, pool, identity === config.sut.identity)) ?? (simulator ? await (await simulators()).ephemeralSimTls(identity) : undefined);
        let csmsUrl = config.sut.csmsUrl;
        if (!simulator) {
          const probeUrl = identityState?.credentials.csmsUrl ?? csmsUrl;
          const present = (): Promise<boolean> => tcpReachable(probeUrl, config.timeouts.connectMs);
          await sanityProbe(run.runDir, info.caseId, { what: 'the CSMS', present, awaitReturn: (ms) => pollUntil(present, ms) }, config.timeouts.sutReturnMs, (m) => trace.write({ kind: 'note', at: new Date().toISOString(), message: m }));
        }
        let triggers: OperatorTriggers;
        if (simulator) {
          // V2G CSRs: the test PKI's V2G Sub-CA when there is one, else the test system's own configured V2G chain.
          const simTls = tls ? { ...tls, v2gIssuer: tls.v2gIssuer ?? (await configuredV2GChain()).subCa } : tls;
          // It trusts the contract CA as a CSMS with the MO root installed does (the OCSP cases).
          const contractCas = (await contractCa(config.certificates.dir)).cas;
          const sim = await (await simulators()).startSimulatedCsms({ ...simCommon(identity, simTls), reconnectGapMs: config.reconnectGapMs, contractCas });
          stoppables.push(sim);
          csmsUrl = sim.url;
          triggers = sim.triggers;
        } else {
          triggers = operatorTriggersFor(config.actions, { version: config.ocppVersion, station: identity, promptTimeoutMs: config.timeouts.promptMs });
        }
        const now = identityState?.credentials ?? {};
        const ownPassword = password !== null && pool.basicAuthPassword !== undefined ? pool.basicAuthPassword : password;
        const clientCert = now.clientCertificate ?? (tls?.clientCertPem && tls.clientKeyPem ? { certPem: tls.clientCertPem, keyPem: tls.clientKeyPem } : undefined);
        const peer = new StationPeer({
          version: config.ocppVersion,
          trace,
          timing,
          csmsUrl: now.csmsUrl ?? csmsUrl,
          identity,
          securityProfile: now.securityProfile ?? config.securityProfile,
          password: now.basicAuthPassword !== undefined ? now.basicAuthPassword : ownPassword,
          ...(tls ? { tls: { caPem: tls.caPem, ...(clientCert ?? {}) } } : {}),
          settings,
        });
        stoppables.unshift(peer);
        peer.holdRepliesFor(holds);
        const ctx: CsmsContext = { role: 'CSMS', peer, triggers, settings, memory, reached, requirementIds: meta.requirements, track, cleanUp };
        scenarioRef = new Scenario(run, info, meta, trace, ctx, stoppables, backgroundList, cleanups, instance.key);
      }
    } catch (e) {
      await Promise.allSettled(stoppables.map((s) => s.stop()));
      trace.write({ kind: 'note', at: new Date().toISOString(), message: `scenario set-up failed: ${e instanceof Error ? e.message : String(e)}` });
      trace.close();
      throw e;
    }
    return scenarioRef;
  }

  // ----- step bookkeeping (called by the cucumber hooks) -----------------------------------------------------------------

  beginStep(text: string): void {
    const index = this.steps.length;
    this.currentStep = { text, index };
    this.ctx.peer.note(`step: ${text}`);
    // A request a previous step consumed but did not answer gets its default answer, unless this step answers it.
    if (!isReplyStep(text)) this.ctx.peer.releaseConsumed();
  }

  endStep(status: CaseStep['status'], durationMs: number, error?: string): void {
    const text = this.currentStep?.text ?? '(unknown step)';
    this.steps.push({ text, status, durationMs, ...(error ? { error } : {}) });
    this.currentStep = undefined;
  }

  /** The first error of the scenario decides the verdict (later ones are consequences). */
  noteError(error: unknown): void {
    if (this.firstError) return;
    const index = this.currentStep?.index ?? this.steps.length;
    this.firstError = { error, step: (this.currentStep?.text ?? '(outside a step)').replace(/:$/, ''), part6: this.info.part6Steps?.[index] };
  }

  // ----- verdict ---------------------------------------------------------------------------------------------------------

  /** Stops everything, runs the end-of-scenario rule checks, writes the CaseResult JSON and returns it. */
  async finish(cucumberStatus?: string, cucumberMessage?: string): Promise<CaseResult> {
    if (this.finished) throw new Error('scenario finished twice');
    this.finished = true;
    const peer = this.ctx.peer;
    await this.drain();
    await this.runCleanups();
    this.carrySutChanges();
    if (this.run.config.actions.kind !== 'simulator') caseEnded(this.run.runDir, this.meta.id);
    await Promise.allSettled(this.stoppables.map((s) => s.stop()));
    peer.rules.finish();
    const result = this.verdict(cucumberStatus, cucumberMessage);
    for (const b of peer.rules.breaches) this.trace.write({ kind: 'violation', at: b.at, connectionId: '', rule: b.rule, message: b.message, ...(b.frameId ? { frameId: b.frameId } : {}) });
    this.trace.write({ kind: 'note', at: new Date().toISOString(), message: `verdict ${result.verdict}${result.reason ? `: ${result.reason}` : ''}` });
    this.trace.close();
    writeCaseResult(this.run, result, this.key);
    return result;
  }

  /**
   * End-of-case drain: a ping round trip (whatever the SUT sent before answering it is in). When nothing is outstanding
   * either way (every CALL answered, none timed out, none of the SUT's unanswered) that is the end: the window is ours,
   * not Part 4's, and a fixed wait per case is the largest part of the harness's overhead against a real SUT.
   * Otherwise the rest of the drain window timeouts.drainMs: a late answer, a second answer to one CALL or a request the
   * SUT makes in reaction is still judged by the general rules before the case lets go of the connection.
   */
  private async drain(): Promise<void> {
    const peer = this.ctx.peer;
    if (!peer.connected) return;
    const windowMs = this.run.config.timeouts.drainMs;
    const startedAt = Date.now();
    let roundTrip = false;
    try {
      roundTrip = await peer.pingBarrier(Math.max(windowMs, 1000));
    } catch (e) {
      peer.note(`drain: no ping round trip (${e instanceof Error ? e.message : String(e)})`);
    }
    if (roundTrip && peer.quiet) {
      peer.note('drain: the ping round trip is in and nothing is outstanding either way; the drain window ends here');
      return;
    }
    await letProtocolTimePass(windowMs - (Date.now() - startedAt), 'the end-of-case drain window (timeouts.drainMs): what the SUT still sends is judged', (m) => peer.note(m));
  }

  /** The clean-up steps the case registered (restoring what it changed on the SUT), each recorded in the trace. */
  private async runCleanups(): Promise<void> {
    for (const c of this.cleanups) {
      try {
        await c.work();
        this.ctx.peer.note(`clean-up done: ${c.label}`);
      } catch (e) {
        const msg = `clean-up failed: ${c.label}: ${e instanceof Error ? e.message : String(e)}`;
        this.ctx.peer.note(msg);
        this.background.push(msg);
      }
    }
  }

  /** What the CSMS under test changed on our station and keeps expecting (password, profile, certificate). */
  private carrySutChanges(): void {
    if (this.ctx.role !== 'CSMS' || this.run.config.actions.kind === 'simulator') return;
    const what = carryForward(this.run.runDir, this.meta.id, this.ctx.peer.changed, this.ctx.peer.identity);
    for (const w of what) this.ctx.peer.note(`SUT state change carried to the following cases: ${w}`);
  }

  private verdict(cucumberStatus?: string, cucumberMessage?: string): CaseResult {
    const base = baseResult(this.run, this.meta, this.startedAt);
    base.steps = this.steps;
    base.tracePath = Scenario.tracePath(this.run, this.key);
    const breaches = this.ctx.peer.rules.breaches;
    const breachText = boundedList(breaches.map((b) => `[${b.rule}] ${b.message}`));
    const e = this.firstError?.error;
    const stepName = this.firstError ? `${this.firstError.part6 ? `${this.firstError.part6}: ` : ''}${this.firstError.step}` : '';
    const undefinedStep = this.steps.find((s) => s.status === 'undefined');
    const set = (verdict: Verdict, reason?: string): CaseResult => ({ ...base, verdict, ...(reason ? { reason } : {}) });

    if (undefinedStep) return set('ERROR', `the step "${undefinedStep.text}" has no definition (or matches several); fix the feature file`);
    if (e !== undefined && !(e instanceof ExpectationFailed) && !(e instanceof PreconditionFailed) && !(e instanceof NotApplicable)) {
      const what = e instanceof WaitCancelled ? 'a wait was cancelled by teardown' : e instanceof ScriptError ? 'the feature asks for something the engine cannot do' : 'the harness failed';
      return set('ERROR', `${what} at "${stepName}": ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}${breaches.length > 0 ? ` (also: ${breachText})` : ''}`);
    }
    if (e instanceof ExpectationFailed) {
      const actual = breaches.length > 0 ? `${e.actual} (general rules also broken: ${breachText})` : e.actual;
      return {
        ...set('FAIL'),
        failure: {
          step: stepName,
          requirementIds: e.requirementIds.length > 0 ? e.requirementIds : this.meta.requirements,
          expected: e.expected,
          actual,
          ...(e.frame ? { frame: safeJson(frameToWire(e.frame)) } : {}),
        },
      };
    }
    if (breaches.length > 0) {
      const first = breaches[0];
      return {
        ...set('FAIL'),
        failure: {
          step: 'Part 6 general rules (checked on every frame)',
          requirementIds: this.meta.requirements,
          expected: 'every message of the SUT follows the general rules (schema, date-time precision, one CALL at a time, transaction events)',
          actual: breachText,
          ...(first?.frameId ? { frame: first.frameId } : {}),
        },
        ...(e instanceof PreconditionFailed ? { reason: `also: ${e.message}` } : {}),
      };
    }
    if (e instanceof PreconditionFailed) {
      const bg = this.background.length > 0 ? ` (${this.background.join('; ')})` : '';
      return set('INCONCLUSIVE', `${stepName ? `at "${stepName}": ` : ''}${e.message}${bg}`);
    }
    if (e instanceof NotApplicable) return set('NOT_APPLICABLE', e.message);
    if (cucumberStatus && cucumberStatus !== 'PASSED') {
      return set('ERROR', `cucumber reported ${cucumberStatus}${cucumberMessage ? `: ${cucumberMessage.split('\n')[0] ?? ''}` : ''} without an error the engine saw`);
    }
    if (this.steps.length === 0) return set('ERROR', 'the scenario has no steps');
    return set('PASS');
  }
}

function frameToWire(frame: NonNullable<ExpectationFailed['frame']>): unknown[] {
  switch (frame.type) {
    case 2:
      return [2, frame.id, frame.action, frame.payload];
    case 3:
      return [3, frame.id, frame.payload];
    case 4:
    case 5:
      return [frame.type, frame.id, frame.code, frame.description, frame.details];
    case 6:
      return [6, frame.id, frame.action, frame.payload];
  }
}

export function baseResult(run: RunContext, meta: CaseMeta, startedAt: Date): CaseResult {
  return {
    id: meta.id,
    title: meta.title,
    role: meta.role,
    version: meta.version,
    block: meta.block,
    profiles: meta.profiles,
    requirements: meta.requirements,
    verdict: 'ERROR',
    steps: [],
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    securityProfile: run.config.securityProfile,
  };
}

/** Writes cases/<key>.json whole at once (written aside, then renamed): the runner reads it the moment it appears. */
export function writeCaseResult(run: RunContext, result: CaseResult, key = result.id): void {
  const dir = join(run.runDir, 'cases');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${key}.json`);
  writeFileSync(`${path}.part`, `${JSON.stringify(boundCaseResult(result), null, 2)}\n`);
  renameSync(`${path}.part`, path);
}

/** A scenario whose set-up (simulator, server, certificates) failed: ERROR with the reason. */
export function writeSetupFailure(run: RunContext, caseId: string, error: unknown, startedAt: Date, uri?: string): void {
  const meta = run.cases[caseId];
  if (!meta) return;
  let key = caseId;
  try {
    key = instanceOf(run, caseId, uri).key;
  } catch {
    // not an instance of this run: the case id names the result (the runner reports the instance as missing)
  }
  const result = baseResult(run, meta, startedAt);
  result.verdict = error instanceof PreconditionFailed ? 'INCONCLUSIVE' : 'ERROR';
  result.reason = `scenario set-up failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  writeCaseResult(run, result, key);
}

export type { InboxEntry };
