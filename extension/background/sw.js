// The service worker: the only part that reads the API key and talks to the API. It keeps each
// draft in a session bound to the tab and frame that asked for it, and serves it only to the
// panel in that same tab.
"use strict";

importScripts("../lib/patterns.js", "../lib/settings.js", "../lib/api.js", "../lib/drafts.js");

const Patterns = self.CrisisdraftPatterns;
const Settings = self.CrisisdraftSettings;
const Api = self.CrisisdraftApi;
const Drafts = self.CrisisdraftDrafts;

const CONTENT_FILES = ["lib/drafts.js", "content/page.js", "content/content.js"];
const MENU_ID = "crisisdraft-draft-reply";
const SESSION_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Is the sender this extension's own page at `path`? (The panel loads from a per-session
 * dynamic origin, use_dynamic_url, so compare the extension id and the path, not the URL.) */
function isOwnPage(sender, path) {
  try {
    const url = new URL(sender.url);
    return sender.id === chrome.runtime.id && url.protocol === "chrome-extension:" && url.pathname === path;
  } catch (_error) {
    return false;
  }
}
const MAX_SESSIONS_PER_TAB = 10;

// Content scripts share a renderer with the page: keep the key out of their reach.
try {
  chrome.storage.local.setAccessLevel({ accessLevel: "TRUSTED_CONTEXTS" }).catch(() => {});
} catch (_error) {
  // older Chrome: content scripts could read storage.local, though pages never can
}

// ---- settings and the client ---------------------------------------------------------------

async function loadSettings() {
  const { settings } = await chrome.storage.local.get("settings");
  return { ...Settings.DEFAULTS, ...(settings || {}) };
}

async function clientFor(settings) {
  if (!settings.apiKey) {
    throw Api.configError("No API key is set.",
      "Open the extension's options and paste the API key your lead gave you. Your text in the reply box is untouched.");
  }
  let origin;
  try {
    origin = Patterns.originPattern(settings.apiUrl);
  } catch (_error) {
    throw Api.configError(`The API URL "${settings.apiUrl}" is not valid.`, "Correct it in the extension's options.");
  }
  const allowed = await chrome.permissions.contains({ origins: [origin] });
  if (!allowed) {
    throw Api.configError(`The extension is not allowed to reach ${new URL(settings.apiUrl).origin} yet.`,
      "Open the extension's options and press Save; Chrome asks you to allow that address.");
  }
  return Api.createClient({ apiUrl: settings.apiUrl, apiKey: settings.apiKey });
}

function asError(error) {
  if (error instanceof Api.ApiError) return error.toJSON();
  return { kind: "internal", message: `Something went wrong in the extension: ${error && error.message}`,
    fix: "Press Retry; your text in the reply box is untouched.", status: 0 };
}

// ---- sessions --------------------------------------------------------------------------------

const sessions = new Map(); // session id -> state
const ports = new Map(); // session id -> panel port
let restoring = null;

function restore() {
  if (!restoring) {
    restoring = chrome.storage.session.get("sessions").then(({ sessions: saved }) => {
      for (const [id, state] of Object.entries(saved || {})) if (!sessions.has(id)) sessions.set(id, state);
    }).catch(() => {});
  }
  return restoring;
}

let persistTimer = null;
function persist() {
  clearTimeout(persistTimer);
  persistTimer = setTimeout(() => {
    chrome.storage.session.set({ sessions: Object.fromEntries(sessions) }).catch(() => {});
  }, 100);
}

function slim(draft) {
  const t = draft.triage || {};
  return {
    id: draft.id, status: draft.status, brand: draft.brand, channel: draft.channel, kind: draft.kind,
    language: draft.language, post: draft.post, text: draft.text, verdict: draft.verdict,
    alternatives: draft.alternatives || [], checks: draft.checks,
    triage: { category: t.category, severity: t.severity, risk_flags: t.risk_flags || [], action: t.action,
      escalate_to: t.escalate_to, reasons: t.reasons || [], public_draft_allowed: t.public_draft_allowed,
      sentiment: t.sentiment },
    sources: (draft.sources || []).map((s) => ({ id: s.id, source: s.source, title: s.title, snippet: s.snippet })),
    escalation: draft.escalation || null, notes: draft.notes || [], review: draft.review || {},
  };
}

