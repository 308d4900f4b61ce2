// The draft panel: an extension page shown in an iframe beside the reply box. The page around
// it cannot read it. Everything from the server is shown with text nodes, never as HTML.
"use strict";

const Drafts = globalThis.CrisisdraftDrafts;
const $ = (id) => document.getElementById(id);
const session = location.hash.slice(1);
let port = null;
let state = null;
let reconnects = 0;
let ticker = null;
let poller = null;
let displayed = null; // the draft id last reported as shown

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function show(id, visible) {
  $(id).hidden = !visible;
}

function send(message) {
  if (port) port.postMessage(message);
}

function connect() {
  port = chrome.runtime.connect({ name: "panel" });
  port.onMessage.addListener((message) => {
    if (message && message.type === "state") {
      reconnects = 0;
      state = message.state;
      render();
    }
  });
  port.onDisconnect.addListener(() => {
    port = null;
    // The service worker restarted: reconnect (a refused panel stops after a few tries).
    if (reconnects < 5) {
      reconnects += 1;
      setTimeout(connect, 250 * reconnects);
    } else {
      state = { phase: "error", error: { message: "This panel lost its connection to the extension.",
        fix: "Close it and press Draft reply again. Your text in the reply box is untouched." } };
      render();
    }
  });
  port.postMessage({ type: "hello", session });
}

function badge(text, className) {
  return el("span", text, `badge ${className || ""}`.trim());
}

function renderBadges(draft) {
  const box = $("badges");
  box.replaceChildren();
  if (!draft) return;
  const t = draft.triage || {};
  if (t.severity) box.append(badge(`severity: ${t.severity}`, `sev-${t.severity}`));
  if (t.category) box.append(badge(t.category));
  if (t.action) box.append(badge(`action: ${t.action.replaceAll("_", " ")}`, `action-${t.action}`));
  box.append(badge(`channel: ${draft.channel}`));
  for (const flag of t.risk_flags || []) box.append(badge(flag.replaceAll("_", " "), "flag"));
}

function renderText(text, report) {
  const box = $("text");
  box.replaceChildren();
  for (const part of Drafts.segments(text, report)) {
    if (part.severity) {
      const mark = el("mark", part.text, part.severity);
      mark.title = part.title;
      mark.dataset.check = part.id;
      box.append(mark);
    } else {
      box.append(document.createTextNode(part.text));
    }
  }
}

function renderChecks(report) {
  const list = $("checks");
  list.replaceChildren();
  if (!report) return;
  const failing = Drafts.failing(report);
  for (const f of failing) {
    const item = el("li", null, f.severity);
    item.dataset.check = f.id;
    item.append(el("span", f.severity, "sev"), document.createTextNode(f.explanation || f.id));
    if (f.suggestion) item.append(el("span", `→ ${f.suggestion}`, "suggestion"));
    list.append(item);
  }
  if (failing.length === 0) list.append(el("li", "All checks pass.", "pass"));
}

function renderDraft() {
  const draft = state.draft;
  const options = Drafts.choices(draft);
  const inBox = state.view === "box";
  const rewritten = state.view === "rewrite" && state.rewritten;
  const choice = rewritten || options[state.index || 0];
  const text = inBox ? state.boxText : choice.text;
  const report = inBox ? state.boxChecks : choice.checks;
  $("draft-label").textContent = inBox ? "Your reply (in the box)"
    : rewritten ? "Rewritten (not saved: the draft is decided)"
      : `Draft ${(state.index || 0) + 1} of ${options.length}`;
  const verdict = report ? report.verdict : "";
  $("verdict").textContent = verdict ? verdict.replaceAll("_", " ") : "";
  $("verdict").className = `verdict ${verdict}`;
  $("prev").disabled = options.length < 2 && !inBox && !rewritten;
  $("next").disabled = options.length < 2 && !inBox && !rewritten;
  renderText(text, report);
  const limit = Drafts.CHANNEL_LIMITS[draft.channel];
  $("count").textContent = limit ? `${text.length} / ${limit} characters on ${draft.channel}` : `${text.length} characters`;
  show("checking", Boolean(state.checking));
  renderChecks(state.checking ? null : report);
  if (state.checkError) {
    $("checks").replaceChildren(el("li", `${state.checkError.message} ${state.checkError.fix}`, "block"));
  }
  $("notice").textContent = state.notice || "";
  show("notice", Boolean(state.notice));
  $("insert").disabled = !state.hasBox || inBox;
  $("insert").title = !state.hasBox ? "No reply box was found: click into one, then press Draft reply"
    : inBox ? "The box holds your reply: use ‹ › to see the drafts again"
      : "Put this text into the reply box (nothing is posted)";
  show("undo", Boolean(state.inserted));
  const approval = state.approval || {};
  $("submit").disabled = approval.status === "submitting";
  $("approval").textContent = [approval.message, approval.fix, approval.refreshError].filter(Boolean).join(" ");
  $("approval").className = `approval ${approval.status || ""}`;
  show("refresh", Boolean(approval.submitted));
  managePolling(approval);
  renderRewrites();
  renderFeedback();
}

