/* global EventSource, setInterval, document */
// The console page: the setup form, the live event stream (every tab gets the same runs and prompts), bench prompts with
// their countdown, tabs, and the wire log of the case being watched. All data comes from this console's own server.
import { $, api, h, replace } from './dom.js';
import { renderDetail, renderHistory, renderRunCard } from './results.js';
import { renderWire } from './wire.js';

const state = {
  choices: [],
  preview: null,
  runs: new Map(),
  prompts: new Map(),
  /** The run shown on the Run tab. */
  runKey: null,
  /** The wire log being shown: { run, base, id, caseId, count, add, buffer, loading }. */
  wire: null,
  wireMode: 'chart',
  history: { bases: [], runs: [] },
  detailFor: null,
};

// ----- tabs -----------------------------------------------------------------------------------------------------------
function showTab(name) {
  for (const b of document.querySelectorAll('[role=tab]')) b.setAttribute('aria-selected', String(b.dataset.tab === name));
  for (const p of document.querySelectorAll('.tab-panel')) p.classList.toggle('hidden', p.id !== `tab-${name}`);
  if (name === 'history') void loadHistory();
}
for (const b of document.querySelectorAll('[role=tab]')) b.addEventListener('click', () => showTab(b.dataset.tab));

// ----- setup ----------------------------------------------------------------------------------------------------------
const selectedBlocks = new Set();

async function loadChoices() {
  state.choices = await api('/api/choices');
  replace($('#sut'), state.choices.map((c) => h('option', { value: c.key }, c.problems ? `${c.label} — has problems` : c.label)));
  await refreshPreview();
}

async function refreshPreview() {
  const sut = $('#sut').value;
  const choice = state.choices.find((c) => c.key === sut);
  $('#faults-field').classList.toggle('hidden', !sut.startsWith('sim:'));
  replace($('#sut-problems'), choice?.problems ? `This run config does not load:\n${choice.problems.join('\n')}` : '');
  replace($('#setup-error'));
  try {
    state.preview = await api('/api/preview', { sut, profile: $('#profile').value, blocks: [...selectedBlocks] });
  } catch (e) {
    state.preview = null;
    replace($('#cases'));
    replace($('#setup-error'), e.message);
    return;
  }
  const p = state.preview;
  replace($('#sut-info'), `${p.role === 'CSMS' ? 'CSMS' : 'Charging Station'} under test · OCPP ${p.version} · security profile ${p.securityProfile} · actions: ${p.actions}`);
  const profile = $('#profile').value;
  replace($('#profile'), h('option', { value: '' }, '(any profile)'), p.profiles.map((name) => h('option', { value: name, selected: name === profile }, name)));
  replace($('#blocks'), p.blocks.map((b) => h('button', {
    type: 'button', class: 'chip', title: b.name, 'aria-pressed': String(selectedBlocks.has(b.letter)),
    onclick: () => { if (!selectedBlocks.delete(b.letter)) selectedBlocks.add(b.letter); void refreshPreview(); },
  }, b.letter)));
  const notApplicable = p.cases.filter((c) => c.notApplicable).length;
  replace($('#case-count'), `${p.cases.length} selected${notApplicable ? `, ${notApplicable} not applicable` : ''}`);
  replace($('#cases'), p.cases.map((c) => h('label', { class: c.notApplicable ? 'na' : '' },
    h('input', { type: 'checkbox', value: c.id, checked: true }),
    h('span', {}, h('span', { class: 'mono' }, c.id), ' ', c.requirement ? h('span', { class: `badge ${c.requirement}` }, c.requirement) : null,
      c.manual.length ? [' ', h('span', { class: 'badge manual', title: c.manual.join('; ') }, 'manual')] : null,
      c.implemented ? null : h('span', { class: 'small muted' }, ' (no feature yet: INCONCLUSIVE)'),
      h('span', { class: 'small muted', style: 'display:block' }, c.title),
      c.notApplicable ? h('span', { class: 'why' }, `NOT_APPLICABLE: ${c.notApplicable}`) : null))));
}

$('#sut').addEventListener('change', () => { selectedBlocks.clear(); void refreshPreview(); });
$('#profile').addEventListener('change', () => void refreshPreview());
$('#check-all').addEventListener('click', () => document.querySelectorAll('#cases input').forEach((i) => { i.checked = true; }));
$('#check-none').addEventListener('click', () => document.querySelectorAll('#cases input').forEach((i) => { i.checked = false; }));

