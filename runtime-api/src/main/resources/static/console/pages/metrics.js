// The runtime's figures over time (GET /runtime/metrics/history): the page opens with the history the node kept
// and then asks every sampling interval for the samples taken since the last one it has.
import { api, query } from '../api.js';
import { field, h, message, replace, time } from '../dom.js';
import { lineChart } from '../line-chart.js';

const PERCENTILES = [['p50', 'step_p50_ms'], ['p95', 'step_p95_ms'], ['p99', 'step_p99_ms']];

function at(sample) {
  return new Date(sample.at).getTime();
}

/** One series per capability met in the window; an idle capability's rate in a sample is zero. */
function byCapability(samples, figure) {
  const names = [...new Set(samples.flatMap((sample) => sample.capabilities.map((row) => row.capability)))].sort();
  return names.map((name) => ({
    name,
    points: samples.map((sample) => {
      const row = sample.capabilities.find((candidate) => candidate.capability === name);
      return { t: at(sample), v: row ? row[figure] : 0 };
    }),
  }));
}

function summed(samples, name, figure) {
  return { name, points: samples.map((sample) => ({ t: at(sample),
    v: sample.capabilities.reduce((total, row) => total + row[figure], 0) })) };
}

function single(samples, name, value) {
  return { name, points: samples.map((sample) => ({ t: at(sample), v: value(sample) })) };
}

function lagSeries(samples) {
  const processors = [...new Set(samples.flatMap((sample) => Object.keys(sample.runtime.projection_lag || {})))].sort();
  return processors.map((processor) => single(samples, processor,
    (sample) => sample.runtime.projection_lag?.[processor] ?? null));
}

function durationSeries(samples, capability) {
  return PERCENTILES.map(([name, figure]) => single(samples, name, (sample) => {
    const row = sample.capabilities.find((candidate) => candidate.capability === capability);
    return row ? row[figure] ?? null : null;
  }));
}

export function renderMetrics(main) {
  const state = { samples: [], maxSamples: 0, intervalMs: 5000, timer: null, left: false };
  const windowLine = h('p', { id: 'metrics-window', class: 'live', 'aria-live': 'polite' }, 'Loading the history…');
  const notice = h('div');
  const capabilitySelect = h('select', { id: 'duration-capability', onchange: draw });
  const charts = h('div', { id: 'metric-charts', class: 'metric-grid' });

  function chart(id, title, unit, series) {
    const samples = state.samples;
    return lineChart({ id, title, unit, series, from: samples.length ? at(samples[0]) : undefined,
      to: samples.length ? at(samples[samples.length - 1]) : undefined });
  }

  function chooseCapabilities() {
    const names = [...new Set(state.samples.flatMap((sample) => sample.capabilities
      .filter((row) => row.step_p50_ms !== null && row.step_p50_ms !== undefined).map((row) => row.capability)))].sort();
    const chosen = names.includes(capabilitySelect.value) ? capabilitySelect.value : names[0] || '';
    replace(capabilitySelect, names.length ? names.map((name) => h('option', { value: name }, name))
      : h('option', { value: '' }, 'no step finished in this window'));
    capabilitySelect.value = chosen;
    return chosen;
  }

  function draw() {
    const samples = state.samples;
    const capability = chooseCapabilities();
    replace(charts,
      chart('chart-executions', 'Executions started per second', 'per second', byCapability(samples, 'executions_per_second')),
      chart('chart-steps', 'Step attempts per second', 'per second', byCapability(samples, 'steps_per_second')),
      chart('chart-step-duration', `Step duration of ${capability || '—'} (p50, p95, p99)`, 'milliseconds',
        durationSeries(samples, capability)),
      chart('chart-retries', 'Retries and compensations per second', 'per second', [
        summed(samples, 'retries', 'retries_per_second'),
        summed(samples, 'compensations', 'compensations_per_second')]),
      chart('chart-wal-size', 'WAL size', 'events', [single(samples, 'events', (sample) => sample.runtime.wal_size)]),
      chart('chart-wal-appends', 'WAL growth', 'events appended per second', [
        single(samples, 'this tenant', (sample) => sample.wal_appends_per_second),
        single(samples, 'all tenants', (sample) => sample.runtime.wal_appends_per_second)]),
      chart('chart-projection-lag', 'Projection lag', 'events behind the head', lagSeries(samples)),
      chart('chart-approvals', 'Pending approvals', 'executions',
        [single(samples, 'pending', (sample) => sample.approvals_pending)]));
    const first = samples[0];
    const last = samples[samples.length - 1];
    replace(windowLine, samples.length
      ? `${samples.length} sample(s) from ${time(first.at)} to ${time(last.at)}, one every `
        + `${state.intervalMs / 1000} s on this node (up to ${state.maxSamples} kept); updating live.`
      : `No sample yet: the node takes one every ${state.intervalMs / 1000} s.`);
    windowLine.dataset.samples = String(samples.length);
  }

  async function load() {
    clearTimeout(state.timer);
    if (state.left) return;
    const last = state.samples[state.samples.length - 1];
    try {
      const history = await api(`/runtime/metrics/history${query({ since: last?.at })}`);
      state.maxSamples = history.max_samples;
      state.intervalMs = Math.max(1000, history.interval_seconds * 1000);
      state.samples = state.samples.concat(history.samples).slice(-state.maxSamples);
      replace(notice);
      draw();
    } catch (error) {
      replace(notice, message(error.status === 403 ? 'Metrics need the operator or admin role.'
        : error.describe ? error.describe() : error.message, 'error'));
      if (error.status === 403) return;
    }
    if (!state.left) state.timer = setTimeout(load, state.intervalMs);
  }

  replace(main, h('h1', null, 'Metrics'), windowLine, notice,
    h('div', { class: 'metric-controls' }, field('Capability of the step durations', capabilitySelect)), charts);
  load();
  return () => {
    state.left = true;
    clearTimeout(state.timer);
  };
}
