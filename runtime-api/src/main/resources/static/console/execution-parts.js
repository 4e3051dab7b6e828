// Pieces of the execution page: the facts about the execution, its steps and its events.
import { badge, h, table, time } from './dom.js';

export const TERMINAL = ['completed', 'failed', 'compensated', 'rejected', 'cancelled', 'expired'];

/** The facts of GET /execution/{id}/status as a definition list. */
export function executionFacts(state) {
  const rows = [
    ['Status', badge(state.status, { id: 'execution-status' })],
    ['Intent type', state.intent_type],
    ['Capability', state.capability ? `${state.capability} v${state.capability_version ?? '1'}` : '—'],
    ['Realm', state.realm || '—'],
    ['Session', state.session_id ? h('a', { href: `#/executions?session_id=${state.session_id}`, class: 'mono' },
      state.session_id) : '—'],
    ['Submitted by', state.user_id || '—'],
    ['Accepted', time(state.accepted_at)],
    ['Started', time(state.started_at)],
    ['Finished', time(state.finished_at)],
    ['Policy', state.policy_decision ? `${state.policy_decision} by rule ${state.policy_rule ?? '—'}`
      + ` (v${state.policy_version ?? 0})` : '—'],
  ];
  if (state.waiting) {
    rows.push(['Waiting', h('span', { class: 'highlight', id: 'execution-waiting' },
      [`${state.waiting.state}: ${state.waiting.reason}, since `, time(state.waiting.since)])]);
  }
  if (state.approval_deadline) rows.push(['Approval deadline', time(state.approval_deadline)]);
  if (state.decided_by) rows.push(['Decided by', `${state.decided_by}${state.decision_reason
    ? `: ${state.decision_reason}` : ''}`]);
  if (state.error_code) {
    rows.push(['Error', h('span', { class: 'highlight' }, `${state.error_code}${state.failed_step
      ? ` at step ${state.failed_step}` : ''}: ${state.error_message || ''}`)]);
  }
  const references = Object.entries(state.result_references || {});
  if (references.length) rows.push(['Results', h('span', { class: 'mono' }, JSON.stringify(state.result_references))]);
  return h('dl', { class: 'facts', id: 'execution-facts' }, rows.map(([term, value]) => [h('dt', null, term),
    h('dd', null, value)]));
}

/** Each step with its attempts, last error and compensation. */
export function stepsTable(state) {
  const steps = state.steps || [];
  if (steps.length === 0) return h('p', { class: 'live' }, 'No step is planned yet.');
  return table(['#', 'Step', 'Side effect', 'Status', 'Attempts', 'Last error', 'Duration', 'Compensation'], steps,
    (step) => [String(step.index), step.name, step.side_effect, stepStatus(step), String(step.attempts),
      step.last_error_code ? `${step.last_error_code}: ${step.last_error_message || ''}` : '—',
      step.duration_ms == null ? '—' : `${step.duration_ms} ms`,
      step.compensation ? [badge(step.compensation.status), ` ${step.compensation.attempts} attempt(s)`] : '—']);
}

/** A step's status; a wait step also names its signal, and while it waits, until when. */
function stepStatus(step) {
  if (!step.signal) return badge(step.status);
  return [badge(step.status), ` signal `, h('span', { class: 'mono' }, step.signal),
    step.signal_deadline ? ` until ${time(step.signal_deadline)}` : ''];
}

/** The recorded events: the audit timeline's entries, or the stream's frames when the timeline is not readable. */
export function eventList(entries, streamed) {
  if (entries) {
    return h('div', { class: 'scroll', id: 'event-list' }, table(['Position', 'Time', 'Event', 'Summary'], entries,
      (e) => [String(e.position), time(e.occurred_at), e.event_type, e.summary || '']));
  }
  if (streamed.length) {
    return h('div', { class: 'scroll', id: 'event-list' }, table(['Position', 'Time', 'Event', 'Aggregate'],
      streamed, (e) => [String(e.position), time(e.timestamp), e.event_type, `${e.aggregate_type} #${e.sequence}`]));
  }
  return h('p', { id: 'event-list', class: 'live' },
    'The event list needs the auditor or operator role (or the live stream).');
}
