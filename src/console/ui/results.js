// The run card (live progress, current step, per-case verdicts), the results of a finished run (profile table M/C,
// failure explanations, report links) and the list of earlier runs.
import { duration, h, reqBadge, replace, verdictBadge } from './dom.js';

const COLORS = { PASS: 'var(--pass)', FAIL: 'var(--fail)', INCONCLUSIVE: 'var(--inc)', NOT_APPLICABLE: 'var(--na)', ERROR: 'var(--err)' };

/** One row per planned case: its verdict once known, RUNNING while its trace grows, else PENDING (or N/A with why). */
export function renderRunCard(el, run, actions) {
  if (!run) {
    replace(el, h('h2', {}, 'No run yet'), h('p', { class: 'muted' }, 'Pick the system under test and the cases on the left, then start a run. Every browser tab sees the same run.'));
    return;
  }
  const byId = new Map(run.results.map((r) => [r.id, r]));
  const total = run.planned.length;
  const done = run.planned.filter((c) => byId.has(c.id)).length;
  const active = run.state === 'running' || run.state === 'starting';
  const bar = h('div', { class: 'progress', title: `${done} of ${total} cases done` },
    run.planned.map((c) => {
      const v = byId.get(c.id)?.verdict;
      return v ? h('span', { style: `width:${100 / total}%;background:${COLORS[v]}` }) : null;
    }));
  const current = run.running.map((id) => h('div', { class: 'step-now' }, h('strong', {}, id), ' — ', run.currentStep[id] ?? 'setting up…'));
  const rows = run.planned.map((c) => {
    const r = byId.get(c.id);
    const running = run.running.includes(c.id);
    const verdict = r ? verdictBadge(r.verdict) : running ? verdictBadge('RUNNING') : c.notApplicable ? h('span', { class: 'verdict NOT_APPLICABLE' }, 'N/A') : h('span', { class: 'verdict PENDING' }, 'PENDING');
    const why = r?.failure ? `${r.failure.step}: expected ${r.failure.expected}; got ${r.failure.actual}` : (r?.reason ?? c.notApplicable ?? '');
    return h('tr', { class: running ? 'running' : '', 'data-case': c.id },
      h('td', {}, verdict),
      h('td', { class: 'mono' }, c.id),
      h('td', {}, c.title, why ? h('div', { class: 'small muted' }, why) : null),
      h('td', { class: 'nowrap' }, reqBadge(c.requirement), c.manual.length ? [' ', h('span', { class: 'badge manual', title: c.manual.join('; ') }, 'manual')] : null),
      h('td', { class: 'num' }, r ? duration(r.durationMs) : ''),
      h('td', { class: 'nowrap' }, r || running ? h('button', { type: 'button', onclick: () => actions.openWire(run.key, c.id) }, 'Wire log') : null));
  });
  replace(el,
    h('div', { class: 'run-head' },
      h('h2', { style: 'margin:0' }, run.runId ? `Run ${run.runId}` : 'Run starting…'),
      h('span', { class: 'state' }, run.state),
      h('span', { class: 'muted small' }, `${done}/${total} cases · ${run.sutLabel}`),
      active ? h('button', { type: 'button', class: 'danger', style: 'margin-left:auto', onclick: () => actions.stop(run.key) }, 'Stop run') : null),
    bar,
    current,
    h('table', {}, h('thead', {}, h('tr', {}, ['Verdict', 'Case', 'Title', '', 'Time', ''].map((t) => h('th', {}, t)))), h('tbody', {}, rows)),
    h('details', { class: 'output small' }, h('summary', {}, 'command and output'), h('pre', {}, `$ ${run.command}\n\n${run.output}`)));
}

function countsCells(c) {
  return [c.total, c.pass, c.fail, c.notApplicable, c.other, c.notRun].map((n) => h('td', { class: 'num' }, n));
}

