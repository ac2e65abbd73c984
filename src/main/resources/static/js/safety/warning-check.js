// The warning-sign check with no network (docs/offline.md). The service worker shows this page for
// /warning-signs and /warning-signs/result when the network fails; this script reads the address as the server
// would and shows the form, or the engine's answer from the rule table (./rules.js). A result that stops
// exercise closes the gate to the next session, on this device and, when the network is back, on the server.
// Every word comes from the page.
import { assess, readTable, weekOf } from './rules.js';

const $ = (id) => document.getElementById(id);
const table = readTable(document);
const texts = JSON.parse($('warning-texts').textContent);
const query = new URLSearchParams(window.location.search);
const known = table.signs.map((sign) => sign.id);
const offered = known.filter((id) => query.getAll('offer').includes(id));
const back = query.get('return') ?? '';

/** Where the session goes on, as online: its own fields and her pain; the check is vouched for on this tab. */
function continueTo() {
  return `/session?${back}&offlineChecked=yes`;
}

function showForm(chosen, weeksText, error) {
  $('check-form').hidden = false;
  $('check-result').hidden = true;
  const form = $('check');
  const hidden = (name, value) => {
    const input = document.createElement('input');
    Object.assign(input, { type: 'hidden', name, value });
    form.prepend(input);
  };
  offered.forEach((id) => hidden('offer', id));
  if (back) {
    hidden('return', back);
  }
  if (offered.length > 0) {
    for (const input of form.querySelectorAll('input[name=symptom]')) {
      if (offered.includes(input.value)) {
        $('offered-options').append(input.closest('label'));
      }
    }
    $('offered').hidden = false;
    $('others').textContent = $('others').dataset.others;
  }
  form.querySelectorAll('input[name=symptom]').forEach((input) => { input.checked = chosen.includes(input.value); });
  $('weeks').value = weeksText;
  if (error) {
    $('check-error').hidden = false;
    $(`error-${error}`).hidden = false;
    if (error === 'weeks') {
      $('weeks-field').classList.add('field--error');
      $('weeks-error').hidden = false;
      $('weeks').setAttribute('aria-invalid', 'true');
      $('weeks').setAttribute('aria-describedby', 'weeks-hint weeks-error');
    }
  }
}

function showResult(ids, weeks) {
  const result = assess(table, ids, weeks);
  const words = texts.advice[result.advice];
  document.title = words.title;
  $('check-form').hidden = true;
  $('check-result').hidden = false;
  const section = $('result-urgency');
  section.classList.add(`urgency--${result.urgency.toLowerCase()}`);
  section.dataset.stopsExercise = String(result.stopsExercise);
  section.dataset.advice = result.advice;
  if (result.stopsExercise) {
    section.setAttribute('role', 'alert');
  }
  $('result-heading').textContent = words.heading;
  $('result-advice').textContent = words.text;
  $('result-stop').hidden = !result.stopsExercise;
  if (result.urgency === 'EMERGENCY') {
    $('result-emergency').hidden = false;
    $('result-emergency').setAttribute('role', 'alert');
  }
  $('result-findings').hidden = result.findings.length === 0;
  $('result-list').replaceChildren(...result.findings.map((finding) => {
    const item = document.createElement('li');
    item.dataset.symptom = finding.symptom;
    const name = document.createElement('strong');
    name.textContent = texts.symptom[finding.symptom];
    const tag = document.createElement('span');
    tag.className = 'tag';
    tag.textContent = texts.urgency[finding.urgency];
    item.append(name, ' ', tag);
    return item;
  }));
  remember(result);
  $('result-offline').hidden = ids.length === 0;
  if (!result.stopsExercise && back) {
    const nothingTicked = offered.length > 0 && ids.length === 0;
    const again = new URLSearchParams([...offered.map((id) => ['offer', id]), ['return', back]]);
    $('go-back').href = `/warning-signs?${again}`;
    $('continue-none').href = continueTo();
    $('continue-session').href = continueTo();
    $('nothing-ticked').hidden = !nothingTicked;
    $('continue-panel').hidden = nothingTicked;
  }
}

/**
 * The gate after an urgent sign, for this device and the server alike (the flag cookie of ProviderContactGate:
 * offline copies wait for her confirmation, and the server closes its own gate when it next sees it), or the marker
 * that she has been through the check on this tab.
 */
function remember(result) {
  try {
    if (result.stopsExercise) {
      document.cookie = 'carrywell-gate-closed=yes; path=/; max-age=31536000; SameSite=Lax';
    } else {
      window.sessionStorage.setItem('carrywell.warning-checked', String(Date.now()));
    }
  } catch {
    // No storage on this device: the answer is shown all the same.
  }
}

const weeksText = (query.get('weeks') ?? '').trim();
if (window.location.pathname === '/warning-signs/result') {
  const ids = query.getAll('symptom');
  const weeks = weekOf(weeksText);
  if (weeks === undefined) {
    showForm(ids, weeksText, 'weeks');
  } else if (ids.some((id) => !known.includes(id))) {
    showForm(ids, weeksText, 'unknown');
  } else {
    showResult(ids, weeks);
  }
} else {
  showForm([], weeksText, null);
}
