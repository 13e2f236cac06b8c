// The wire log of one case, drawn from its NDJSON trace events: a sequence chart (test system on the left, the SUT on
// the right, one arrow per frame) or a table; every frame's JSON opens on click. Live events are appended as they come.
import { clock, h } from './dom.js';

const TYPE = { 2: 'CALL', 3: 'CALLRESULT', 4: 'CALLERROR', 5: 'CALLRESULTERROR', 6: 'SEND' };

/** Names a frame: its action (a result takes the action of the CALL with its id) and a short hint from the payload. */
function describe(event, actions) {
  const f = event.frame;
  if (!f) return { name: 'unreadable frame', hint: '' };
  if (f.type === 2 || f.type === 6) {
    actions.set(f.id, f.action);
    return { name: `${f.action}Request`, hint: hintOf(f.payload) };
  }
  const action = actions.get(f.id) ?? '?';
  if (f.type === 3) return { name: `${action}Response`, hint: hintOf(f.payload) };
  return { name: `${TYPE[f.type]} ${f.code ?? ''}`.trim(), hint: action };
}

function hintOf(payload) {
  if (!payload || typeof payload !== 'object') return '';
  for (const key of ['status', 'eventType', 'reason', 'requestedMessage', 'type']) {
    if (typeof payload[key] === 'string') return payload[key];
    if (payload[key] && typeof payload[key].status === 'string') return payload[key].status;
  }
  if (payload.idTagInfo?.status) return payload.idTagInfo.status;
  if (payload.idTokenInfo?.status) return payload.idTokenInfo.status;
  return '';
}

function prettyRaw(raw) {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}

function noteClass(event) {
  if (event.kind === 'violation') return 'violation';
  if (event.kind === 'connection' || event.kind === 'close' || event.kind === 'refused') return 'conn';
  return event.message?.startsWith('step: ') ? 'step' : '';
}

function noteText(event) {
  switch (event.kind) {
    case 'connection': {
      const f = event.facts ?? {};
      const parts = [f.identity && `identity ${f.identity}`, f.chosenSubprotocol && `subprotocol ${f.chosenSubprotocol}`, f.authUser && `Basic Auth ${f.authUser}${f.authOk === false ? ' (wrong password)' : ''}`, f.tlsVersion, f.securityProfile !== undefined && `SP${f.securityProfile}`];
      return `connection opened: ${parts.filter(Boolean).join(', ')}`;
    }
    case 'close':
      return `connection closed by ${event.by} (${event.code}${event.reason ? ` ${event.reason}` : ''})`;
    case 'refused':
      return `connection refused: ${event.reason}`;
    case 'violation':
      return `rule broken [${event.rule}]: ${event.message}`;
    default:
      return event.message ?? '';
  }
}

/** Draws events into `container` and returns a function that appends further events. */
export function renderWire(container, events, mode, sutName) {
  const actions = new Map();
  container.replaceChildren();
  if (mode === 'table') {
    const body = h('tbody');
    container.append(h('table', { class: 'wire-table' }, h('thead', {}, h('tr', {}, ['time', '', 'message', 'id', 'validation'].map((t) => h('th', {}, t)))), body));
    const add = (event) => {
      if (event.kind !== 'frame') {
        body.append(h('tr', { class: noteClass(event) }, h('td', { class: 'mono' }, clock(event.at)), h('td', {}), h('td', { colspan: 3, class: 'muted' }, noteText(event))));
        return;
      }
      const { name, hint } = describe(event, actions);
      const problems = event.problems ?? [];
      body.append(
        h('tr', {},
          h('td', { class: 'mono' }, clock(event.at)),
          h('td', { title: event.dir === 'out' ? 'sent by the test system' : `sent by ${sutName}` }, event.dir === 'out' ? '→' : '←'),
          h('td', {}, h('details', {}, h('summary', {}, h('strong', {}, name), hint ? ` ${hint}` : ''), h('pre', { class: 'json' }, prettyRaw(event.raw)))),
          h('td', { class: 'mono' }, event.frame?.id ?? ''),
          h('td', { class: problems.length ? 'bad' : 'ok' }, problems.length ? problems.join('; ') : 'valid')));
    };
    events.forEach(add);
    return add;
  }
  const chart = h('div', { class: 'seq' }, h('div', { class: 'lanes' }, h('span', {}, ''), h('span', {}, 'Test system'), h('span', {}, sutName)));
  container.append(chart);
  const add = (event) => {
    if (event.kind !== 'frame') {
      chart.append(h('div', { class: 'ev' }, h('span', { class: 't' }, clock(event.at)), h('div', { class: `note ${noteClass(event)}` }, noteText(event))));
      return;
    }
    const { name, hint } = describe(event, actions);
    const problems = event.problems ?? [];
    const json = h('pre', { class: 'json hidden' }, prettyRaw(event.raw), problems.length ? `\n\nproblems: ${problems.join('; ')}` : '');
    const arrow = h('button', {
      type: 'button',
      class: `arrow ${event.dir}${problems.length ? ' bad' : ''}`,
      title: problems.length ? problems.join('; ') : 'schema-valid; click for the JSON',
      onclick: () => json.classList.toggle('hidden'),
    }, h('span', { class: 'lbl' }, name, hint ? ` (${hint})` : '', problems.length ? ' ✗' : ''));
    chart.append(h('div', { class: 'ev' }, h('span', { class: 't' }, clock(event.at)), arrow), h('div', { class: 'ev-json' }, h('span', {}), json));
  };
  events.forEach(add);
  return add;
}
