// On every page: installs the service worker (/sw.js, docs/offline.md), says so when she is offline, and keeps a
// form that needs the network (every form that posts) from failing: with no network it is not sent, and the page
// says why, beside the form (an alert). Small, and without text of its own: the words are in the page.

const banner = document.getElementById('offline-banner');
const formNote = document.getElementById('offline-form-note');

if ('serviceWorker' in navigator) {
  // The worker's own imports are checked with it, never taken from the browser's cache.
  navigator.serviceWorker.register('/sw.js', { type: 'module', scope: '/', updateViaCache: 'none' }).catch(() => {
    // Not allowed here (a private window, an old browser): every page still works online.
  });
}

// Offline when the browser says so, or when this page came from the service worker's copy because the network
// failed (browsers often still say "online" with no signal at all). Once known, it is on the page
// (<html data-connection>) and announced (carrywell:connection), so that other scripts don't try to send.
let offline = navigator.onLine === false;

function showState() {
  document.documentElement.classList.toggle('is-offline', offline);
  if (banner) {
    // Inside a live region that is always there, so that screen readers say it when it appears.
    banner.hidden = !offline;
  }
}

function settle(isOffline) {
  offline = isOffline;
  showState();
  document.documentElement.dataset.connection = offline ? 'offline' : 'online';
  window.dispatchEvent(new CustomEvent('carrywell:connection', { detail: { offline } }));
}

window.addEventListener('online', () => settle(false));
window.addEventListener('offline', () => settle(true));
const worker = navigator.serviceWorker?.controller;
if (worker) {
  const unanswered = setTimeout(() => settle(offline), 2000);
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data?.type === 'served') {
      clearTimeout(unanswered);
      settle(offline || event.data.offline);
    }
  });
  worker.postMessage({ type: 'how-was-i-served' });
} else {
  settle(offline);
}

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!offline || form.method !== 'post' || !formNote) {
    return;
  }
  event.preventDefault();
  form.after(formNote);
  formNote.hidden = false;
});
