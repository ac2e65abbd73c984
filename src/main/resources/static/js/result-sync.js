// Sends a signed-in member's session results from this device to her account: at every page load, when the
// network comes back, and as soon as the player adds one. Each result carries the UUID it was made with, so a
// send repeated after a lost answer stores nothing twice. Results wait in localStorage under a key for her alone
// (a key the page gives; the player's history.js puts them there), so nobody else's sign-in sends them; erasing
// her account forgets them here too. Self-contained on purpose: it runs on every page of a member, within the
// page's script budget.

const csrf = document.getElementById('csrf-token');
const storage = (() => { try { return window.localStorage; } catch { return null; } })();
const key = `carrywell.outbox.${csrf?.dataset.member ?? ''}`;
const BATCH = 50; // well within the API's body limit
let sending = null;

const waiting = () => { try { return JSON.parse(storage.getItem(key) ?? '[]'); } catch { return []; } };

const post = (results) => fetch('/api/v1/me/sessions', {
  method: 'POST',
  credentials: 'same-origin',
  headers: { 'Content-Type': 'application/json', [csrf.dataset.header]: csrf.value },
  body: JSON.stringify(results),
});

/** Only what her account took leaves the outbox: a result added meanwhile stays for the next send. */
function forget(ids) {
  const gone = new Set(ids);
  const left = waiting().filter((result) => !gone.has(result.id));
  if (left.length === 0) {
    storage.removeItem(key);
  } else {
    storage.setItem(key, JSON.stringify(left));
  }
  return left.length;
}

async function send() {
  let left = waiting().length;
  while (left > 0) {
    const batch = waiting().slice(0, BATCH);
    const response = await post(batch);
    if (response.status === 400) {
      // One result her account refuses would hold back the others for good: each goes alone, and one refused on
      // its own (never one the player made) is dropped with the batch.
      for (const result of batch) {
        const single = await post([result]);
        if (!single.ok && single.status !== 400) {
          throw new Error(`sending a result answered ${single.status}`);
        }
      }
      left = forget(batch.map((result) => result.id));
      continue;
    }
    if (!response.ok) {
      throw new Error(`sending results answered ${response.status}`);
    }
    left = forget(batch.map((result) => result.id));
  }
  window.dispatchEvent(new CustomEvent('carrywell:synced', { detail: { left } }));
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
  // Erasing her account takes what waits on this device with it.
  document.querySelector('form[data-forgets-device]')?.addEventListener('submit', () => storage?.removeItem(key));
  flush();
}
