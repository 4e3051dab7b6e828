// The execution's timeline as an SVG chart: one row per step with a bar per attempt (green succeeded, red failed,
// blue running), retry marks, compensation bars, and a row for the wait for approval. Built from the audit timeline
// (GET /execution/{id}/timeline) or, for keys that may not read it, from the steps of the status.
import { h, s } from './dom.js';

const COLOURS = {
  succeeded: '#1e7b3a', failed: '#b3261e', running: '#1f5fbf', compensation: '#6b3fa0', approval: '#a86400',
  retry: '#7a4a00',
};
const LABEL_WIDTH = 170;
const WIDTH = 1000;
const ROW = 30;
const AXIS = 26;

function ms(iso) {
  return iso ? new Date(iso).getTime() : null;
}

/** Rows of bars and marks from the audit timeline's entries. */
export function rowsFromTimeline(entries, status, now) {
  const rows = new Map();
  const row = (name) => {
    if (!rows.has(name)) rows.set(name, { name, bars: [], marks: [] });
    return rows.get(name);
  };
  const open = new Map();
  let approvalStart = null;
  for (const entry of entries) {
    const at = ms(entry.occurred_at);
    const step = entry.step_name;
    switch (entry.event_type) {
      case 'ExecutionAwaitingApprovalEvent':
        approvalStart = at;
        break;
      case 'ExecutionApprovedEvent':
      case 'ExecutionRejectedByApproverEvent':
      case 'ExecutionExpiredEvent':
        if (approvalStart !== null) {
          row('approval').bars.push({ start: approvalStart, end: at, kind: 'approval', label: entry.summary });
          approvalStart = null;
        }
        break;
      case 'StepStartedEvent':
        open.set(`${step}#${entry.attempt}`, { start: at, row: row(step) });
        break;
      case 'StepAwaitingSignalEvent':
        open.set(`${step}#${entry.attempt}`, { start: at, row: row(step), waiting: true });
        break;
      case 'StepSucceededEvent':
      case 'StepFailedEvent': {
        const key = `${step}#${entry.attempt}`;
        const started = open.get(key);
        open.delete(key);
        const start = started ? started.start : at - (entry.duration_millis || 0);
        row(step).bars.push({ start, end: at, label: entry.summary,
          kind: entry.event_type === 'StepSucceededEvent' ? 'succeeded' : 'failed' });
        break;
      }
      case 'StepRetryScheduledEvent':
        row(step).marks.push({ at, label: entry.summary });
        break;
      case 'CompensationStepStartedEvent':
        open.set(`compensation:${step}#${entry.attempt}`, { start: at, row: row(step), compensation: true });
        break;
      case 'StepCompensatedEvent':
      case 'CompensationStepFailedEvent': {
        const key = `compensation:${step}#${entry.attempt}`;
        const started = open.get(key);
        open.delete(key);
        row(step).bars.push({ start: started ? started.start : at, end: at, kind: 'compensation',
          label: entry.summary });
        break;
      }
      default:
        break;
    }
  }
  for (const [key, started] of open) {
    if (started.waiting) {
      started.row.bars.push({ start: started.start, end: now, kind: 'approval', label: `${key} waiting for a signal` });
      continue;
    }
    started.row.bars.push({ start: started.start, end: now, kind: started.compensation ? 'compensation' : 'running',
      label: `${key.replace('compensation:', 'compensation of ')} still running` });
  }
  if (approvalStart !== null) {
    row('approval').bars.push({ start: approvalStart, end: now, kind: 'approval', label: 'awaiting approval' });
  }
  const order = (status?.steps || []).map((stepState) => stepState.name);
  return [...rows.values()].sort((a, b) => rank(a.name, order) - rank(b.name, order));
}

function rank(name, order) {
  if (name === 'approval') return -1;
  const index = order.indexOf(name);
  return index === -1 ? order.length : index;
}

/** Rows from the status alone: each step's first start to its finish, its attempts in the label. */
export function rowsFromStatus(status, now) {
  return (status?.steps || []).filter((step) => step.started_at).map((step) => ({
    name: step.name,
    marks: [],
    bars: [{ start: ms(step.started_at), end: ms(step.finished_at) || now,
      kind: step.status === 'succeeded' ? 'succeeded' : step.status === 'failed' ? 'failed' : 'running',
      label: `${step.name}: ${step.status}, ${step.attempts} attempt(s)` }],
  }));
}

/** The chart as a figure; an empty rows list gives a short note instead. */
export function timelineChart(rows) {
  const times = rows.flatMap((r) => r.bars.flatMap((b) => [b.start, b.end]).concat(r.marks.map((m) => m.at)));
  if (times.length === 0) {
    return h('p', { id: 'timeline-chart', class: 'live' }, 'No step has started yet.');
  }
  const start = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - start);
  const plot = WIDTH - LABEL_WIDTH - 10;
  const x = (t) => LABEL_WIDTH + ((t - start) / span) * plot;
  const height = AXIS + rows.length * ROW + 4;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => s('g', null,
    s('line', { x1: LABEL_WIDTH + f * plot, x2: LABEL_WIDTH + f * plot, y1: AXIS - 4, y2: height, stroke: '#d5d9df' }),
    s('text', { x: LABEL_WIDTH + f * plot, y: 14, 'text-anchor': f === 1 ? 'end' : f === 0 ? 'start' : 'middle',
      'font-size': 12, fill: '#4a5260' }, `+${Math.round(f * span)} ms`)));
  const drawn = rows.map((r, i) => {
    const y = AXIS + i * ROW;
    return s('g', { class: 'timeline-row', 'data-row': r.name },
      s('text', { x: 4, y: y + ROW / 2 + 4, 'font-size': 13, fill: '#1b1f24' }, r.name),
      r.bars.map((b) => {
        const compensation = b.kind === 'compensation';
        return s('rect', { class: `bar bar-${b.kind}`, x: x(b.start), y: y + (compensation ? ROW / 2 : 5),
          width: Math.max(3, x(b.end) - x(b.start)), height: compensation ? ROW / 2 - 4 : ROW - 10,
          fill: COLOURS[b.kind], rx: 2 }, s('title', null, b.label || b.kind));
      }),
      r.marks.map((m) => s('path', { class: 'mark-retry', d: diamond(x(m.at), y + ROW / 2), fill: COLOURS.retry,
        stroke: '#fff' }, s('title', null, m.label || 'retry scheduled'))));
  });
  const summary = rows.map((r) => `${r.name}: ${r.bars.length} bar(s)`).join('; ');
  return h('figure', { id: 'timeline-chart', class: 'chart' },
    s('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-label': `Timeline. ${summary}` },
      ticks, drawn),
    h('figcaption', { class: 'legend' },
      legend('succeeded attempt', COLOURS.succeeded), legend('failed attempt', COLOURS.failed),
      legend('running', COLOURS.running), legend('compensation (lower half)', COLOURS.compensation),
      legend('waiting for approval or a signal', COLOURS.approval), legend('retry scheduled (diamond)', COLOURS.retry)));
}

function diamond(cx, cy) {
  return `M ${cx} ${cy - 7} L ${cx + 6} ${cy} L ${cx} ${cy + 7} L ${cx - 6} ${cy} Z`;
}

function legend(text, colour) {
  return h('span', null, h('span', { class: 'swatch', style: `background:${colour}` }), text);
}
