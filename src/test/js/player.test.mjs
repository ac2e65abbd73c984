// Node's built-in test runner (node --test), run from the Maven build.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { breathCue, buildSteps, figureTime, repetitionAt, totalSeconds, workSeconds, GET_READY_SECONDS } from '../../main/resources/static/js/player/timeline.js';
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
import { weekOf } from '../../main/resources/static/js/safety/rules.js';

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

test('a result is made in the shape the server takes', () => {
  const result = newResult({ startedAt: 0, endedAt: 60_000, planQuery: '', day: 2, painBefore: 4, painAfter: 4,
    felt: 'TOO_EASY', secondsDone: 60, done: ['a', 'b'], skipped: [], easier: ['b'], painful: ['a'], symptoms: [],
    note: 'stiff' });
  assert.equal(result.version, 2);
  assert.equal(result.endedAt, '1970-01-01T00:01:00.000Z');
  assert.deepEqual(result.exercisesDone, ['a', 'b']);
  assert.deepEqual(result.exercisesEasier, ['b']);
  assert.deepEqual(result.exercisesPainful, ['a']);
  assert.equal(result.note, 'stiff');
});

test('the offline check reads her week as the server does: empty is unknown, anything else must be 0 to 42', () => {
  assert.equal(weekOf(''), null);
  assert.equal(weekOf('  '), null);
  assert.equal(weekOf('24'), 24);
  assert.equal(weekOf(' 7 '), 7);
  assert.equal(weekOf('+5'), 5);
  assert.equal(weekOf('-0'), 0);
  assert.equal(weekOf('42'), 42);
  for (const wrong of ['43', '-1', '2.5', 'twenty', '1e1', '0x10']) {
    assert.equal(weekOf(wrong), undefined, wrong);
  }
});

test('a damaged history is treated as empty, never as an error', () => {
  const storage = fakeStorage();
  storage.setItem(KEY, '{not json');
  assert.deepEqual(loadHistory(storage), []);
});

// The drawing's loop, as the server times it: a repetition of tempo 3 with a 4-second hold moves out in 1.5 s,
// holds 4 s and comes back in 1.5 s; a breath of 8 s opens in 4 s and settles in 4 s; a stretch eases in 3 s.
const repLoop = { forward: 1.5, hold: 4, back: 1.5, seconds: 7, continuous: false };
const breathLoop = { forward: 4, hold: 0, back: 4, seconds: 8, continuous: false };
const stretchLoop = { forward: 3, hold: 4, back: 3, seconds: 10, continuous: false };

test('the drawing moves out on the out-breath, holds, and comes back on the next in-breath', () => {
  const [ready, work] = buildSteps([tilt]);
  assert.equal(figureTime(ready, 2, repLoop), 0, 'getting ready shows the start position');
  assert.equal(figureTime(work, 1, repLoop), 0, 'the first in-breath starts from the start position');
  assert.equal(figureTime(work, 2, repLoop), 0.5, 'out-breath: on its way to the last keyframe');
  assert.equal(figureTime(work, 3, repLoop), 1.5, 'the hold starts in the last keyframe');
  assert.equal(figureTime(work, 6.5, repLoop), 5, 'still held');
  assert.equal(figureTime(work, 7.5, repLoop), 6, 'the next in-breath brings it back');
});

test('a breath opens on the in-breath, a stretch eases in and stays, walking just goes round', () => {
  const [, breath] = buildSteps([breathing]);
  assert.equal(figureTime(breath, 2, breathLoop), 2);
  assert.equal(figureTime(breath, 14, breathLoop), 6, 'second breath, breathing out');
  const [, hold] = buildSteps([stretch]);
  assert.equal(figureTime(hold, 1, stretchLoop), 1);
  assert.equal(figureTime(hold, 25, stretchLoop), 3, 'stays in the stretch');
  const walk = { name: 'Walking', dose: { sets: 1, minutes: 10, restSeconds: 0, perSide: false } };
  const [, walking] = buildSteps([walk]);
  assert.equal(figureTime(walking, 3.5, { forward: 1.35, hold: 0, back: 0.45, seconds: 1.8, continuous: true }), 3.5 % 1.8);
});

test('a breathing exercise says to breathe out slowly, not to move', () => {
  const [, breath] = buildSteps([breathing]);
  const [, tiltWork] = buildSteps([tilt]);
  assert.equal(breathCue(breath, 'out'), 'breathe.outSlowly');
  assert.equal(breathCue(breath, 'in'), 'breathe.in');
  assert.equal(breathCue(tiltWork, 'out'), 'breathe.out');
});