$('#start').addEventListener('click', async () => {
  const boxes = [...document.querySelectorAll('#cases input')];
  const checked = boxes.filter((b) => b.checked).map((b) => b.value);
  replace($('#setup-error'));
  if (checked.length === 0) return replace($('#setup-error'), 'Tick at least one case.');
  try {
    const run = await api('/api/runs', {
      sut: $('#sut').value, profile: $('#profile').value, blocks: [...selectedBlocks],
      cases: checked.length === boxes.length ? [] : checked, html: $('#html').checked,
      faults: $('#sut').value.startsWith('sim:') ? $('#faults').value.split(/[\s,]+/).filter(Boolean) : [],
    });
    state.runs.set(run.key, run);
    state.runKey = run.key;
    showTab('run');
    drawRun();
  } catch (e) {
    replace($('#setup-error'), e.message);
  }
});

// ----- runs -----------------------------------------------------------------------------------------------------------
const runActions = {
  stop: (key) => api(`/api/runs/${key}/stop`, {}).catch((e) => replace($('#setup-error'), e.message)),
  openWire: (run, caseId, detail) => openWire({ run, base: detail?.base, id: detail?.id, caseId }),
  openRun: (base, id) => openDetail(base, id, true),
};

function drawRun() {
  const run = state.runKey ? state.runs.get(state.runKey) : null;
  renderRunCard($('#run-card'), run, runActions);
  const busy = [...state.runs.values()].some((r) => r.sut === $('#sut').value && (r.state === 'running' || r.state === 'starting'));
  $('#start').disabled = busy;
  $('#start').title = busy ? 'a run against this SUT is going on' : '';
}

async function onRun(run, fromHello = false) {
  const before = fromHello ? { state: 'running' } : state.runs.get(run.key);
  state.runs.set(run.key, run);
  if (!state.runKey || (run.state === 'starting' && !before)) state.runKey = run.key;
  if (run.key === state.runKey) drawRun();
  // Follow the running case in the wire log.
  const newest = run.running[run.running.length - 1];
  if ($('#follow').checked && newest && (!state.wire || state.wire.run === run.key) && state.wire?.caseId !== newest) {
    await openWire({ run: run.key, caseId: newest }, false);
  }
  if (before && before.state !== run.state && ['finished', 'stopped', 'failed'].includes(run.state) && run.runDir) {
    await loadHistory();
    const base = state.history.bases.findIndex((b) => run.runDir.startsWith(`${b}/`));
    if (base >= 0) await openDetail(base, run.runDir.slice(state.history.bases[base].length + 1), false);
  }
}

async function openDetail(base, id, switchTab) {
  const detail = await api(`/api/run-detail?base=${base}&id=${encodeURIComponent(id)}`).catch(() => null);
  if (!detail) return;
  state.detailFor = detail;
  $('#results-card').classList.remove('hidden');
  renderDetail($('#results-card'), detail, runActions);
  if (switchTab) showTab('run');
}

async function loadHistory() {
  state.history = await api('/api/history');
  renderHistory($('#history'), state.history, runActions);
}
$('#refresh-history').addEventListener('click', () => void loadHistory());

function onStep(msg) {
  const run = state.runs.get(msg.run);
  if (!run) return;
  run.currentStep[msg.caseId] = msg.text;
  if (run.key === state.runKey) drawRun();
}

// ----- wire log -------------------------------------------------------------------------------------------------------
function sutNameOf(source) {
  const run = source.run ? state.runs.get(source.run) : null;
  const role = run ? (run.sut === 'sim:csms' ? 'CSMS' : state.choices.find((c) => c.key === run.sut)?.role) : state.detailFor?.summary.sut.role;
  return role === 'CSMS' ? 'CSMS (SUT)' : 'Charging Station (SUT)';
}

