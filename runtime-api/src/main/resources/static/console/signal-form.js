// The execution page's form that sends a signal (POST /execution/{id}/signal) to a step waiting for one, or to keep for
// the step that will wait. It is built once, so what someone types survives the page's live redraws; the page shows
// it to submitters and operators while the execution has not finished.
import { api } from './api.js';
import { field, h, message, replace } from './dom.js';

export function signalForm(executionId, { onSent }) {
  const name = h('input', { id: 'signal-name', required: true, maxlength: 255, size: 24 });
  const payload = h('textarea', { id: 'signal-payload', rows: 3 }, '{}');
  const idempotencyKey = h('input', { id: 'signal-idempotency-key', maxlength: 255, size: 24 });
  const notice = h('div', { 'aria-live': 'polite', id: 'signal-notice' });
  const form = h('form', { class: 'form-grid', id: 'signal-form' },
    field('Signal name', name),
    field('Payload (JSON object)', payload),
    field('Idempotency key (optional)', idempotencyKey),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Send signal')),
    notice);
  let suggested = '';

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let body;
    try {
      body = { name: name.value.trim(), payload: JSON.parse(payload.value || '{}') };
    } catch (error) {
      replace(notice, message(`The payload is not JSON: ${error.message}`, 'error'));
      return;
    }
    if (idempotencyKey.value.trim()) body.idempotency_key = idempotencyKey.value.trim();
    try {
      const sent = await api(`/execution/${executionId}/signal`, { method: 'POST', body });
      replace(notice, message(`Signal ${sent.signal} ${sent.status} (step ${sent.step}).`, 'ok'));
      onSent();
    } catch (error) {
      replace(notice, message(error.describe ? error.describe() : error.message, 'error'));
    }
  });

  const section = h('section', { 'aria-labelledby': 'signal-heading', id: 'signal-section', hidden: true },
    h('h2', { id: 'signal-heading' }, 'Send a signal'), form);

  /** Shows the form or hides it, and proposes the name of the signal a step waits for, unless one was typed. */
  section.update = (state, allowed) => {
    section.hidden = !allowed;
    const waiting = (state.steps || []).find((step) => step.status === 'waiting' && step.signal);
    if (waiting && (!name.value || name.value === suggested)) {
      suggested = waiting.signal;
      name.value = suggested;
    }
  };
  return section;
}