/** What the panel is shown: the state without routing details. */
function view(state) {
  const { tabId, frameId, thread, ...shown } = state;
  return { ...shown, threadCount: (thread || []).length };
}

function publish(state) {
  persist();
  const port = ports.get(state.session);
  if (port) {
    try {
      port.postMessage({ type: "state", state: view(state) });
    } catch (_error) {
      ports.delete(state.session);
    }
  }
}

function toContent(state, message) {
  return chrome.tabs.sendMessage(state.tabId, { ...message, session: state.session },
    { frameId: state.frameId }).catch(() => ({ ok: false,
    error: "The page was closed or reloaded: press Draft reply on it again." }));
}

function forget(sessionId) {
  sessions.delete(sessionId);
  const port = ports.get(sessionId);
  if (port) port.disconnect();
  ports.delete(sessionId);
  persist();
}

async function runDraft(state) {
  Object.assign(state, { phase: "drafting", error: null, startedAt: Date.now(), draft: null,
    approval: null, view: "draft", index: 0, boxText: "", boxChecks: null, inserted: false,
    actions: null, actionsError: null, rewrite: null, rewritten: null, lastRewrite: null, feedback: null });
  publish(state);
  try {
    if (!state.post) {
      throw Api.configError("No customer post was found above this reply box.",
        "Select the customer's post on the page and press Draft reply again (or right-click it → " +
        "Draft a reply to this). Your text in the reply box is untouched.");
    }
    const settings = await loadSettings();
    const client = await clientFor(settings);
    const body = Drafts.draftRequest({ brand: state.brand, channel: state.channel, post: state.post,
      thread: state.thread, url: state.url, n: settings.alternatives });
    const draft = slim(await client.createDraft(body));
    if (!sessions.has(state.session)) return; // closed while drafting
    Object.assign(state, { draft, phase: Drafts.isEscalation(draft) ? "escalation" : "ready",
      finishedAt: Date.now(),
      approval: { status: draft.status, message: `In the review queue. ${Drafts.approvalStatus(draft)}`,
        submitted: false } });
    if (state.phase === "ready") loadActions(state, client);
  } catch (error) {
    Object.assign(state, { phase: "error", error: asError(error), finishedAt: Date.now() });
  }
  publish(state);
}

// ---- rewrites, feedback and adoption events (issue 10) ---------------------------------------

async function loadActions(state, client) {
  try {
    const catalogue = await client.rewriteActions(state.draft.brand);
    state.actions = Drafts.rewriteButtons(catalogue);
    state.actionsModel = catalogue.model || null;
  } catch (error) {
    const e = asError(error);
    state.actionsError = `Rewrites are not available: ${e.message}`;
  }
  publish(state);
}

function applyDraft(state, full) {
  state.draft = slim(full);
  const queued = full.status === "pending_review" ? "In the review queue. " : "";
  state.approval = { ...(state.approval || {}), status: full.status,
    message: `${queued}${Drafts.approvalStatus(full)}` };
}

