// A visitor's session results, kept in this browser (localStorage) as her history on this device. A signed-in
// member's results go to her outbox instead (js/outbox.js), never mixed with these. Each result has a client-made
// UUID, so the same object can be posted again without creating a duplicate.

export const KEY = 'carrywell.sessions';

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

export function forgetHistory(storage) {
  storage.removeItem(KEY);
}
