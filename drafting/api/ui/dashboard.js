// crisisdraft KPI dashboard. Charts are SVG built node by node; every text from the server is
// set with textContent, never as HTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const COLOURS = { negative: "#c0392b", neutral: "#9aa3b2", positive: "#1f8a4c",
                  drafts: "#5b6b85", approved: "#1f6f43", target: "#3867d6" };
// $, el, showError, api, auth and setUpSignIn come from common.js (loaded first).

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

const fmtMinutes = (v) => (v === null || v === undefined ? "–" : `${v < 10 ? v.toFixed(1) : Math.round(v)} min`);
const fmtShare = (v) => (v === null || v === undefined ? "–" : `${Math.round(v * 100)}%`);
const fmtTime = (iso) => (iso ? new Date(iso).toISOString().slice(5, 16).replace("T", " ") : "–");

function tile(value, label, note, mood) {
  const box = el("div", undefined, `tile${mood ? ` ${mood}` : ""}`);
  box.append(el("b", value), el("span", label));
  if (note) box.append(el("small", note));
  return box;
}

function tiles(k) {
  const t = $("tiles");
  const within = (x) => (x.share_within_target === null ? "" : `${fmtShare(x.share_within_target)} within ${x.target_minutes ?? "target"} min`);
  const mood = (x) => (x.share_within_target === null ? "" : x.share_within_target >= 0.9 ? "good" : "bad");
  t.replaceChildren(
    tile(k.volume.posts, "incoming posts", `${k.volume.mentions} mentions · ${k.volume.drafts} drafts`),
    tile(fmtShare(k.sentiment.negative_share), "negative posts",
         k.sentiment.mean_score === null ? "" : `mean sentiment ${k.sentiment.mean_score.toFixed(2)}`,
         k.sentiment.negative_share > 0.5 ? "bad" : ""),
    tile(fmtMinutes(k.first_draft.p50_minutes), "to first draft (p50)", `p90 ${fmtMinutes(k.first_draft.p90_minutes)} · ${within(k.first_draft)}`, mood(k.first_draft)),
    tile(fmtMinutes(k.approval.p50_minutes), "to approval (p50)", `p90 ${fmtMinutes(k.approval.p90_minutes)} · ${within(k.approval)}`, mood(k.approval)),
    tile(fmtShare(k.decisions.approval_rate), "approved", `${k.decisions.approved} approved · ${k.decisions.rejected} rejected · ${k.decisions.pending} pending`),
    tile(fmtShare(k.decisions.edit_rate), "edited before approval", k.edits.mean_changed_share === null ? "" : `${fmtShare(k.edits.mean_changed_share)} of the words changed on average`),
    tile(fmtShare(k.decisions.rejection_rate), "rejected", `${k.decisions.changes_requested} with changes requested`),
    tile(k.edits.p90_word_edits === null ? "–" : k.edits.p90_word_edits, "word edits (p90)", k.edits.p50_word_edits === null ? "" : `median ${k.edits.p50_word_edits}`),
    tile(`$${k.usage.cost_usd.toFixed(4)}`, "model cost", `${k.usage.prompt_tokens + k.usage.completion_tokens} tokens`),
    tile(k.incidents.open, "open incidents", `${k.incidents.overdue_now} overdue · ${k.incidents.updates_posted} updates posted`, k.incidents.overdue_now ? "bad" : ""),
  );
}

function axisLabels(root, series, x, height) {
  const picks = [0, Math.floor(series.length / 2), series.length - 1].filter((v, i, a) => a.indexOf(v) === i);
  for (const i of picks) {
    const anchor = i === series.length - 1 && i > 0 ? "end" : "start";
    root.append(svg("text", { x: anchor === "end" ? x(i + 1) : x(i), y: height - 22, "text-anchor": anchor },
                    fmtTime(series[i].start)));
  }
}

function legend(root, entries, y) {
  let at = 40;
  for (const [label, colour] of entries) {
    root.append(svg("rect", { x: at, y: y - 9, width: 10, height: 10, fill: colour }),
                svg("text", { x: at + 14, y }, label));
    at += 100;
  }
}

function stacked(container, series, keys) {
  const width = 600, height = 220, left = 36, top = 10, plotH = height - 50;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img" });
  const peak = Math.max(1, ...series.map((b) => keys.reduce((s, k) => s + b[k], 0)));
  const step = (width - left - 10) / Math.max(1, series.length);
  const x = (i) => left + i * step;
  root.append(svg("line", { x1: left, y1: top + plotH, x2: width - 10, y2: top + plotH, stroke: "#555" }),
              svg("text", { x: 4, y: top + 10 }, peak), svg("text", { x: 4, y: top + plotH }, 0));
  series.forEach((b, i) => {
    let y = top + plotH;
    for (const k of keys) {
      if (!b[k]) continue;
      const h = (b[k] / peak) * plotH;
      y -= h;
      const bar = svg("rect", { x: x(i) + 1, y, width: Math.max(1, step - 2), height: h, fill: COLOURS[k] });
      bar.append(svg("title", {}, `${fmtTime(b.start)} ${k}: ${b[k]}`));
      root.append(bar);
    }
  });
  axisLabels(root, series, x, height);
  legend(root, keys.map((k) => [k, COLOURS[k]]), height - 4);
  container.replaceChildren(root);
}

