// Small DOM helpers: every text goes through textContent, never through HTML parsing.

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function setAttributes(el, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.setAttribute('class', value);
    } else if (name === 'style') {
      // Through the CSSOM: the page's Content-Security-Policy refuses inline style attributes.
      el.style.cssText = String(value);
    } else if (name === 'value' && 'value' in el) {
      el.value = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

/** Creates an HTML element with attributes (on* are listeners) and children (nodes or text). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

/** Creates an SVG element. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttributes(el, attrs);
  append(el, children);
  return el;
}

/** Replaces the children of an element. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A status badge whose colour follows data-status; the text always says the status too. */
export function badge(status, attrs = {}) {
  return h('span', { class: 'badge', 'data-status': status || '', ...attrs }, status || '—');
}

/** A local, readable time with milliseconds, or a dash. */
export function time(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:`
    + `${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** The value of a datetime-local input as an ISO instant, or '' when empty. */
export function isoFromLocal(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** A message box; kind is 'error', 'ok' or undefined. role=status announces it to screen readers. */
export function message(text, kind) {
  return h('div', { class: `message ${kind || ''}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** A labelled form control; the label wraps the control so clicking the text focuses it. */
export function field(labelText, control) {
  return h('label', null, labelText, control);
}

/** A table with a header row and one row per item; rowAttrs may add attributes (e.g. a class) per item. */
export function table(headers, items, cells, rowAttrs = () => ({})) {
  return h('table', null,
    h('thead', null, h('tr', null, headers.map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', null, items.map((item) => h('tr', rowAttrs(item), cells(item).map((cell) => (
      cell instanceof Node && cell.tagName === 'TD' ? cell : h('td', null, cell)))))));
}
