// Scenario life cycle: set up the engine's Scenario, record each step, write the verdict at the end.
import { After, AfterAll, AfterStep, Before, BeforeStep, setDefaultTimeout } from '@cucumber/cucumber';
import { closeStationEndpoint } from '../src/runner/station-endpoint.ts';
import { loadRunContext } from '../src/runner/context.ts';
import { Scenario, writeSetupFailure } from '../src/runner/scenario.ts';
import { part6StepNotes } from '../src/runner/annotations.ts';
import type { GherkinDocLike } from '../src/runner/annotations.ts';
import type { ConformanceWorld } from './world.ts';

// Every wait inside a step has its own deadline; cucumber's timeout is only a last-resort guard.
setDefaultTimeout(15 * 60 * 1000);

Before(async function (this: ConformanceWorld, { pickle, gherkinDocument }) {
  const caseId = pickle.tags.map((t) => t.name.slice(1)).find((t) => t.startsWith('TC_'));
  this.caseId = caseId;
  this.startedAt = new Date();
  if (!caseId) throw new Error('the feature has no @TC_... tag');
  try {
    this.scenario = await Scenario.start(loadRunContext(), {
      caseId,
      name: pickle.name,
      stepTexts: pickle.steps.map((s) => s.text),
      part6Steps: part6StepNotes(gherkinDocument as unknown as GherkinDocLike, pickle),
      uri: pickle.uri,
    });
  } catch (e) {
    this.setupError = e;
    throw e;
  }
});

BeforeStep(function (this: ConformanceWorld, { pickleStep }) {
  this.scenario?.beginStep(pickleStep.text);
});

AfterStep(function (this: ConformanceWorld, { result }) {
  const ms = result.duration.seconds * 1000 + Math.round(result.duration.nanos / 1e6);
  const status = result.status === 'PASSED' ? 'passed' : result.status === 'UNDEFINED' || result.status === 'AMBIGUOUS' ? 'undefined' : result.status === 'SKIPPED' ? 'skipped' : 'failed';
  this.scenario?.endStep(status, ms, result.message?.split('\n')[0]);
});

After(async function (this: ConformanceWorld, { result, pickle }) {
  if (!this.scenario) {
    if (this.caseId) writeSetupFailure(loadRunContext(), this.caseId, this.setupError ?? new Error(result?.message ?? 'unknown'), this.startedAt, pickle.uri);
    return;
  }
  // Steps cucumber never ran (after a failure, or undefined ones) are recorded too.
  pickle.steps.slice(this.scenario.steps.length).forEach((step, i) => {
    const undefinedHere = i === 0 && (result?.status === 'UNDEFINED' || result?.status === 'AMBIGUOUS');
    this.scenario?.steps.push({ text: step.text, status: undefinedHere ? 'undefined' : 'skipped', durationMs: 0 });
  });
  await this.scenario.finish(result?.status, result?.message);
});

// The run-scoped endpoint of a station under test listens until the last case is done.
AfterAll(() => closeStationEndpoint());
