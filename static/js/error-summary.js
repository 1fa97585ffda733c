// After a failed submission, move focus to the summary of the form's errors (CSP forbids an
// inline script, and autofocus is not valid on a div).
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
});
