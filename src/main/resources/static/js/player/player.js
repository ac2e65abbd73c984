// The guided session player. Small and dependency-free: timing comes from clock.js (timestamps, so a tab in
// the background stays right), steps from timeline.js, history from history.js. Every visible or spoken text
// comes from the page (messages.properties); without this script the page shows the session as a list.
import { breathCue, buildSteps, figureTime, repetitionAt } from './timeline.js';
import { createClock } from './clock.js';
import { forgetHistory, newResult, saveResult } from './history.js';
import { add as addToOutbox, forget as forgetOutbox } from '../outbox.js';

const data = JSON.parse(document.getElementById('session-data').textContent);
const $ = (id) => document.getElementById(id);
const text = (key, ...args) => (data.texts[key] ?? '').replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
const storage = (() => { try { return window.localStorage; } catch { return null; } })();

// An offline copy asks the questions before the session itself (docs/offline.md); online, the server has. If
// that cannot run (a copy older than the scripts it finds), the copy is not used.
if (data.offline) {
  try {
    const { checkBefore } = await import('./before.js');
    const allowed = await checkBefore(data);
    data.painBefore = allowed.painBefore;
    $('painAfter').value = String(allowed.painBefore);
    if (allowed.easiest) {
      data.items = data.offline.easiest;
    }
  } catch {
    $('offline-stale').hidden = false;
    $('before-form').hidden = true;
    $('session-list').hidden = true;
    await new Promise(() => {});
  }
}

let items = data.items.map((item) => ({ ...item }));
let steps = buildSteps(items);
let clock = createClock(steps, data.speed);
const startedAt = Date.now();
const skipped = new Set();
const madeEasier = new Set(); // ids of the easier variants she switched to
const member = document.getElementById('csrf-token')?.dataset.member ?? ''; // set for a signed-in member only
let shownIndex = -1;
let shownPhase = null;
let finished = false;
let wakeLock = null;
let audio = null;
let figure = null; // the current drawing's SVG and the timing of its loop

$('player').hidden = false;
$('session-list').hidden = true;
clock.start(performance.now());
keepAwake();
render();
const timer = setInterval(render, 200);
requestAnimationFrame(moveFigure);

function render() {
  const now = performance.now();
  const position = clock.position(now);
  if (position.done) {
    finish(position.elapsed);
    return;
  }
  const step = steps[position.index];
  const item = items[step.item];
  if (position.index !== shownIndex) {
    shownIndex = position.index;
    shownPhase = undefined; // forces the breathing cue to be redrawn, or cleared on a rest
    showStep(step, item, position.index);
  }
  $('player-count').textContent = String(Math.ceil(position.leftInStep));
  const repetition = repetitionAt(step, position.intoStep);
  $('player-rep').textContent = repetition ? text('rep', repetition.rep, repetition.of) : '';
  const phase = step.kind === 'work' ? (repetition ? repetition.phase : 'easy') : null;
  if (phase !== shownPhase) {
    shownPhase = phase;
    $('player-breath').textContent = phase ? text(breathCue(step, phase)) : '';
  }
}

function showStep(step, item, index) {
  $('player-name').textContent = item.name;
  showFigure(item);
  const label = step.kind === 'ready' ? text('ready')
    : step.kind === 'rest' ? text('rest')
      : [text('set', step.set, step.sets), step.side ? text(`side.${step.side}`) : ''].filter(Boolean).join(' · ');
  $('player-label').textContent = label;
  $('player-instruction').textContent = step.kind === 'rest' ? '' : item.steps.join(' ');
  $('player-cue').textContent = step.kind === 'work' ? item.formCue : '';
  // What applies to her for this exercise travels with it: her trimester's note, the engine's cautions, and
  // when to stop this exercise (rule book v2).
  $('player-caution').textContent = [item.note, ...(item.cautions ?? [])].filter(Boolean).join(' ');
  $('player-stop-if').textContent = item.stopIf?.length ? `${text('stopIf')} ${item.stopIf.join(' ')}` : '';
  const nextItem = items[step.item + 1];
  $('player-next').textContent = nextItem ? text('next', nextItem.name) : text('last');
  $('player-progress').textContent = `${step.item + 1} / ${items.length}`;
  $('player-easier').disabled = !item.easier;
  const announcement = text('announce', item.name, label);
  $('player-announce').textContent = announcement;
  if (index > 0) {
    tone();
  }
  speak(announcement);
}

