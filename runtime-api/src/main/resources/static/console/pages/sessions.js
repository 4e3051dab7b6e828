// Sessions of the tenant, newest first (GET /sessions), each linking to its executions.
import { badge, field, h, isoFromLocal, table, time } from '../dom.js';
import { renderListPage } from './list-page.js';

export function renderSessions(main, route) {
  const controls = {
    status: h('select', { id: 'filter-session-status' }, h('option', { value: '' }, 'any'),
      h('option', { value: 'open' }, 'open'), h('option', { value: 'closed' }, 'closed')),
    user_id: h('input', { id: 'filter-user' }),
    from: h('input', { id: 'filter-session-from', placeholder: '2026-01-31T12:00:00Z' }),
    to: h('input', { id: 'filter-session-to', placeholder: 'ISO instant' }),
  };
  renderListPage(main, route, {
    title: 'Sessions',
    page: 'sessions',
    endpoint: '/sessions',
    collection: 'sessions',
    controls,
    toQuery: { from: isoFromLocal, to: isoFromLocal },
    fields: [
      field('Status', controls.status),
      field('User', controls.user_id),
      field('Created from (inclusive)', controls.from),
      field('Created before', controls.to),
    ],
    table: (rows) => table(
      ['Session', 'Status', 'User', 'Active executions', 'Context', 'Created', 'Closed'],
      rows,
      (row) => [h('a', { href: `#/executions?session_id=${row.session_id}`, class: 'mono',
        title: 'Executions of this session' }, row.session_id), badge(row.status), row.user_id,
      String(row.active_executions), h('span', { class: 'mono' }, JSON.stringify(row.context || {})),
      time(row.created_at), time(row.closed_at)]),
  });
}
