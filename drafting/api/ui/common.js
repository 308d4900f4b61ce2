// Shared by the review queue and the KPI dashboard: the signed-in key, DOM helpers and the API
// call. Loaded before each page's own script (served at /review/common.js). Every text from the
// server goes in with textContent, never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const auth = { key: sessionStorage.getItem("cd-key") || "", brand: sessionStorage.getItem("cd-brand") || "" };

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = !message;
}

/** A JSON API call with the key; a failure throws an Error whose message is the problem's detail
 * and fix, with .status and .body (the problem+json) for the caller. */
async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { "Authorization": `Bearer ${auth.key}`, "Content-Type": "application/json",
               ...(options.headers || {}) },
  });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const detail = (body && (body.detail || body.title)) || response.statusText;
    const fix = body && body.fix ? ` — ${body.fix}` : "";
    const error = new Error(`${detail}${fix}`);
    error.status = response.status;
    error.body = body;
    throw error;
  }
  return body;
}

function signOut() {
  sessionStorage.removeItem("cd-key");
  auth.key = "";
  $("signin").hidden = false;
  $("who").hidden = true;
}

/** Wire the sign-in form and the sign-out button; `load` runs once a key is set. */
function setUpSignIn(load) {
  const start = () => {
    if (!auth.key) return;
    $("signin").hidden = true;
    $("who").hidden = false;
    $("who-text").textContent = auth.brand ? `brand ${auth.brand}` : "all my brands";
    load();
  };
  $("signin").addEventListener("submit", (event) => {
    event.preventDefault();
    auth.key = $("key").value.trim();
    auth.brand = $("brand").value.trim();
    sessionStorage.setItem("cd-key", auth.key);
    sessionStorage.setItem("cd-brand", auth.brand);
    start();
  });
  $("signout").addEventListener("click", signOut);
  start();
}
