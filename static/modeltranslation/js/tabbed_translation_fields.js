/* The language tabs of translated fields in the admin, in place of django-modeltranslation's
   own script of the same path (the project's static folder comes first): its jQuery UI tabs put
   a link inside each tab (nested interactive controls) and its language switch had no label.

   Each translated field becomes a WAI-ARIA tab list (one button per language, arrow keys, Home
   and End) above one panel per language; the label of each language's field keeps its language
   for screen readers. A labelled select after the page title switches every field at once. In
   tabular inlines the languages share one cell, and rows added later get their tabs too.
   The words shown come from the page (templates/admin/base_site.html, #admin-strings). */
(function () {
  "use strict";

  var PREFIX = "mt-field-";
  var LANGUAGE_IN_LABEL = / ?\[([A-Za-z_-]+)\]/;
  var groups = [];
  var counter = 0;

  function strings() {
    var holder = document.getElementById("admin-strings");
    return holder ? holder.dataset : {};
  }

  function languageName(code) {
    var tag = code.replace("_", "-");
    try {
      var name = new Intl.DisplayNames([document.documentElement.lang || tag], {
        type: "language",
      }).of(tag);
      return name || tag;
    } catch (error) {
      return tag;
    }
  }

  function fieldLanguage(element) {
    for (var i = 0; i < element.classList.length; i++) {
      var cls = element.classList[i];
      if (cls.indexOf(PREFIX) === 0) {
        var bits = cls.slice(PREFIX.length).split("-");
        return bits[bits.length - 1];
      }
    }
    return null;
  }

  /* « Titre [fr] » becomes « Titre », with « (français) » kept for screen readers. */
  function relabel(root) {
    root.querySelectorAll("label").forEach(function (label) {
      var walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
      var node;
      while ((node = walker.nextNode())) {
        var match = LANGUAGE_IN_LABEL.exec(node.nodeValue);
        if (!match) continue;
        var after = node.splitText(match.index);
        after.nodeValue = after.nodeValue.slice(match[0].length);
        var hidden = document.createElement("span");
        hidden.className = "visually-hidden";
        hidden.textContent = " (" + languageName(match[1]) + ")";
        label.insertBefore(hidden, after);
        return;
      }
    });
  }

  function labelText(container) {
    var label = container.matches("th") ? container : container.querySelector("label");
    var text = label ? label.textContent : "";
    return text.replace(LANGUAGE_IN_LABEL, "").replace(/\s*:\s*$/, "").trim();
  }

  function select(group, index, moveFocus) {
    group.tabs.forEach(function (tab, i) {
      var selected = i === index;
      tab.setAttribute("aria-selected", selected ? "true" : "false");
      tab.tabIndex = selected ? 0 : -1;
      group.panels[i].hidden = !selected;
    });
    if (moveFocus) group.tabs[index].focus();
  }

  function onKey(group, event) {
    var index = group.tabs.indexOf(event.currentTarget);
    var last = group.tabs.length - 1;
    var next = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(group, next, true);
  }

  /* fields: {language: element}; the containers (form rows, or table cells) move into panels. */
  function buildTabs(fields, tabular) {
    var languages = Object.keys(fields);
    var containers = languages.map(function (language) {
      return fields[language].closest(tabular ? "td" : ".form-row");
    });
    if (containers.some(function (c) { return !c; })) return;
    if (new Set(containers).size !== containers.length) return; // the languages share a row
    var number = ++counter;
    var first = containers[0];
    var widget = document.createElement("div");
    widget.className = "mt-tabs";
    var list = document.createElement("div");
    list.className = "mt-tabs__list";
    list.setAttribute("role", "tablist");
    var name = labelText(tabular ? first.closest("table").querySelector(
      "thead th.column-" + fields[languages[0]].name.split("-").pop()) || first : first);
    if (name) list.setAttribute("aria-label", name);
    widget.appendChild(list);
    var group = { languages: languages, tabs: [], panels: [] };
    var active = languages.indexOf(document.documentElement.lang.replace("-", "_"));
    if (active < 0) active = 0;
    languages.forEach(function (language, i) {
      var container = containers[i];
      var tab = document.createElement("button");
      tab.type = "button";
      tab.className = "mt-tabs__tab";
      tab.id = "mt-tab-" + number + "-" + language;
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", "mt-panel-" + number + "-" + language);
      tab.textContent = language.replace("_", "-");
      var full = document.createElement("span");
      full.className = "visually-hidden";
      full.textContent = " (" + languageName(language) + ")";
      tab.appendChild(full);
      var panel = document.createElement("div");
      panel.className = "mt-tabs__panel";
      panel.id = "mt-panel-" + number + "-" + language;
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      if (container.classList.contains("errors") || container.querySelector(".errorlist")) {
        tab.classList.add("mt-tabs__tab--error");
        var error = document.createElement("span");
        error.className = "visually-hidden";
        error.textContent = " " + (strings().tabError || "error");
        tab.appendChild(error);
        active = i;
      }
      if (fields[language].classList.contains("mt-default") && container.querySelector(
        "label.required, .required")) {
        tab.classList.add("mt-tabs__tab--required");
      }
      tab.addEventListener("click", function () { select(group, i, false); });
      tab.addEventListener("keydown", function (event) { onKey(group, event); });
      list.appendChild(tab);
      group.tabs.push(tab);
      group.panels.push(panel);
    });
    if (tabular) {
      var table = first.closest("table");
      languages.forEach(function (language, i) {
        var cell = containers[i];
        var box = document.createElement("div");
        box.className = cell.className;
        while (cell.firstChild) box.appendChild(cell.firstChild);
        group.panels[i].appendChild(box);
        var header = table.querySelector(
          "thead th.column-" + fields[language].name.split("-").pop());
        if (i === 0) {
          if (header) header.textContent = name;
        } else {
          if (header) header.remove();
          cell.remove();
        }
      });
      first.className = "mt-tabs__cell";
      first.appendChild(widget);
    } else {
      first.parentNode.insertBefore(widget, first);
      containers.forEach(function (container, i) { group.panels[i].appendChild(container); });
    }
    group.panels.forEach(function (panel) {
      relabel(panel);
      widget.appendChild(panel);
    });
    select(group, active, false);
    groups.push(group);
  }

  function tabulate(root) {
    var byGroup = {};
    var order = [];
    root.querySelectorAll("input.mt, textarea.mt, select.mt").forEach(function (element) {
      if (element.closest(".empty-form") || element.closest(".mt-tabs")) return;
      var language = fieldLanguage(element);
      if (!language || !element.id) return;
      var key = element.id.slice(0, element.id.length - language.length - 1);
      if (!byGroup[key]) {
        byGroup[key] = { fields: {}, tabular: !!element.closest(".tabular") };
        order.push(key);
      }
      byGroup[key].fields[language] = element;
    });
    order.forEach(function (key) {
      if (Object.keys(byGroup[key].fields).length > 1) {
        buildTabs(byGroup[key].fields, byGroup[key].tabular);
      }
    });
  }

  function addSwitch() {
    var title = document.querySelector("#content > h1");
    if (!groups.length || !title || document.getElementById("mt-switch")) return;
    var languages = groups[0].languages;
    var box = document.createElement("div");
    box.className = "mt-switch";
    var label = document.createElement("label");
    label.htmlFor = "mt-switch";
    label.textContent = strings().languageSwitch || "Language";
    var chooser = document.createElement("select");
    chooser.id = "mt-switch";
    languages.forEach(function (language) {
      var option = document.createElement("option");
      option.value = language;
      option.textContent = languageName(language);
      chooser.appendChild(option);
    });
    var active = groups[0].tabs.findIndex(function (tab) {
      return tab.getAttribute("aria-selected") === "true";
    });
    chooser.selectedIndex = Math.max(active, 0);
    chooser.addEventListener("change", function () {
      groups.forEach(function (group) {
        var index = group.languages.indexOf(chooser.value);
        if (index >= 0) select(group, index, false);
      });
    });
    box.appendChild(label);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(chooser);
    title.insertAdjacentElement("afterend", box);
  }

  function start() {
    if (!document.body.classList.contains("change-form")) return;
    tabulate(document);
    addSwitch();
    document.addEventListener("formset:added", function (event) {
      tabulate(event.target);
      var chooser = document.getElementById("mt-switch");
      if (chooser) chooser.dispatchEvent(new Event("change"));
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
