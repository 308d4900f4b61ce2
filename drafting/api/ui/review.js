// crisisdraft review queue. Everything from the server is shown with textContent: never HTML.
"use strict";

// $, el, showError, api, auth and setUpSignIn come from common.js.
const state = { current: null, recheckTimer: null, actions: new Map(), shown: new Set(), lastRewrite: null };
const REWRITABLE = new Set(["pending_review", "changes_requested"]);
const REASONS = { wrong_facts: "wrong facts", wrong_tone: "wrong tone", off_brand: "off-brand",
                  policy_problem: "policy problem", not_helpful: "not helpful", other: "other" };

function badges(draft) {
  const box = el("span");
  const t = draft.triage || {};
  if (draft.review && draft.review.overdue) box.append(el("span", "overdue", "badge overdue-badge"));
  box.append(el("span", t.severity, `badge sev-${t.severity}`));
  box.append(el("span", t.category, "badge"));
  box.append(el("span", t.action, "badge"));
  box.append(el("span", draft.channel, "badge"));
  for (const flag of t.risk_flags || []) box.append(el("span", flag, "badge flag"));
  return box;
}

async function loadIncidents() {
  // Open incidents, overdue updates first: the next update is owed to the public.
  const params = new URLSearchParams();
  if (auth.brand) params.set("brand", auth.brand);
  const list = $("incidents");
  try {
    const open = await api(`/v1/queue/incidents?${params}`);
    list.replaceChildren(...open.data.map((i) => {
      const due = i.overdue ? `update OVERDUE by ${Math.round(i.minutes_overdue || 0)} min`
        : (i.next_update_due ? `next update due ${i.next_update_due}` : "");
      const item = el("li", `Incident ${i.id} · ${i.severity} · ${i.status} · ${i.title} · ${due} · ` +
                            `${i.pending_drafts.length} draft(s) waiting`);
      if (i.overdue) item.classList.add("overdue");
      return item;
    }));
    list.hidden = open.count === 0;
  } catch (error) { list.hidden = true; }
}

async function loadQueue() {
  showError("");
  loadIncidents();
  const params = new URLSearchParams({ status: $("status").value });
  if (auth.brand) params.set("brand", auth.brand);
  try {
    const queue = await api(`/v1/queue?${params}`);
    const list = $("queue");
    list.replaceChildren();
    for (const draft of queue.data) {
      const item = el("li");
      item.dataset.id = draft.id;
      if (draft.review && draft.review.overdue) item.classList.add("overdue");
      item.append(badges(draft));
      item.append(el("div", draft.post.text.slice(0, 160), "q-text"));
      item.addEventListener("click", () => openDraft(draft.id));
      list.append(item);
    }
    $("empty").hidden = queue.count > 0;
  } catch (error) {
    showError(error.message);
    if (error.status === 401) signOut();
  }
}

function highlight(text, findings) {
  // Build text nodes and <mark> elements from the failing findings' spans.
  const box = $("d-highlight");
  box.replaceChildren();
  const spans = (findings || []).filter((f) => !f.passed && f.span)
    .map((f) => ({ start: f.span[0], end: f.span[1], severity: f.severity, title: f.explanation }))
    .sort((a, b) => a.start - b.start);
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end > text.length) continue;
    box.append(document.createTextNode(text.slice(at, s.start)));
    const mark = el("mark", text.slice(s.start, s.end), s.severity);
    mark.title = s.title;
    box.append(mark);
    at = s.end;
  }
  box.append(document.createTextNode(text.slice(at)));
}

function showChecks(report) {
  $("d-verdict").textContent = report.verdict;
  const list = $("d-checks");
  list.replaceChildren();
  for (const f of report.findings.filter((x) => !x.passed)) {
    const item = el("li", `${f.severity} · ${f.id}: ${f.explanation} → ${f.suggestion}`, f.severity);
    list.append(item);
  }
  if (!list.children.length) list.append(el("li", "All checks pass."));
  highlight($("d-text").value, report.findings);
}

async function recheck() {
  const draft = state.current;
  if (!draft) return;
  const text = $("d-text").value;
  $("d-count").textContent = `${text.length} characters`;
  if (!text.trim()) return;
  try {
    const report = await api("/v1/checks", { method: "POST", body: JSON.stringify({
      brand: draft.brand, channel: draft.channel, kind: draft.kind, text, language: draft.language,
      post: draft.post.text, author: draft.post.author,
      facts: draft.sources.filter((s) => s.source === "fact").map((s) => s.snippet) }) });
    showChecks(report);
  } catch (error) { showError(error.message); }
}