function grouped(container, series, keys) {
  const width = 600, height = 220, left = 36, top = 10, plotH = height - 50;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img" });
  const peak = Math.max(1, ...series.flatMap((b) => keys.map((k) => b[k])));
  const step = (width - left - 10) / Math.max(1, series.length);
  const x = (i) => left + i * step;
  const barW = Math.max(1, (step - 2) / keys.length);
  root.append(svg("line", { x1: left, y1: top + plotH, x2: width - 10, y2: top + plotH, stroke: "#555" }),
              svg("text", { x: 4, y: top + 10 }, peak), svg("text", { x: 4, y: top + plotH }, 0));
  series.forEach((b, i) => keys.forEach((k, j) => {
    if (!b[k]) return;
    const h = (b[k] / peak) * plotH;
    const bar = svg("rect", { x: x(i) + 1 + j * barW, y: top + plotH - h, width: barW, height: h, fill: COLOURS[k] });
    bar.append(svg("title", {}, `${fmtTime(b.start)} ${k}: ${b[k]}`));
    root.append(bar);
  }));
  axisLabels(root, series, x, height);
  legend(root, keys.map((k) => [k, COLOURS[k]]), height - 4);
  container.replaceChildren(root);
}

function hbars(container, items, targets, unit, colour) {
  if (!items.length) { container.replaceChildren(el("p", "Nothing to show yet.", "muted")); return; }
  const width = 600, labelW = 210, rowH = 24, top = 22;
  const height = top + rowH * items.length + 8;
  const peak = Math.max(1e-9, ...items.map(([, v]) => v), ...targets.map(([v]) => v));
  const plotW = width - labelW - 60;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img" });
  items.forEach(([label, value], i) => {
    const y = top + i * rowH;
    const w = (value / peak) * plotW;
    root.append(svg("text", { x: labelW - 6, y: y + 15, "text-anchor": "end" }, label),
                svg("rect", { x: labelW, y: y + 4, width: Math.max(1, w), height: 15, fill: colour }),
                svg("text", { x: labelW + w + 4, y: y + 15 }, `${Math.round(value * 10) / 10}${unit}`));
  });
  for (const [value, label] of targets) {
    const tx = labelW + (value / peak) * plotW;
    root.append(svg("line", { x1: tx, y1: top - 4, x2: tx, y2: height - 4, stroke: COLOURS.target, "stroke-dasharray": "4 3" }),
                svg("text", { x: tx + 3, y: top - 8, fill: COLOURS.target }, label));
  }
  container.replaceChildren(root);
}

function charts(k) {
  stacked($("chart-volume"), k.series, ["negative", "neutral", "positive"]);
  grouped($("chart-drafts"), k.series, ["drafts", "approved"]);
  const times = [["first draft, median", k.first_draft.p50_minutes], ["first draft, 90th pct", k.first_draft.p90_minutes],
                 ["approval, median", k.approval.p50_minutes], ["approval, 90th pct", k.approval.p90_minutes]]
    .filter(([, v]) => v !== null);
  const targets = [];
  if (k.first_draft.target_minutes) targets.push([k.first_draft.target_minutes, `${k.first_draft.target_minutes} min`]);
  if (k.approval.target_minutes) targets.push([k.approval.target_minutes, `${k.approval.target_minutes} min`]);
  hbars($("chart-times"), times, targets, " min", "#5b6b85");
  hbars($("chart-checks"), k.checks.map((c) => [c.id, c.count]), [], "", "#a0522d");
}

async function openReport(id) {
  try {
    const response = await fetch(`/v1/incidents/${encodeURIComponent(id)}/review?format=html`,
                                 { headers: { "Authorization": `Bearer ${auth.key}` } });
    if (!response.ok) throw new Error(`report: ${response.status}`);
    const url = URL.createObjectURL(new Blob([await response.text()], { type: "text/html" }));
    window.open(url, "_blank", "noopener");
  } catch (error) { showError(error.message); }
}

function incidentsTable(items) {
  const body = $("incidents").querySelector("tbody");
  body.replaceChildren();
  for (const i of items) {
    const row = el("tr");
    const name = el("td");
    name.append(el("div", i.title), el("small", i.id, "muted"));
    const sev = el("td"); sev.append(el("span", i.severity, `badge sev-${i.severity}`));
    const due = el("td", fmtTime(i.next_update_due));
    if (i.overdue) due.append(" ", el("span", `overdue ${Math.round(i.minutes_overdue)} min`, "badge overdue"));
    const report = el("td");
    const button = el("button", "open");
    button.type = "button";
    button.addEventListener("click", () => openReport(i.id));
    report.append(button);
    row.append(name, sev, el("td", i.status), due, el("td", i.updates.length), report);
    body.append(row);
  }
  $("no-incidents").hidden = items.length > 0;
}