async function rewrite(state, actionId) {
  if (state.phase !== "ready" || (state.rewrite && state.rewrite.status === "working")) return;
  const button = (state.actions || []).find((a) => a.id === actionId);
  if (!button || button.disabled) return;
  const text = currentText(state);
  state.rewrite = { status: "working", action: actionId, message: `${button.label}: rewriting…`, notes: [] };
  publish(state);
  let client;
  try {
    client = await clientFor(await loadSettings());
    let result;
    if (Drafts.canRewriteDraft(state.draft)) {
      // Kept as a new version of the draft, re-checked; the agent's edited text when there is one.
      result = await client.rewriteDraft(state.draft.id, Drafts.rewriteRequest(state.draft, actionId, text));
      if (result.draft) applyDraft(state, result.draft);
      Object.assign(state.draft, { text: result.text, checks: result.checks, verdict: result.verdict });
      Object.assign(state, { view: "draft", index: 0, rewritten: null });
    } else {
      // A decided draft takes no new version: rewrite the text alone, for the agent to insert.
      result = await client.rewriteText(Drafts.textRewriteRequest(state.draft, actionId, text));
      Object.assign(state, { view: "rewrite", rewritten: { text: result.text, checks: result.checks } });
    }
    state.lastRewrite = actionId;
    state.rewrite = { status: "done", action: actionId, message: Drafts.rewriteSummary(button.label, result),
      notes: result.notes || [] };
  } catch (error) {
    const e = asError(error);
    state.rewrite = { status: "error", action: actionId, message: `${button.label}: not done. ${e.message}`,
      fix: e.fix, notes: [] };
    if (e.kind === "conflict" && client) {
      try {
        applyDraft(state, await client.getDraft(state.draft.id));
        Object.assign(state, { view: "draft", index: 0, rewritten: null });
        state.rewrite.fix = "The draft was reloaded: look at it, then try again.";
      } catch (_error) {
        // keep the conflict message: the draft could not be reloaded either
      }
    }
  }
  publish(state);
}

async function sendFeedback(state, message) {
  if (!state.draft) return;
  let body;
  try {
    body = Drafts.feedbackRequest({ vote: message.vote, reason: message.reason || null,
      comment: typeof message.comment === "string" ? message.comment : null,
      version: (state.draft.review || {}).version, rewriteAction: state.lastRewrite || null });
  } catch (error) {
    state.feedback = { status: "error", message: error.message };
    return publish(state);
  }
  state.feedback = { status: "sending", vote: body.vote, message: "Sending your feedback…" };
  publish(state);
  try {
    const client = await clientFor(await loadSettings());
    const saved = await client.feedback(state.draft.id, body);
    state.feedback = { status: "sent", vote: body.vote, message: Drafts.feedbackThanks(saved) };
  } catch (error) {
    const e = asError(error);
    state.feedback = { status: "error", vote: body.vote, message: `Feedback not recorded: ${e.message}`, fix: e.fix };
  }
  return publish(state);
}

/** Adoption analytics: "shown", "inserted" and "copied", once per draft; never in the agent's way. */
async function report(state, event) {
  const id = state.draft && state.draft.id;
  if (!id) return;
  state.reported = state.reported || {};
  const key = `${event}:${id}`;
  if (state.reported[key]) return;
  state.reported[key] = true;
  persist();
  try {
    const client = await clientFor(await loadSettings());
    await client.event(id, event);
  } catch (error) {
    console.warn(`crisisdraft: the "${event}" event for ${id} was not recorded: ${error && error.message}`);
  }
}

async function recheck(state, text) {
  if (!state.draft || state.phase !== "ready") return;
  state.view = "box";
  state.boxText = text;
  const seq = (state.checkSeq || 0) + 1;
  state.checkSeq = seq;
  state.checkError = null;
  if (!text.trim()) {
    Object.assign(state, { boxChecks: null, checking: false });
    publish(state);
    return;
  }
  state.checking = true;
  publish(state);
  try {
    const client = await clientFor(await loadSettings());
    const report = await client.check(Drafts.checkRequest(state.draft, text));
    if (seq !== state.checkSeq) return;
    state.boxChecks = report;
  } catch (error) {
    if (seq !== state.checkSeq) return;
    state.checkError = asError(error);
  }
  state.checking = false;
  publish(state);
}

function currentText(state) {
  if (state.view === "box" && state.boxText.trim()) return state.boxText;
  if (state.view === "rewrite" && state.rewritten) return state.rewritten.text;
  return Drafts.choices(state.draft)[state.index].text;
}

