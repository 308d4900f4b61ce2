// The crisisdraft API client used by the service worker (the only place that holds the key).
// Every failure becomes an ApiError whose message says what happened and what to do.
"use strict";

(function (root) {
  class ApiError extends Error {
    constructor(kind, message, { fix = "", status = 0, detail = "" } = {}) {
      super(message);
      this.name = "ApiError";
      this.kind = kind; // config | network | timeout | auth | forbidden | invalid | model_required | conflict | not_found | rate_limited | server | protocol
      this.fix = fix;
      this.status = status;
      this.detail = detail;
    }

    toJSON() {
      return { kind: this.kind, message: this.message, fix: this.fix, status: this.status };
    }
  }

  const KEPT = "Your text in the reply box is untouched.";

  /** The error for a non-2xx answer, from its problem+json body when there is one. */
  function errorForResponse(status, body, { apiUrl = "" } = {}) {
    const detail = (body && typeof body.detail === "string" && body.detail) ||
      (body && typeof body.title === "string" && body.title) || `HTTP ${status}`;
    const serverFix = body && typeof body.fix === "string" ? body.fix : "";
    if (status === 401) {
      return new ApiError("auth", `The API key was refused: ${detail}`, {
        status, detail,
        fix: "Open the extension's options and paste a valid API key (ask your lead for one). " + KEPT,
      });
    }
    if (status === 403) {
      return new ApiError("forbidden", `Your key may not do this: ${detail}`, {
        status, detail, fix: serverFix || "Ask your lead for a key with access to this brand.",
      });
    }
    if (status === 404) {
      return new ApiError("not_found", `Not found: ${detail}`, {
        status, detail,
        fix: serverFix || `Check the API URL (${apiUrl}) and the default brand in the options.`,
      });
    }
    if (status === 409) {
      return new ApiError("conflict", detail, { status, detail, fix: serverFix || "Reload and try again." });
    }
    if (status === 422 && body && typeof body.type === "string" && body.type.endsWith("model-required")) {
      return new ApiError("model_required", detail, {
        status, detail,
        fix: serverFix || "This rewrite needs an LLM: ask whoever runs the server to set CRISISDRAFT_DRAFT_MODEL.",
      });
    }
    if (status === 413 || status === 422 || status === 400) {
      return new ApiError("invalid", `The API refused the request: ${detail}`, {
        status, detail, fix: serverFix || "Shorten or correct the text and try again.",
      });
    }
    if (status === 429) {
      return new ApiError("rate_limited", `Too many requests: ${detail}`, {
        status, detail, fix: serverFix || "Wait a moment, then press Retry.",
      });
    }
    return new ApiError("server", `The crisisdraft API failed (HTTP ${status}): ${detail}`, {
      status, detail, fix: (serverFix ? `${serverFix} ` : "Press Retry in a moment. ") + KEPT,
    });
  }

  function networkError(apiUrl) {
    return new ApiError("network", `Cannot reach the crisisdraft API at ${apiUrl}.`, {
      fix: "Check that the server is running and that the API URL in the extension's options is " +
        "right, then press Retry. " + KEPT,
    });
  }

  function timeoutError(apiUrl, seconds) {
    return new ApiError("timeout", `The crisisdraft API at ${apiUrl} did not answer within ${seconds} s.`, {
      fix: "Press Retry; if it keeps happening, tell whoever runs the server. " + KEPT,
    });
  }

  function configError(message, fix) {
    return new ApiError("config", message, { fix });
  }

  /**
   * A client for one API URL and key. `fetchImpl` is the global fetch in the extension; tests
   * pass a hand-written fake. `timeoutMs` bounds every request.
   */
  function createClient({ apiUrl, apiKey, fetchImpl, timeoutMs = 60000 }) {
    const doFetch = fetchImpl || root.fetch.bind(root);

    async function request(method, path, body) {
      if (!apiKey) {
        throw configError("No API key is set.",
          "Open the extension's options and paste the API key your lead gave you. " + KEPT);
      }
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      let response;
      try {
        response = await doFetch(`${apiUrl}${path}`, {
          method,
          headers: { "Authorization": `Bearer ${apiKey}`, "Content-Type": "application/json",
                     "Accept": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: controller.signal,
          credentials: "omit",
          redirect: "error",
        });
      } catch (error) {
        if (controller.signal.aborted) throw timeoutError(apiUrl, Math.round(timeoutMs / 1000));
        throw networkError(apiUrl);
      } finally {
        clearTimeout(timer);
      }
      let parsed = null;
      const text = await response.text().catch(() => "");
      if (text) {
        try {
          parsed = JSON.parse(text);
        } catch (_error) {
          parsed = null;
        }
      }
      if (!response.ok) throw errorForResponse(response.status, parsed, { apiUrl });
      if (parsed === null || typeof parsed !== "object") {
        throw new ApiError("protocol", `${apiUrl} answered, but not like the crisisdraft API.`, {
          status: response.status,
          fix: "Check the API URL in the extension's options (it should be the server's base URL). " + KEPT,
        });
      }
      return parsed;
    }

    return {
      createDraft: (body) => request("POST", "/v1/drafts", body),
      check: (body) => request("POST", "/v1/checks", body),
      getDraft: (id) => request("GET", `/v1/drafts/${encodeURIComponent(id)}`),
      propose: (id, text, expectedVersion) => request("POST", `/v1/drafts/${encodeURIComponent(id)}/propose`,
        { text, expected_version: expectedVersion }),
      brands: () => request("GET", "/v1/brands"),
      rewriteActions: (brand, model) => request("GET", `/v1/rewrite/actions?${new URLSearchParams(
        model ? { brand, model } : { brand })}`),
      rewriteDraft: (id, body) => request("POST", `/v1/drafts/${encodeURIComponent(id)}/rewrite`, body),
      rewriteText: (body) => request("POST", "/v1/rewrite", body),
      feedback: (id, body) => request("POST", `/v1/drafts/${encodeURIComponent(id)}/feedback`, body),
      event: (id, event, surface = "extension") => request("POST", `/v1/drafts/${encodeURIComponent(id)}/events`,
        { event, surface }),
    };
  }

  const api = { ApiError, createClient, errorForResponse, networkError, timeoutError, configError };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.CrisisdraftApi = api;
})(globalThis);
