// The console's entry point: log-in state, the header and a hash router (#/page/arg?query) over the pages.
import { api, credentials, whenUnauthenticated } from './api.js';
import { replace } from './dom.js';
import { identity } from './identity.js';
import { renderLogin } from './pages/login.js';
import { renderExecutions } from './pages/executions.js';
import { renderSessions } from './pages/sessions.js';
import { renderExecution } from './pages/execution.js';
import { renderApprovals } from './pages/approvals.js';
import { renderSubmit } from './pages/submit.js';
import { renderAudit } from './pages/audit.js';
import { renderProjections } from './pages/projections.js';
import { renderMetrics } from './pages/metrics.js';

const main = document.getElementById('main');
const ROUTES = {
  executions: renderExecutions,
  sessions: renderSessions,
  execution: renderExecution,
  approvals: renderApprovals,
  submit: renderSubmit,
  audit: renderAudit,
  projections: renderProjections,
  metrics: renderMetrics,
};

let leaveCurrentPage = () => {};

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, search = ''] = hash.split('?');
  const [page, ...args] = path.split('/').filter(Boolean);
  return { page: page || 'executions', args, params: new URLSearchParams(search) };
}

function showHeader(me) {
  document.getElementById('nav').hidden = !me;
  document.getElementById('identity').hidden = !me;
  replace(document.getElementById('identity-text'),
    me ? `${me.user_id} @ ${me.tenant_id} (${me.roles.join(', ') || 'no roles'})` : '');
}

function markCurrentLink(page) {
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.getAttribute('href') === `#/${page}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function route() {
  leaveCurrentPage();
  leaveCurrentPage = () => {};
  const { page, args, params } = parseHash();
  if (!credentials.key() || !identity.current()) {
    showHeader(null);
    renderLogin(main, { onLoggedIn: () => { location.hash = '#/executions'; route(); } });
    return;
  }
  showHeader(identity.current());
  const render = ROUTES[page] || renderExecutions;
  markCurrentLink(ROUTES[page] ? page : 'executions');
  replace(main);
  const leave = await render(main, { args, params });
  if (typeof leave === 'function') leaveCurrentPage = leave;
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

function logOut() {
  credentials.forget();
  identity.forget();
  location.hash = '#/login';
  route();
}

whenUnauthenticated(logOut);
document.getElementById('logout').addEventListener('click', logOut);
window.addEventListener('hashchange', route);

async function start() {
  if (credentials.key() && !identity.current()) {
    try {
      identity.remember(await api('/whoami'));
    } catch {
      credentials.forget();
    }
  }
  route();
}

start();
