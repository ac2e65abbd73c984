// Node's built-in test runner (node --test), run from the Maven build.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { buildSteps, repetitionAt, totalSeconds, workSeconds, GET_READY_SECONDS } from '../../main/resources/static/js/player/timeline.js';
import { createClock } from '../../main/resources/static/js/player/clock.js';

const tilt = { name: 'Pelvic tilt', dose: { sets: 2, reps: 8, holdSeconds: 4, secondsPerRep: 3, restSeconds: 30, perSide: false } };
const stretch = { name: 'Stretch', dose: { sets: 1, holdSeconds: 30, restSeconds: 0, perSide: true } };
const breathing = { name: 'Breathing', dose: { sets: 1, breaths: 10, secondsPerRep: 8, restSeconds: 0, perSide: false } };

test('steps follow the dose: get ready, sets, sides and the rest between sets', () => {
  const steps = buildSteps([tilt, stretch]);
  assert.deepEqual(steps.map((s) => s.kind), ['ready', 'work', 'rest', 'work', 'ready', 'work', 'work']);
  assert.deepEqual(steps.filter((s) => s.item === 1 && s.kind === 'work').map((s) => s.side), ['left', 'right']);
  assert.equal(steps[1].seconds, 8 * (3 + 4));
  assert.equal(totalSeconds(steps), 2 * GET_READY_SECONDS + 2 * 56 + 30 + 2 * 30);
});

test('work seconds match the catalogue for every kind of dose', () => {
  assert.equal(workSeconds(tilt.dose), 56);
  assert.equal(workSeconds(breathing.dose), 80);
  assert.equal(workSeconds({ minutes: 3 }), 180);
  assert.equal(workSeconds({ holdSeconds: 20 }), 20);
});

test('the rep counter and breathing phase follow the tempo', () => {
  const [, work] = buildSteps([tilt]);
  assert.deepEqual(repetitionAt(work, 0), { rep: 1, of: 8, phase: 'in' });
  assert.deepEqual(repetitionAt(work, 2), { rep: 1, of: 8, phase: 'out' });
  assert.deepEqual(repetitionAt(work, 4), { rep: 1, of: 8, phase: 'hold' });
  assert.deepEqual(repetitionAt(work, 7.5), { rep: 2, of: 8, phase: 'in' });
  assert.equal(repetitionAt(buildSteps([stretch])[1], 3), null);
});

test('the clock is computed from timestamps, so a sleeping tab loses nothing', () => {
  const steps = buildSteps([tilt]);
  const clock = createClock(steps);
  clock.start(1_000);
  // The tab slept for 10 minutes: no ticks were counted, but the position is still right.
  assert.equal(clock.position(1_000 + 6_000).index, 1);
  assert.equal(clock.position(1_000 + 6_000).intoStep, 1);
  assert.equal(clock.position(1_000 + 600_000).done, true);
});

test('pause holds the position and resume carries on from it', () => {
  const clock = createClock(buildSteps([tilt]));
  clock.start(0);
  clock.pause(3_000);
  assert.equal(clock.isRunning(), false);
  assert.equal(clock.position(60_000).elapsed, 3);
  clock.resume(60_000);
  assert.equal(clock.position(62_000).elapsed, 5);
});

test('skip and back jump to the start of a step', () => {
  const steps = buildSteps([tilt, stretch]);
  const clock = createClock(steps);
  clock.start(0);
  clock.jumpTo(4, 10_000);
  assert.equal(clock.position(10_000).index, 4);
  assert.equal(clock.position(11_000).intoStep, 1);
  clock.jumpTo(0, 11_000);
  assert.equal(clock.position(11_000).index, 0);
  clock.jumpTo(steps.length, 12_000);
  assert.equal(clock.position(12_000).done, true);
});

test('a faster clock plays the same steps sooner', () => {
  const clock = createClock(buildSteps([tilt]), 10);
  clock.start(0);
  assert.equal(clock.position(500).index, 1);
});

import { KEY, forgetHistory, loadHistory, newResult, saveResult } from '../../main/resources/static/js/player/history.js';

function fakeStorage() {
  const values = new Map();
  return {
    getItem: (key) => (values.has(key) ? values.get(key) : null),
    setItem: (key, value) => values.set(key, String(value)),
    removeItem: (key) => values.delete(key),
  };
}

test('results get their own UUID and stay on this device until forgotten', () => {
  const storage = fakeStorage();
  const first = newResult({ startedAt: 0, endedAt: 60_000, planQuery: 'weeks=20', day: 1, painBefore: 5, painAfter: 3,
    felt: 'ABOUT_RIGHT', secondsDone: 60, done: ['a'], skipped: [], symptoms: [] });
  const second = { ...first, id: globalThis.crypto.randomUUID() };
  assert.match(first.id, /^[0-9a-f-]{36}$/);
  assert.notEqual(first.id, second.id);
  saveResult(storage, first);
  assert.equal(saveResult(storage, second).length, 2);
  assert.equal(loadHistory(storage)[0].painAfter, 3);
  forgetHistory(storage);
  assert.deepEqual(loadHistory(storage), []);
});

test('a damaged history is treated as empty, never as an error', () => {
  const storage = fakeStorage();
  storage.setItem(KEY, '{not json');
  assert.deepEqual(loadHistory(storage), []);
});