function showDraft(draft) {
  state.current = draft;
  $("detail").hidden = false;
  $("d-title").textContent = `${draft.kind.replace("_", " ")} · ${draft.brand} · ${draft.channel}`;
  $("d-status").textContent = `${draft.status} · v${draft.review.version}`;
  $("d-badges").replaceChildren(badges(draft));
  const esc = draft.escalation;
  $("d-escalation").hidden = !esc;
  $("d-escalation").textContent = esc ? `Escalate to ${esc.role}: ${esc.contact_name || ""} ${esc.contact || ""}. ${esc.reasons.join("; ")}` : "";
  $("d-post").textContent = `${draft.post.author || ""} ${draft.post.text}`.trim();
  const thread = $("d-thread");
  thread.replaceChildren(...draft.thread.map((m) => el("blockquote", `${m.author || ""} ${m.text}`.trim())));
  $("d-meta").textContent = `${draft.model} · ${draft.prompt_version}${draft.fallback ? " · FALLBACK" : ""}`;
  $("d-text").value = storedText(draft);
  $("d-count").textContent = `${$("d-text").value.length} characters`;
  showChecks(draft.checks);
  const sources = $("d-sources");
  sources.replaceChildren(...draft.sources.map((s) => el("li", `[${s.source}] ${s.title}: ${s.snippet}`)));
  const pending = draft.status === "pending_review";
  for (const b of ["approve", "changes", "reject"]) $(b).disabled = !pending;
  renderRewrites(draft);
}

function storedText(draft) {
  return draft.review.approved_text || draft.text;
}

async function loadHistory(id) {
  const history = await api(`/v1/drafts/${encodeURIComponent(id)}/history`);
  // A rewrite is one version and one decision: list it once, as the version, with its action.
  const items = [...history.versions.map((v) => ({ at: v.at, text: `${v.action ? `rewrite (${v.action})` : v.origin} by ${v.actor || "?"} (${v.verdict || "-"})` })),
                 ...history.decisions.filter((d) => d.action !== "rewrite").map((d) => ({ at: d.at, text: `${d.action} by ${d.actor}${d.reason ? `: ${d.reason}` : ""}${d.override ? " [override]" : ""}` }))]
    .sort((a, b) => String(a.at).localeCompare(String(b.at)));
  $("d-history").replaceChildren(...items.map((i) => el("li", `${i.at} — ${i.text}`)));
}

async function openDraft(id) {
  showError("");
  $("d-result").textContent = "";
  try {
    const draft = await api(`/v1/drafts/${encodeURIComponent(id)}`);
    for (const li of $("queue").children) li.classList.toggle("active", li.dataset.id === id);
    if (!state.current || state.current.id !== id) resetPanels();
    showDraft(draft);
    reportShown(draft.id);
    await loadHistory(id);
    await loadActions(draft);
  } catch (error) { showError(error.message); }
}

function resetPanels() {
  state.lastRewrite = null;
  $("d-rewrite").hidden = true;
  $("fb-form").hidden = true;
  $("fb-result").textContent = "";
}

function reportShown(id) {
  // Adoption analytics: once per draft per page, and never in the reviewer's way.
  if (state.shown.has(id)) return;
  state.shown.add(id);
  api(`/v1/drafts/${encodeURIComponent(id)}/events`, { method: "POST",
    body: JSON.stringify({ event: "shown", surface: "review" }) })
    .catch((error) => console.warn(`crisisdraft: the "shown" event was not recorded: ${error.message}`));
}

// ---- rewrites -----------------------------------------------------------------------------------

async function loadActions(draft) {
  if (!state.actions.has(draft.brand)) {
    try {
      state.actions.set(draft.brand, await api(`/v1/rewrite/actions?${new URLSearchParams({ brand: draft.brand })}`));
    } catch (error) {
      $("d-rewrites").replaceChildren(el("span", `Rewrites are not available: ${error.message}`, "muted"));
      return;
    }
  }
  if (state.current && state.current.id === draft.id) renderRewrites(state.current);
}

function renderRewrites(draft) {
  const catalogue = state.actions.get(draft.brand);
  if (!catalogue) return;
  const open = REWRITABLE.has(draft.status);
  const buttons = catalogue.actions.map((a) => {
    const button = el("button", a.label);
    button.type = "button";
    button.dataset.action = a.id;
    button.disabled = !a.available || !open;
    button.title = !a.available ? (a.reason || "not available with this model")
      : !open ? `Only a draft waiting for review can be rewritten (this one is ${draft.status}).`
        : `${a.description}${a.offline ? " (works offline)" : ""}`;
    button.addEventListener("click", () => rewrite(a));
    return button;
  });
  $("d-rewrites").replaceChildren(...buttons);
  $("d-rewrites-off").replaceChildren(...catalogue.actions.filter((a) => !a.available)
    .map((a) => el("li", `${a.label}: ${a.reason || "not available with this model"}`)));
}