async function openWire(source, switchTab = true) {
  const wire = { ...source, count: 0, buffer: [], loading: true, add: null };
  state.wire = wire;
  if (switchTab) showTab('wire');
  replace($('#wire-title'), `Wire log of ${source.caseId}`);
  const query = source.run ? `run=${source.run}` : `base=${source.base}&id=${encodeURIComponent(source.id)}`;
  const data = await api(`/api/trace?${query}&case=${source.caseId}`).catch(() => ({ events: [], count: 0 }));
  if (state.wire !== wire) return;
  wire.count = data.count;
  wire.events = data.events;
  wire.add = renderWire($('#wire'), data.events, state.wireMode, sutNameOf(source));
  wire.loading = false;
  for (const e of wire.buffer.splice(0)) onTrace(e);
}

function onTrace(msg) {
  const wire = state.wire;
  if (!wire || wire.run !== msg.run || wire.caseId !== msg.caseId) return;
  if (wire.loading) return void wire.buffer.push(msg);
  if (msg.seq < wire.count) return;
  if (msg.seq > wire.count) return void openWire(wire, false); // missed some: read the file again
  wire.count += 1;
  wire.events.push(msg.event);
  wire.add(msg.event);
}

for (const b of document.querySelectorAll('.seg button')) {
  b.addEventListener('click', () => {
    state.wireMode = b.dataset.mode;
    for (const o of document.querySelectorAll('.seg button')) o.setAttribute('aria-pressed', String(o === b));
    if (state.wire && !state.wire.loading) state.wire.add = renderWire($('#wire'), state.wire.events, state.wireMode, sutNameOf(state.wire));
  });
}

// ----- bench prompts --------------------------------------------------------------------------------------------------
function drawPrompts() {
  replace($('#prompts'), [...state.prompts.values()].map((p) => h('div', { class: 'prompt', role: 'alertdialog', 'aria-label': 'action needed', 'data-prompt': p.id },
    h('h3', {}, `Action needed at the bench${p.caseId ? ` · ${p.caseId}` : ''}`),
    h('div', { class: 'instruction' }, p.instruction),
    h('div', { class: 'countdown' }, h('span', { 'data-deadline': p.deadline, 'data-total': p.timeoutMs })),
    h('div', { class: 'small muted', 'data-left': p.deadline }, ''),
    h('div', {},
      h('button', { type: 'button', class: 'done', onclick: () => answer(p.id, 'done') }, 'Done'),
      h('button', { type: 'button', onclick: () => answer(p.id, 'cannot') }, 'Cannot do')))));
  tick();
}

async function answer(id, what) {
  await api(`/api/bench/prompts/${id}/answer`, { answer: what }).catch(() => undefined);
  state.prompts.delete(id);
  drawPrompts();
}

function tick() {
  const now = Date.now();
  for (const bar of document.querySelectorAll('[data-deadline]')) {
    const left = Math.max(0, Date.parse(bar.dataset.deadline) - now);
    bar.style.width = `${(100 * left) / Number(bar.dataset.total)}%`;
  }
  for (const t of document.querySelectorAll('[data-left]')) {
    const left = Math.max(0, Math.round((Date.parse(t.dataset.left) - now) / 1000));
    t.textContent = `${left} s left; without an answer the case is INCONCLUSIVE. The terminal that runs the console can answer too.`;
  }
}
setInterval(tick, 250);

// ----- the event stream -----------------------------------------------------------------------------------------------
function connect() {
  const source = new EventSource('/api/events');
  source.onopen = () => { $('#link-state').textContent = 'live'; $('#link-state').classList.add('live'); };
  source.onerror = () => { $('#link-state').textContent = 'reconnecting…'; $('#link-state').classList.remove('live'); };
  source.onmessage = (m) => {
    const msg = JSON.parse(m.data);
    if (msg.type === 'hello') {
      state.runs = new Map(msg.runs.map((r) => [r.key, r]));
      const latest = msg.runs[msg.runs.length - 1];
      state.runKey = latest?.key ?? null;
      state.prompts = new Map(msg.prompts.map((p) => [p.id, p]));
      drawRun();
      drawPrompts();
      if (latest) void onRun(latest, true);
    } else if (msg.type === 'run') void onRun(msg.run);
    else if (msg.type === 'trace') onTrace(msg);
    else if (msg.type === 'step') onStep(msg);
    else if (msg.type === 'prompt-opened') { state.prompts.set(msg.prompt.id, msg.prompt); drawPrompts(); }
    else if (msg.type === 'prompt-closed') { state.prompts.delete(msg.id); drawPrompts(); }
  };
}

drawRun();
connect();
void loadChoices();
