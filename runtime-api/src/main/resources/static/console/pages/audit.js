// Audit search over GET /audit/events with every filter, keyset pages, and NDJSON or CSV exports of all matches.
import { api, download, query } from '../api.js';
import { field, h, isoFromLocal, message, replace, table, time } from '../dom.js';

const FILTERS = [
  ['from', 'From (inclusive, ISO instant)'], ['to', 'To (exclusive)'], ['execution_id', 'Execution id'],
  ['session_id', 'Session id'], ['user_id', 'User'], ['intent_type', 'Intent type'], ['capability', 'Capability'],
  ['event_type', 'Event type'], ['outcome', 'Outcome'],
];

export function renderAudit(main, { params }) {
  const controls = Object.fromEntries(FILTERS.map(([name]) => [name,
    h('input', { id: `audit-${name.replace('_', '-')}`, value: params.get(name) || '' })]));
  const results = h('div', { id: 'audit-results', 'aria-live': 'polite' });
  const notice = h('div', { 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Load more');
  let entries = [];
  let nextAfter = null;

  function filters() {
    const values = {};
    for (const [name, control] of Object.entries(controls)) {
      values[name] = name === 'from' || name === 'to' ? isoFromLocal(control.value.trim()) : control.value.trim();
    }
    return values;
  }

  async function load(after) {
    try {
      const page = await api(`/audit/events${query({ ...filters(), after, limit: 100 })}`);
      entries = after ? entries.concat(page.entries) : page.entries;
      nextAfter = page.next_after;
      more.hidden = nextAfter === null || nextAfter === undefined;
      replace(results,
        h('p', { class: 'live' }, `${entries.length} entries shown; timeline at position ${page.completeness.position}`
          + `${page.completeness.behind ? ' (newer events are not shown yet)' : ''}`),
        entries.length === 0 ? message('No audit entry matches.') : table(
          ['Position', 'Time', 'Event', 'Execution', 'User', 'Intent type', 'Outcome', 'Summary'], entries,
          (e) => [String(e.position), time(e.occurred_at), e.event_type,
            e.execution_id ? h('a', { href: `#/execution/${e.execution_id}`, class: 'mono' },
              e.execution_id.slice(0, 8)) : '—',
            e.user_id || '—', e.intent_type || '—', e.outcome || '—', e.summary]));
    } catch (error) {
      replace(results, message(error.status === 403 ? 'Audit search needs the auditor role.'
        : error.describe ? error.describe() : error.message, 'error'));
    }
  }

  async function exportAs(format) {
    const name = `audit-events.${format === 'csv' ? 'csv' : 'ndjson'}`;
    try {
      const bytes = await download(`/audit/events${query({ ...filters(), format })}`, name);
      replace(notice, message(`Exported ${bytes} bytes as ${name}.`, 'ok'));
    } catch (error) {
      replace(notice, message(error.describe ? error.describe() : error.message, 'error'));
    }
  }

  const form = h('form', { class: 'filters', id: 'audit-filters' },
    FILTERS.map(([name, label]) => field(label, controls[name])),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit' }, 'Search'),
      h('button', { type: 'button', class: 'secondary', id: 'export-ndjson', onclick: () => exportAs('ndjson') },
        'Export NDJSON'),
      h('button', { type: 'button', class: 'secondary', id: 'export-csv', onclick: () => exportAs('csv') },
        'Export CSV')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(null);
  });
  more.addEventListener('click', () => load(nextAfter));
  replace(main, h('h1', null, 'Audit search'), form, notice, results, more);
  load(null);
}
