// This week's plan and each of its sessions, kept on her phone for when there is no network (docs/offline.md):
// the service worker fetches and keeps them (each page says whether it may be kept), then this page shows which
// are available offline. With no network it shows which were kept before.

const status = document.getElementById('offline-week');
const marks = [...document.querySelectorAll('[data-offline-copy]')];

/** The service worker once it is active; not at all where the browser refuses one (then nothing is kept). */
function activeWorker() {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('no service worker')), 20_000);
    navigator.serviceWorker.ready.then((registration) => resolve(registration.active));
  });
}

function ask(worker, urls) {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data.kept);
    setTimeout(() => reject(new Error('the service worker did not answer')), 60_000);
    worker.postMessage({ type: 'keep', urls }, [channel.port2]);
  });
}

async function keepThisWeek() {
  status.textContent = status.dataset.saving;
  status.hidden = false;
  try {
    const kept = await ask(await activeWorker(), [window.location.href, ...marks.map((mark) => mark.dataset.offlineCopy)]);
    const keptUrls = new Set(kept.filter((page) => page.kept).map((page) => page.url));
    marks.forEach((mark) => { mark.hidden = !keptUrls.has(mark.dataset.offlineCopy); });
    const all = marks.every((mark) => !mark.hidden);
    status.textContent = all ? status.dataset.saved : status.dataset.failed;
    document.documentElement.dataset.offlineWeek = all ? 'kept' : 'partly';
  } catch {
    status.textContent = status.dataset.failed;
    document.documentElement.dataset.offlineWeek = 'failed';
  }
}

if ('serviceWorker' in navigator && status && marks.length > 0) {
  keepThisWeek();
}