async function submit(state) {
  const text = currentText(state);
  state.approval = { status: "submitting", message: "Sending to the approval queue…", submitted: false };
  publish(state);
  try {
    const client = await clientFor(await loadSettings());
    let draft;
    if (text === state.draft.text) {
      draft = await client.getDraft(state.draft.id); // the unedited draft is already queued
    } else {
      draft = await client.propose(state.draft.id, text, state.draft.review.version || 1);
      if (state.view === "box") state.boxChecks = draft.checks;
    }
    state.draft.status = draft.status;
    state.draft.review = draft.review || {};
    state.approval = { status: draft.status, message: Drafts.approvalStatus(draft), submitted: true,
      text, verdict: draft.verdict, version: (draft.review || {}).version };
  } catch (error) {
    const e = asError(error);
    if (e.kind === "not_found" && /^not found: not found$/i.test(e.message)) {
      e.message = "This server cannot take edited texts yet (POST /v1/drafts/{id}/propose is missing).";
      e.fix = "The original draft is in the review queue; tell the reviewer about your edit.";
    }
    state.approval = { status: "error", message: e.message, fix: e.fix, submitted: false };
  }
  publish(state);
}

async function refreshStatus(state) {
  try {
    const client = await clientFor(await loadSettings());
    const draft = await client.getDraft(state.draft.id);
    state.draft.status = draft.status;
    state.draft.review = draft.review || {};
    state.approval = { ...(state.approval || {}), status: draft.status, message: Drafts.approvalStatus(draft) };
  } catch (error) {
    const e = asError(error);
    state.approval = { ...(state.approval || {}), refreshError: `${e.message} ${e.fix}`.trim() };
  }
  publish(state);
}

async function onPanelMessage(port, message) {
  await restore();
  const tabId = port.sender.tab && port.sender.tab.id;
  if (message.type === "hello") {
    if (!SESSION_RE.test(String(message.session))) return port.disconnect();
    const state = sessions.get(message.session);
    if (state && state.tabId !== tabId) return port.disconnect(); // another tab's draft: never
    port.session = message.session;
    port.tabId = tabId;
    ports.set(message.session, port);
    if (state) publish(state);
    else port.postMessage({ type: "state", state: { phase: "waiting", session: message.session } });
    return undefined;
  }
  const state = sessions.get(port.session);
  if (!state || state.tabId !== tabId) return undefined;
  switch (message.type) {
    case "retry":
      return runDraft(state);
    case "alt":
      if (state.phase !== "ready") return undefined;
      if (state.view !== "draft") state.view = "draft"; // back to the drafts, where the agent left them
      else state.index = Drafts.cycle(state.index, Number(message.delta) || 1, Drafts.choices(state.draft).length);
      return publish(state);
    case "show-box":
      if (state.boxText) state.view = "box";
      return publish(state);
    case "insert": {
      if (state.phase !== "ready") return undefined;
      const choice = state.view === "rewrite" && state.rewritten ? state.rewritten
        : Drafts.choices(state.draft)[state.index];
      const reply = await toContent(state, { type: "insert", text: choice.text });
      if (!reply.ok) {
        state.notice = reply.error;
        return publish(state);
      }
      Object.assign(state, { inserted: true, notice: null, view: "box", boxText: reply.text,
        boxChecks: choice.checks });
      report(state, "inserted");
      if (reply.text !== choice.text) return recheck(state, reply.text);
      return publish(state);
    }
    case "undo": {
      const reply = await toContent(state, { type: "undo" });
      if (!reply.ok) {
        state.notice = reply.error;
        return publish(state);
      }
      Object.assign(state, { inserted: false, notice: null });
      if (reply.text.trim()) return recheck(state, reply.text);
      Object.assign(state, { view: "draft", boxText: "", boxChecks: null });
      return publish(state);
    }
    case "submit":
      if (state.phase !== "ready") return undefined;
      return submit(state);
    case "displayed":
      if (state.phase !== "ready" || !state.draft || message.draft !== state.draft.id) return undefined;
      return report(state, "shown");
    case "copied":
      if (state.phase !== "ready" || state.view === "box") return undefined; // the agent's own text
      return report(state, "copied");
    case "rewrite":
      return rewrite(state, String(message.action || ""));
    case "feedback":
      return sendFeedback(state, message);
    case "refresh":
      if (!state.draft) return undefined;
      return refreshStatus(state);
    case "options":
      return chrome.runtime.openOptionsPage();
    case "resize":
      return toContent(state, { type: "resize", height: message.height });
    case "close":
      await toContent(state, { type: "close" });
      return forget(state.session);
    default:
      return undefined;
  }
}

