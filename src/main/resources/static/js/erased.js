// After her account is erased: what waited on this device for it (results not yet sent, results it refused) goes
// too. Only the erasure she asked for on this tab, and only once it is done: this page is shown after it.
try {
  const member = window.sessionStorage.getItem('carrywell.erasing');
  if (member) {
    window.localStorage.removeItem(`carrywell.outbox.${member}`);
    window.localStorage.removeItem(`carrywell.refused.${member}`);
    window.sessionStorage.removeItem('carrywell.erasing');
  }
} catch {
  // No storage: nothing was kept.
}
