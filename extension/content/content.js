// The content script: a "Draft reply" button beside each reply box, the panel (an extension
// page in an iframe the page cannot read), and the box edits the panel re-checks.
// It never holds the API key, never calls the API, and never posts or submits anything.
"use strict";

(function (root) {
  if (root.__crisisdraftContent) return;
  root.__crisisdraftContent = true;

  const Page = root.CrisisdraftPage;
  const Drafts = root.CrisisdraftDrafts;
  const PANEL_WIDTH = 380;
  const RECHECK_MS = 600;
  const Z = "2147483646";

  let config = null; // selectors and defaults for this site, from the service worker (no key)
  let enabled = false; // buttons only on enabled sites; a context-menu injection adds none
  const buttons = new Map(); // box -> {host, button}
  const sessions = new Map(); // session id -> {box, frame, previous, inserting, recheck}
  let lastFocusedBox = null;

  function css(el, styles) {
    for (const [name, value] of Object.entries(styles)) el.style.setProperty(name, value, "important");
  }

  async function send(message) {
    try {
      return await chrome.runtime.sendMessage(message);
    } catch (error) {
      // The extension was reloaded or updated: this page's copy of the script is orphaned.
      return { ok: false, error: "The extension was updated: reload this page to use it again." };
    }
  }

  // ---- the button ---------------------------------------------------------------------------

  function makeButton(box) {
    const host = document.createElement("div");
    host.setAttribute("data-crisisdraft-ui", "button");
    css(host, { position: "absolute", top: "0px", left: "0px", "z-index": Z, margin: "0",
      padding: "0", border: "0", width: "auto", height: "auto", display: "block" });
    const shadow = host.attachShadow({ mode: "open" });
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "✎ Draft reply";
    button.title = "Draft a reply to this conversation with crisisdraft (nothing is posted)";
    button.setAttribute("aria-label", "Draft reply");
    css(button, { font: "600 12px/1 system-ui, sans-serif", color: "#fff", background: "#0f5f5c",
      border: "0", "border-radius": "999px", padding: "6px 10px", cursor: "pointer",
      "box-shadow": "0 1px 3px rgba(0,0,0,.3)", opacity: "0.92", "white-space": "nowrap" });
    button.addEventListener("mouseenter", () => css(button, { opacity: "1", background: "#0b4a47" }));
    button.addEventListener("mouseleave", () => css(button, { opacity: "0.92", background: "#0f5f5c" }));
    // Keep the agent's selection and the box's focus when the button is pressed.
    button.addEventListener("mousedown", (event) => event.preventDefault());
    button.addEventListener("click", (event) => {
      if (!event.isTrusted) return; // a page script cannot start drafts by clicking for the agent
      event.preventDefault();
      event.stopPropagation();
      startDraft(box, selectionOutside(box));
    });
    shadow.append(button);
    document.documentElement.append(host);
    return { host, button };
  }

  function selectionOutside(box) {
    const selection = getSelection();
    if (!selection || selection.isCollapsed) return "";
    const node = selection.anchorNode;
    if (node && box.contains(node)) return "";
    return selection.toString();
  }

  function placeButton(box, entry) {
    const rect = box.getBoundingClientRect();
    if (!box.isConnected || rect.width === 0 || rect.height === 0) {
      css(entry.host, { display: "none" });
      return;
    }
    css(entry.host, { display: "block" });
    const width = entry.host.offsetWidth || 100;
    const height = entry.host.offsetHeight || 24;
    css(entry.host, {
      top: `${Math.round(rect.bottom + scrollY - height - 6)}px`,
      left: `${Math.round(rect.right + scrollX - width - 8)}px`,
    });
  }

  function scan() {
    if (!enabled) {
      for (const entry of sessions.values()) placePanel(entry);
      return;
    }
    const boxes = Page.findReplyBoxes(config);
    for (const box of boxes) {
      track(box);
      if (!buttons.has(box)) buttons.set(box, makeButton(box));
    }
    for (const [box, entry] of buttons) {
      if (!box.isConnected) {
        entry.host.remove();
        buttons.delete(box);
      } else {
        placeButton(box, entry);
      }
    }
    for (const entry of sessions.values()) placePanel(entry);
  }

  const tracked = new WeakSet();
  function track(box) {
    if (tracked.has(box)) return;
    tracked.add(box);
    box.addEventListener("input", () => onBoxInput(box));
  }

  let scanQueued = false;
  function queueScan() {
    if (scanQueued) return;
    scanQueued = true;
    setTimeout(() => { scanQueued = false; scan(); }, 250);
  }

  // ---- the panel ----------------------------------------------------------------------------

  function anchorRect(entry) {
    if (entry.box && entry.box.isConnected) return entry.box.getBoundingClientRect();
    return entry.rect;
  }

  function placePanel(entry) {
    const rect = anchorRect(entry);
    if (!rect) return;
    let left = rect.right + 8;
    let top = rect.top;
    if (left + PANEL_WIDTH > innerWidth - 8) {
      left = Math.max(8, Math.min(rect.right - PANEL_WIDTH, innerWidth - PANEL_WIDTH - 8));
      top = rect.bottom + 8;
    }
    css(entry.frame, { top: `${Math.round(top + scrollY)}px`, left: `${Math.round(left + scrollX)}px` });
  }

  function openPanel(box, rect) {
    // One panel at a time: a new draft replaces the open one (its draft stays in the queue).
    for (const id of [...sessions.keys()]) closeSession(id, true);
    const session = crypto.randomUUID();
    const frame = document.createElement("iframe");
    frame.setAttribute("data-crisisdraft-ui", "panel");
    frame.title = "crisisdraft: draft reply";
    frame.src = `${chrome.runtime.getURL("panel/panel.html")}#${session}`;
    css(frame, { position: "absolute", width: `${PANEL_WIDTH}px`, height: "220px", border: "1px solid #b9c4c9",
      "border-radius": "10px", background: "#fff", "box-shadow": "0 6px 24px rgba(0,0,0,.18)",
      "z-index": Z, margin: "0", padding: "0", display: "block", "color-scheme": "light" });
    document.documentElement.append(frame);
    const entry = { box, frame, rect, previous: null, inserting: false,
      recheck: Drafts.debounce((text) => send({ type: "box-text", session, text }), RECHECK_MS) };
    sessions.set(session, entry);
    placePanel(entry);
    return session;
  }

  function closeSession(session, tellWorker) {
    const entry = sessions.get(session);
    if (!entry) return;
    entry.recheck.cancel();
    entry.frame.remove();
    sessions.delete(session);
    if (tellWorker) send({ type: "closed", session });
  }

  async function startDraft(box, selection, rect) {
    const messages = box ? Page.readConversation(box, config) : [];
    const { post, thread } = Drafts.pickConversation(messages, selection);
    const session = openPanel(box, rect || (box ? null : selectionRect()));
    const reply = await send({ type: "draft", session, post, thread, url: location.href,
      hasBox: Boolean(box) });
    if (reply && reply.ok === false && reply.error) {
      // The worker never got the request: say so where the agent looks (the button).
      const entry = buttons.get(box);
      if (entry) entry.button.textContent = reply.error;
      closeSession(session, false);
    }
  }

  function selectionRect() {
    const selection = getSelection();
    if (!selection || selection.rangeCount === 0) return null;
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    return rect.width || rect.height ? rect : null;
  }

  function onBoxInput(box) {
    for (const [, entry] of sessions) {
      if (entry.box === box && !entry.inserting) entry.recheck(Page.boxText(box));
    }
  }

  // ---- messages from the service worker -----------------------------------------------------

  function handle(message) {
    const entry = message.session ? sessions.get(message.session) : null;
    switch (message.type) {
      case "ping":
        return { ok: true };
      case "insert": {
        if (!entry || !entry.box || !entry.box.isConnected) {
          return { ok: false, error: "The reply box is gone: click into a reply box and press Draft reply again." };
        }
        if (entry.previous === null) entry.previous = Page.boxText(entry.box);
        entry.inserting = true;
        try {
          const ok = Page.setBoxText(entry.box, message.text);
          return ok ? { ok: true, text: Page.boxText(entry.box) }
            : { ok: false, error: "The site's editor did not accept the text; select the draft in the panel and paste it." };
        } finally {
          entry.inserting = false;
        }
      }
      case "undo": {
        if (!entry || !entry.box || !entry.box.isConnected || entry.previous === null) {
          return { ok: false, error: "Nothing to undo." };
        }
        entry.inserting = true;
        try {
          Page.setBoxText(entry.box, entry.previous);
        } finally {
          entry.inserting = false;
        }
        entry.previous = null;
        return { ok: true, text: Page.boxText(entry.box) };
      }
      case "get-text":
        if (!entry || !entry.box || !entry.box.isConnected) return { ok: false, error: "The reply box is gone." };
        return { ok: true, text: Page.boxText(entry.box) };
      case "resize":
        if (entry) {
          const most = Math.max(240, Math.min(640, innerHeight - 24));
          css(entry.frame, { height: `${Math.max(80, Math.min(Number(message.height) || 220, most))}px` });
        }
        return { ok: true };
      case "close":
        closeSession(message.session, false);
        return { ok: true };
      case "context-draft": {
        if (message.config && !config) config = message.config;
        const boxes = Page.findReplyBoxes(config || {});
        const selection = getSelection();
        const selected = (selection && selection.toString().trim()) || message.text || "";
        let box = lastFocusedBox && boxes.includes(lastFocusedBox) ? lastFocusedBox : null;
        if (!box && selection && selection.anchorNode) box = Page.boxAfter(selection.anchorNode, boxes);
        if (box) track(box);
        startDraft(box, selected, box ? null : selectionRect());
        return { ok: true };
      }
      default:
        return { ok: false, error: `unknown message ${message.type}` };
    }
  }

  chrome.runtime.onMessage.addListener((message, sender, reply) => {
    if (sender.id !== chrome.runtime.id || !message || typeof message.type !== "string") return false;
    reply(handle(message));
    return false;
  });

  document.addEventListener("focusin", (event) => {
    let node = event.target;
    if (!(node instanceof HTMLTextAreaElement) && !(node && node.isContentEditable)) return;
    while (node.parentElement && node.parentElement.isContentEditable) node = node.parentElement;
    lastFocusedBox = node;
  }, true);
  addEventListener("scroll", queueScan, { capture: true, passive: true });
  addEventListener("resize", queueScan, { passive: true });

  async function start() {
    const reply = await send({ type: "hello" });
    if (!reply || !reply.ok) return;
    if (!reply.config) return; // injected for one context-menu request: no buttons on this site
    config = reply.config;
    enabled = true;
    scan();
    new MutationObserver(queueScan).observe(document.documentElement, { childList: true, subtree: true });
  }

  start();
})(globalThis);
