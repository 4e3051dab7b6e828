// Line charts of figures over time as SVG, drawn by the console itself (the page's policy loads nothing from
// elsewhere): one path per series, gaps where a value is missing, a time axis, a value axis from zero, a legend.
import { h, s } from './dom.js';

const PALETTE = ['#0b57d0', '#b3261e', '#1e7b3a', '#a86400', '#6b3fa0', '#00707a', '#5f6368', '#c2185b'];
// Series that coincide stay visible, and colours are not the only difference between lines.
const DASHES = [null, '7 4', '2 3', '10 3 2 3'];
const WIDTH = 640;
const HEIGHT = 200;
const LEFT = 58;
const RIGHT = 12;
const TOP = 10;
const BOTTOM = 24;

/** A number short enough for an axis: 1.2k, 3.5M, 0.25. */
export function shortNumber(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${+(value / 1e9).toFixed(1)}G`;
  if (abs >= 1e6) return `${+(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `${+(value / 1e3).toFixed(1)}k`;
  if (abs >= 10 || abs === 0) return String(Math.round(value));
  return String(+value.toFixed(2));
}

function clock(ms) {
  const date = new Date(ms);
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** The path of a series: a segment per run of present values, a dot for a lone value. */
function pathOf(points, x, y) {
  let d = '';
  let previousPresent = false;
  points.forEach((point, index) => {
    if (point.v === null || point.v === undefined) {
      previousPresent = false;
      return;
    }
    const nextPresent = index + 1 < points.length && points[index + 1].v !== null && points[index + 1].v !== undefined;
    const px = x(point.t).toFixed(1);
    const py = y(point.v).toFixed(1);
    if (previousPresent) d += ` L ${px} ${py}`;
    else if (nextPresent) d += ` M ${px} ${py}`;
    else d += ` M ${px} ${py} m -2 0 a 2 2 0 1 0 4 0 a 2 2 0 1 0 -4 0`;
    previousPresent = true;
  });
  return d.trim();
}

/**
 * A chart as a figure with the given id: series [{name, points: [{t (ms), v (number or null)}]}] over the time
 * window [from, to]; unit names the values on the axis and in the accessible summary.
 */
export function lineChart({ id, title, unit, series, from, to }) {
  const drawn = series.filter((line) => line.points.some((point) => point.v !== null && point.v !== undefined));
  const heading = h('h2', { id: `${id}-title` }, title);
  if (drawn.length === 0 || from === undefined || to === undefined) {
    return h('figure', { id, class: 'chart metric-chart', 'data-series-count': 0, 'aria-labelledby': `${id}-title` },
      heading, h('p', { class: 'live' }, 'Nothing to show in this window yet.'));
  }
  const values = drawn.flatMap((line) => line.points.map((point) => point.v)).filter((v) => v !== null && v !== undefined);
  const top = Math.max(...values) > 0 ? Math.max(...values) * 1.1 : 1;
  const span = Math.max(1, to - from);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (t) => LEFT + ((t - from) / span) * plotWidth;
  const y = (v) => TOP + plotHeight - (v / top) * plotHeight;
  const grid = [0, 0.5, 1].map((f) => s('g', null,
    s('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: y(f * top), y2: y(f * top), stroke: '#d5d9df' }),
    s('text', { x: LEFT - 6, y: y(f * top) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#4a5260' },
      shortNumber(f * top))));
  const times = [0, 0.5, 1].map((f) => s('text', { x: LEFT + f * plotWidth, y: HEIGHT - 6, 'font-size': 11,
    fill: '#4a5260', 'text-anchor': f === 0 ? 'start' : f === 1 ? 'end' : 'middle' }, clock(from + f * span)));
  const paths = drawn.map((line) => {
    const index = series.indexOf(line);
    return s('path', { class: 'series', 'data-series': line.name, d: pathOf(line.points, x, y), fill: 'none',
      stroke: PALETTE[index % PALETTE.length], 'stroke-width': 2, 'stroke-linejoin': 'round',
      'stroke-dasharray': DASHES[index % DASHES.length] }, s('title', null, line.name));
  });
  const latest = drawn.map((line) => {
    const present = line.points.filter((point) => point.v !== null && point.v !== undefined);
    return `${line.name} ${shortNumber(present[present.length - 1].v)}`;
  }).join(', ');
  return h('figure', { id, class: 'chart metric-chart', 'data-series-count': drawn.length,
    'aria-labelledby': `${id}-title` },
  heading,
  s('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
    'aria-label': `${title}, ${unit}, ${clock(from)} to ${clock(to)}; latest: ${latest}` }, grid, times, paths),
  h('figcaption', { class: 'legend' }, drawn.map((line) => h('span', null,
    h('span', { class: 'swatch', style: `background:${PALETTE[series.indexOf(line) % PALETTE.length]}` }),
    line.name))));
}
