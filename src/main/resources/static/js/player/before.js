// The check before a session, on an offline copy of it (docs/offline.md): the same questions as online, judged
// on the device by the engine's rule table (../safety/rules.js). A yes, or strong pain, opens the warning-sign
// check with those signs offered, exactly as online; the gate after a warning sign that stopped exercise holds
// here too. The promise settles only when the session may start; otherwise she is sent on, or told why not.
import { preSession, readTable } from '../safety/rules.js';

/** A warning-sign check on this tab vouches for the session for half an hour, as the server's token does. */
const CHECK_LASTS_MS = 30 * 60 * 1000;

const $ = (id) => document.getElementById(id);

/** From the questions to the player: the page's top, where the player and its stop button are, and focus there. */
function toThePlayer(section) {
  section.hidden = true;
  document.getElementById('main')?.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

/** "2026-12-07" as her phone's calendar day. */
const localDay = (date) => {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/** Closed by an urgent sign, checked online or on this device: the flag cookie of ProviderContactGate. */
function gateClosed() {
  return document.cookie.split(';').some((cookie) => cookie.trim() === 'carrywell-gate-closed=yes');
}

/**
 * She has spoken to her provider: the gate opens on this device (the flag goes). If the server closed its own gate
 * too, it asks her once more online; a gate closed only on this device is then open everywhere.
 */
function openGate() {
  document.cookie = 'carrywell-gate-closed=; path=/; max-age=0; SameSite=Lax';
}

function checkedOnThisTab() {
  try {
    const at = Number(window.sessionStorage.getItem('carrywell.warning-checked'));
    window.sessionStorage.removeItem('carrywell.warning-checked');
    return at > 0 && Date.now() - at < CHECK_LASTS_MS;
  } catch {
    return false;
  }
}

function showProblem(which) {
  for (const id of ['before-unanswered', 'before-gate-required']) {
    $(id).hidden = id !== which;
  }
  $('before-problem').hidden = false;
  $('before-problem').focus();
}

export function checkBefore(data) {
  const table = readTable(document);
  const { offline } = data;
  const section = $('before');
  section.hidden = false;
  const until = $('offline-until');
  until.textContent = until.dataset.text.replace('{0}', new Date(`${offline.validUntil}T12:00:00`)
    .toLocaleDateString(document.documentElement.lang, { weekday: 'long', day: 'numeric', month: 'long' }));
  return new Promise((resolve) => {
    if (localDay(new Date()) > offline.validUntil) {
      $('offline-stale').hidden = false;
      $('before-form').hidden = true;
      $('session-list').hidden = true;
      return;
    }
    const gate = gateClosed();
    const query = new URLSearchParams(window.location.search);
    const pain = (text) => Math.max(0, Math.min(10, Number.parseInt(text, 10) || 0));
    if (!gate && query.get('offlineChecked') === 'yes' && checkedOnThisTab()) {
      // Back from the warning-sign check, which found nothing that stops the session.
      const painBefore = pain(query.get('painBefore'));
      toThePlayer(section);
      resolve({ painBefore, easiest: painBefore >= table.painOffersCheck });
      return;
    }
    $('contact-gate').hidden = !gate;
    $('before-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const answers = {};
      for (const question of table.questions) {
        const ticked = document.querySelector(`fieldset[data-question="${question.id}"] input:checked`);
        answers[question.id] = ticked ? ticked.value === 'yes' : null;
      }
      const painText = $('painBefore').value;
      const check = preSession(table, answers, pain(painText));
      if (painText === '' || check.outcome === 'UNANSWERED') {
        showProblem('before-unanswered');
        return;
      }
      if (gate && !$('spoke-to-provider').checked) {
        showProblem('before-gate-required');
        return;
      }
      if (gate) {
        openGate();
      }
      const painBefore = pain(painText);
      if (check.outcome === 'CHECK_WARNING_SIGNS') {
        const target = new URLSearchParams(check.offered.map((sign) => ['offer', sign]));
        target.append('weeks', String(data.weeks));
        target.append('return', `${offline.sessionQuery}&painBefore=${painBefore}`);
        window.location.assign(`/warning-signs?${target}`);
        return;
      }
      toThePlayer(section);
      // Strong pain always goes through the check first (above), so a session that starts here is the usual one.
      resolve({ painBefore, easiest: false });
    });
  });
}
