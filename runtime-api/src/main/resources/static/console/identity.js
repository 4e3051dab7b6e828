// Who the logged-in key belongs to (from GET /whoami), kept for the browser tab's session.
const KEY = 'symphainy.console.identity';

export const identity = {
  current() {
    const text = sessionStorage.getItem(KEY);
    return text ? JSON.parse(text) : null;
  },
  remember(me) {
    sessionStorage.setItem(KEY, JSON.stringify(me));
  },
  forget() {
    sessionStorage.removeItem(KEY);
  },
  /** Whether the key holds any of the roles (lower case, as the runtime spells them). */
  has(...roles) {
    const me = this.current();
    return !!me && roles.some((role) => me.roles.includes(role));
  },
};
