// Match patterns: the enabled sites and the API's host permission.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { parsePattern, matches, originPattern, permissionPattern, siteFor } = require("../lib/patterns.js");

test("a pattern matches its scheme, host and path like Chrome does", () => {
  assert.ok(matches("https://inbox.example.com/*", "https://inbox.example.com/conversations/12"));
  assert.ok(!matches("https://inbox.example.com/*", "http://inbox.example.com/"));
  assert.ok(!matches("https://inbox.example.com/*", "https://evil.example.org/inbox.example.com/"));
  assert.ok(matches("*://*.example.com/*", "http://a.b.example.com/x"));
  assert.ok(matches("*://*.example.com/*", "https://example.com/"));
  assert.ok(!matches("*://*.example.com/*", "https://notexample.com/"));
  assert.ok(!matches("*://*.example.com/*", "ftp://example.com/"));
  assert.ok(matches("<all_urls>", "https://anything.test/"));
});

test("a port in a pattern is matched; no port means any port", () => {
  assert.ok(matches("http://127.0.0.1:8080/*", "http://127.0.0.1:8080/inbox.html"));
  assert.ok(!matches("http://127.0.0.1:8080/*", "http://127.0.0.1:9090/inbox.html"));
  assert.ok(matches("http://127.0.0.1/*", "http://127.0.0.1:9090/inbox.html"));
  assert.ok(matches("https://x.com:443/*", "https://x.com/home"));
});

test("the path glob covers the query string", () => {
  assert.ok(matches("https://x.com/messages*", "https://x.com/messages?id=3"));
  assert.ok(!matches("https://x.com/messages*", "https://x.com/home"));
});

test("bad patterns say what is wrong and how to write one", () => {
  assert.throws(() => parsePattern("inbox.example.com"), /write it like https:\/\/inbox.example.com\/\*/);
  assert.throws(() => parsePattern("ftp://x.com/*"), /use http, https or \*/);
  assert.throws(() => parsePattern("https://in*box.com/*"), /invalid host/);
  assert.equal(matches("not a pattern", "https://x.com/"), false);
});

test("the host permission for an API URL covers its host on any port, nothing else", () => {
  assert.equal(originPattern("http://127.0.0.1:8000"), "http://127.0.0.1/*");
  assert.equal(originPattern("https://crisisdraft.example.com/base"), "https://crisisdraft.example.com/*");
  assert.equal(permissionPattern("http://127.0.0.1:8080/inbox*"), "http://127.0.0.1/*");
  assert.equal(permissionPattern("*://*.example.com/x/*"), "*://*.example.com/*");
});

test("the first matching site wins", () => {
  const sites = [{ match: "https://x.com/messages*", replyBox: ".dm" }, { match: "https://x.com/*" }];
  assert.equal(siteFor("https://x.com/messages/1", sites).replyBox, ".dm");
  assert.equal(siteFor("https://x.com/home", sites).match, "https://x.com/*");
  assert.equal(siteFor("https://y.com/", sites), null);
});