function renderRewrites() {
  const buttons = state.actions || [];
  const working = Boolean(state.rewrite && state.rewrite.status === "working");
  show("rewrites", buttons.length > 0 || Boolean(state.actionsError));
  $("rewrite-buttons").replaceChildren(...buttons.map((a) => {
    const button = el("button", a.label, "small");
    button.type = "button";
    button.dataset.action = a.id;
    button.disabled = a.disabled || working;
    button.title = a.title;
    button.addEventListener("click", () => send({ type: "rewrite", action: a.id }));
    return button;
  }));
  // Why an action is greyed out: folded, so the panel stays short (the tooltip says it too).
  const disabled = buttons.filter((a) => a.disabled);
  const off = disabled.map((a) => el("li", `${a.label}: ${a.reason}`));
  if (state.actionsError) off.push(el("li", state.actionsError));
  $("rewrites-off").replaceChildren(...off);
  $("rewrites-off-summary").textContent = state.actionsError ? "Rewrites are not available: why?"
    : `Not available here: ${disabled.map((a) => a.label).join(", ")} (why?)`;
  show("rewrites-off-box", off.length > 0);
  const r = state.rewrite;
  show("rewrite-status", Boolean(r));
  $("rewrite-status").textContent = r ? [r.message, r.fix].filter(Boolean).join(" ") : "";
  $("rewrite-status").className = `rewrite-status ${r ? r.status : ""}`;
  $("rewrite-notes").replaceChildren(...((r && r.notes) || []).map((n) => el("li", n)));
}

function renderFeedback() {
  const f = state.feedback;
  show("fb-status", Boolean(f));
  $("fb-status").textContent = f ? [f.message, f.fix].filter(Boolean).join(" ") : "";
  $("fb-status").className = `fb-status ${f ? f.status : ""}`;
  const busy = Boolean(f && f.status === "sending");
  for (const id of ["fb-up", "fb-down", "fb-send"]) $(id).disabled = busy;
  if (f && f.status === "sent") show("fb-form", false);
}

function fillReasons() {
  for (const [id, label] of Drafts.FEEDBACK_REASONS) {
    const option = el("option", label);
    option.value = id;
    $("fb-reason").append(option);
  }
}

function managePolling(approval) {
  const waiting = approval.submitted && approval.status === "pending_review";
  if (waiting && !poller) {
    let rounds = 0;
    poller = setInterval(() => {
      rounds += 1;
      if (rounds > 60) { clearInterval(poller); poller = null; return; }
      send({ type: "refresh" });
    }, 10000);
  } else if (!waiting && poller) {
    clearInterval(poller);
    poller = null;
  }
}

function renderEscalation() {
  const e = state.draft.escalation || {};
  $("esc-role").textContent = e.role || state.draft.triage.escalate_to || "a named person";
  $("esc-name").textContent = e.contact_name || "";
  $("esc-contact").textContent = e.contact || "";
  show("esc-contact-line", Boolean(e.contact_name || e.contact));
  const list = $("esc-reasons");
  list.replaceChildren();
  for (const reason of e.reasons || state.draft.triage.reasons || []) list.append(el("li", reason));
}

function renderSources(draft) {
  const list = $("sources");
  list.replaceChildren();
  const sources = (draft && draft.sources) || [];
  for (const s of sources) {
    const item = el("li");
    item.append(el("span", s.title), document.createTextNode(" "), el("span", `(${s.source.replaceAll("_", " ")})`, "kind"),
      el("span", s.snippet, "snippet"));
    list.append(item);
  }
  $("sources-summary").textContent = `Sources (${sources.length})`;
  show("sources-box", sources.length > 0);
}

