// After a failed submission, move focus to the summary of the form's errors (CSP forbids an
// inline script, and autofocus is not valid on a div). The admin's login page has Django's
// own error note instead (templates/admin/login.html loads this file too).
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-error-summary], body.login .errornote");
  if (!summary) return;
  summary.tabIndex = -1;
  summary.focus();
});
