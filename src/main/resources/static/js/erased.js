// After her account is erased: what waited on this device for it (results not yet sent, results it refused) goes
// too. Only the erasure she asked for on this tab, and only once it is done: this page is shown after it.
import { forget, forgetSender } from './outbox.js';

let member = null;
try {
  member = window.sessionStorage.getItem('carrywell.erasing');
  window.sessionStorage.removeItem('carrywell.erasing');
  if (member) {
    // Kept there by earlier versions.
    window.localStorage.removeItem(`carrywell.outbox.${member}`);
    window.localStorage.removeItem(`carrywell.refused.${member}`);
  }
} catch {
  // No storage: nothing was kept.
}
if (member) {
  forget(member).catch(() => {});
  forgetSender(member).catch(() => {});
}
