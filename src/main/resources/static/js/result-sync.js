// A member's session results, from this device to her account (docs/progress.md): at each page load, when the
// network is back, and when the player adds one. Their UUIDs make repeats harmless. Small and self-contained: it
// runs on every page of hers, within the page's script budget.

const csrf = document.getElementById('csrf-token');
const storage = (() => { try { return window.localStorage; } catch { return null; } })();
const member = csrf?.dataset.member ?? '';
const key = `carrywell.outbox.${member}`;
const refusedKey = `carrywell.refused.${member}`;
// Well within the API's 64 KB body limit.
const MOST_RESULTS = 50;
const MOST_CHARACTERS = 40_000;
let sending = null;

const read = (name) => { try { return JSON.parse(storage.getItem(name) ?? '[]'); } catch { return []; } };

const post = (results) => fetch('/api/v1/me/sessions', {
  method: 'POST',
  credentials: 'same-origin',
  headers: { 'Content-Type': 'application/json', [csrf.dataset.header]: csrf.value },
  body: JSON.stringify(results),
});

/** The oldest waiting results that fit one request. */
function nextBatch() {
  const batch = [];
  let characters = 2;
  for (const result of read(key)) {
    const size = JSON.stringify(result).length + 1;
    if (batch.length > 0 && (batch.length === MOST_RESULTS || characters + size > MOST_CHARACTERS)) {
      break;
    }
    batch.push(result);
    characters += size;
  }
  return batch;
}

/** Only what her account took (or refused) leaves the outbox: a result added meanwhile stays for the next send. */
function forget(ids) {
  const gone = new Set(ids);
  const left = read(key).filter((result) => !gone.has(result.id));
  if (left.length === 0) {
    storage.removeItem(key);
  } else {
    storage.setItem(key, JSON.stringify(left));
  }
  return left.length;
}

async function send() {
  let left = read(key).length;
  while (left > 0) {
    const batch = nextBatch();
    const response = await post(batch);
    if (response.status === 400) {
      // Each alone: one refused on its own is kept aside on the device, not left to block the rest.
      for (const result of batch) {
        const single = await post([result]);
        if (single.status === 400) {
          storage.setItem(refusedKey, JSON.stringify([...read(refusedKey), result]));
        } else if (!single.ok) {
          throw new Error(`sending a result answered ${single.status}`);
        }
      }
    } else if (!response.ok) {
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

if (member) {
  // A page of hers after an erasure was asked for: it was refused (wrong password), so nothing is forgotten.
  try { window.sessionStorage.removeItem('carrywell.erasing'); } catch { /* no session storage: nothing to forget */ }
  document.querySelector('form[data-forgets-device]')?.addEventListener('submit', () => {
    try { window.sessionStorage.setItem('carrywell.erasing', member); } catch { /* the outbox then stays */ }
  });
  window.addEventListener('online', flush);
  window.addEventListener('carrywell:result', flush);
  flush();
}