/** Moves the item's drawing onto the stage, and the one before back to the hidden pool. */
function showFigure(item) {
  const stage = $('player-figure');
  const pool = $('player-figures');
  if (stage.firstElementChild) {
    pool.append(stage.firstElementChild);
  }
  const holder = [...pool.children].find((child) => child.dataset.exercise === item.id);
  figure = null;
  if (!holder) {
    return;
  }
  stage.append(holder);
  const svg = holder.querySelector('.illustration__animation svg');
  if (svg && typeof svg.setCurrentTime === 'function') {
    svg.pauseAnimations();
    const timing = {};
    for (const key of ['forward', 'hold', 'back', 'seconds']) {
      timing[key] = Number(holder.dataset[key]);
    }
    timing.continuous = holder.dataset.continuous === 'true';
    figure = { svg, timing };
  }
}

/** Keeps the drawing in step with the session clock, frame by frame; it stands still while paused. */
function moveFigure() {
  if (finished) {
    return;
  }
  requestAnimationFrame(moveFigure);
  if (!figure) {
    return;
  }
  const position = clock.position(performance.now());
  if (!position.done) {
    figure.svg.setCurrentTime(figureTime(steps[position.index], position.intoStep, figure.timing));
  }
}

function pauseOrResume() {
  const now = performance.now();
  if (clock.isRunning()) {
    clock.pause(now);
    $('player-pause').textContent = text('resume');
  } else {
    clock.resume(now);
    $('player-pause').textContent = text('pause');
  }
}

function jump(by) {
  const now = performance.now();
  const { index } = clock.position(now);
  if (by > 0 && steps[index]) {
    skipped.add(steps[index].item);
  }
  clock.jumpTo(Math.max(0, index + by), now);
  render();
}

/** The family's easier variant, for the rest of this session. */
function easier() {
  const now = performance.now();
  const { index } = clock.position(now);
  const current = steps[index];
  if (!current || !items[current.item].easier) {
    $('player-announce').textContent = text('easier.none');
    return;
  }
  items[current.item] = { ...items[current.item].easier };
  madeEasier.add(items[current.item].id);
  const running = clock.isRunning();
  steps = buildSteps(items);
  clock = createClock(steps, data.speed);
  clock.jumpTo(steps.findIndex((step) => step.item === current.item), now);
  if (running) {
    clock.start(now);
  }
  shownIndex = -1;
  render();
}

function finish(elapsed) {
  if (finished) {
    return;
  }
  finished = true;
  clearInterval(timer);
  wakeLock?.release?.();
  $('player').hidden = true;
  $('after').hidden = false;
  listPainfulChoices();
  $('after-heading').focus?.();
  $('player-announce').textContent = text('done');
  speak(text('done'));
  $('after-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const symptoms = form.getAll('symptom');
    const result = newResult({
      startedAt, endedAt: Date.now(), planQuery: data.planQuery, day: data.day,
      painBefore: data.painBefore, painAfter: Number(form.get('painAfter')), felt: form.get('felt'),
      secondsDone: Math.round(elapsed),
      done: items.map((item) => item.id).filter((_, i) => !skipped.has(i)),
      skipped: items.map((item) => item.id).filter((_, i) => skipped.has(i)),
      easier: items.map((item) => item.id).filter((id) => madeEasier.has(id)),
      painful: form.getAll('painful'),
      symptoms,
      note: String(form.get('note') ?? '').trim().slice(0, 500),
    });
    let history = [result];
    if (member) {
      // A member's result goes to her account only (result-sync.js sends it now, or when the network is back): it
      // never joins this device's shared history, where the next person using the browser would see it.
      // Her account makes her plan from her profile: the plan's long address is not sent with the result.
      // Kept before anything else happens: a warning sign below leaves this page at once.
      try {
        await addToOutbox(member, { ...result, planQuery: undefined });
        showSync('waiting');
        window.dispatchEvent(new CustomEvent('carrywell:result'));
      } catch {
        // No IndexedDB here (a private window in some browsers): the result cannot wait on this device.
        showSync('unkept');
      }
    } else if (storage) {
      history = saveResult(storage, result);
    }
    if (symptoms.length > 0) {
      const query = new URLSearchParams(symptoms.map((symptom) => ['symptom', symptom]));
      query.append('weeks', String(data.weeks));
      window.location.assign(`/warning-signs/result?${query}`);
      return;
    }
    showSummary(result, history);
    // A rise of 3 or more during a session (or pain of 8 or more after it) offers the warning-sign check.
    if (result.painAfter - result.painBefore >= data.painRiseOffersCheck || result.painAfter >= data.painOffersCheck) {
      $('pain-rose').hidden = false;
    }
  });
}

