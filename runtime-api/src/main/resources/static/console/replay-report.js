// Replay of an execution (POST /execution/{id}/replay) in each mode, and its report: the events read back, the
// state folded from them with drift against the State Surface, or the shadow re-execution with each step's verdict.
// Drift and divergences are highlighted by colour and said in words.
import { api } from './api.js';
import { badge, h, message, replace, table, time } from './dom.js';

const MODES = [
  { mode: 'events_only', label: 'Replay events only' },
  { mode: 'state_only', label: 'Replay state only' },
  { mode: 'full', label: 'Full replay (shadow re-execution)' },
  { mode: 'full', label: "Full replay with today's model", rerun: true },
];

/** The replay section: one button per mode and the report of the last replay. */
export function replaySection(executionId, { onReplayed } = {}) {
  const report = h('div', { id: 'replay-report', 'aria-live': 'polite' });
  const buttons = MODES.map(({ mode, label, rerun }) => h('button', {
    type: 'button', class: 'secondary', 'data-mode': rerun ? `${mode}-rerun-model` : mode,
    onclick: async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      replace(report, message(`Replaying (${mode})…`));
      try {
        const answer = await api(`/execution/${executionId}/replay`, { method: 'POST',
          body: rerun ? { mode, rerun_model: true } : { mode } });
        replace(report, renderReport(answer));
        if (onReplayed) onReplayed();
      } catch (error) {
        replace(report, message(`Replay failed: ${error.describe ? error.describe() : error.message}`, 'error'));
      } finally {
        button.disabled = false;
      }
    },
  }, label));
  return h('section', { 'aria-labelledby': 'replay-heading' },
    h('h2', { id: 'replay-heading' }, 'Replay'),
    h('div', { class: 'buttons' }, buttons),
    report);
}

/** Renders a replay report of any mode. */
export function renderReport(answer) {
  const parts = [h('p', null, h('strong', null, `Mode ${answer.mode}: `), h('span', { id: 'replay-outcome' },
    answer.outcome))];
  if (answer.events) parts.push(eventsPart(answer.events));
  if (answer.state) parts.push(statePart(answer.state));
  if (answer.steps) parts.push(stepsPart(answer.steps));
  return h('div', { class: 'replay', 'data-mode': answer.mode }, parts);
}

function eventsPart(events) {
  return h('div', { class: 'scroll' }, table(['#', 'Aggregate', 'Seq', 'Event', 'Time'], events,
    (e) => [String(e.index), e.aggregate_type, String(e.sequence_number), e.event_type, time(e.timestamp)]));
}

function statePart(state) {
  const drift = state.drift || [];
  const folded = h('p', null, `${state.folded_events} event(s) folded; replayed status `,
    badge(state.execution?.status?.toLowerCase?.() || String(state.execution?.status ?? '—')),
    state.recorded ? [' — State Surface says ', badge(state.recorded.status)] : ' — no State Surface record');
  if (drift.length === 0) {
    return h('div', null, folded, message('No drift: the State Surface agrees with the events.', 'ok'));
  }
  return h('div', null, folded,
    h('p', { class: 'highlight', id: 'replay-drift' }, `Drift on ${drift.length} field(s):`),
    table(['Field', 'Replayed from events', 'State Surface'], drift,
      (d) => [d.field, d.replayed ?? '—', d.recorded ?? '—'], () => ({ class: 'drift' })));
}

function stepsPart(steps) {
  const divergences = steps.filter((step) => step.verdict === 'divergence');
  return h('div', null,
    divergences.length > 0
      ? h('p', { class: 'highlight', id: 'replay-divergence' }, `${divergences.length} step(s) diverge:`
        + ` the recomputed outcome differs from the recorded one.`)
      : message('No divergence among the steps that were re-run.', 'ok'),
    table(['#', 'Step', 'Side effect', 'Treatment', 'Attempt', 'Recorded', 'Recomputed', 'Verdict'], steps,
      (step) => [String(step.index), step.name, step.side_effect, step.treatment, String(step.attempt),
        outcome(step.recorded), outcome(step.recomputed), [badge(step.verdict), difference(step.difference)]],
      (step) => (step.verdict === 'divergence' ? { class: 'divergence' } : {})));
}

/** With rerun_model: how today's model's answer differs from the recorded one. */
function difference(value) {
  if (!value) return null;
  return h('div', { class: 'live' }, value.answer_changed ? 'answer changed' : 'same answer',
    `; citations added ${(value.citations_added || []).join(', ') || 'none'}, removed `
    + `${(value.citations_removed || []).join(', ') || 'none'} (${value.recorded_model} → ${value.current_model})`);
}

function outcome(value) {
  if (!value) return '—';
  if (!value.succeeded) return `failed ${value.error_code || ''}`;
  return h('span', { class: 'mono' }, JSON.stringify({ references: value.references, facts: value.facts }));
}
