// The playground: sends what the visitor types or clicks to /playground/send and renders the
// core's neutral blocks. Everything is built with DOM nodes and textContent, never innerHTML,
// so nothing a person typed can inject markup.
"use strict";

const log = document.getElementById("log");
const errorBox = document.getElementById("error");
const working = document.getElementById("working");
let personas = false;
let seen = "";  // the last district event this page showed
let pending = 0;
let signIn = 0;  // counts persona switches: an answer to an earlier persona is not shown
let maxUpload = 0;
let words = {};  // the page's own words in its language (adapters/web/labels.py)
let language = "en";
let shownDistrict = null;  // the last district state shown, redrawn in a new language
const LANGUAGE_KEY = "prepbot-language";  // the visitor's pick, kept in this browser
const picture = document.getElementById("picture");

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const child of children) node.append(child);
  return node;
}

// prepbot's light markup: **bold**, *emphasis*, `code`, [label](https://...)
function inline(text, markdown = true) {
  const frag = document.createDocumentFragment();
  if (!markdown) { frag.append(text); return frag; }
  const pattern = /\*\*([^*]+)\*\*|\*([^*]+)\*|`([^`]+)`|\[([^\]]+)\]\((https?:[^)\s]+)\)/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    frag.append(text.slice(last, m.index));
    if (m[1]) frag.append(el("strong", { textContent: m[1] }));
    else if (m[2]) frag.append(el("em", { textContent: m[2] }));
    else if (m[3]) frag.append(el("code", { textContent: m[3] }));
    else frag.append(el("a", { textContent: m[4], href: m[5], rel: "noopener", target: "_blank" }));
    last = m.index + m[0].length;
  }
  frag.append(text.slice(last));
  return frag;
}

// One of the page's words, with its {placeholders} filled in.
function t(key, values = {}) {
  return (words[key] || key).replace(/\{(\w+)\}/g, (all, name) => (name in values ? values[name] : all));
}

// The intro names commands: each {name} in it becomes code.
function withCode(text, commands) {
  const frag = document.createDocumentFragment();
  let last = 0;
  for (const m of text.matchAll(/\{(\w+)\}/g)) {
    frag.append(text.slice(last, m.index), el("code", { textContent: commands[m[1]] || m[0] }));
    last = m.index + m[0].length;
  }
  frag.append(text.slice(last));
  return frag;
}

// Put the page's words in place in the language the server chose (the visitor's pick, else
// the browser's Accept-Language), with a picker to change it.
function applyLabels(config) {
  words = config.labels;
  language = config.language;
  document.documentElement.lang = language;
  document.title = t("title");
  for (const node of document.querySelectorAll("[data-label]")) {
    if (node.dataset.label === "intro") node.replaceChildren(withCode(t("intro"), config.intro_commands));
    else if (!(node.id === "district-state" && shownDistrict)) node.textContent = t(node.dataset.label);
  }
  for (const node of document.querySelectorAll("[data-label-placeholder]")) {
    node.placeholder = t(node.dataset.labelPlaceholder);
  }
  for (const node of document.querySelectorAll("[data-label-aria]")) {
    node.setAttribute("aria-label", t(node.dataset.labelAria));
  }
  const picker = document.getElementById("language");
  picker.replaceChildren(...config.languages.map((l) =>
    el("option", { value: l.code, textContent: l.name, selected: l.code === language })));
  for (const option of document.getElementById("persona-role").options) {
    option.textContent = t(`role_${option.value}`);
  }
  if (shownDistrict) showDistrictState(shownDistrict);
  chosen();
}

function configUrl() {
  const picked = localStorage.getItem(LANGUAGE_KEY);
  return "/playground/config" + (picked ? `?lang=${encodeURIComponent(picked)}` : "");
}

function paragraphs(text, markdown) {
  const frag = document.createDocumentFragment();
  for (const line of text.split("\n")) frag.append(el("p", {}, inline(line, markdown)));
  return frag;
}

function renderChoice(block) {
  const set = el("fieldset", { className: "choice" }, el("legend", { textContent: block.label }));
  for (const option of block.options) {
    const input = el("input", { type: "radio", name: block.name, value: option.value,
                                required: block.required, checked: option.value === block.selected });
    set.append(el("label", {}, input, option.label));
  }
  return set;
}

function renderInput(field) {
  const id = `f-${crypto.randomUUID()}`;
  let input;
  if (field.kind === "textarea") input = el("textarea", { rows: 3 });
  else if (field.kind === "select") {
    input = el("select");
    input.append(el("option", { value: "", textContent: t("choose") }));
    for (const o of field.options) input.append(el("option", { value: o.value, textContent: o.label }));
  } else input = el("input", { type: field.kind === "date" ? "date" : "text" });
  Object.assign(input, { id, name: field.name, required: field.required,
                         placeholder: field.placeholder || "", value: field.initial || "" });
  return el("div", { className: "field" }, el("label", { htmlFor: id, textContent: field.label }), input);
}

function renderForm(block, item) {
  const form = el("form", { className: "form" }, el("h3", { textContent: block.title }));
  for (const field of block.fields) {
    form.append("options" in field && !("kind" in field) ? renderChoice(field) : renderInput(field));
  }
  form.append(el("button", { type: "submit", className: "primary", textContent: block.submit_label }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    send({ kind: "submission", form_id: block.form_id, values, context: block.context }, item);
  });
  return form;
}

function renderBlock(block, item) {
  switch (block.type) {
    case "text": return paragraphs(block.text, block.markdown);
    case "steps": return el("ol", {}, ...block.items.map((s) => el("li", {}, inline(s))));
    case "fields": {
      const dl = el("dl", { className: "fields" });
      for (const [k, v] of block.pairs) dl.append(el("dt", { textContent: k }), el("dd", { textContent: v }));
      return dl;
    }
    case "buttons": {
      const row = el("div", { className: "buttons", role: "group" });
      for (const b of block.buttons) {
        const button = el("button", { type: "button", textContent: b.label, className: b.style });
        button.addEventListener("click", () =>
          send({ kind: "action", action_id: b.action_id, value: b.value }, item));
        row.append(button);
      }
      return row;
    }
    case "choice": {
      const set = renderChoice(block);
      set.addEventListener("change", (event) =>
        send({ kind: "action", action_id: block.name, value: event.target.value }, item));
      return set;
    }
    case "form": return renderForm(block, item);
    case "image": return el("img", { src: block.url, alt: block.alt });
    case "divider": return el("hr");
    case "context": return el("p", { className: "context" }, inline(block.text));
    default: return el("p", { textContent: "" });
  }
}

function renderReply(reply, replacing) {
  const item = el("li", { className: "msg bot" + (reply.private ? " private" : "") });
  if (reply.private) item.append(el("p", { className: "only-you", textContent: t("only_you") }));
  if (!reply.blocks.length) item.append(paragraphs(reply.text, true));
  for (const block of reply.blocks) item.append(renderBlock(block, item));
  if (replacing && reply.replace_original) replacing.replaceWith(item);
  else log.append(item);
  return item;
}

function persona() {
  return { role: document.getElementById("persona-role").value || "teacher",
           name: document.getElementById("persona-name").value || "Guest" };
}

// A slow answer (opening the demo district, skipping a day) says it is being worked on.
function busy(on) {
  pending += on ? 1 : -1;
  working.hidden = pending === 0;
}

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

function megabytes(bytes) {
  return `${(bytes / 1000000).toFixed(1)} MB`;
}

// Only this page's own script can send this header (an image, a link or another site's form
// cannot): the server answers nothing else, for browsers too old to say where a request is
// from (adapters/web/visitors.py).
const OWN = { "X-Prepbot-Page": "1" };

function api(url, options = {}) {
  return fetch(url, { ...options, headers: { ...OWN, ...(options.headers || {}) } });
}

// A message goes as JSON; with a picture, as multipart: the same JSON as `payload`, and the file.
function request(body, file) {
  const payload = JSON.stringify({ persona: personas ? persona() : undefined, language, ...body });
  if (!file) return { method: "POST", headers: { "Content-Type": "application/json" }, body: payload };
  const form = new FormData();
  form.append("payload", payload);
  form.append("file", file);
  return { method: "POST", body: form };
}

async function send(body, fromItem = null, file = null) {
  errorBox.hidden = true;
  const asked = signIn;
  busy(true);
  const response = await api("/playground/send", request(body, file)).finally(() => busy(false));
  if (response.status === 413) {
    showError(t("too_big", { most: megabytes(maxUpload) }));
    return;
  }
  const data = await response.json().catch(() => ({ message: t("unreadable") }));
  if (!response.ok) {
    errorBox.textContent = data.message || t("failed", { status: response.status });
    errorBox.hidden = false;
    return;
  }
  if (asked !== signIn) return;  // the persona changed while this was on its way
  let first = null;
  for (const reply of data.replies) {
    const shown = renderReply(reply, fromItem);
    first = first || shown;
  }
  // The start of the answer comes into view; the message box stays docked below it.
  if (first) first.scrollIntoView({ block: "nearest" });
}

function say(text) {
  log.append(el("li", { className: "msg me", textContent: text }));
  return send({ kind: "message", text });
}

function showDistrictState(district) {
  shownDistrict = district;
  document.getElementById("district-state").textContent =
    t("district_state", { school: district.school, time: district.time });
}

// What the simulated teachers got and did, shown to the coach as it happens.
function renderDistrict(district) {
  const panel = document.getElementById("district");
  panel.hidden = false;
  panel.dataset.open = district.open ? "true" : "false";
  for (const button of panel.querySelectorAll("button[data-when]")) {
    button.hidden = button.dataset.when !== (district.open ? "open" : "closed");
  }
  if (district.open) showDistrictState(district);
  if (district.events.length) {
    const list = el("ul", { className: "events" });
    for (const e of district.events) {
      list.append(el("li", {}, el("span", { className: "when", textContent: e.at }), " ",
                     el("strong", { textContent: e.who }), ` ${e.what}`));
    }
    log.append(el("li", { className: "msg district" },
                  el("p", { className: "label", textContent: t("district_feed") }), list));
  }
  seen = String(district.last);
}

async function poll() {
  const asked = signIn;
  const who = personas ? persona() : { role: "teacher", name: "Guest" };
  const query = new URLSearchParams({ ...who, since: seen, lang: language });
  const response = await api(`/playground/inbox?${query}`).catch(() => null);
  if (!response || !response.ok) return;
  const data = await response.json();
  if (asked !== signIn) return;
  for (const reply of data.replies) renderReply(reply, null);
  if (data.district) renderDistrict(data.district);
}

// Switching persona is signing in as someone else: what was only for the last one goes.
function switched() {
  signIn += 1;
  for (const item of log.querySelectorAll("li.msg.private, li.msg.me")) item.remove();
  const who = persona();
  const note = t("switched", { name: who.name, role: t(`role_${who.role}`) });
  const last = log.lastElementChild;
  if (last && last.classList.contains("note")) last.textContent = note;
  else log.append(el("li", { className: "msg note", textContent: note }));
  // An admin sees what is left to set up as soon as they become one.
  if (who.role === "admin") say("/prepbot setup");
}

function chosen() {
  const file = picture.files[0] || null;
  document.getElementById("chosen").hidden = !file;
  document.getElementById("chosen-name").textContent = file ? t("picture", { name: file.name }) : "";
  return file;
}

picture.addEventListener("change", chosen);
document.getElementById("unpick").addEventListener("click", () => { picture.value = ""; chosen(); });

// What the visitor sent, with a small preview of their picture (read as a data: URL, which the
// page's Content-Security-Policy allows).
function echo(text, file) {
  const item = el("li", { className: "msg me" });
  if (text) item.append(el("p", { textContent: text }));
  if (file) {
    const preview = el("img", { className: "sent", alt: t("your_picture", { name: file.name }) });
    const reader = new FileReader();
    reader.addEventListener("load", () => { preview.src = reader.result; });
    reader.readAsDataURL(file);
    item.append(preview);
  }
  log.append(item);
}

document.getElementById("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = document.getElementById("say");
  const text = input.value.trim();
  const file = chosen();
  if (!text && !file) return;
  if (file && file.size > maxUpload) {
    showError(t("too_big_sized", { size: megabytes(file.size), most: megabytes(maxUpload) }));
    return;
  }
  echo(text, file);
  input.value = "";
  picture.value = "";
  chosen();
  send({ kind: "message", text }, null, file);
});

for (const button of document.querySelectorAll("#district button[data-command]")) {
  button.addEventListener("click", () => say(button.dataset.command));
}
document.getElementById("persona-role").addEventListener("change", switched);
document.getElementById("persona-name").addEventListener("change", switched);

// Another language: kept for this browser, the page's words redrawn; prepbot answers in it
// from the next message (the page's language is the visitor's locale, as Slack's would be).
document.getElementById("language").addEventListener("change", async (event) => {
  localStorage.setItem(LANGUAGE_KEY, event.target.value);
  applyLabels(await (await api(configUrl())).json());
});

api(configUrl()).then((r) => r.json()).then((config) => {
  personas = config.personas;
  maxUpload = config.max_upload;
  const form = document.getElementById("persona");
  form.hidden = !personas;
  const select = document.getElementById("persona-role");
  for (const role of config.roles) select.append(el("option", { value: role, textContent: role }));
  applyLabels(config);
  setInterval(poll, 2000);
  poll().then(() => { document.body.dataset.ready = "true"; });
});
