// After an urgent warning sign, no new session starts on this device until she confirms she has spoken to her
// provider (the rule book). The warning-sign result page sets the flag; the page before a session checks it.
// Kept in this browser only; without JavaScript the pages still say what to do.
const KEY = 'carrywell.contactProvider';
const storage = (() => { try { return window.localStorage; } catch { return null; } })();

const result = document.querySelector('[data-stops-exercise="true"]');
if (result && storage) {
  storage.setItem(KEY, new Date().toISOString());
}

const gate = document.getElementById('contact-gate');
const start = document.getElementById('session-start');
if (gate && start && storage && storage.getItem(KEY)) {
  gate.hidden = false;
  start.disabled = true;
  document.getElementById('contact-confirm').addEventListener('click', () => {
    storage.removeItem(KEY);
    gate.hidden = true;
    start.disabled = false;
    start.focus();
  });
}
