// Carrywell's service worker (docs/offline.md, ADR 0012). ServiceWorkerController serves it as /sw.js with two
// lines above this one, made for the build: VERSION, a digest of everything it keeps, and KEEP, the files to keep
// by their content-hashed names (scripts also by the plain names their imports use) and the two pages anyone may
// need offline. It is registered as a module, so that it shares the outbox code with the pages.
//
// What it does, and nothing else:
// - From installation on it keeps KEEP in a cache named after VERSION; a new version replaces that cache.
// - Static files come from that cache first: their names carry their content's hash, so a kept one is never stale.
// - Every page is asked of the network first. Only when the network fails does a kept copy answer: the warning-sign
//   check (which works out its answer on the device), a page she was shown before, or the offline page.
// - It keeps a page only when the server marked it ("Carrywell-Offline: keep"), in the cache of the person it was
//   sent to ("Carrywell-Member": a member's device key, or empty for a visitor). When a page goes to anyone else
//   (she signed out, or someone else signed in), the member's cache is deleted: one member's pages are never
//   shown to another, and none stay behind after she signs out.
// - When Background Sync says the network is back, it sends her waiting session results (js/outbox.js).
import { forgetSender, send, sender } from '/js/outbox.js';

const STATIC = `carrywell-static-${VERSION}`;
const PERSONAL = 'carrywell-her-';
const META = 'carrywell-meta';
const WHO = '/__carrywell/who';
/** Under this key too: the plan she last opened, for /plan and /plan/mine with no network. */
const THIS_WEEK = '/__carrywell/this-week';
const OFFLINE_PAGE = '/offline';
const WARNING_CHECK = '/warning-signs/offline';
/** A session's address, without what the check before it adds (the answers, pain, tokens) and the test speed. */
const SESSION_PATHS = ['/session', '/session/play', '/session/offline'];
const NOT_THE_SESSION = /^(before\..*|painBefore|warningCheck|spokeToProvider|gate|asked|offlineChecked)$/;
/** "player-0f3c…(32 hex).js" is "player.js" of a given content. */
const HASHED = /-[0-9a-f]{32}(\.[a-z0-9]+)$/;

self.addEventListener('install', (event) => {
  // Fetched without cookies: what everyone who uses this device may be shown must be made for no one in particular.
  const requests = KEEP.map((path) => new Request(path, { credentials: 'omit' }));
  event.waitUntil(caches.open(STATIC).then((cache) => cache.addAll(requests)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith('carrywell-static-') && name !== STATIC)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(page(event, url));
  } else if (/^\/(css|js|img|webjars)\//.test(url.pathname) || url.pathname === '/manifest.webmanifest') {
    event.respondWith(staticFile(request, url));
  }
  // Everything else (the API, downloads, scripts' own requests) goes to the network untouched.
});

/** The pages (by client) answered from a copy because the network failed: they ask, to say she is offline. */
const servedOffline = new Set();

/** Network first; the network's answer is kept if the server allows it; a kept copy only when the network fails. */
async function page(event, url) {
  try {
    const response = await fetch(event.request);
    event.waitUntil(remember(response.clone(), url));
    return response;
  } catch {
    servedOffline.add(event.resultingClientId);
    return (await keptCopy(url)) ?? (await caches.match(OFFLINE_PAGE, { cacheName: STATIC })) ?? Response.error();
  }
}

async function staticFile(request, url) {
  const kept = await caches.match(request, { cacheName: STATIC });
  if (kept) {
    return kept;
  }
  try {
    return await fetch(request);
  } catch {
    // A page kept before a new version asks for a file by its old name: the file as it is now is the best answer.
    const plain = url.pathname.replace(HASHED, '$1');
    const now = KEEP.find((path) => path === plain || path.replace(HASHED, '$1') === plain);
    return (now && (await caches.match(now, { cacheName: STATIC }))) ?? Response.error();
  }
}

/** The key a page is kept under: a session by its own fields, in a fixed order; any other page by its address. */
function keyOf(url) {
  if (!SESSION_PATHS.includes(url.pathname)) {
    return url.pathname + url.search;
  }
  const fields = [...url.searchParams].filter(([name]) => !NOT_THE_SESSION.test(name))
    .sort((a, b) => (a.join('=') < b.join('=') ? -1 : 1));
  return `/session?${new URLSearchParams(fields)}`;
}

/** Who pages are being sent to now; a member's kept pages go when that changes. */
async function noteWho(member) {
  const meta = await caches.open(META);
  const before = await (await meta.match(WHO))?.text();
  if (before === member) {
    return;
  }
  if (before) {
    await caches.delete(PERSONAL + before);
    await forgetSender(before).catch(() => {});
  }
  await meta.put(WHO, new Response(member));
}

async function who() {
  return (await (await caches.match(WHO, { cacheName: META }))?.text()) ?? '';
}

/** Keeps a page the server marked, in the cache of the person it was sent to. */
async function remember(response, url) {
  const member = response.headers.get('Carrywell-Member');
  if (member === null) {
    return false;
  }
  await noteWho(member);
  if (!response.ok || response.headers.get('Carrywell-Offline') !== 'keep') {
    return false;
  }
  // A fresh response: one that came through a redirect cannot answer a navigation.
  const copy = new Response(await response.blob(), { status: response.status, headers: response.headers });
  const cache = await caches.open(PERSONAL + (member || 'visitor'));
  await cache.put(keyOf(url), copy.clone());
  if (url.pathname === '/plan/week') {
    await cache.put(THIS_WEEK, copy);
  }
  return true;
}

async function keptCopy(url) {
  if (url.pathname === '/warning-signs' || url.pathname === '/warning-signs/result') {
    return caches.match(WARNING_CHECK, { cacheName: STATIC });
  }
  const cache = await caches.open(PERSONAL + ((await who()) || 'visitor'));
  const kept = await cache.match(keyOf(url));
  if (kept || (url.pathname !== '/plan' && url.pathname !== '/plan/mine')) {
    return kept;
  }
  return cache.match(THIS_WEEK);
}

/**
 * A page asks to keep pages for offline use (this week's plan and its sessions): each is fetched and kept as the
 * server allows. The answer says, for each, whether a copy is kept now (with no network: whether one was before).
 */
self.addEventListener('message', (event) => {
  if (event.data?.type === 'how-was-i-served') {
    event.source?.postMessage({ type: 'served', offline: servedOffline.delete(event.source.id) });
    return;
  }
  if (event.data?.type !== 'keep' || !Array.isArray(event.data.urls)) {
    return;
  }
  event.waitUntil((async () => {
    const kept = [];
    for (const address of event.data.urls) {
      const url = new URL(address, self.location.origin);
      if (url.origin !== self.location.origin) {
        continue;
      }
      let isKept;
      try {
        isKept = await remember(await fetch(url, { credentials: 'same-origin' }), url);
      } catch {
        const cache = await caches.open(PERSONAL + ((await who()) || 'visitor'));
        isKept = (await cache.match(keyOf(url))) !== undefined;
      }
      kept.push({ url: address, kept: isKept });
    }
    event.ports[0]?.postMessage({ kept });
  })());
});

self.addEventListener('sync', (event) => {
  if (event.tag === 'carrywell-results') {
    event.waitUntil(sendWaitingResults());
  }
});

/** Only for the member pages are being sent to now: never for someone who has signed out on this device. */
async function sendWaitingResults() {
  const her = await sender();
  if (her?.member && her.member === (await who())) {
    await send(her);
  }
}
