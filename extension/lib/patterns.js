// Match patterns as Chrome understands them ("https://*.example.com/*", "http://127.0.0.1:8080/*",
// "<all_urls>"), for the agent's enabled sites and the API's host permission.
"use strict";

(function (root) {
  const SCHEMES = ["http", "https", "*"];

  /** Parse a match pattern; throws an Error that says what is wrong and how to fix it. */
  function parsePattern(pattern) {
    const text = String(pattern || "").trim();
    if (text === "<all_urls>") return { scheme: "*", host: "*", port: "*", path: "/*", all: true };
    const m = /^([a-z*]+):\/\/([^/]*)(\/.*)$/.exec(text);
    if (!m) {
      throw new Error(`"${text}" is not a site pattern: write it like https://inbox.example.com/* ` +
        "(scheme, host, then a path that may end in *).");
    }
    const [, scheme, hostPort, path] = m;
    if (!SCHEMES.includes(scheme)) {
      throw new Error(`"${text}" uses the scheme "${scheme}": use http, https or *.`);
    }
    const hp = /^(\*|\*\.[^*:/]+|[^*:/]+)(?::(\*|\d{1,5}))?$/.exec(hostPort);
    if (!hp) {
      throw new Error(`"${text}" has an invalid host "${hostPort}": use a name (inbox.example.com), ` +
        "*.example.com for every subdomain, or * for every host.");
    }
    return { scheme, host: hp[1].toLowerCase(), port: hp[2] || "*", path, all: false };
  }

  function globToRegExp(glob) {
    const escaped = glob.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
    return new RegExp(`^${escaped.join(".*")}$`);
  }

  /** True when the URL is matched by the pattern (Chrome's rules; no port in the pattern = any port). */
  function matches(pattern, url) {
    let p;
    let u;
    try {
      p = typeof pattern === "string" ? parsePattern(pattern) : pattern;
      u = new URL(url);
    } catch (_error) {
      return false;
    }
    const scheme = u.protocol.replace(/:$/, "");
    if (p.scheme === "*" ? !["http", "https"].includes(scheme) : p.scheme !== scheme) return false;
    const host = u.hostname.toLowerCase();
    if (p.host.startsWith("*.")) {
      const base = p.host.slice(2);
      if (host !== base && !host.endsWith(`.${base}`)) return false;
    } else if (p.host !== "*" && p.host !== host) {
      return false;
    }
    if (p.port !== "*") {
      const port = u.port || (scheme === "https" ? "443" : "80");
      if (port !== p.port) return false;
    }
    return globToRegExp(p.path).test(u.pathname + u.search);
  }

  /** The host-permission pattern for an API base URL: scheme and host, any port, any path. */
  function originPattern(apiUrl) {
    const u = new URL(apiUrl);
    return `${u.protocol}//${u.hostname}/*`;
  }

  /** The permission pattern that covers a site pattern (Chrome ignores ports in permissions). */
  function permissionPattern(sitePattern) {
    const p = parsePattern(sitePattern);
    if (p.all) return "<all_urls>";
    return `${p.scheme}://${p.host}/*`;
  }

  /** The first enabled site whose pattern matches the URL, or null. */
  function siteFor(url, sites) {
    for (const site of sites || []) {
      if (site && site.match && matches(site.match, url)) return site;
    }
    return null;
  }

  const api = { parsePattern, matches, originPattern, permissionPattern, siteFor };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.CrisisdraftPatterns = api;
})(globalThis);