chrome.runtime.onConnect.addListener((port) => {
  const sender = port.sender || {};
  if (port.name !== "panel" || !isOwnPage(sender, "/panel/panel.html") || !sender.tab) {
    port.disconnect();
    return;
  }
  port.onMessage.addListener((message) => {
    if (message && typeof message.type === "string") onPanelMessage(port, message);
  });
  port.onDisconnect.addListener(() => {
    if (port.session && ports.get(port.session) === port) ports.delete(port.session);
  });
});

// ---- messages from content scripts and the options page -----------------------------------

async function onContentMessage(message, sender) {
  await restore();
  const tabId = sender.tab.id;
  const settings = await loadSettings();
  switch (message.type) {
    case "hello": {
      const site = Patterns.siteFor(sender.url, settings.sites);
      return { ok: true, config: site ? Settings.publicSiteConfig(settings, site) : null };
    }
    case "draft": {
      if (!SESSION_RE.test(String(message.session)) || sessions.has(message.session)) {
        return { ok: false, error: "Bad session." };
      }
      const site = Patterns.siteFor(sender.url, settings.sites);
      const config = Settings.publicSiteConfig(settings, site);
      const mine = [...sessions.values()].filter((s) => s.tabId === tabId);
      for (const old of mine.slice(0, Math.max(0, mine.length - MAX_SESSIONS_PER_TAB + 1))) forget(old.session);
      const post = message.post && typeof message.post.text === "string" && message.post.text.trim()
        ? { text: message.post.text, author: message.post.author || null } : null;
      const state = { session: message.session, tabId, frameId: sender.frameId || 0, post,
        thread: Array.isArray(message.thread) ? message.thread.slice(-Drafts.MAX_THREAD) : [],
        url: String(message.url || sender.url || ""), brand: config.brand, channel: config.channel,
        hasBox: Boolean(message.hasBox) };
      sessions.set(state.session, state);
      const port = ports.get(state.session);
      if (port && port.tabId !== tabId) {
        ports.delete(state.session);
        port.disconnect();
      }
      runDraft(state);
      return { ok: true };
    }
    case "box-text": {
      const state = sessions.get(message.session);
      if (!state || state.tabId !== tabId || typeof message.text !== "string") return { ok: false };
      recheck(state, message.text.slice(0, 20000));
      return { ok: true };
    }
    case "closed": {
      const state = sessions.get(message.session);
      if (state && state.tabId === tabId) forget(state.session);
      return { ok: true };
    }
    default:
      return { ok: false, error: `unknown message ${message.type}` };
  }
}

// On the options page the fix is on the same page: say which field to change.
const OPTIONS_FIXES = {
  auth: "Paste a valid key above (ask your lead for one), press Save, then test again.",
  forbidden: "Ask your lead for a key with access to this brand.",
  network: "Check the API URL above and that the server is running, then test again.",
  timeout: "The server is slow or stuck: try again in a moment.",
  protocol: "The API URL above should be the crisisdraft server's base URL.",
  config: "Fill in the field above, press Save, then test again.",
};

async function onOptionsMessage(message) {
  switch (message.type) {
    case "test-connection": {
      try {
        const client = await clientFor(await loadSettings());
        const brands = await client.brands();
        return { ok: true, brands: (brands.data || []).map((b) => (b.brand && b.brand.id) || b.id).filter(Boolean) };
      } catch (error) {
        return { ok: false, error: { ...asError(error), fix: OPTIONS_FIXES[error.kind] || "" } };
      }
    }
    case "sync":
      return syncContentScripts();
    default:
      return { ok: false, error: `unknown message ${message.type}` };
  }
}

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (sender.id !== chrome.runtime.id || !message || typeof message.type !== "string") return false;
  let work;
  if (sender.tab && !String(sender.url).startsWith("chrome-extension://")) {
    work = onContentMessage(message, sender);
  } else if (isOwnPage(sender, "/options/options.html")) {
    work = onOptionsMessage(message);
  } else {
    return false;
  }
  work.then(reply, (error) => reply({ ok: false, error: String(error && error.message) }));
  return true;
});