/** "Did any exercise hurt?": one choice per exercise as she did it. */
function listPainfulChoices() {
  const seen = new Set();
  $('after-painful').replaceChildren(...items.filter((item) => !seen.has(item.id) && seen.add(item.id)).map((item) => {
    const label = document.createElement('label');
    label.className = 'option';
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = 'painful';
    input.value = item.id;
    const name = document.createElement('span');
    name.textContent = item.name;
    label.append(input, name);
    return label;
  }));
}

/** Whether her result is still on this device or in her account. */
function showSync(state) {
  const line = $('summary-sync');
  line.textContent = line.dataset[state];
  line.hidden = false;
}

window.addEventListener('carrywell:synced', (event) => {
  if (finished && event.detail?.left === 0) {
    showSync('saved');
  }
});

function showSummary(result, history) {
  $('after').hidden = true;
  $('summary').hidden = false;
  const fill = (id, ...args) => {
    const element = $(id);
    element.textContent = element.dataset.text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
  };
  fill('summary-minutes', Math.round(result.secondsDone / 60));
  fill('summary-exercises', result.exercisesDone.length, items.length, result.exercisesSkipped.length);
  fill('summary-pain', result.painBefore, result.painAfter);
  const list = $('summary-history');
  list.replaceChildren(...history.slice(-10).reverse().map((entry) => {
    const li = document.createElement('li');
    li.textContent = `${new Date(entry.endedAt).toLocaleString()} · ${Math.round(entry.secondsDone / 60)} min · ${entry.painBefore} → ${entry.painAfter}`;
    return li;
  }));
  $('summary-heading').focus?.();
}

function speak(words) {
  if (!$('player-voice').checked || !('speechSynthesis' in window)) {
    return;
  }
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(new SpeechSynthesisUtterance(words));
}

/** A soft tone at each transition, where the browser allows sound. */
function tone() {
  try {
    audio ??= new (window.AudioContext || window.webkitAudioContext)();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 528;
    gain.gain.setValueAtTime(0.08, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.4);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.4);
  } catch {
    // No Web Audio: the session goes on silently.
  }
}

async function keepAwake() {
  try {
    wakeLock = await navigator.wakeLock?.request('screen');
  } catch {
    // Not allowed or not supported: the screen may dim, nothing else changes.
  }
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && !finished) {
    keepAwake();
  }
});
document.addEventListener('keydown', (event) => {
  if (finished || event.target.closest?.('input, select, textarea, button, a')) {
    return;
  }
  if (event.key === ' ') {
    event.preventDefault();
    pauseOrResume();
  } else if (event.key === 'ArrowRight') {
    jump(1);
  }
});
$('player-pause').addEventListener('click', pauseOrResume);
$('player-skip').addEventListener('click', () => jump(1));
$('player-back').addEventListener('click', () => jump(-1));
$('player-easier').addEventListener('click', easier);
$('player-finish').addEventListener('click', () => finish(clock.position(performance.now()).elapsed));
$('summary-forget').addEventListener('click', () => {
  if (storage) {
    forgetHistory(storage);
  }
  if (member) {
    forgetOutbox(member).catch(() => {});
  }
  $('summary-history').replaceChildren();
  $('summary-forgotten').hidden = false;
});
