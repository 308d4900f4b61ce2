// crisisdraft review queue. Everything from the server is shown with textContent: never HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { key: sessionStorage.getItem("cd-key") || "", brand: sessionStorage.getItem("cd-brand") || "",
                current: null, recheckTimer: null };

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = !message;
}

async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { "Authorization": `Bearer ${state.key}`, "Content-Type": "application/json",
               ...(options.headers || {}) },
  });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body && (body.detail || body.title) || response.statusText;
    const fix = body && body.fix ? ` — ${body.fix}` : "";
    const error = new Error(`${detail}${fix}`);
    error.status = response.status;
    error.body = body;
    throw error;
  }
  return body;
}

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
  if (state.brand) params.set("brand", state.brand);
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
  if (state.brand) params.set("brand", state.brand);
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

async function openDraft(id) {
  showError("");
  $("d-result").textContent = "";
  try {
    const draft = await api(`/v1/drafts/${encodeURIComponent(id)}`);
    state.current = draft;
    for (const li of $("queue").children) li.classList.toggle("active", li.dataset.id === id);
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
    $("d-text").value = draft.review.approved_text || draft.text;
    $("d-count").textContent = `${$("d-text").value.length} characters`;
    showChecks(draft.checks);
    const sources = $("d-sources");
    sources.replaceChildren(...draft.sources.map((s) => el("li", `[${s.source}] ${s.title}: ${s.snippet}`)));
    const history = await api(`/v1/drafts/${encodeURIComponent(id)}/history`);
    const items = [...history.versions.map((v) => ({ at: v.at, text: `${v.origin} by ${v.actor || "?"} (${v.verdict || "-"})` })),
                   ...history.decisions.map((d) => ({ at: d.at, text: `${d.action} by ${d.actor}${d.reason ? `: ${d.reason}` : ""}${d.override ? " [override]" : ""}` }))]
      .sort((a, b) => String(a.at).localeCompare(String(b.at)));
    $("d-history").replaceChildren(...items.map((i) => el("li", `${i.at} — ${i.text}`)));
    const pending = draft.status === "pending_review";
    for (const b of ["approve", "changes", "reject"]) $(b).disabled = !pending;
  } catch (error) { showError(error.message); }
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

function signIn(event) {
  event.preventDefault();
  state.key = $("key").value.trim();
  state.brand = $("brand").value.trim();
  sessionStorage.setItem("cd-key", state.key);
  sessionStorage.setItem("cd-brand", state.brand);
  start();
}

function signOut() {
  sessionStorage.removeItem("cd-key");
  state.key = "";
  $("signin").hidden = false;
  $("who").hidden = true;
}

function start() {
  if (!state.key) return;
  $("signin").hidden = true;
  $("who").hidden = false;
  $("who-text").textContent = state.brand ? `brand ${state.brand}` : "all my brands";
  loadQueue();
}

document.addEventListener("DOMContentLoaded", () => {
  $("signin").addEventListener("submit", signIn);
  $("signout").addEventListener("click", signOut);
  $("refresh").addEventListener("click", loadQueue);
  $("status").addEventListener("change", loadQueue);
  $("approve").addEventListener("click", () => decide("approve"));
  $("changes").addEventListener("click", () => decide("changes"));
  $("reject").addEventListener("click", () => decide("reject"));
  $("d-text").addEventListener("input", () => {
    clearTimeout(state.recheckTimer);
    state.recheckTimer = setTimeout(recheck, 300);
  });
  start();
});
