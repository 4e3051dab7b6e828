// Submitting an intent: pick or create a session, pick an intent type from GET /capabilities, give a JSON payload;
// POST /intent/submit, then follow the execution.
import { api, query } from '../api.js';
import { field, h, message, replace } from '../dom.js';

function parseJson(text, what) {
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${what} is not valid JSON: ${error.message}`);
  }
}

export async function renderSubmit(main) {
  const session = h('select', { id: 'submit-session', required: true });
  const context = h('textarea', { id: 'session-context', rows: 2 }, '{}');
  const intentType = h('select', { id: 'submit-intent-type', required: true });
  const payload = h('textarea', { id: 'submit-payload', rows: 6 }, '{}');
  const idempotencyKey = h('input', { id: 'submit-idempotency-key' });
  const notice = h('div', { 'aria-live': 'polite', id: 'submit-notice' });
  const schema = h('pre', { id: 'submit-schema', hidden: true });
  let capabilities = [];

  // The session created here stays chosen even when an earlier listing answers after it.
  let created = '';

  async function loadSessions() {
    try {
      const { sessions } = await api(`/sessions${query({ status: 'open', limit: 50 })}`);
      const keep = created || session.value;
      const prompt = sessions.length ? 'choose a session' : 'no open session — create one';
      replace(session, h('option', { value: '' }, prompt),
        sessions.map((s) => h('option', { value: s.session_id }, `${s.session_id} (${s.user_id})`)));
      if (keep && !sessions.some((s) => s.session_id === keep)) session.append(h('option', { value: keep }, keep));
      session.value = keep;
    } catch (error) {
      replace(notice, message(error.describe ? error.describe() : error.message, 'error'));
    }
  }

  async function createSession() {
    try {
      const answer = await api('/session/create', { method: 'POST',
        body: { context: parseJson(context.value, 'The session context') } });
      created = answer.session_id;
      await loadSessions();
      replace(notice, message(`Session ${created} created.`, 'ok'));
    } catch (error) {
      replace(notice, message(error.describe ? error.describe() : error.message, 'error'));
    }
  }

  function showSchema() {
    const capability = capabilities.find((c) => c.intent_types.includes(intentType.value));
    schema.hidden = !capability;
    replace(schema, capability ? JSON.stringify(capability.input_schema, null, 2) : '');
  }

  const form = h('form', { class: 'form-grid', id: 'submit-form' },
    field('Session', session),
    h('div', { class: 'buttons' },
      field('Context of a new session (JSON)', context),
      h('button', { type: 'button', class: 'secondary', id: 'create-session', onclick: createSession },
        'Create session')),
    field('Intent type', intentType),
    field('Payload (JSON)', payload),
    h('details', null, h('summary', null, 'Payload schema'), schema),
    field('Idempotency key (optional)', idempotencyKey),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Submit intent')),
    notice);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const body = { session_id: session.value, intent_type: intentType.value,
        payload: parseJson(payload.value, 'The payload') };
      if (idempotencyKey.value.trim()) body.idempotency_key = idempotencyKey.value.trim();
      const accepted = await api('/intent/submit', { method: 'POST', body });
      location.hash = `#/execution/${accepted.execution_id}`;
    } catch (error) {
      const id = error.problem?.execution_id;
      replace(notice, message(error.describe ? error.describe() : error.message, 'error'),
        id ? h('p', null, 'Recorded as ', h('a', { href: `#/execution/${id}` }, `execution ${id}`)) : null);
    }
  });
  intentType.addEventListener('change', showSchema);
  replace(main, h('h1', null, 'Submit an intent'), form);
  try {
    capabilities = (await api('/capabilities')).capabilities;
    const types = capabilities.flatMap((c) => c.intent_types.map((type) => ({ type, capability: c.name })));
    replace(intentType, types.map(({ type, capability }) => h('option', { value: type }, `${type} (${capability})`)));
    showSchema();
  } catch (error) {
    replace(notice, message(error.describe ? error.describe() : error.message, 'error'));
  }
  await loadSessions();
}
