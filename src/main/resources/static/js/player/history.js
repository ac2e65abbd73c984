// Session results kept only in this browser (localStorage) until accounts exist. Each result has a
// client-made UUID, so the same object can later be posted to the server without creating duplicates.

export const KEY = 'carrywell.sessions';

/** A session's result, in the shape the server will accept later. */
export function newResult({ startedAt, endedAt, planQuery, day, painBefore, painAfter, felt, secondsDone, done, skipped, symptoms }) {
  return {
    id: globalThis.crypto.randomUUID(),
    version: 1,
    startedAt: new Date(startedAt).toISOString(),
    endedAt: new Date(endedAt).toISOString(),
    planQuery, day, painBefore, painAfter, felt, secondsDone,
    exercisesDone: done,
    exercisesSkipped: skipped,
    symptoms,
  };
}

export function loadHistory(storage) {
  try {
    const stored = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(stored) ? stored : [];
  } catch {
    return [];
  }
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
