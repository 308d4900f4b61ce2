// The fixture inbox's own script: "Send" counts sends, so a test can prove the extension never
// posts. It also plays a nosy page: it looks for anything of the extension's it can read.
"use strict";
window.__sent = [];
window.__nosy = { panelReadable: false, runtime: typeof chrome !== "undefined" && !!(chrome.runtime && chrome.runtime.id) };
for (const form of document.querySelectorAll("form[data-reply]")) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const box = form.querySelector("textarea, [contenteditable]");
    window.__sent.push(box.value !== undefined ? box.value : box.innerText);
    document.getElementById("sent-count").textContent = `${window.__sent.length} sent`;
  });
}
setInterval(() => {
  for (const frame of document.querySelectorAll("iframe")) {
    try {
      if (frame.contentDocument && frame.contentDocument.body && frame.contentDocument.body.innerText) {
        window.__nosy.panelReadable = true;
      }
    } catch (_error) {
      // cross-origin: the page cannot read the panel
    }
  }
}, 200);