async function crisisBanner(brands) {
  const box = $("crisis");
  box.replaceChildren();
  for (const brand of brands) {
    const status = await api(`/v1/brands/${encodeURIComponent(brand)}/status`);
    if (!status.crisis_mode) continue;
    const line = el("p");
    line.append(el("strong", `${brand}: crisis mode`), ` since ${fmtTime(status.since)} · ${status.incidents.length} open incident(s)`);
    if (status.overdue.length) line.append(" · ", el("strong", `${status.overdue.length} update(s) overdue`));
    box.append(line);
    if (status.holding_line) box.append(el("p", `Holding line: ${status.holding_line}`));
  }
  box.hidden = !box.children.length;
}

function period() {
  const hours = Number($("range").value);
  const to = new Date();
  return { from: new Date(to.getTime() - hours * 3600 * 1000), to };
}

// Field targets for AI reply tools: agents insert more than 40% of the drafts shown, and edit about
// 30% of what they send (fewer edits: drafts may be pasted unread; many more: drafts are off).
function insertionMood(rate, target) {
  if (rate === null || rate === undefined || target === null || target === undefined) return "";
  return rate >= target ? "good" : "bad";
}

function editMood(rate, target) {
  if (rate === null || rate === undefined || target === null || target === undefined) return "";
  return Math.abs(rate - target) <= 0.1 ? "good" : "warn";
}

function adoptionRow(cells, g, targets, header) {
  const row = el("tr");
  const key = el(header ? "th" : "td", cells);
  const rate = (v, mood) => el("td", fmtShare(v), mood ? `rate ${mood}` : "rate");
  const num = (v) => el("td", v === null || v === undefined ? "–" : v);
  row.append(key, num(g.shown), num(g.inserted), rate(g.insertion_rate, insertionMood(g.insertion_rate, targets.insertion_rate)),
             num(g.sent_as_is), num(g.edited), rate(g.edit_rate, editMood(g.edit_rate, targets.edit_rate)),
             num(g.mean_edit_distance === null || g.mean_edit_distance === undefined ? null : Math.round(g.mean_edit_distance * 10) / 10),
             num(g.rejected), num(g.down_voted), num(g.up_voted),
             num(g.minutes_saved === null || g.minutes_saved === undefined ? null : Math.round(g.minutes_saved)));
  return row;
}

async function adoption({ from, to }) {
  const groupBy = $("group-by").value;
  const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), group_by: groupBy });
  if (auth.brand) params.set("brand", auth.brand);
  const table = $("adoption");
  try {
    const a = await api(`/v1/adoption?${params}`);
    const targets = a.targets || {};
    $("adoption-error").hidden = true;
    $("adoption-key").textContent = a.group_by || groupBy;
    $("adoption-targets").textContent = `Field targets: insertion above ${fmtShare(targets.insertion_rate)} of the drafts shown, ` +
      `edits around ${fmtShare(targets.edit_rate)} of the drafts sent. Green meets the target.`;
    $("t-insertion").textContent = `target > ${fmtShare(targets.insertion_rate)}`;
    $("t-edit").textContent = `target ≈ ${fmtShare(targets.edit_rate)}`;
    table.querySelector("tbody").replaceChildren(...a.groups.map((g) => adoptionRow(g.key, g, targets, false)));
    table.querySelector("tfoot").replaceChildren(...(a.total ? [adoptionRow("all", a.total, targets, true)] : []));
    table.hidden = a.groups.length === 0;
    $("no-adoption").hidden = a.groups.length > 0;
  } catch (error) {
    table.hidden = true;
    $("no-adoption").hidden = true;
    $("adoption-error").textContent = `Adoption figures are not available: ${error.message}`;
    $("adoption-error").hidden = false;
  }
}

async function load() {
  showError("");
  const { from, to } = period();
  const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
  if (auth.brand) params.set("brand", auth.brand);
  try {
    const k = await api(`/v1/kpis?${params}`);
    $("period").textContent = `${fmtTime(k.since)} – ${fmtTime(k.until)} UTC · ${k.brands.join(", ")} · buckets of ${k.bucket_minutes} min`;
    tiles(k);
    charts(k);
    const list = await api(`/v1/incidents?${new URLSearchParams(auth.brand ? { brand: auth.brand } : {})}`);
    incidentsTable(list.data.filter((i) => i.status !== "resolved" || new Date(i.resolved_at) >= from));
    await crisisBanner(auth.brand ? [auth.brand] : [...new Set(list.data.map((i) => i.brand))]);
    await adoption({ from, to });
    document.body.dataset.loaded = "true";
  } catch (error) {
    showError(error.message);
    if (error.status === 401) signOut();
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("refresh").addEventListener("click", load);
  $("range").addEventListener("change", load);
  $("group-by").addEventListener("change", () => adoption(period()));
  setUpSignIn(load);
});
