// Rewrites, feedback and adoption events: the request bodies, what the panel shows, and the
// client calls (issue 10).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const D = require("../lib/drafts.js");
const { createClient } = require("../lib/api.js");

const DRAFT = { id: "d_1", status: "pending_review", brand: "demo", channel: "x", kind: "reply",
  text: "@ana We're sorry. ^Team Verdello", post: { text: "Where is my order?", author: "@ana" },
  review: { version: 2 } };

/** A hand-written fake of fetch: answers from a queue and records each call (no network in unit tests). */
function fakeFetch(answers) {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url, init });
    const next = answers.shift();
    return { ok: next.status < 400, status: next.status, text: async () => next.body ?? "" };
  };
  return { fetchImpl, calls };
}
const API = "http://127.0.0.1:8000";

test("rewrite buttons: unavailable actions are disabled and carry the server's reason", () => {
  const buttons = D.rewriteButtons({ model: "crisisdraft/composer", actions: [
    { id: "shorter", label: "Shorter", description: "Fit the channel", available: true, offline: true, reason: null },
    { id: "translate", label: "Translate", description: "To the post's language", available: false, offline: false,
      reason: "needs an LLM: set CRISISDRAFT_DRAFT_MODEL" },
    { id: "add_next_step", available: true },
    { label: "no id: skipped" },
  ] });
  assert.deepEqual(buttons.map((b) => [b.id, b.label, b.disabled]),
    [["shorter", "Shorter", false], ["translate", "Translate", true], ["add_next_step", "add next step", false]]);
  assert.equal(buttons[0].title, "Fit the channel (works offline)");
  assert.equal(buttons[1].title, "needs an LLM: set CRISISDRAFT_DRAFT_MODEL");
  assert.equal(buttons[1].reason, buttons[1].title);
  assert.equal(buttons[2].reason, null);
  assert.deepEqual(D.rewriteButtons(null), []);
});

test("a draft rewrite sends the expected version, and the agent's text only when it was edited", () => {
  assert.deepEqual(D.rewriteRequest(DRAFT, "shorter", DRAFT.text),
    { action: "shorter", expected_version: 2, text: null, model: null });
  assert.deepEqual(D.rewriteRequest(DRAFT, "warmer", "@ana my own words"),
    { action: "warmer", expected_version: 2, text: "@ana my own words", model: null });
  assert.equal(D.rewriteRequest(DRAFT, "warmer", "   ").text, null);
  assert.equal(D.rewriteRequest({ ...DRAFT, review: {} }, "simpler").expected_version, null);
});

test("only drafts waiting for review take a rewrite as a new version", () => {
  assert.equal(D.canRewriteDraft(DRAFT), true);
  assert.equal(D.canRewriteDraft({ ...DRAFT, status: "changes_requested" }), true);
  for (const status of ["approved", "rejected", "sent"]) assert.equal(D.canRewriteDraft({ ...DRAFT, status }), false);
  assert.equal(D.canRewriteDraft(null), false);
});

test("a text rewrite carries the draft's context", () => {
  assert.deepEqual(D.textRewriteRequest({ ...DRAFT, status: "approved" }, "simpler", "Typed text"), {
    brand: "demo", channel: "x", kind: "reply", text: "Typed text", action: "simpler", language: null,
    post_text: "Where is my order?", author: "@ana", model: null });
});

test("the rewrite summary says what changed, the verdict, the version and the model", () => {
  assert.equal(D.rewriteSummary("Shorter", { changed: true, verdict: "needs_override", offline: true,
    model: "crisisdraft/composer", draft: { review: { version: 3 } } }),
  "Shorter: rewritten · verdict needs override · now version 3 · offline.");
  assert.equal(D.rewriteSummary("Warmer", { changed: false, verdict: "ok", offline: false, model: "openai/gpt-4o",
    draft: null }), "Warmer: no change needed · verdict ok · not saved as a version · with openai/gpt-4o.");
});

