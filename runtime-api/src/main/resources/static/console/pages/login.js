// Log-in: the API key is checked with GET /whoami, then kept in sessionStorage for this browser tab only.
import { api, credentials } from '../api.js';
import { field, h, message, replace } from '../dom.js';
import { identity } from '../identity.js';

export function renderLogin(main, { onLoggedIn }) {
  const key = h('input', { id: 'api-key', type: 'password', autocomplete: 'off', required: true, size: 40 });
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'form-grid login', id: 'login-form' },
    field('API key', key),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Log in')),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(status);
    try {
      const me = await api('/whoami', { key: key.value.trim() });
      credentials.remember(key.value.trim());
      identity.remember(me);
      onLoggedIn();
    } catch (error) {
      replace(status, message(error.status === 401 ? 'The runtime does not know this key.'
        : `Log-in failed: ${error.describe ? error.describe() : error.message}`, 'error'));
    }
  });
  replace(main,
    h('h1', null, 'Log in'),
    h('p', null, 'Enter an API key. It stays in this browser tab (sessionStorage) and is sent as X-API-Key.'),
    form);
  key.focus();
}
