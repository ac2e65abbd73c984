// A signed-in member's session results on their way to her account (docs/offline.md), kept in IndexedDB so that
// both her pages (js/result-sync.js) and the service worker (Background Sync, /sw.js) can send them. Each result
// has the UUID it was made with: sending one twice stores it once. Results wait under her device key (a hash the
// page gives, never her address) and are sent only while she is the one signed in.

const DATABASE = 'carrywell';
const OUTBOX = 'outbox';
const REFUSED = 'refused';
const META = 'meta';
/** Where the pages put what the worker needs to send for her: her key, and the CSRF header and token. */
const SENDER = 'sender';
// Well within the API's 64 KB body limit.
const MOST_RESULTS = 50;
const MOST_CHARACTERS = 40_000;

let database = null;

function open() {
  database ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(OUTBOX, { keyPath: 'result.id' }).createIndex('member', 'member');
      db.createObjectStore(REFUSED, { keyPath: 'result.id' }).createIndex('member', 'member');
      db.createObjectStore(META);
    };
    request.onsuccess = () => {
      const db = request.result;
      // A newer version of these stores, opened in another tab or by the worker, must not wait for this one.
      db.onversionchange = () => { db.close(); database = null; };
      resolve(db);
    };
    request.onerror = () => { database = null; reject(request.error); };
  });
  return database;
}

/**
 * Runs work in one transaction and settles when it is committed. The work may await only requests of this
 * transaction (anything else lets it commit early); if it fails, nothing it did is kept.
 */
async function inTransaction(stores, mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(stores, mode);
    let value;
    let failure = null;
    transaction.oncomplete = () => resolve(value);
    transaction.onerror = () => { failure ??= transaction.error; };
    transaction.onabort = () => reject(failure ?? transaction.error ?? new Error('transaction aborted'));
    const fail = (error) => {
      failure = error;
      try { transaction.abort(); } catch { /* already finished */ }
    };
    try {
      Promise.resolve(work(transaction)).then((result) => { value = result; }, fail);
    } catch (error) {
      fail(error);
    }
  });
}

const asPromise = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

/** Puts a result in her outbox (again is harmless: the same UUID is one entry). */
export function add(member, result) {
  return inTransaction([OUTBOX], 'readwrite', (t) => {
    t.objectStore(OUTBOX).put({ member, added: Date.now(), result });
  });
}

/** Her waiting results, oldest first. */
export async function waiting(member) {
  const entries = await inTransaction([OUTBOX], 'readonly',
    (t) => asPromise(t.objectStore(OUTBOX).index('member').getAll(member)));
  return entries.sort((a, b) => a.added - b.added).map((entry) => entry.result);
}

/** Forgets what waits for her on this device, and what her account refused. */
export function forget(member) {
  return inTransaction([OUTBOX, REFUSED], 'readwrite', async (t) => {
    for (const store of [OUTBOX, REFUSED]) {
      const keys = await asPromise(t.objectStore(store).index('member').getAllKeys(member));
      keys.forEach((key) => t.objectStore(store).delete(key));
    }
  });
}

/** What the worker needs to send for her while no page of hers is open. */
export function rememberSender(sender) {
  return inTransaction([META], 'readwrite', (t) => { t.objectStore(META).put(sender, SENDER); });
}

export function sender() {
  return inTransaction([META], 'readonly', (t) => asPromise(t.objectStore(META).get(SENDER)));
}

/** At sign-out: the worker must not send for her any more (what waits, waits for her next sign-in). */
export function forgetSender(member) {
  return inTransaction([META], 'readwrite', async (t) => {
    const current = await asPromise(t.objectStore(META).get(SENDER));
    if (current?.member === member) {
      t.objectStore(META).delete(SENDER);
    }
  });
}

/** Moves results from where earlier versions kept them (localStorage) into the outbox, once. */
export async function moveFromLocalStorage(storage, member) {
  for (const [name, store] of [[`carrywell.outbox.${member}`, OUTBOX], [`carrywell.refused.${member}`, REFUSED]]) {
    let results = [];
    try { results = JSON.parse(storage.getItem(name) ?? '[]'); } catch { /* unreadable: nothing to move */ }
    if (Array.isArray(results) && results.length > 0) {
      await inTransaction([store], 'readwrite', (t) => {
        results.forEach((result, i) => t.objectStore(store).put({ member, added: i, result }));
      });
    }
    storage.removeItem(name);
  }
}

/** The oldest waiting results that fit one request. */
function nextBatch(results) {
  const batch = [];
  let characters = 2;
  for (const result of results) {
    const size = JSON.stringify(result).length + 1;
    if (batch.length > 0 && (batch.length === MOST_RESULTS || characters + size > MOST_CHARACTERS)) {
      break;
    }
    batch.push(result);
    characters += size;
  }
  return batch;
}

/**
 * Sends her waiting results to her account, a batch at a time; only what her account took (or refused) leaves
 * the outbox, so a result added meanwhile stays for the next send. A result refused on its own is kept aside,
 * not left to block the rest. Throws when the network or her session fails: everything then waits. Settles once
 * nothing waits.
 */
export async function send({ member, header, token }) {
  const post = (results) => fetch('/api/v1/me/sessions', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', [header]: token },
    body: JSON.stringify(results),
  });
  let results = await waiting(member);
  while (results.length > 0) {
    const batch = nextBatch(results);
    const response = await post(batch);
    const refused = [];
    if (response.status === 400) {
      for (const result of batch) {
        const single = await post([result]);
        if (single.status === 400) {
          refused.push(result);
        } else if (!single.ok) {
          throw new Error(`sending a result answered ${single.status}`);
        }
      }
    } else if (!response.ok) {
      throw new Error(`sending results answered ${response.status}`);
    }
    await inTransaction([OUTBOX, REFUSED], 'readwrite', (t) => {
      batch.forEach((result) => t.objectStore(OUTBOX).delete(result.id));
      refused.forEach((result) => t.objectStore(REFUSED).put({ member, added: Date.now(), result }));
    });
    results = await waiting(member);
  }
}