test("feedback: a down vote needs a reason, 'other' needs a comment, an up vote drops both", () => {
  assert.deepEqual(D.feedbackRequest({ vote: "up", reason: "wrong_tone", comment: "x", version: 2 }),
    { vote: "up", reason: null, comment: "x", version: 2, rewrite_action: null });
  assert.deepEqual(D.feedbackRequest({ vote: "down", reason: "wrong_tone", version: 3, rewriteAction: "shorter" }),
    { vote: "down", reason: "wrong_tone", comment: null, version: 3, rewrite_action: "shorter" });
  assert.throws(() => D.feedbackRequest({ vote: "down" }), /Choose what was wrong/);
  assert.throws(() => D.feedbackRequest({ vote: "down", reason: "other", comment: "   " }), /Say in the comment/);
  assert.throws(() => D.feedbackRequest({ vote: "down", reason: "rude" }), /Unknown reason "rude"/);
  assert.throws(() => D.feedbackRequest({ vote: "meh" }), /"up" or "down"/);
  assert.equal(D.feedbackRequest({ vote: "down", reason: "other", comment: " wrong store " }).comment, "wrong store");
});

test("the thank-you line names the vote, the reason and the version", () => {
  assert.equal(D.feedbackThanks({ vote: "down", reason: "other", version: 2 }),
    "Thanks: your thumbs down (other) on version 2 is recorded.");
  assert.equal(D.feedbackThanks({ vote: "down", reason: "off_brand", version: null }),
    "Thanks: your thumbs down (off-brand) is recorded.");
  assert.equal(D.feedbackThanks({ vote: "up", reason: null, version: 1 }), "Thanks: your thumbs up on version 1 is recorded.");
});

test("the client's rewrite, feedback and event calls", async () => {
  const { fetchImpl, calls } = fakeFetch(Array.from({ length: 6 }, () => ({ status: 200, body: "{}" })));
  const client = createClient({ apiUrl: API, apiKey: "cd_k", fetchImpl });
  await client.rewriteActions("demo");
  await client.rewriteActions("demo", "openai/gpt-4o");
  await client.rewriteDraft("d_1/x", { action: "shorter" });
  await client.rewriteText({ action: "simpler", text: "t" });
  await client.feedback("d_1", { vote: "up" });
  await client.event("d_1", "inserted");
  assert.deepEqual(calls.map((c) => [c.init.method, c.url.slice(API.length)]), [
    ["GET", "/v1/rewrite/actions?brand=demo"],
    ["GET", "/v1/rewrite/actions?brand=demo&model=openai%2Fgpt-4o"],
    ["POST", "/v1/drafts/d_1%2Fx/rewrite"],
    ["POST", "/v1/rewrite"],
    ["POST", "/v1/drafts/d_1/feedback"],
    ["POST", "/v1/drafts/d_1/events"],
  ]);
  assert.deepEqual(JSON.parse(calls[5].init.body), { event: "inserted", surface: "extension" });
});

test("an action that needs an LLM says so, with the server's fix", async () => {
  const body = JSON.stringify({ type: "https://crisisdraft.dev/problems/model-required", title: "Model required",
    detail: "Translate needs an LLM.", fix: "Set CRISISDRAFT_DRAFT_MODEL to an LLM." });
  const { fetchImpl } = fakeFetch([{ status: 422, body }]);
  await assert.rejects(createClient({ apiUrl: API, apiKey: "cd_k", fetchImpl }).rewriteDraft("d_1", {}), (e) =>
    e.kind === "model_required" && e.message === "Translate needs an LLM." && e.fix === "Set CRISISDRAFT_DRAFT_MODEL to an LLM.");
  const other = fakeFetch([{ status: 422, body: JSON.stringify({ detail: "A down vote needs a reason." }) }]);
  await assert.rejects(createClient({ apiUrl: API, apiKey: "cd_k", fetchImpl: other.fetchImpl }).feedback("d_1", {}),
    (e) => e.kind === "invalid" && /A down vote needs a reason/.test(e.message));
});
