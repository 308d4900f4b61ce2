// Settings as typed in the options page: tidied, or refused with a message that says how to fix them.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { normalizeSettings, publicSiteConfig, DEFAULTS } = require("../lib/settings.js");

test("good settings are tidied and kept", () => {
  const { settings, problems } = normalizeSettings({ apiUrl: " http://127.0.0.1:8000/ ", apiKey: " cd_abc ",
    brand: "demo", channel: "instagram", alternatives: "2",
    sites: [{ match: "https://inbox.example.com/*", replyBox: " textarea.reply ", channel: "" }, { match: "" }] });
  assert.deepEqual(problems, []);
  assert.equal(settings.apiUrl, "http://127.0.0.1:8000");
  assert.equal(settings.apiKey, "cd_abc");
  assert.equal(settings.alternatives, 2);
  assert.deepEqual(settings.sites, [{ match: "https://inbox.example.com/*", replyBox: "textarea.reply" }]);
});

test("every bad field is named with how to fix it", () => {
  const { problems } = normalizeSettings({ apiUrl: "localhost:8000", apiKey: "cd_a b", brand: "Demo Brand",
    channel: "myspace", alternatives: 9, sites: [{ match: "example.com" }, { match: "https://a.com/*", channel: "fax" }] });
  const text = problems.join("\n");
  assert.match(text, /API URL: .* write it like http:\/\/127.0.0.1:8000/);
  assert.match(text, /API key: it contains spaces/);
  assert.match(text, /Default brand: "Demo Brand" is not a brand id/);
  assert.match(text, /Default channel: "myspace" is not one of x, instagram/);
  assert.match(text, /Alternatives: ask for 1 to 5/);
  assert.match(text, /Site 1: "example.com" is not a site pattern/);
  assert.match(text, /Site 2: channel "fax"/);
});

test("an API URL with credentials or a query is refused", () => {
  assert.match(normalizeSettings({ apiUrl: "https://u:p@api.example.com" }).problems.join(), /leave the user name/);
  assert.match(normalizeSettings({ apiUrl: "https://api.example.com/?k=1" }).problems.join(), /leave out \?query/);
});

test("a content script is told selectors and defaults, never the key or the API URL", () => {
  const settings = { ...DEFAULTS, apiKey: "cd_secret", apiUrl: "https://api.example.com" };
  const config = publicSiteConfig(settings, { match: "https://x.com/*", message: "article", channel: "x" });
  assert.deepEqual(config, { channel: "x", brand: "demo", message: "article" });
  assert.ok(!JSON.stringify(config).includes("cd_secret"));
  assert.ok(!JSON.stringify(config).includes("api.example.com"));
  assert.deepEqual(publicSiteConfig({ ...settings, channel: "facebook" }, null), { channel: "facebook", brand: "demo" });
});
