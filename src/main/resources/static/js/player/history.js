// Session results kept in this browser (localStorage): a visitor's history on this device, and for a signed-in
// member an outbox of results on their way to her account (js/result-sync.js), never mixed. Each result has a client-made UUID, so the same
// object can be posted again without creating a duplicate.

export const KEY = 'carrywell.sessions';

/** Where results wait for one member's account; the key part is a hash the page gives (never her address). */
export const OUTBOX_PREFIX = 'carrywell.outbox.';

/** A session's result, in the shape POST /api/v1/me/sessions accepts. */
export function newResult({ startedAt, endedAt, planQuery, day, painBefore, painAfter, felt, secondsDone, done, skipped, easier, painful, symptoms, note }) {
  return {
    id: globalThis.crypto.randomUUID(),
    version: 2,
    startedAt: new Date(startedAt).toISOString(),
    endedAt: new Date(endedAt).toISOString(),
    planQuery, day, painBefore, painAfter, felt, secondsDone,
    exercisesDone: done,
    exercisesSkipped: skipped,
    exercisesEasier: easier ?? [],
    exercisesPainful: painful ?? [],
    symptoms,
    note: note ?? '',
  };
}

function load(storage, key) {
  try {
    const stored = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(stored) ? stored : [];
  } catch {
    return [];
  }
}

export function loadHistory(storage) {
  return load(storage, KEY);
}

export function saveResult(storage, result) {
  const history = loadHistory(storage);
  history.push(result);
  storage.setItem(KEY, JSON.stringify(history));
  return history;
}

/** Forgets the results still waiting for a member's account on this device, and any it refused. */
export function forgetOutbox(storage, member) {
  storage.removeItem(OUTBOX_PREFIX + member);
  storage.removeItem(`carrywell.refused.${member}`);
}

/** Puts a result in the outbox of a member's account; js/result-sync.js sends it from there. */
export function addToOutbox(storage, member, result) {
  const outbox = load(storage, OUTBOX_PREFIX + member);
  if (!outbox.some((waiting) => waiting.id === result.id)) {
    outbox.push(result);
  }
  storage.setItem(OUTBOX_PREFIX + member, JSON.stringify(outbox));
}

export function forgetHistory(storage) {
  storage.removeItem(KEY);
}
