// Calls the runtime's REST API with the API key kept in sessionStorage (sent as X-API-Key, never in URLs except
// the WebSocket's access_token, which browsers cannot send as a header).

const KEY = 'symphainy.console.apiKey';

export const credentials = {
  key: () => sessionStorage.getItem(KEY),
  remember: (key) => sessionStorage.setItem(KEY, key),
  forget: () => sessionStorage.removeItem(KEY),
};

/** A failed call: the HTTP status and the problem+json body when there was one. */
export class ApiError extends Error {
  constructor(status, problem, text) {
    super(problem?.detail || problem?.title || text || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** A one-line explanation with the stable code and any field errors. */
  describe() {
    const code = this.problem?.code ? `${this.problem.code}: ` : '';
    const fields = (this.problem?.errors || []).map((e) => `${e.field} ${e.message}`).join('; ');
    return `${code}${this.message}${fields ? ` (${fields})` : ''}`;
  }
}

let onUnauthenticated = () => {};

/** What to do when the runtime refuses the key (401): the app logs out. */
export function whenUnauthenticated(handler) {
  onUnauthenticated = handler;
}

/** Calls the API and returns the parsed JSON answer (or null); throws ApiError on any non-2xx status. */
export async function api(path, { method = 'GET', body, key = credentials.key() } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (key) headers['X-API-Key'] = key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const error = new ApiError(response.status, json, text);
    if (response.status === 401 && key === credentials.key()) onUnauthenticated(error);
    throw error;
  }
  return json;
}

/** Fetches an export with the key and hands it to the browser as a download. */
export async function download(path, filename) {
  const response = await fetch(path, { headers: { 'X-API-Key': credentials.key() }, cache: 'no-store' });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { problem = null; }
    throw new ApiError(response.status, problem, '');
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return blob.size;
}

/** Builds a query string from the non-empty values of an object. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
