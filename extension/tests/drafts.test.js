// What the content script sends and what the panel shows.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const D = require("../lib/drafts.js");

const MESSAGES = [
  { text: "Ordered a sofa on the 2nd, still nothing.", author: "@ana", own: false },
  { text: "Sorry to hear that, we're looking into it.", author: "@Verdello", own: true },
  { text: "  Three weeks late now.\u00a0Where is it?  ", author: " @ana ", own: false },
  { text: "   ", author: "@ghost", own: false },
];

test("the post is the last customer message; the thread is what came before it", () => {
  const { post, thread } = D.pickConversation(MESSAGES, "");
  assert.deepEqual(post, { text: "Three weeks late now. Where is it?", author: "@ana" });
  assert.deepEqual(thread, [
    { text: "Ordered a sofa on the 2nd, still nothing.", author: "@ana", from_brand: false },
    { text: "Sorry to hear that, we're looking into it.", author: "@Verdello", from_brand: true },
  ]);
});

test("the brand's own last message is skipped when choosing the post", () => {
  const { post } = D.pickConversation(MESSAGES.slice(0, 2), "");
  assert.equal(post.author, "@ana");
  assert.equal(post.text, "Ordered a sofa on the 2nd, still nothing.");
});

test("a selection is the post; its author comes from the message it sits in", () => {
  const { post, thread } = D.pickConversation(MESSAGES, "still nothing");
  assert.deepEqual(post, { text: "still nothing", author: "@ana" });
  assert.equal(thread.length, 0);
  assert.deepEqual(D.pickConversation([], "a selected tweet").post, { text: "a selected tweet", author: null });
});

test("no messages and no selection: no post (the panel says what to do)", () => {
  assert.equal(D.pickConversation([], "").post, null);
  assert.equal(D.pickConversation([{ text: "ours", own: true }], "").post, null);
});

test("the draft request has the API's shape and bounded sizes", () => {
  const long = "x".repeat(D.MAX_POST + 50);
  const body = D.draftRequest({ brand: "demo", channel: "x", post: { text: long, author: "" },
    thread: [{ text: "hi", author: "@a", from_brand: 0 }, { text: " ", author: "@b" }], url: "javascript:alert(1)", n: 9 });
  assert.equal(body.post.text.length, D.MAX_POST);
  assert.equal(body.post.author, null);
  assert.equal(body.post.url, undefined);
  assert.deepEqual(body.thread, [{ text: "hi", author: "@a", from_brand: false }]);
  assert.equal(body.n, 5);
  assert.equal(D.draftRequest({ brand: "demo", channel: "x", post: { text: "p" }, url: "https://x.com/s/1" }).post.url,
    "https://x.com/s/1");
});

test("an edit is checked in the draft's own context", () => {
  const draft = { brand: "demo", channel: "x", kind: "reply", language: "en", post: { text: "late!", author: "@ana" },
    sources: [{ source: "fact", snippet: "Orders ship again on Monday." }, { source: "guideline", snippet: "g" }] };
  assert.deepEqual(D.checkRequest(draft, "edited"), { brand: "demo", channel: "x", kind: "reply", text: "edited",
    language: "en", post: "late!", author: "@ana", facts: ["Orders ship again on Monday."] });
});

test("alternatives cycle in both directions", () => {
  const draft = { text: "a", verdict: "ok", checks: { verdict: "ok" },
    alternatives: [{ text: "b", verdict: "ok", checks: {} }, { text: "", verdict: "ok" }, { text: "c", verdict: "blocked" }] };
  assert.deepEqual(D.choices(draft).map((c) => c.text), ["a", "b", "c"]);
  assert.equal(D.cycle(0, -1, 3), 2);
  assert.equal(D.cycle(2, 1, 3), 0);
  assert.equal(D.cycle(0, 1, 0), 0);
});

test("failing checks are marked on the text, worst first, as plain segments", () => {
  const text = "Sorry if you are upset, but the courier lost it!!";
  const report = { findings: [
    { id: "tone.register", severity: "warn", passed: false, span: [47, 49], explanation: "'!!' is not calm." },
    { id: "forbidden.blame", severity: "block", passed: false, span: [28, 44], explanation: "blames the courier" },
    { id: "tone.blame_shift", severity: "block", passed: false, span: [0, 8], explanation: "'Sorry if'" },
    { id: "voice.sign_off", severity: "block", passed: false, span: null, explanation: "no sign-off" },
    { id: "overlap", severity: "warn", passed: false, span: [30, 35], explanation: "inside another" },
    { id: "out.of.range", severity: "warn", passed: false, span: [40, 400], explanation: "bad span" },
    { id: "ok.one", severity: "block", passed: true, span: [0, 4] },
  ] };
  assert.deepEqual(D.failing(report).map((f) => f.severity), ["block", "block", "block", "warn", "warn", "warn"]);
  const parts = D.segments(text, report);
  assert.equal(parts.map((p) => p.text).join(""), text);
  assert.deepEqual(parts.filter((p) => p.severity).map((p) => [p.text, p.id]),
    [["Sorry if", "tone.blame_shift"], ["the courier lost", "forbidden.blame"], ["!!", "tone.register"]]);
});

test("markup from the server stays text: segments carry strings only", () => {
  const parts = D.segments("<img src=x onerror=alert(1)>", { findings: [] });
  assert.deepEqual(parts, [{ text: "<img src=x onerror=alert(1)>" }]);
  assert.deepEqual(D.segments("", null), [{ text: "" }]);
});

test("escalations are recognised by the escalation, the action or the triage's refusal", () => {
  assert.equal(D.isEscalation({ escalation: { role: "legal" } }), true);
  assert.equal(D.isEscalation({ escalation: null, triage: { action: "escalate" } }), true);
  assert.equal(D.isEscalation({ escalation: null, triage: { action: "reply_public", public_draft_allowed: true } }), false);
});

test("approval states read as sentences", () => {
  assert.equal(D.approvalStatus({ status: "pending_review", review: { version: 2 } }), "Waiting for a reviewer (version 2).");
  assert.match(D.approvalStatus({ status: "approved", review: { version: 2, decided_by: "Lea" } }), /^Approved by Lea/);
  assert.equal(D.approvalStatus({ status: "approved", review: { version: 3, decided_by: "Rui (reviewer) (reviewer, key k_128f8ac7)" } }),
    "Approved by Rui (reviewer) (version 3): you may post the approved text.");
  assert.equal(D.approvalStatus({ status: "changes_requested", review: { reason: "Shorter" } }),
    "Changes requested: Shorter. Edit the reply and submit again.");
  assert.equal(D.approvalStatus({ status: "rejected", review: {} }), "Rejected.");
});

test("debounce runs once after the calls stop, with the last arguments", () => {
  // Fake timers: a queue we advance by hand (no real waiting in unit tests).
  let now = 0;
  let timers = [];
  const clock = {
    setTimeout: (fn, ms) => { const t = { fn, at: now + ms }; timers.push(t); return t; },
    clearTimeout: (t) => { timers = timers.filter((x) => x !== t); },
  };
  const advance = (ms) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) { timers = timers.filter((x) => x !== t); t.fn(); }
  };
  const seen = [];
  const check = D.debounce((text) => seen.push(text), 600, clock);
  check("a"); advance(300); check("ab"); advance(300); check("abc");
  assert.deepEqual(seen, []);
  advance(600);
  assert.deepEqual(seen, ["abc"]);
  check("abcd"); check.cancel(); advance(1000);
  assert.deepEqual(seen, ["abc"]);
});