async function rewrite(action) {
  const draft = state.current;
  if (!draft) return;
  showError("");
  const text = $("d-text").value;
  const body = { action: action.id, expected_version: draft.review.version,
                 text: text !== storedText(draft) ? text : null, model: null };
  for (const b of $("d-rewrites").children) b.disabled = true;
  $("d-rewrite").hidden = false;
  $("d-rewrite-summary").textContent = `${action.label}: rewriting…`;
  $("d-rewrite-notes").replaceChildren();
  try {
    const result = await api(`/v1/drafts/${encodeURIComponent(draft.id)}/rewrite`, {
      method: "POST", body: JSON.stringify(body) });
    if (result.draft) showDraft(result.draft);
    else renderRewrites(draft);
    $("d-text").value = result.text;
    $("d-count").textContent = `${result.text.length} characters`;
    showChecks(result.checks);
    state.lastRewrite = result.action;
    const version = result.draft ? ` · now version ${result.draft.review.version}` : "";
    $("d-rewrite-summary").textContent = `${action.label}: ${result.changed ? "rewritten" : "no change needed"} · ` +
      `verdict ${result.verdict}${version} · ${result.model}${result.offline ? " (offline)" : ""}`;
    $("d-rewrite-notes").replaceChildren(...(result.notes || []).map((n) => el("li", n)));
    await loadHistory(draft.id);
  } catch (error) {
    $("d-rewrite-summary").textContent = `${action.label}: not done. ${error.message}`;
    if (error.status === 409) {
      // Someone else changed the draft (or its state): show what is stored now.
      await openDraft(draft.id);
      $("d-rewrite").hidden = false;
      showError(`${error.message} The draft was reloaded: check it and try again.`);
    } else if (state.current) {
      renderRewrites(state.current);
    }
  }
}

// ---- feedback -----------------------------------------------------------------------------------

async function sendFeedback(vote) {
  const draft = state.current;
  if (!draft) return;
  const reason = vote === "down" ? $("fb-reason").value || null : null;
  const comment = vote === "down" ? $("fb-comment").value.trim() || null : null;
  if (vote === "down" && !reason) { $("fb-result").textContent = "Choose what was wrong first."; return; }
  if (reason === "other" && !comment) { $("fb-result").textContent = "Say in the comment what was wrong."; return; }
  try {
    const saved = await api(`/v1/drafts/${encodeURIComponent(draft.id)}/feedback`, { method: "POST",
      body: JSON.stringify({ vote, reason, comment, version: draft.review.version, rewrite_action: state.lastRewrite }) });
    $("fb-form").hidden = true;
    $("fb-reason").value = "";
    $("fb-comment").value = "";
    $("fb-result").textContent = `Thanks: your ${saved.vote === "up" ? "thumbs up" : "thumbs down"}` +
      `${saved.reason ? ` (${REASONS[saved.reason] || saved.reason})` : ""} on version ${saved.version ?? draft.review.version} is recorded.`;
  } catch (error) { $("fb-result").textContent = `Feedback not recorded: ${error.message}`; }
}

function feedbackReasonChanged() {
  $("fb-comment-need").textContent = $("fb-reason").value === "other" ? "(required)" : "(optional)";
}

async function decide(action) {
  const draft = state.current;
  const text = $("d-text").value;
  const reason = $("d-reason").value.trim() || null;
  const body = { expected_version: draft.review.version, reason };
  if (action === "approve" && text !== draft.text) body.text = text;
  const path = { approve: "approve", changes: "request-changes", reject: "reject" }[action];
  try {
    const result = await api(`/v1/drafts/${encodeURIComponent(draft.id)}/${path}`, {
      method: "POST", body: JSON.stringify(body),
      headers: { "Idempotency-Key": `${draft.id}-${path}-${draft.review.version}` } });
    $("d-result").textContent = `Done: ${result.status}.`;
    $("d-reason").value = "";
    await loadQueue();
    await openDraft(draft.id);
  } catch (error) { showError(error.message); }
}

document.addEventListener("DOMContentLoaded", () => {
  $("refresh").addEventListener("click", loadQueue);
  $("status").addEventListener("change", loadQueue);
  $("approve").addEventListener("click", () => decide("approve"));
  $("changes").addEventListener("click", () => decide("changes"));
  $("reject").addEventListener("click", () => decide("reject"));
  $("d-text").addEventListener("input", () => {
    clearTimeout(state.recheckTimer);
    state.recheckTimer = setTimeout(recheck, 300);
  });
  $("fb-up").addEventListener("click", () => sendFeedback("up"));
  $("fb-down").addEventListener("click", () => {
    $("fb-form").hidden = false;
    $("fb-result").textContent = "";
    $("fb-reason").focus();
  });
  $("fb-reason").addEventListener("change", feedbackReasonChanged);
  $("fb-form").addEventListener("submit", (event) => { event.preventDefault(); sendFeedback("down"); });
  $("fb-cancel").addEventListener("click", () => { $("fb-form").hidden = true; });
  setUpSignIn(loadQueue);
});
