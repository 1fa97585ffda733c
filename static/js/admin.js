/* Every page of the admin (templates/admin/base_site.html): names and structure that Django's
   admin widgets leave out, so that screen readers announce them and axe-core's WCAG 2.2 rules
   pass (tests/browser/test_admin_accessibility.py).

   - Autocomplete boxes (select2, autocomplete_fields): the box and its search field take the
     field's label for name; the « clear » cross leaves the list of chosen items (a list holds
     only items). select2 redraws them at each choice: a MutationObserver applies this again.
   - Their open list of results, the calendar and the clock: named regions (they are appended
     to the body, outside the page's landmarks).
   - The filter boxes of many-to-many fields (filter_horizontal): their search icon, a span with
     an aria-label, becomes an image so that the label is allowed.
   - Editable columns of change lists (list_editable): each field is named after its column and
     its row.
   - Breadcrumbs: the current page is marked aria-current.
   - django-import-export's export page: its « Select all » box gets the id its label names. */
(function () {
  "use strict";

  function labelId(field) {
    if (!field.id) return null;
    var label = document.querySelector('label[for="' + CSS.escape(field.id) + '"]');
    if (!label) return null;
    if (!label.id) label.id = field.id + "_label";
    return label.id;
  }

  function fixAutocompletes(root) {
    root.querySelectorAll("select.select2-hidden-accessible").forEach(function (select) {
      var container = select.nextElementSibling;
      if (!container || !container.classList.contains("select2")) return;
      var label = labelId(select);
      var selection = container.querySelector(".select2-selection");
      if (!label || !selection) return;
      var rendered = selection.querySelector(".select2-selection__rendered");
      if (rendered && rendered.getAttribute("role") === "textbox") {
        // A read-only « textbox » without a name: it only shows the choice, which the box's
        // name includes.
        rendered.removeAttribute("role");
        rendered.removeAttribute("aria-readonly");
      }
      if (selection.classList.contains("select2-selection--single") && rendered && rendered.id) {
        var wanted = label + " " + rendered.id;
        if (selection.getAttribute("aria-labelledby") !== wanted) {
          selection.setAttribute("aria-labelledby", wanted);
        }
      } else if (selection.getAttribute("aria-labelledby") !== label) {
        selection.setAttribute("aria-labelledby", label);
      }
      container.querySelectorAll(".select2-search__field").forEach(function (search) {
        if (search.getAttribute("aria-labelledby") !== label) {
          search.setAttribute("aria-labelledby", label);
        }
      });
      // An open box owns its list of results; ARIA 1.2 says which list a combobox controls.
      var owns = selection.getAttribute("aria-owns");
      if (owns && selection.getAttribute("aria-controls") !== owns) {
        selection.setAttribute("aria-controls", owns);
      } else if (!owns && selection.hasAttribute("aria-controls")) {
        selection.removeAttribute("aria-controls");
      }
      if (rendered && rendered.tagName === "UL") {
        rendered.querySelectorAll(":scope > .select2-selection__clear").forEach(function (clear) {
          rendered.insertAdjacentElement("afterend", clear);
        });
        selection.querySelectorAll(":scope > .select2-selection__clear").forEach(function (c, i) {
          if (i > 0 || rendered.querySelector(".select2-selection__choice") === null) c.remove();
        });
      }
    });
  }

  /* The open list of results, which select2 appends to the page's body: a region named after
     the field (all content within landmarks), its search field named too. */
  function fixOpenDropdowns() {
    document.querySelectorAll("body > .select2-container").forEach(function (dropdown) {
      var results = dropdown.querySelector(".select2-results__options[id]");
      if (!results) return;
      var select = document.getElementById(results.id.replace(/^select2-/, "").replace(/-results$/, ""));
      var label = select && labelId(select);
      if (!label) return;
      if (dropdown.getAttribute("aria-labelledby") !== label) {
        dropdown.setAttribute("role", "region");
        dropdown.setAttribute("aria-labelledby", label);
      }
      dropdown.querySelectorAll(".select2-search__field").forEach(function (search) {
        if (search.getAttribute("aria-labelledby") !== label) {
          search.setAttribute("aria-labelledby", label);
        }
      });
    });
  }

  /* The calendar and the clock of date and time fields, appended to the body too: regions
     named as the link that opens them (« Choose a date », « Choose a time »). */
  function fixPickers() {
    document.querySelectorAll("body > .calendarbox, body > .clockbox").forEach(function (box) {
      if (box.hasAttribute("role")) return;
      var link = document.getElementById(box.id.replace(/box(\d+)$/, "link$1"));
      var icon = link && link.querySelector("[title]");
      if (!icon) return;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", icon.getAttribute("title"));
    });
  }

  function fixFilterIcons(root) {
    root.querySelectorAll("span.help-tooltip[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }

  function fixEditableLists() {
    var table = document.getElementById("result_list");
    if (!table) return;
    var headers = Array.prototype.slice.call(table.querySelectorAll("thead th"));
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var cells = Array.prototype.slice.call(row.children);
      var titleCell = row.querySelector("th") || cells[1];
      var rowName = titleCell ? titleCell.textContent.trim() : "";
      cells.forEach(function (cell, index) {
        var header = headers[index];
        if (!header || cell.classList.contains("action-checkbox")) return;
        var column = header.textContent.trim();
        cell.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (f) {
          if (f.labels && f.labels.length) return;
          if (!f.hasAttribute("aria-label") && column) {
            f.setAttribute("aria-label", rowName ? column + " — " + rowName : column);
          }
        });
      });
    });
  }

  /* django-import-export's export page: its « Select all » label points to the box's name. */
  function fixExportToggle() {
    var toggle = document.querySelector("input.select-toggle:not([id])");
    if (toggle && document.querySelector('label[for="select-all-toggle"]')) {
      toggle.id = "select-all-toggle";
    }
  }

  function markCurrentPage() {
    var trail = document.querySelector("nav .breadcrumbs");
    if (!trail || trail.querySelector("[aria-current]")) return;
    var last = trail.lastChild;
    while (last && last.nodeType === Node.TEXT_NODE && !last.nodeValue.trim()) {
      last = last.previousSibling;
    }
    if (!last) return;
    if (last.nodeType === Node.TEXT_NODE) {
      var text = last.nodeValue.replace(/^\s*›\s*/, "");
      var current = document.createElement("span");
      current.setAttribute("aria-current", "page");
      current.textContent = text.trim();
      last.nodeValue = last.nodeValue.slice(0, last.nodeValue.length - text.length);
      trail.appendChild(current);
    } else if (last.nodeType === Node.ELEMENT_NODE) {
      last.setAttribute("aria-current", "page");
    }
  }

  var scheduled = false;
  function fixWidgets() {
    scheduled = false;
    fixAutocompletes(document);
    fixOpenDropdowns();
    fixPickers();
    fixFilterIcons(document);
  }
  function schedule() {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(fixWidgets);
    }
  }

  function start() {
    markCurrentPage();
    fixEditableLists();
    fixExportToggle();
    fixWidgets();
    new MutationObserver(schedule).observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["aria-owns"],
    });
    // select2 and SelectFilter build their boxes when the page has loaded.
    window.addEventListener("load", fixWidgets);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
