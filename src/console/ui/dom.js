/* global document, fetch, Node */
// Tiny DOM and fetch helpers of the console page. Text always goes in as text nodes (never HTML), so whatever a SUT
// puts on the wire is shown, not executed.

/** h('div', { class: 'x', onclick: fn }, child, 'text', [more]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

export function $(selector) {
  return document.querySelector(selector);
}

export async function api(path, body) {
  const res = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error ?? `HTTP ${res.status}`);
  return data;
}

export function verdictBadge(verdict) {
  return h('span', { class: `verdict ${verdict}` }, verdict === 'NOT_APPLICABLE' ? 'N/A' : verdict);
}

export function reqBadge(requirement) {
  return requirement ? h('span', { class: `badge ${requirement}`, title: requirement === 'M' ? 'mandatory' : 'conditional' }, requirement) : null;
}

export function clock(iso) {
  return iso ? iso.slice(11, 23) : '';
}

export function duration(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}
