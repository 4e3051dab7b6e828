// Live updates of one execution: the WebSocket stream (/stream/execution/{id}, see the stream protocol) when the
// runtime offers it, else polling every second. Reconnects resume after the last position seen, so nothing is missed.
import { credentials } from './api.js';

const POLL_INTERVAL_MS = 1000;
// While streaming, the state is read again now and then too: the State Surface may trail the stream by a moment.
const STREAM_SAFETY_INTERVAL_MS = 3000;
const MAX_RECONNECTS = 5;

/**
 * Follows an execution until stop() is called.
 * @param {string} executionId
 * @param {object} handlers onEvent(frame) for each recorded event, onChange() when the state should be read again
 *   (each poll, caught_up, events), onMode('stream' | 'polling')
 * @returns {function} stop
 */
export function follow(executionId, { onEvent, onChange, onMode }) {
  let stopped = false;
  let socket = null;
  let timer = null;
  let lastPosition = null;
  let reconnects = 0;
  let safety = null;

  function poll() {
    if (stopped || timer) return;
    if (safety) clearInterval(safety);
    onMode('polling');
    timer = setInterval(() => onChange(), POLL_INTERVAL_MS);
  }

  function connect() {
    if (stopped) return;
    let opened = false;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const after = lastPosition === null ? '' : `&after=${lastPosition}`;
    const url = `${scheme}://${location.host}/stream/execution/${encodeURIComponent(executionId)}`
      + `?access_token=${encodeURIComponent(credentials.key() || '')}${after}`;
    try {
      socket = new WebSocket(url);
    } catch {
      poll();
      return;
    }
    socket.addEventListener('open', () => {
      opened = true;
      reconnects = 0;
      onMode('stream');
      if (!safety) safety = setInterval(() => onChange(), STREAM_SAFETY_INTERVAL_MS);
    });
    socket.addEventListener('message', (message) => {
      let frame;
      try {
        frame = JSON.parse(message.data);
      } catch {
        return;
      }
      if (typeof frame.position === 'number' && frame.type === 'event') {
        if (lastPosition !== null && frame.position <= lastPosition) return;
        lastPosition = frame.position;
        onEvent(frame);
        onChange();
      } else if (frame.type === 'caught_up') {
        onChange();
      }
    });
    socket.addEventListener('close', () => {
      socket = null;
      if (stopped) return;
      if (!opened || reconnects >= MAX_RECONNECTS) {
        poll();
        return;
      }
      reconnects += 1;
      setTimeout(connect, 500 * reconnects);
    });
  }

  if (typeof WebSocket === 'function') connect();
  else poll();

  return () => {
    stopped = true;
    if (timer) clearInterval(timer);
    if (safety) clearInterval(safety);
    if (socket) socket.close();
  };
}
