// Offers, once on each device, to add the session results kept in this browser to her account. Each result
// carries the UUID it was made with, so sending it again stores nothing twice. Her answer (added, or "no, thanks")
// is remembered in this browser for her account, so the offer does not come back; a device with nothing kept is
// never asked.

import { loadHistory } from './player/history.js';

const panel = document.getElementById('device-import');
const storage = (() => { try { return window.localStorage; } catch { return null; } })();
const results = storage ? loadHistory(storage) : [];
const csrf = document.getElementById('csrf-token');

const answeredKey = panel ? `carrywell.import-answered.${panel.dataset.member}` : '';
const answered = () => storage?.getItem(answeredKey) !== null;
const remember = () => { try { storage?.setItem(answeredKey, new Date().toISOString()); } catch { /* private mode: asked again next time */ } };

if (panel && results.length > 0 && !answered()) {
  const count = document.getElementById('import-count');
  count.textContent = count.dataset.template.replace('{0}', String(results.length));
  panel.hidden = false;
  const done = document.getElementById('import-done');
  const failed = document.getElementById('import-failed');
  const buttons = [document.getElementById('import-yes'), document.getElementById('import-no')];
  document.getElementById('import-no').addEventListener('click', () => {
    remember();
    panel.hidden = true;
  });
  document.getElementById('import-yes').addEventListener('click', async () => {
    failed.hidden = true;
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const response = await fetch('/api/v1/me/sessions', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', [csrf.dataset.header]: csrf.value },
        body: JSON.stringify(results),
      });
      if (!response.ok) {
        throw new Error(`import answered ${response.status}`);
      }
      const answer = await response.json();
      done.textContent = done.dataset.template.replace('{0}', String(answer.stored + answer.alreadyKept));
      done.hidden = false;
      remember();
      buttons.forEach((b) => { b.hidden = true; });
    } catch {
      failed.hidden = false;
      failed.focus();
      buttons.forEach((b) => { b.disabled = false; });
    }
  });
}

