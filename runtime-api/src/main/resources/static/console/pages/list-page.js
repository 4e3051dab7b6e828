// What the executions and sessions pages share: a filter form mirrored in the URL, and keyset pages ("Load more").
import { api, query } from '../api.js';
import { h, message, replace } from '../dom.js';

/**
 * Renders a filtered, paged listing.
 * @param {object} spec title, page (hash name), endpoint, collection (JSON member), controls (name → element),
 *   headers, cells(row), describe(error)
 */
export function renderListPage(main, { params }, spec) {
  const filters = {};
  for (const [name, control] of Object.entries(spec.controls)) {
    control.value = params.get(name) || '';
    filters[name] = control;
  }
  const results = h('div', { id: `${spec.page}-results`, 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Load more');
  const form = h('form', { class: 'filters', id: `${spec.page}-filters` },
    spec.fields,
    h('div', { class: 'buttons' },
      h('button', { type: 'submit' }, 'Apply filters'),
      h('button', { type: 'button', class: 'secondary', onclick: clear }, 'Clear filters')));
  let next = null;
  let rows = [];

  function current() {
    const values = {};
    for (const [name, control] of Object.entries(filters)) values[name] = spec.toQuery?.[name]
      ? spec.toQuery[name](control.value) : control.value.trim();
    return values;
  }

  async function load(after) {
    try {
      const page = await api(`${spec.endpoint}${query({ ...current(), after, limit: 50 })}`);
      rows = after ? rows.concat(page[spec.collection]) : page[spec.collection];
      next = page.next;
      more.hidden = !next;
      replace(results, rows.length === 0 ? message('Nothing matches these filters.')
        : h('div', null, h('p', { class: 'live' }, `${rows.length} shown${next ? ', more available' : ''}`),
          spec.table(rows)));
    } catch (error) {
      replace(results, message(error.describe ? error.describe() : error.message, 'error'));
    }
  }

  function show(values) {
    const target = `#/${spec.page}${query(values)}`;
    if (location.hash === target) load(null);
    else location.hash = target;
  }

  function clear() {
    for (const control of Object.values(filters)) control.value = '';
    show({});
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = {};
    for (const [name, control] of Object.entries(filters)) values[name] = control.value.trim();
    show(values);
  });
  more.addEventListener('click', () => load(next));
  replace(main, h('h1', null, spec.title), spec.intro ? h('p', null, spec.intro) : null, form, results, more);
  load(null);
}
