// The admission vote's add page: how many organisations were full members on the date typed
// (members/admin.py, eligible_view), updated as it changes. Without scripts, the page's
// « recompute » button reloads it with the date entered instead. Loaded in the head with the
// admin's form media: it waits for the page.
document.addEventListener("DOMContentLoaded", () => {
  const output = document.getElementById("eligible-voters");
  const input = document.getElementById("id_date");
  if (!output || !input || !output.dataset.url) {
    return;
  }
  // Not needed with scripts; removed rather than hidden, so that Enter still saves.
  document.getElementById("eligible-recompute")?.remove();
  let asked = input.value;
  let controller = null;

  function update() {
    if (input.value === asked) {
      return;
    }
    asked = input.value;
    if (controller) {
      controller.abort();
    }
    controller = new AbortController();
    const url = `${output.dataset.url}?${new URLSearchParams({ date: asked })}`;
    fetch(url, { credentials: "same-origin", signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((data) => {
        if (data && data.text) {
          output.textContent = data.text;
        }
      })
      .catch(() => {});
  }

  input.addEventListener("input", update);
  input.addEventListener("change", update);
  // The admin's calendar and « Today » set the value without an event: look after a click.
  document.addEventListener("click", () => window.setTimeout(update, 0));
});
