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
// - It keeps a page only when the server marked it ("Carrywell-Offline: keep", "keep; this-week" for her plan),
//   in the cache of the person it was sent to ("Carrywell-Member": a member's device key, or empty for a visitor).
//   When a page goes to anyone else (she signed out, or someone else signed in), the cache of whoever had pages
//   before is deleted: one person's pages are never shown to another, and none stay behind after she signs out.
//   A kept page is not shown after a week (a session copy stops itself sooner, on its own last day).
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
/**
 * A session's address is its own fields: what the check before it adds (the answers, pain, tokens; the fields
 * SessionController.sessionInputs drops) is left out when a copy is looked for.
 */
const SESSION_PATHS = ['/session', '/session/play', '/session/offline'];
const NOT_THE_SESSION = /^(before\..*|painBefore|warningCheck|spokeToProvider|gate|asked|offlineChecked)$/;
/** "player-0f3c…(32 hex).js" is "player.js" of a given content. */
const HASHED = /-[0-9a-f]{32}(\.[a-z0-9]+)$/;
/** A page of hers (not a session copy, which carries its own last day) is not shown offline after a week. */
const KEPT_FOR_MS = 7 * 24 * 60 * 60 * 1000;
const KEPT_AT = 'Carrywell-Kept-At';

/**
 * Who pages go to, and what is kept for them, change one step at a time: a page fetched for one person must never
 * be put in a cache after someone else has signed in.
 */
let steps = Promise.resolve();
function oneAtATime(step) {
  const run = steps.then(step, step);
  steps = run.catch(() => {});
  return run;
}

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
    event.waitUntil(remember(response.clone(), url, { fromNavigation: true }));
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

/** Who pages are being sent to now; the cache of whoever they went to before goes when that changes. */
async function noteWho(member) {
  const meta = await caches.open(META);
  const before = await (await meta.match(WHO))?.text();
  if (before === member) {
    return;
  }
  if (before !== undefined) {
    await caches.delete(PERSONAL + (before || 'visitor'));
  }
  if (before) {
    await forgetSender(before).catch(() => {});
  }
  await meta.put(WHO, new Response(member));
}

/** Who pages went to last: a member's key, '' for a visitor, undefined before the first page. */
async function lastWho() {
  return (await caches.match(WHO, { cacheName: META }))?.text();
}

async function who() {
  return (await lastWho()) ?? '';
}

/**
 * Keeps a page the server marked, in the cache of the person it was sent to. Only a page she navigates to says
 * who she is now (or the first page of all); a page fetched for the plan page's "keep" is kept only if it was for
 * that same person.
 */
function remember(response, url, { fromNavigation }) {
  return oneAtATime(async () => {
    const member = response.headers.get('Carrywell-Member');
    if (member === null || response.type !== 'basic' || response.redirected) {
      return false;
    }
    const before = await lastWho();
    if (fromNavigation || before === undefined) {
      await noteWho(member);
    } else if (member !== before) {
      return false;
    }
    const offline = response.headers.get('Carrywell-Offline') ?? '';
    if (!response.ok || !offline.startsWith('keep')) {
      return false;
    }
    const headers = new Headers(response.headers);
    headers.set(KEPT_AT, String(Date.now()));
    const copy = new Response(await response.blob(), { status: response.status, headers });
    const cache = await caches.open(PERSONAL + (member || 'visitor'));
    await cache.put(keyOf(url), copy.clone());
    if (offline.includes('this-week')) {
      await cache.put(THIS_WEEK, copy);
    }
    return true;
  });
}

/** "2026-12-07": today on her phone's calendar. */
function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A copy kept for the person pages go to now, if it may still be shown: never after its last day (the server
 * names it for anything judged for her week) and never after a week.
 */
async function keptFor(key) {
  const cache = await caches.open(PERSONAL + ((await who()) || 'visitor'));
  const kept = await cache.match(key);
  const keptAt = Number(kept?.headers.get(KEPT_AT) ?? 0);
  const lastDay = kept?.headers.get('Carrywell-Offline-Until');
  const stale = Date.now() - keptAt >= KEPT_FOR_MS || (lastDay && today() > lastDay);
  return kept && !stale ? kept : undefined;
}

async function keptCopy(url) {
  if (url.pathname === '/warning-signs' || url.pathname === '/warning-signs/result') {
    return caches.match(WARNING_CHECK, { cacheName: STATIC });
  }
  const kept = await keptFor(keyOf(url));
  if (kept || (url.pathname !== '/plan' && url.pathname !== '/plan/mine')) {
    return kept;
  }
  return keptFor(THIS_WEEK);
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
        isKept = await remember(await fetch(url, { credentials: 'same-origin' }), url, { fromNavigation: false });
      } catch {
        isKept = (await keptFor(keyOf(url))) !== undefined;
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
