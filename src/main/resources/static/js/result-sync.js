// A member's session results, from this device to her account (docs/progress.md, docs/offline.md): at each page
// load, when the network is back, and when the player adds one; with Background Sync, the service worker also
// sends them while no page is open. The outbox itself is js/outbox.js (IndexedDB). Small: it runs on every page
// of hers, within the page's script budget.
import { moveFromLocalStorage, rememberSender, send } from './outbox.js';

const csrf = document.getElementById('csrf-token');
const sender = { member: csrf?.dataset.member ?? '', header: csrf?.dataset.header, token: csrf?.value };
let sending = null;

/** Whether this page knows it is offline (js/offline.js says so on the page). */
const connection = () => document.documentElement.dataset.connection;

/**
 * One send at a time; asked again while sending, it sends again after, so a result added meanwhile is not
 * reported as saved before it is. A failure (offline, signed out) leaves everything waiting for the next chance.
 */
let again = false;
function flush() {
  if (connection() !== 'online') {
    return;
  }
  if (sending) {
    again = true;
    return;
  }
  again = false;
  sending = send(sender)
    .then(() => {
      if (!again) {
        window.dispatchEvent(new CustomEvent('carrywell:synced', { detail: { left: 0 } }));
      }
    })
    .catch(() => {})
    .finally(() => {
      sending = null;
      if (again) {
        flush();
      }
    });
}

/** Asks the service worker to send when the network is back, where the browser has Background Sync. */
async function syncLater() {
  try {
    const registration = await navigator.serviceWorker?.ready;
    await registration?.sync?.register('carrywell-results');
  } catch {
    // No Background Sync: the next page load, or the network coming back, sends them.
  }
}

async function start() {
  try {
    await moveFromLocalStorage(window.localStorage, sender.member);
  } catch {
    // No storage to move from.
  }
  await rememberSender(sender).catch(() => {});
  window.addEventListener('carrywell:connection', flush);
  window.addEventListener('carrywell:result', () => { flush(); syncLater(); });
  flush();
}

if (sender.member) {
  // A page of hers after an erasure was asked for: it was refused (wrong password), so nothing is forgotten.
  try { window.sessionStorage.removeItem('carrywell.erasing'); } catch { /* no session storage: nothing to forget */ }
  document.querySelector('form[data-forgets-device]')?.addEventListener('submit', () => {
    try { window.sessionStorage.setItem('carrywell.erasing', sender.member); } catch { /* the outbox then stays */ }
  });
  start();
}
