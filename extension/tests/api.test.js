// The API client: requests it sends, and the messages its failures turn into.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { createClient, ApiError } = require("../lib/api.js");

/** A hand-written fake of fetch: answers from a queue and records each call (no network in unit tests). */
function fakeFetch(answers) {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (next instanceof Error) throw next;
    if (next === "hang") {
      return new Promise((_resolve, reject) => init.signal.addEventListener("abort", () => reject(new Error("aborted"))));
    }
    return { ok: next.status < 400, status: next.status, text: async () => next.body ?? "" };
  };
  return { fetchImpl, calls };
}

const API = "http://127.0.0.1:8000";

test("requests carry the key as a bearer token, JSON, and no cookies", async () => {
  const { fetchImpl, calls } = fakeFetch([{ status: 201, body: JSON.stringify({ id: "d_1" }) }]);
  const client = createClient({ apiUrl: API, apiKey: "cd_k", fetchImpl });
  assert.deepEqual(await client.createDraft({ brand: "demo" }), { id: "d_1" });
  assert.equal(calls[0].url, `${API}/v1/drafts`);
  assert.equal(calls[0].init.method, "POST");
  assert.equal(calls[0].init.headers.Authorization, "Bearer cd_k");
  assert.equal(calls[0].init.credentials, "omit");
  assert.deepEqual(JSON.parse(calls[0].init.body), { brand: "demo" });
});

test("propose sends the edited text with the version it was based on", async () => {
  const { fetchImpl, calls } = fakeFetch([{ status: 200, body: "{}" }]);
  await createClient({ apiUrl: API, apiKey: "cd_k", fetchImpl }).propose("d_1/x", "new text", 3);
  assert.equal(calls[0].url, `${API}/v1/drafts/d_1%2Fx/propose`);
  assert.deepEqual(JSON.parse(calls[0].init.body), { text: "new text", expected_version: 3 });
});

test("no key: a clear message and nothing sent", async () => {
  const { fetchImpl, calls } = fakeFetch([]);
  await assert.rejects(createClient({ apiUrl: API, apiKey: "", fetchImpl }).check({}),
    (e) => e instanceof ApiError && e.kind === "config" && /No API key is set/.test(e.message) && /options/.test(e.fix));
  assert.equal(calls.length, 0);
});

test("a refused key says so and where to fix it", async () => {
  const body = JSON.stringify({ status: 401, detail: "The API key is unknown or revoked.", fix: "Create a new key" });
  const { fetchImpl } = fakeFetch([{ status: 401, body }]);
  await assert.rejects(createClient({ apiUrl: API, apiKey: "cd_bad", fetchImpl }).check({}), (e) =>
    e.kind === "auth" && e.message === "The API key was refused: The API key is unknown or revoked." &&
    /options/.test(e.fix) && /untouched/.test(e.fix));
});

test("a server that is down: cannot reach, and the agent's text is untouched", async () => {
  const { fetchImpl } = fakeFetch([new TypeError("Failed to fetch")]);
  await assert.rejects(createClient({ apiUrl: API, apiKey: "cd_k", fetchImpl }).createDraft({}), (e) =>
    e.kind === "network" && e.message === `Cannot reach the crisisdraft API at ${API}.` && /untouched/.test(e.fix));
});

test("a server that hangs: a timeout, not a spinner forever", async () => {
  const { fetchImpl } = fakeFetch(["hang"]);
  await assert.rejects(createClient({ apiUrl: API, apiKey: "cd_k", fetchImpl, timeoutMs: 20 }).createDraft({}),
    (e) => e.kind === "timeout" && /did not answer within 0 s/.test(e.message));
});

test("problem+json details and fixes come through; non-JSON answers are named", async () => {
  const { fetchImpl } = fakeFetch([
    { status: 404, body: JSON.stringify({ detail: "Unknown brand 'acme' for this key.", fix: "Use a brand your key is scoped to." }) },
    { status: 500, body: "<html>oops</html>" },
    { status: 200, body: "<html>not the API</html>" },
    { status: 409, body: JSON.stringify({ detail: "Draft d_1 changed.", fix: "Reload the draft." }) },
  ]);
  const client = createClient({ apiUrl: API, apiKey: "cd_k", fetchImpl });
  await assert.rejects(client.createDraft({}), (e) => e.kind === "not_found" && /acme/.test(e.message) && /scoped/.test(e.fix));
  await assert.rejects(client.createDraft({}), (e) => e.kind === "server" && /HTTP 500/.test(e.message));
  await assert.rejects(client.createDraft({}), (e) => e.kind === "protocol" && /not like the crisisdraft API/.test(e.message));
  await assert.rejects(client.getDraft("d_1"), (e) => e.kind === "conflict" && e.fix === "Reload the draft.");
});
