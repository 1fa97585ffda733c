// The minutes editor of the admin (meetings/editor.py). Without a script every screen still
// works; with one, focus goes where a keyboard or screen-reader user continues.
(() => {
  // A section just moved: focus its button of the same direction (to move it again), or its
  // link when it reached the top or the bottom.
  const moved = /^#agenda-\d+$/.test(window.location.hash)
    ? document.getElementById(window.location.hash.slice(1))
    : null;
  const direction = window.sessionStorage.getItem("minutes-move");
  window.sessionStorage.removeItem("minutes-move");
  document.querySelectorAll("button[data-move]").forEach((button) => {
    button.addEventListener("click", () => {
      window.sessionStorage.setItem("minutes-move", button.dataset.move);
    });
  });
  const target =
    document.querySelector("[data-focus-on-load]") ||
    (moved &&
      (moved.querySelector(`button[data-move="${direction}"]`) || moved.querySelector("a")));
  if (target) {
    // After the browser's own scrolling to the address's #fragment, which comes later.
    const focus = () => target.focus();
    focus();
    window.addEventListener("load", () => window.requestAnimationFrame(focus), { once: true });
  }
  // Sections may also be dragged with a mouse (the buttons do the same from the keyboard).
  const moveForm = document.getElementById("agenda-move");
  const rows = Array.from(document.querySelectorAll(".minutes-agenda__item"));
  let dragged = null;
  rows.forEach((row, index) => {
    row.draggable = true;
    row.addEventListener("dragstart", (event) => {
      dragged = row;
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", row.id);
    });
    row.addEventListener("dragover", (event) => {
      if (dragged && dragged !== row) {
        event.preventDefault();
        row.classList.add("minutes-agenda__item--over");
      }
    });
    row.addEventListener("dragleave", () => row.classList.remove("minutes-agenda__item--over"));
    row.addEventListener("drop", (event) => {
      event.preventDefault();
      row.classList.remove("minutes-agenda__item--over");
      if (!dragged || dragged === row || !moveForm) {
        return;
      }
      const move = document.createElement("input");
      move.type = "hidden";
      move.name = "move";
      move.value = `${dragged.id.replace("agenda-", "")}:to:${index + 1}`;
      moveForm.append(move);
      moveForm.submit();
    });
  });

  // An action item with an error: open its row (the server opens it too) and keep it open.
  document.querySelectorAll(".minutes-actions__row details").forEach((details) => {
    if (details.querySelector(".errorlist")) {
      details.open = true;
    }
  });
})();