function renderProgress() {
  const seconds = Math.max(0, Math.round((Date.now() - (state.startedAt || Date.now())) / 1000));
  $("progress-text").textContent = state.phase === "waiting" ? "Starting…"
    : `Drafting… ${seconds} s (triage, sources, draft, checks)`;
}

function render() {
  if (!state) return;
  const phase = state.phase;
  const labels = { waiting: "starting", drafting: "drafting", ready: "ready", escalation: "escalation",
    error: "could not draft" };
  $("phase").textContent = labels[phase] || "";
  show("progress", phase === "drafting" || phase === "waiting");
  clearInterval(ticker);
  ticker = null;
  if (phase === "drafting" || phase === "waiting") {
    renderProgress();
    ticker = setInterval(renderProgress, 500);
  }
  show("error", phase === "error");
  if (phase === "error") {
    $("error-message").textContent = state.error.message;
    $("error-fix").textContent = state.error.fix || "";
    show("open-options", ["auth", "config", "forbidden", "not_found", "protocol", "network"].includes(state.error.kind));
    show("retry", Boolean(state.session));
  }
  const draft = state.draft;
  show("replying", Boolean(state.post));
  if (state.post) {
    $("post-author").textContent = state.post.author || "the customer";
    $("post-text").textContent = state.post.text;
    $("thread-count").textContent = state.threadCount ? `(+${state.threadCount} earlier in the thread)` : "";
  }
  renderBadges(draft);
  show("escalation", phase === "escalation");
  if (phase === "escalation") renderEscalation();
  show("draft", phase === "ready");
  if (phase === "ready") renderDraft();
  if (phase === "ready" && state.draft && displayed !== state.draft.id) {
    displayed = state.draft.id; // adoption analytics: this draft is on the agent's screen
    send({ type: "displayed", draft: state.draft.id });
  }
  renderSources(phase === "ready" ? draft : null);
  const notes = $("notes");
  notes.replaceChildren();
  // An escalation shows the escalation only; the notes are about the holding line it replaces.
  if (phase === "ready") for (const note of (draft && draft.notes) || []) notes.append(el("li", note));
  reportHeight();
}

let lastHeight = 0;
function reportHeight() {
  requestAnimationFrame(() => {
    // The body's own height (the document's scrollHeight never drops below the frame's height).
    const height = Math.ceil(document.body.getBoundingClientRect().height) + 2;
    if (Math.abs(height - lastHeight) > 2) {
      lastHeight = height;
      send({ type: "resize", height });
    }
  });
}

$("close").addEventListener("click", () => send({ type: "close" }));
$("retry").addEventListener("click", () => send({ type: "retry" }));
$("open-options").addEventListener("click", () => send({ type: "options" }));
$("prev").addEventListener("click", () => send({ type: "alt", delta: -1 }));
$("next").addEventListener("click", () => send({ type: "alt", delta: 1 }));
$("insert").addEventListener("click", () => send({ type: "insert" }));
$("undo").addEventListener("click", () => send({ type: "undo" }));
$("submit").addEventListener("click", () => send({ type: "submit" }));
$("refresh").addEventListener("click", () => send({ type: "refresh" }));
$("sources-box").addEventListener("toggle", reportHeight);
$("rewrites-off-box").addEventListener("toggle", reportHeight);
$("text").addEventListener("copy", () => send({ type: "copied" })); // the agent pasted it elsewhere
$("fb-up").addEventListener("click", () => {
  show("fb-form", false);
  send({ type: "feedback", vote: "up" });
});
$("fb-down").addEventListener("click", () => {
  show("fb-form", true);
  $("fb-reason").focus();
});
$("fb-reason").addEventListener("change", () => {
  $("fb-comment").placeholder = $("fb-reason").value === "other" ? "What was wrong? (required)" : "Comment (optional)";
});
$("fb-cancel").addEventListener("click", () => show("fb-form", false));
$("fb-send").addEventListener("click", () => {
  try {
    // Checked here first so the agent sees what is missing at once; the worker checks again.
    Drafts.feedbackRequest({ vote: "down", reason: $("fb-reason").value, comment: $("fb-comment").value });
  } catch (error) {
    show("fb-status", true);
    $("fb-status").textContent = error.message;
    $("fb-status").className = "fb-status error";
    return;
  }
  send({ type: "feedback", vote: "down", reason: $("fb-reason").value, comment: $("fb-comment").value });
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") send({ type: "close" });
});
new ResizeObserver(reportHeight).observe(document.body);
fillReasons();

connect();
