// Projection status (GET /runtime/projections): the processor feeding each read model (the shared read-models one,
// or its own rebuild), position, lag, replaying, and the progress of a rebuild, which admins start
// (POST /runtime/projections/{name}/rebuild). The page refreshes while a rebuild runs.
import { api } from '../api.js';
import { badge, h, message, replace, table, time } from '../dom.js';
import { identity } from '../identity.js';

const REFRESH_MS = 1000;
const HEADERS = ['Projection', 'Processor', 'Segments', 'Position', 'Head', 'Lag', 'Replaying', 'Last rebuild', 'Action'];

export function renderProjections(main) {
  const list = h('div', { id: 'projection-list', 'aria-live': 'polite' });
  const notice = h('div', { 'aria-live': 'polite' });
  const canRebuild = identity.has('admin');
  let timer = null;

  async function rebuild(name) {
    try {
      await api(`/runtime/projections/${encodeURIComponent(name)}/rebuild`, { method: 'POST' });
      replace(notice, message(`Rebuild of ${name} started.`, 'ok'));
    } catch (error) {
      replace(notice, message(error.describe ? error.describe() : error.message, 'error'));
    }
    load();
  }

  function progress(p) {
    if (!p) return '—';
    const done = p.finished_at ? 'finished ' + time(p.finished_at)
      : `${p.events_per_second} events/s, ${p.estimated_seconds_left ?? '?'} s left`;
    return h('div', null,
      h('progress', { max: Math.max(1, p.events_total), value: p.events_done,
        'aria-label': `Rebuild progress: ${p.events_done} of ${p.events_total} events` }),
      ` ${p.events_done} / ${p.events_total} — ${done}`);
  }

  function actionCell(p) {
    if (!p.rebuildable) return 'not rebuildable';
    if (!canRebuild) return 'rebuild needs the admin role';
    return h('button', { type: 'button', class: 'secondary', disabled: p.replaying, onclick: () => rebuild(p.name) },
      `Rebuild ${p.name}`);
  }

  async function load() {
    clearTimeout(timer);
    try {
      const { projections } = await api('/runtime/projections');
      replace(list, table(HEADERS, projections, (p) => [p.name, p.processor, String(p.segments), String(p.position ?? '—'),
        String(p.head_position ?? '—'), String(p.lag ?? '—'), p.replaying ? badge('running') : 'no',
        progress(p.rebuild), actionCell(p)]));
      const busy = projections.some((p) => p.replaying || (p.rebuild && !p.rebuild.finished_at));
      if (busy && document.body.contains(list)) timer = setTimeout(load, REFRESH_MS);
    } catch (error) {
      replace(list, message(error.status === 403 ? 'Projection status needs the operator or admin role.'
        : error.describe ? error.describe() : error.message, 'error'));
    }
  }

  replace(main, h('h1', null, 'Projections'),
    h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'secondary', onclick: load }, 'Refresh')),
    notice, list);
  load();
  return () => clearTimeout(timer);
}
