// The extension's settings: defaults, and validation with messages that say how to fix things.
// The API key lives in chrome.storage.local and is read only by the service worker.
"use strict";

(function (root) {
  const Patterns = typeof module === "object" && module.exports
    ? require("./patterns.js") : root.CrisisdraftPatterns;

  const CHANNELS = ["x", "instagram", "facebook", "tiktok", "linkedin", "reviews", "email", "chat"];
  const SELECTOR_FIELDS = ["replyBox", "message", "messageText", "author", "own"];

  const DEFAULTS = Object.freeze({
    apiUrl: "http://127.0.0.1:8000",
    apiKey: "",
    brand: "demo",
    channel: "x",
    alternatives: 3,
    sites: [],
  });

  /** Check and tidy settings as typed in the options page. Returns {settings, problems}. */
  function normalizeSettings(raw) {
    const input = { ...DEFAULTS, ...(raw || {}) };
    const problems = [];
    let apiUrl = String(input.apiUrl || "").trim().replace(/\/+$/, "");
    try {
      const u = new URL(apiUrl);
      if (!["http:", "https:"].includes(u.protocol)) throw new Error("scheme");
      if (u.username || u.password) {
        problems.push("API URL: leave the user name and password out; the key goes in API key.");
      }
      if (u.search || u.hash) problems.push("API URL: leave out ?query and #fragment.");
      apiUrl = `${u.origin}${u.pathname.replace(/\/+$/, "")}`;
    } catch (_error) {
      problems.push(`API URL: "${input.apiUrl}" is not an http(s) address; write it like ` +
        "http://127.0.0.1:8000 or https://crisisdraft.example.com.");
    }
    const apiKey = String(input.apiKey || "").trim();
    if (/\s/.test(apiKey)) problems.push("API key: it contains spaces; paste the key exactly as given.");
    const brand = String(input.brand || "").trim();
    if (!/^[a-z0-9][a-z0-9_-]{0,62}$/.test(brand)) {
      problems.push(`Default brand: "${brand}" is not a brand id (lower-case letters, digits, - and _).`);
    }
    const channel = String(input.channel || "").trim();
    if (!CHANNELS.includes(channel)) {
      problems.push(`Default channel: "${channel}" is not one of ${CHANNELS.join(", ")}.`);
    }
    const alternatives = Number.parseInt(input.alternatives, 10);
    if (!(alternatives >= 1 && alternatives <= 5)) {
      problems.push("Alternatives: ask for 1 to 5 drafts.");
    }
    const sites = [];
    (Array.isArray(input.sites) ? input.sites : []).forEach((site, index) => {
      const match = String((site && site.match) || "").trim();
      if (!match) return; // an empty row is not a site
      try {
        Patterns.parsePattern(match);
      } catch (error) {
        problems.push(`Site ${index + 1}: ${error.message}`);
      }
      const clean = { match };
      for (const field of SELECTOR_FIELDS) {
        const value = String((site && site[field]) || "").trim();
        if (value) clean[field] = value;
      }
      const siteChannel = String((site && site.channel) || "").trim();
      if (siteChannel) {
        if (CHANNELS.includes(siteChannel)) clean.channel = siteChannel;
        else problems.push(`Site ${index + 1}: channel "${siteChannel}" is not one of ${CHANNELS.join(", ")}.`);
      }
      sites.push(clean);
    });
    return { settings: { apiUrl, apiKey, brand, channel, alternatives: alternatives || 1, sites }, problems };
  }

  /** What a content script may know about its site: selectors and defaults, never the key. */
  function publicSiteConfig(settings, site) {
    const config = { channel: (site && site.channel) || settings.channel, brand: settings.brand };
    for (const field of SELECTOR_FIELDS) if (site && site[field]) config[field] = site[field];
    return config;
  }

  const api = { CHANNELS, DEFAULTS, SELECTOR_FIELDS, normalizeSettings, publicSiteConfig };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.CrisisdraftSettings = api;
})(globalThis);
