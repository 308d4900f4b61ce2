// The options page: API URL and key, default brand and channel, and the enabled sites.
// Saving asks Chrome for host permissions for exactly the API and those sites.
"use strict";

const Patterns = globalThis.CrisisdraftPatterns;
const Settings = globalThis.CrisisdraftSettings;
const $ = (id) => document.getElementById(id);

function setStatus(text, kind) {
  $("status").textContent = text;
  $("status").className = kind || "";
}

function setProblems(problems) {
  const list = $("problems");
  list.replaceChildren();
  for (const problem of problems) {
    const item = document.createElement("li");
    item.textContent = problem;
    list.append(item);
  }
}

function fillChannels(select, withDefault) {
  select.replaceChildren();
  if (withDefault) select.append(new Option("default channel", ""));
  for (const channel of Settings.CHANNELS) select.append(new Option(channel, channel));
}

function addSiteRow(site = {}) {
  const row = $("siteRow").content.firstElementChild.cloneNode(true);
  fillChannels(row.querySelector(".channel"), true);
  row.querySelector(".match").value = site.match || "";
  row.querySelector(".channel").value = site.channel || "";
  for (const field of Settings.SELECTOR_FIELDS) row.querySelector(`.${field}`).value = site[field] || "";
  if (Settings.SELECTOR_FIELDS.some((field) => site[field])) row.querySelector("details").open = true;
  row.querySelector(".remove").addEventListener("click", () => row.remove());
  $("sites").append(row);
  return row;
}

function readForm() {
  const sites = [...$("sites").querySelectorAll(".site")].map((row) => {
    const site = { match: row.querySelector(".match").value, channel: row.querySelector(".channel").value };
    for (const field of Settings.SELECTOR_FIELDS) site[field] = row.querySelector(`.${field}`).value;
    return site;
  });
  return { apiUrl: $("apiUrl").value, apiKey: $("apiKey").value, brand: $("brand").value,
    channel: $("channel").value, alternatives: $("alternatives").value, sites };
}

function selectorProblems(settings) {
  const problems = [];
  const probe = document.createDocumentFragment();
  settings.sites.forEach((site, index) => {
    for (const field of Settings.SELECTOR_FIELDS) {
      if (!site[field]) continue;
      try {
        probe.querySelector(site[field]);
      } catch (_error) {
        problems.push(`Site ${index + 1}: "${site[field]}" is not a valid CSS selector (${field}).`);
      }
    }
  });
  return problems;
}

async function save(event) {
  event.preventDefault();
  setStatus("");
  const { settings, problems } = Settings.normalizeSettings(readForm());
  problems.push(...selectorProblems(settings));
  setProblems(problems);
  if (problems.length) {
    setStatus("Nothing was saved: correct the fields below.", "bad");
    return;
  }
  // Ask for exactly the API's and the sites' hosts, while the click still counts as the agent's.
  const origins = [...new Set([Patterns.originPattern(settings.apiUrl),
    ...settings.sites.map((site) => Patterns.permissionPattern(site.match))])];
  let granted = false;
  try {
    granted = await chrome.permissions.request({ origins });
  } catch (error) {
    setProblems([`Chrome refused the permission request: ${error.message}`]);
  }
  await chrome.storage.local.set({ settings });
  const result = await chrome.runtime.sendMessage({ type: "sync" }).catch(() => null);
  const later = [];
  if (!granted) later.push("Chrome did not grant access to every address: the extension cannot reach the ones you declined.");
  if (result && result.problems) later.push(...result.problems);
  setProblems(later);
  setStatus(later.length ? "Saved, with problems:" : "Saved. Open tabs on the enabled sites get the button now.",
    later.length ? "bad" : "ok");
}

async function testConnection() {
  setStatus("Testing…");
  const result = await chrome.runtime.sendMessage({ type: "test-connection" }).catch((error) => ({
    ok: false, error: { message: error.message, fix: "" } }));
  if (result.ok) {
    setStatus(`Connected. Brands this key may draft for: ${result.brands.join(", ") || "none"}.`, "ok");
  } else {
    setStatus(`${result.error.message} ${result.error.fix || ""}`.trim(), "bad");
  }
}

async function load() {
  fillChannels($("channel"), false);
  const { settings, registration } = await chrome.storage.local.get(["settings", "registration"]);
  const current = { ...Settings.DEFAULTS, ...(settings || {}) };
  $("apiUrl").value = current.apiUrl;
  $("apiKey").value = current.apiKey;
  $("brand").value = current.brand;
  $("channel").value = current.channel;
  $("alternatives").value = current.alternatives;
  $("sites").replaceChildren();
  for (const site of current.sites) addSiteRow(site);
  if (current.sites.length === 0) addSiteRow();
  if (registration && registration.problems && registration.problems.length) setProblems(registration.problems);
  const origin = `chrome-extension://${chrome.runtime.id}`;
  $("origin").textContent = origin;
  $("cors").textContent = `CRISISDRAFT_CORS_ORIGINS='["${origin}"]'`;
}

$("form").addEventListener("submit", save);
$("addSite").addEventListener("click", () => addSiteRow().querySelector(".match").focus());
$("test").addEventListener("click", testConnection);
$("toggleKey").addEventListener("click", () => {
  const input = $("apiKey");
  input.type = input.type === "password" ? "text" : "password";
  $("toggleKey").textContent = input.type === "password" ? "Show" : "Hide";
});
load();
