// DOM reading and writing for the content script: find reply boxes, read the visible
// conversation, put text into a box. Runs in the extension's isolated world.
"use strict";

(function (root) {
  if (root.CrisisdraftPage) return;

  const GENERIC = {
    replyBox: 'textarea, [contenteditable=""], [contenteditable="true"], ' +
      '[contenteditable="plaintext-only"], [role="textbox"]',
    message: '[data-testid="tweet"], [role="article"], article, [data-message-id], .message, ' +
      ".post, .comment, .msg, blockquote",
    messageText: '[data-testid="tweetText"], [data-message-text], .message-text, .message-body, ' +
      ".post-text, .comment-text, .text, .body",
    author: '[data-author], [rel="author"], .author, .handle, .username, .user-name, .from',
    own: '[data-from-brand="true"], .own, .outgoing, .from-brand, .mine, .sent, .is-brand',
  };
  const OWN_UI = "[data-crisisdraft-ui]";

  function safeAll(scope, selector) {
    try {
      return Array.from(scope.querySelectorAll(selector));
    } catch (_error) {
      return []; // a bad selector in the options must not break the page
    }
  }

  function safeMatches(el, selector) {
    try {
      return el.matches(selector) || Boolean(el.closest(selector));
    } catch (_error) {
      return false;
    }
  }

  function isVisible(el) {
    const rect = el.getBoundingClientRect();
    if (rect.width < 40 || rect.height < 16) return false;
    const style = getComputedStyle(el);
    return style.visibility !== "hidden" && style.display !== "none";
  }

  function isEditable(el) {
    if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
    return el.isContentEditable && el.getAttribute("aria-readonly") !== "true";
  }

  /** Reply boxes on the page: the site's selector first, then the generic fallback. */
  function findReplyBoxes(config, scope = document) {
    let found = config.replyBox ? safeAll(scope, config.replyBox) : [];
    if (found.length === 0) found = safeAll(scope, GENERIC.replyBox);
    const boxes = [];
    for (const el of found) {
      // The outermost editable element is the box (rich editors nest contenteditable nodes).
      let box = el;
      while (box.parentElement && box.parentElement.isContentEditable) box = box.parentElement;
      if (box.closest(OWN_UI) || boxes.includes(box)) continue;
      if (!isEditable(box) || !isVisible(box)) continue;
      boxes.push(box);
    }
    return boxes;
  }

  function boxText(box) {
    if (box instanceof HTMLTextAreaElement) return box.value;
    return box.innerText.replace(/\n$/, "");
  }

  /**
   * Replace the box's text as if the agent typed it (so the site's editor and undo history see
   * it): select everything, then insertText; a direct assignment is the fallback.
   */
  function setBoxText(box, text) {
    box.focus();
    if (box instanceof HTMLTextAreaElement) {
      box.select();
      const done = text ? document.execCommand("insertText", false, text)
        : document.execCommand("delete", false);
      if (!done || box.value !== text) {
        const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set;
        setter.call(box, text);
        box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text }));
      }
      return boxText(box) === text;
    }
    const range = document.createRange();
    range.selectNodeContents(box);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    const done = text ? document.execCommand("insertText", false, text)
      : document.execCommand("delete", false);
    if (!done || boxText(box).trim() !== text.trim()) {
      box.textContent = text;
      box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text }));
    }
    return boxText(box).trim() === text.trim();
  }

  function collapse(text) {
    return String(text || "").replace(/[ \t\r\f\v]+/g, " ").replace(/\n\s*\n+/g, "\n").trim();
  }

  function textWithout(el, selectors) {
    const clone = el.cloneNode(true);
    for (const selector of selectors) for (const n of safeAll(clone, selector)) n.remove();
    for (const n of safeAll(clone, `${OWN_UI}, textarea, [contenteditable], button, script, style`)) n.remove();
    return collapse(clone.textContent);
  }

  function authorOf(el, config) {
    if (el.dataset && el.dataset.author) return el.dataset.author;
    for (const selector of [config.author, GENERIC.author].filter(Boolean)) {
      const node = safeAll(el, selector)[0];
      if (node) return collapse(node.getAttribute("data-author") || node.textContent);
    }
    return null;
  }

  function messageOf(el, config, box) {
    const textSelector = config.messageText || GENERIC.messageText;
    const textNode = safeAll(el, textSelector).find((n) => !n.contains(box));
    const authorSelectors = [config.author, GENERIC.author].filter(Boolean);
    const text = textNode ? collapse(textNode.textContent) : textWithout(el, authorSelectors);
    const own = config.own ? safeMatches(el, config.own) : safeMatches(el, GENERIC.own);
    return { text, author: authorOf(el, config), own };
  }

  /**
   * The messages shown above a box, oldest first: from the nearest ancestor that holds messages,
   * those before the box in document order (innermost matches only, so nothing counts twice).
   */
  function readConversation(box, config) {
    const selector = config.message || GENERIC.message;
    let scope = box.parentElement;
    let candidates = [];
    while (scope && candidates.length === 0) {
      candidates = safeAll(scope, selector).filter((el) => !el.closest(OWN_UI));
      if (candidates.length === 0) scope = scope.parentElement;
    }
    const innermost = candidates.filter((el) => !candidates.some((other) => other !== el && el.contains(other)));
    const before = innermost.filter((el) => !el.contains(box) &&
      (el.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING));
    const containing = innermost.filter((el) => el.contains(box));
    const chosen = before.length ? before : containing;
    return chosen.map((el) => messageOf(el, config, box)).filter((m) => m.text);
  }

  /** The reply box nearest after a node (used for a context-menu selection). */
  function boxAfter(node, boxes) {
    for (const box of boxes) {
      if (node.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING) return box;
    }
    return boxes[boxes.length - 1] || null;
  }

  root.CrisisdraftPage = { GENERIC, findReplyBoxes, boxText, setBoxText, readConversation, boxAfter };
})(globalThis);
