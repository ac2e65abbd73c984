// Sends a signed-in member's session results from this device to her account: at every page load, when the
// network comes back, and as soon as the player adds one. Each result carries the UUID it was made with, so a
// send repeated after a lost answer stores nothing twice. Results wait in localStorage under a key for her alone
// (a hash the page gives; the player's history.js puts them there), so nobody else's sign-in sends them.
// Self-contained on purpose: it runs on every page of a member, within the page's script budget.

const csrf = document.getElementById('csrf-token');
const storage = (() => { try { return window.localStorage; } catch { return null; } })();
const key = `carrywell.outbox.${csrf?.dataset.member ?? ''}`;
let sending = null;

const waiting = () => { try { return JSON.parse(storage.getItem(key) ?? '[]'); } catch { return []; } };

async function send() {
  const results = waiting();
  if (results.length === 0) {
    return;
  }
  const response = await fetch('/api/v1/me/sessions', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', [csrf.dataset.header]: csrf.value },
    body: JSON.stringify(results),
  });
  if (!response.ok) {
    throw new Error(`sending results answered ${response.status}`);
  }
  // Only what was sent leaves the outbox: a result the player added meanwhile stays for the next send.
  const sent = new Set(results.map((result) => result.id));
  const left = waiting().filter((result) => !sent.has(result.id));
  if (left.length === 0) {
    storage.removeItem(key);
  } else {
    storage.setItem(key, JSON.stringify(left));
  }
  window.dispatchEvent(new CustomEvent('carrywell:synced', { detail: { left: left.length } }));
}

/** One send at a time; a failure (offline, signed out) leaves everything waiting for the next chance. */
function flush() {
  if (!storage || sending || navigator.onLine === false) {
    return;
  }
  sending = send().catch(() => {}).finally(() => { sending = null; });
}

if (csrf?.dataset.member) {
  window.addEventListener('online', flush);
  window.addEventListener('carrywell:result', flush);
  flush();
}
