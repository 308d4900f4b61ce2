// Pure logic shared by the content script, the service worker and the panel: what to send to
// the API, what to show from its answer. No DOM and no chrome.* here, so Node tests run it.
"use strict";

(function (root) {
  const MAX_POST = 5000;
  const MAX_THREAD = 20;
  const MAX_MESSAGE = 2000;
  const CHANNEL_LIMITS = { x: 280, instagram: 2200, facebook: 8000, tiktok: 150, linkedin: 1250,
    reviews: 4000, email: 10000, chat: 1000 };
  const SEVERITY_ORDER = { block: 0, error: 0, warn: 1, info: 2 };

  function clean(text, limit) {
    const value = String(text || "").replace(/\u00a0/g, " ").replace(/[ \t]+\n/g, "\n").trim();
    return value.length > limit ? value.slice(0, limit) : value;
  }

  function handle(author) {
    const value = clean(author, 100);
    return value || null;
  }

  /**
   * From the messages visible above a reply box (document order, oldest first) and an optional
   * selection, choose the post being answered and the thread before it.
   * messages: [{text, author, own}] where own = written by the brand.
   */
  function pickConversation(messages, selection) {
    const visible = (messages || []).map((m) => ({ text: clean(m.text, MAX_MESSAGE),
      author: handle(m.author), own: Boolean(m.own) })).filter((m) => m.text);
    const selected = clean(selection, MAX_POST);
    let post = null;
    let before = visible;
    if (selected) {
      const at = visible.findIndex((m) => m.text.includes(selected) || selected.includes(m.text));
      post = { text: selected, author: at >= 0 ? visible[at].author : null };
      before = at >= 0 ? visible.slice(0, at) : visible;
    } else {
      let at = -1;
      for (let i = visible.length - 1; i >= 0; i -= 1) {
        if (!visible[i].own) { at = i; break; }
      }
      if (at >= 0) {
        post = { text: clean(visible[at].text, MAX_POST), author: visible[at].author };
        before = visible.slice(0, at);
      }
    }
    const thread = before.slice(-MAX_THREAD).map((m) => ({ text: m.text, author: m.author,
      from_brand: m.own }));
    return { post, thread };
  }

  /** The body of POST /v1/drafts. */
  function draftRequest({ brand, channel, post, thread, url, n }) {
    const body = {
      brand, channel, kind: "reply",
      post: { text: clean(post.text, MAX_POST), author: handle(post.author) },
      thread: (thread || []).filter((m) => clean(m.text, MAX_MESSAGE)).map((m) => ({
        text: clean(m.text, MAX_MESSAGE), author: handle(m.author), from_brand: Boolean(m.from_brand) })),
      n: Math.max(1, Math.min(5, Number(n) || 1)),
    };
    if (url && /^https?:/.test(url)) body.post.url = String(url).slice(0, 2000);
    return body;
  }

  /** The body of POST /v1/checks for an edited text, in the draft's own context. */
  function checkRequest(draft, text) {
    return {
      brand: draft.brand, channel: draft.channel, kind: draft.kind || "reply", text,
      language: draft.language || null, post: (draft.post && draft.post.text) || "",
      author: (draft.post && draft.post.author) || null,
      facts: (draft.sources || []).filter((s) => s.source === "fact").map((s) => s.snippet),
    };
  }

  /** The texts an agent can cycle through: the draft, then its alternatives. */
  function choices(draft) {
    const main = { text: draft.text, verdict: draft.verdict || (draft.checks && draft.checks.verdict),
      checks: draft.checks };
    const alternatives = (draft.alternatives || []).filter((a) => a && a.text).map((a) => ({
      text: a.text, verdict: a.verdict, checks: a.checks }));
    return [main, ...alternatives];
  }

  function cycle(index, delta, count) {
    if (count <= 0) return 0;
    return (((index + delta) % count) + count) % count;
  }

  /** Failing findings, the worst first. */
  function failing(report) {
    return ((report && report.findings) || []).filter((f) => !f.passed)
      .sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3));
  }

  /**
   * Split text into segments for display as text nodes, marking failing findings' spans.
   * Overlapping or out-of-range spans are skipped (the finding is still listed below the text).
   */
  function segments(text, report) {
    const value = String(text || "");
    const spans = failing(report).filter((f) => Array.isArray(f.span) && f.span.length === 2)
      .map((f) => ({ start: f.span[0], end: f.span[1], finding: f }))
      .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end &&
        s.start >= 0 && s.end <= value.length)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const out = [];
    let at = 0;
    for (const s of spans) {
      if (s.start < at) continue;
      if (s.start > at) out.push({ text: value.slice(at, s.start) });
      out.push({ text: value.slice(s.start, s.end), severity: s.finding.severity, id: s.finding.id,
        title: s.finding.explanation || s.finding.id });
      at = s.end;
    }
    if (at < value.length || out.length === 0) out.push({ text: value.slice(at) });
    return out;
  }

  /** Should the panel show the escalation instead of a draft? */
  function isEscalation(draft) {
    if (!draft) return false;
    if (draft.escalation) return true;
    const triage = draft.triage || {};
    return triage.action === "escalate" || triage.public_draft_allowed === false;
  }

  /** "Rui (reviewer, key k_12ab)" → "Rui": the API's actor string, shortened for the panel. */
  function actorName(actor) {
    return String(actor || "").replace(/\s*\([^()]*\bkey\b[^()]*\)\s*$/, "").trim();
  }

  /** A sentence for the approval state of a draft (GET /v1/drafts/{id}). */
  function approvalStatus(draft) {
    const review = draft.review || {};
    const version = review.version ? ` (version ${review.version})` : "";
    switch (draft.status) {
      case "pending_review": return `Waiting for a reviewer${version}.`;
      case "approved": return `Approved${review.decided_by ? ` by ${actorName(review.decided_by)}` : ""}${version}: ` +
        "you may post the approved text.";
      case "changes_requested": return `Changes requested${review.reason ? `: ${review.reason}` : ""}. ` +
        "Edit the reply and submit again.";
      case "rejected": return `Rejected${review.reason ? `: ${review.reason}` : ""}.`;
      case "sent": return "Sent.";
      default: return `Status: ${draft.status}${version}.`;
    }
  }

  // ---- rewrites and feedback ------------------------------------------------------------------

  /** Drafts in these states take a rewrite as a new version; decided ones do not. */
  const REWRITABLE = ["pending_review", "changes_requested"];
  const FEEDBACK_REASONS = [["wrong_facts", "wrong facts"], ["wrong_tone", "wrong tone"], ["off_brand", "off-brand"],
    ["policy_problem", "policy problem"], ["not_helpful", "not helpful"], ["other", "other (say what)"]];

  function canRewriteDraft(draft) {
    return Boolean(draft) && REWRITABLE.includes(draft.status);
  }

  /**
   * The rewrite buttons from GET /v1/rewrite/actions: [{id, label, disabled, title, reason}].
   * An action the server's model cannot do is disabled and carries the server's reason.
   */
  function rewriteButtons(catalogue) {
    return ((catalogue && catalogue.actions) || []).filter((a) => a && typeof a.id === "string").map((a) => {
      const available = a.available !== false;
      const reason = available ? null : String(a.reason || "Not available with this server's model.");
      const label = String(a.label || a.id.replaceAll("_", " "));
      return { id: a.id, label, disabled: !available, reason,
        title: available ? `${a.description || label}${a.offline ? " (works offline)" : ""}` : reason };
    });
  }

  /** The body of POST /v1/drafts/{id}/rewrite: the agent's text only when it differs from the stored draft. */
  function rewriteRequest(draft, action, text) {
    const review = draft.review || {};
    return { action, expected_version: Number.isInteger(review.version) ? review.version : null,
      text: typeof text === "string" && text.trim() && text !== draft.text ? text : null, model: null };
  }

  /** The body of POST /v1/rewrite: text with no draft version to keep it in (the draft is decided). */
  function textRewriteRequest(draft, action, text) {
    return { brand: draft.brand, channel: draft.channel, kind: "reply", text: String(text || ""), action,
      language: null, post_text: (draft.post && draft.post.text) || null,
      author: (draft.post && draft.post.author) || null, model: null };
  }

  /** One line about a rewrite result (POST /v1/drafts/{id}/rewrite or /v1/rewrite). */
  function rewriteSummary(label, result) {
    const parts = [`${label}: ${result.changed ? "rewritten" : "no change needed"}`,
      `verdict ${String(result.verdict || "?").replaceAll("_", " ")}`];
    const version = result.draft && result.draft.review && result.draft.review.version;
    parts.push(version ? `now version ${version}` : "not saved as a version");
    parts.push(result.offline ? "offline" : `with ${result.model}`);
    return `${parts.join(" · ")}.`;
  }

  /**
   * The body of POST /v1/drafts/{id}/feedback. A down vote needs a reason and "other" needs a
   * comment: an Error says which, before anything is sent.
   */
  function feedbackRequest({ vote, reason = null, comment = null, version = null, rewriteAction = null }) {
    if (vote !== "up" && vote !== "down") throw new Error(`A vote is "up" or "down", not ${JSON.stringify(vote)}.`);
    const text = clean(comment, 2000) || null;
    const why = vote === "down" ? reason || null : null;
    if (vote === "down" && !why) throw new Error("Choose what was wrong with the draft.");
    if (why && !FEEDBACK_REASONS.some(([id]) => id === why)) throw new Error(`Unknown reason ${JSON.stringify(why)}.`);
    if (why === "other" && !text) throw new Error("Say in the comment what was wrong.");
    return { vote, reason: why, comment: text, version: Number.isInteger(version) ? version : null,
      rewrite_action: rewriteAction || null };
  }

  /** The thank-you line for a recorded vote (the 201 body of the feedback route). */
  function feedbackThanks(saved) {
    const label = (FEEDBACK_REASONS.find(([id]) => id === saved.reason) || [null, saved.reason])[1];
    const reason = saved.reason ? ` (${String(label).replace(/ \(say what\)$/, "")})` : "";
    const version = saved.version ? ` on version ${saved.version}` : "";
    return `Thanks: your ${saved.vote === "up" ? "thumbs up" : "thumbs down"}${reason}${version} is recorded.`;
  }

  /** Run fn once calls stop for `ms`; `timers` is {setTimeout, clearTimeout} (fakes in tests). */
  function debounce(fn, ms, timers = root) {
    let handleId = null;
    const debounced = (...args) => {
      if (handleId !== null) timers.clearTimeout(handleId);
      handleId = timers.setTimeout(() => { handleId = null; fn(...args); }, ms);
    };
    debounced.cancel = () => {
      if (handleId !== null) timers.clearTimeout(handleId);
      handleId = null;
    };
    return debounced;
  }

  const api = { pickConversation, draftRequest, checkRequest, choices, cycle, failing, segments,
    isEscalation, approvalStatus, actorName, debounce, canRewriteDraft, rewriteButtons, rewriteRequest,
    textRewriteRequest, rewriteSummary, feedbackRequest, feedbackThanks, MAX_POST, MAX_THREAD, CHANNEL_LIMITS,
    FEEDBACK_REASONS, REWRITABLE };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.CrisisdraftDrafts = api;
})(globalThis);
