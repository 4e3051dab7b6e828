// Executions of the tenant, newest first (GET /executions), with filters and keyset pages.
import { badge, field, h, isoFromLocal, table, time } from '../dom.js';
import { renderListPage } from './list-page.js';

export const STATUSES = ['accepted', 'awaiting_approval', 'running', 'completed', 'failed', 'compensating',
  'compensated', 'rejected', 'cancelled', 'expired'];

export function executionLink(id) {
  return h('a', { href: `#/execution/${id}`, class: 'mono' }, id);
}

export function renderExecutions(main, route) {
  const controls = {
    status: h('select', { id: 'filter-status' }, h('option', { value: '' }, 'any'),
      STATUSES.map((status) => h('option', { value: status }, status))),
    intent_type: h('input', { id: 'filter-intent-type', placeholder: 'e.g. diagnostics.echo' }),
    capability: h('input', { id: 'filter-capability' }),
    session_id: h('input', { id: 'filter-session', size: 38 }),
    from: h('input', { id: 'filter-from', placeholder: '2026-01-31T12:00:00Z' }),
    to: h('input', { id: 'filter-to', placeholder: 'ISO instant' }),
  };
  renderListPage(main, route, {
    title: 'Executions',
    page: 'executions',
    endpoint: '/executions',
    collection: 'executions',
    controls,
    toQuery: { from: isoFromLocal, to: isoFromLocal },
    fields: [
      field('Status', controls.status),
      field('Intent type', controls.intent_type),
      field('Capability', controls.capability),
      field('Session id', controls.session_id),
      field('Accepted from (inclusive)', controls.from),
      field('Accepted before', controls.to),
    ],
    table: (rows) => table(
      ['Execution', 'Status', 'Intent type', 'Capability', 'Session', 'User', 'Accepted', 'Finished'],
      rows,
      (row) => [executionLink(row.execution_id), badge(row.status), row.intent_type,
        row.capability ? `${row.capability} v${row.capability_version ?? '1'}` : '—',
        row.session_id ? h('a', { href: `#/executions?session_id=${row.session_id}`, class: 'mono' },
          row.session_id.slice(0, 8)) : '—',
        row.user_id || '—', time(row.accepted_at), time(row.finished_at)]),
  });
}