chrome.tabs.onRemoved.addListener(async (tabId) => {
  await restore();
  for (const state of [...sessions.values()]) if (state.tabId === tabId) forget(state.session);
});

// ---- content scripts on the enabled sites, and the context menu ----------------------------

let syncing = Promise.resolve();
function syncContentScripts() {
  syncing = syncing.then(doSync, doSync);
  return syncing;
}

async function doSync() {
  const settings = await loadSettings();
  const existing = await chrome.scripting.getRegisteredContentScripts();
  const ids = existing.map((s) => s.id).filter((id) => id.startsWith("cd-site-"));
  if (ids.length) await chrome.scripting.unregisterContentScripts({ ids });
  const problems = [];
  const active = [];
  for (const [index, site] of settings.sites.entries()) {
    let allowed = false;
    try {
      allowed = await chrome.permissions.contains({ origins: [Patterns.permissionPattern(site.match)] });
    } catch (error) {
      problems.push(`${site.match}: ${error.message}`);
      continue;
    }
    if (!allowed) {
      problems.push(`${site.match}: not allowed yet; press Save in the options and allow the site.`);
      continue;
    }
    try {
      await chrome.scripting.registerContentScripts([{ id: `cd-site-${index}`, matches: [site.match],
        js: CONTENT_FILES, runAt: "document_idle", allFrames: false, persistAcrossSessions: true }]);
      active.push(site.match);
    } catch (error) {
      problems.push(`${site.match}: Chrome refused the pattern (${error.message}).`);
    }
  }
  // Tabs already open on an enabled site get the button without a reload.
  const tabs = await chrome.tabs.query({}).catch(() => []);
  for (const tab of tabs) {
    if (tab.url && active.some((match) => Patterns.matches(match, tab.url))) {
      chrome.scripting.executeScript({ target: { tabId: tab.id }, files: CONTENT_FILES }).catch(() => {});
    }
  }
  const registration = { at: Date.now(), active, problems };
  await chrome.storage.local.set({ registration });
  return { ok: problems.length === 0, ...registration };
}

function createMenu() {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({ id: MENU_ID, title: "Draft a reply to this", contexts: ["selection"] });
  });
}

async function onMenuClick(info, tab) {
  if (info.menuItemId !== MENU_ID || !tab || tab.id === undefined || tab.id < 0) return;
  const settings = await loadSettings();
  const site = Patterns.siteFor(info.frameUrl || info.pageUrl, settings.sites);
  const message = { type: "context-draft", text: info.selectionText || "",
    config: Settings.publicSiteConfig(settings, site) };
  const target = { frameId: info.frameId || 0 };
  try {
    await chrome.tabs.sendMessage(tab.id, message, target);
  } catch (_error) {
    // Not an enabled site: the context-menu click grants activeTab, so inject here once.
    await chrome.scripting.executeScript({ target: { tabId: tab.id, frameIds: [target.frameId] },
      files: CONTENT_FILES });
    await chrome.tabs.sendMessage(tab.id, message, target);
  }
}

chrome.contextMenus.onClicked.addListener(onMenuClick);
self.crisisdraftMenuClick = onMenuClick; // the e2e test calls it: headless Chromium has no menus to click

chrome.runtime.onInstalled.addListener(() => {
  createMenu();
  syncContentScripts();
});
chrome.runtime.onStartup.addListener(() => {
  createMenu();
  syncContentScripts();
});
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && changes.settings) syncContentScripts();
});
chrome.permissions.onAdded.addListener(() => syncContentScripts());
chrome.permissions.onRemoved.addListener(() => syncContentScripts());
chrome.action.onClicked.addListener(() => chrome.runtime.openOptionsPage());