/** The results of one finished run, as the report files say. */
export function renderDetail(el, detail, actions) {
  const s = detail.summary;
  const links = Object.entries({ 'HTML report (Allure)': detail.files.html, 'JUnit XML': detail.files.junit, 'summary.json': detail.files.summary, 'profiles.md': detail.files.profiles, 'requirements.md': detail.files.requirements })
    .filter(([, href]) => href)
    .map(([label, href]) => h('a', { href, target: '_blank', rel: 'noopener' }, label));
  const head = ['Profile', 'M total', 'pass', 'fail', 'n/a', 'other', 'not run', 'C total', 'pass', 'fail', 'n/a', 'other', 'not run'];
  replace(el,
    h('h2', {}, `Results of ${detail.id}`),
    h('p', { class: 'small muted' }, `${s.sut.role} ${s.sut.identity ?? s.sut.url ?? ''} · OCPP ${s.sut.version} · ${Object.entries(s.counts).filter(([, n]) => n > 0).map(([v, n]) => `${v} ${n}`).join(' · ') || 'no cases'}`),
    h('div', { class: 'links' }, links),
    h('h2', { style: 'margin-top:14px' }, 'By profile'),
    h('table', {}, h('thead', {}, h('tr', {}, head.map((t) => h('th', { class: t === 'Profile' ? '' : 'num' }, t)))),
      h('tbody', {}, detail.profiles.map((p) => h('tr', {}, h('td', {}, p.profile), countsCells(p.mandatory), countsCells(p.conditional))))),
    h('h2', { style: 'margin-top:14px' }, detail.failures.length ? 'What did not pass, and why' : 'Every case passed or was not applicable'),
    detail.failures.map((f) => h('div', { class: 'failure' },
      h('div', {}, verdictBadge(f.verdict), ' ', h('strong', { class: 'mono' }, f.id), ' ', f.title, ' ',
        h('button', { type: 'button', class: 'link', onclick: () => actions.openWire(null, f.id, detail) }, 'wire log')),
      f.failure ? [
        h('div', {}, h('span', { class: 'k' }, 'step '), f.failure.step, f.failure.requirementIds.length ? h('span', { class: 'k' }, ` [${f.failure.requirementIds.join(', ')}]`) : null),
        h('div', {}, h('span', { class: 'k' }, 'expected '), f.failure.expected),
        h('div', {}, h('span', { class: 'k' }, 'actual '), f.failure.actual),
        f.failure.frame ? h('pre', { class: 'json' }, f.failure.frame) : null,
      ] : h('div', {}, f.reason ?? ''))),
    h('h2', { style: 'margin-top:14px' }, 'Cases'),
    h('table', {}, h('tbody', {}, s.results.map((r) => h('tr', {},
      h('td', {}, verdictBadge(r.verdict)), h('td', { class: 'mono' }, r.id),
      h('td', {}, r.title, r.reason ? h('div', { class: 'small muted' }, r.reason) : null),
      h('td', {}, r.profiles.map((p) => h('span', { class: 'small muted' }, `${p.profile} `, reqBadge(p.requirement), ' '))),
      h('td', { class: 'nowrap' }, r.tracePath ? [
        h('button', { type: 'button', onclick: () => actions.openWire(null, r.id, detail) }, 'Wire log'), ' ',
        h('a', { href: `/reports/${detail.base}/${detail.id}/traces/${r.id}.ndjson`, target: '_blank', class: 'small' }, 'NDJSON'),
      ] : null))))));
}

export function renderHistory(el, history, actions) {
  if (history.runs.length === 0) {
    replace(el, h('p', { class: 'muted' }, `No runs yet under ${history.bases.join(', ')}.`));
    return;
  }
  replace(el, h('table', {},
    h('thead', {}, h('tr', {}, ['Run', 'Started', 'SUT', 'PASS', 'FAIL', 'INC', 'N/A', 'ERROR', ''].map((t) => h('th', {}, t)))),
    h('tbody', {}, history.runs.map((r) => h('tr', {},
      h('td', { class: 'mono' }, r.id),
      h('td', { class: 'small' }, r.startedAt.replace('T', ' ').slice(0, 19)),
      h('td', { class: 'small' }, `${r.role} ${r.sut}`),
      ['PASS', 'FAIL', 'INCONCLUSIVE', 'NOT_APPLICABLE', 'ERROR'].map((v) => h('td', { class: 'num' }, r.counts[v] || '')),
      h('td', {}, h('button', { type: 'button', onclick: () => actions.openRun(r.base, r.id) }, 'Open')))))));
}
