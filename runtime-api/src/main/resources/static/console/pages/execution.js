// One execution: its facts and steps, the timeline chart, the event list, approval, cancel and signal actions and
// replays, kept live over the WebSocket stream or by polling.
import { api } from '../api.js';
import { h, message, replace } from '../dom.js';
import { agentAnswer } from '../agent-answer.js';
import { TERMINAL, eventList, executionFacts, stepsTable } from '../execution-parts.js';
import { identity } from '../identity.js';
import { follow } from '../live.js';
import { replaySection } from '../replay-report.js';
import { signalForm } from '../signal-form.js';
import { rowsFromStatus, rowsFromTimeline, timelineChart } from '../timeline-chart.js';

// After the execution ends, the audit timeline may still trail it briefly; it is read again up to this many times.
const FINAL_TIMELINE_READS = 10;

export function renderExecution(main, { args }) {
  const executionId = args[0];
  const canReadTimeline = identity.has('auditor', 'operator');
  const live = h('span', { id: 'live-mode', class: 'live', 'aria-live': 'polite' }, 'connecting…');
  const facts = h('div', null, message('Loading…'));
  const actions = h('div', { class: 'buttons', id: 'execution-actions' });
  const steps = h('div', { id: 'steps' });
  const answer = h('div', null);
  const chart = h('div', null);
  const events = h('div', null);
  const notice = h('div', { 'aria-live': 'polite' });
  const signals = signalForm(executionId, { onSent: () => read() });
  const streamed = [];
  let state = null;
  let timeline = null;
  let stop = () => {};
  let finalReads = 0;
  let reading = false;
  let readAgain = false;

  async function read() {
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    try {
      state = await api(`/execution/${executionId}/status`);
      if (canReadTimeline) timeline = (await api(`/execution/${executionId}/timeline`)).entries;
      draw();
      if (TERMINAL.includes(state.status)) finish();
    } catch (error) {
      replace(notice, message(error.status === 404 ? 'No such execution in your tenant.'
        : error.describe ? error.describe() : error.message, 'error'));
      if (error.status === 404) stop();
    } finally {
      reading = false;
      if (readAgain) {
        readAgain = false;
        read();
      }
    }
  }

  function finish() {
    stop();
    stop = () => {};
    replace(live, `finished (${state.status})`);
    const ended = !canReadTimeline || timeline.some((entry) => entry.outcome);
    if (!ended && finalReads < FINAL_TIMELINE_READS) {
      finalReads += 1;
      setTimeout(read, 1000);
    }
  }

  function draw() {
    replace(facts, executionFacts(state));
    replace(steps, stepsTable(state));
    replace(answer, agentAnswer(state));
    const now = TERMINAL.includes(state.status) ? new Date(state.finished_at || Date.now()).getTime() : Date.now();
    replace(chart, timelineChart(timeline ? rowsFromTimeline(timeline, state, now) : rowsFromStatus(state, now)));
    replace(events, eventList(timeline, streamed));
    replace(actions, actionButtons());
    signals.update(state, !TERMINAL.includes(state.status) && identity.has('submitter', 'operator'));
  }

  function actionButtons() {
    const buttons = [];
    if (state.status === 'awaiting_approval' && identity.has('approver')) {
      const reason = h('input', { id: 'decision-reason', size: 30 });
      buttons.push(h('label', null, 'Reason', reason),
        h('button', { type: 'button', onclick: () => decide('approve', reason.value) }, 'Approve'),
        h('button', { type: 'button', class: 'danger', onclick: () => decide('reject', reason.value) }, 'Reject'));
    }
    if (!TERMINAL.includes(state.status) && identity.has('submitter', 'operator')) {
      buttons.push(h('button', { type: 'button', class: 'secondary', onclick: cancel }, 'Cancel execution'));
    }
    return buttons;
  }

  async function decide(decision, reason) {
    try {
      await api(`/execution/${executionId}/${decision}`, { method: 'POST', body: { reason: reason || null } });
      replace(notice, message(`${decision === 'approve' ? 'Approved' : 'Rejected'}.`, 'ok'));
    } catch (error) {
      replace(notice, message(error.describe ? error.describe() : error.message, 'error'));
    }
    read();
  }

  async function cancel() {
    try {
      await api(`/execution/${executionId}/cancel`, { method: 'POST', body: {} });
      replace(notice, message('Cancellation requested.', 'ok'));
    } catch (error) {
      replace(notice, message(error.describe ? error.describe() : error.message, 'error'));
    }
    read();
  }

  replace(main,
    h('h1', null, 'Execution ', h('span', { class: 'mono' }, executionId)),
    h('p', null, live),
    notice,
    h('div', { class: 'columns' },
      h('section', { 'aria-labelledby': 'facts-heading' }, h('h2', { id: 'facts-heading' }, 'Summary'), facts,
        actions),
      h('section', { 'aria-labelledby': 'steps-heading' }, h('h2', { id: 'steps-heading' }, 'Steps'), steps)),
    signals,
    answer,
    h('section', { 'aria-labelledby': 'chart-heading' }, h('h2', { id: 'chart-heading' }, 'Timeline'), chart),
    h('section', { 'aria-labelledby': 'events-heading' }, h('h2', { id: 'events-heading' }, 'Events'), events),
    identity.has('operator') ? replaySection(executionId, { onReplayed: read }) : null);

  stop = follow(executionId, {
    onEvent: (frame) => streamed.push(frame),
    onChange: read,
    onMode: (mode) => replace(live, mode === 'stream' ? 'live: WebSocket stream'
      : 'live: polling the status every second'),
  });
  read();
  return () => stop();
}
