"use strict";
// The story list and the story view of the search page (index.html provides $, el, params,
// showList, filters, openArticle). As there, every piece of text goes in
// through textContent; the charts are drawn by uPlot (static/vendor), which sets its labels
// with textContent too.

const SORTS = { articles: [["relevance", "relevance"], ["date", "newest"]],
                stories: [["recency", "latest news"], ["size", "most articles"], ["relevance", "relevance"]] };
const charts = [];

function setMode(m) {
  mode = m;
  $("#mode-articles").setAttribute("aria-selected", String(m === "articles"));
  $("#mode-stories").setAttribute("aria-selected", String(m === "stories"));
  const sort = $("#search").elements.sort;
  sort.replaceChildren(...SORTS[m].map(([v, label]) => el("option", { value: v }, label)));
  cursor = null;
}

function fmt(v) {
  return v == null ? "" : Number(v).toLocaleString("en-US", { maximumFractionDigits: 2 });
}
function day(iso) { return iso ? String(iso).slice(0, 10) : "undated"; }
function trackName(t) { return [t.event, t.object, t.place].filter(Boolean).join(" · ") || t.key; }
// Some sources print no headline: then a story is named by its first titled article, or by the
// names it is about.
function storyTitle(s) {
  const titled = (s.articles || []).find((a) => a.title);
  return s.title || (titled && titled.title) || (s.entities || []).slice(0, 3).map((e) => e.name).join(", ") || s.id;
}

function runStories(append = false) {
  const p = params();
  p.delete("type");
  return showList("/stories", p, "stories", append, (n) => `${n} stor${n === 1 ? "y" : "ies"}`, storyCard);
}

function storyCard(s) {
  const title = el("a", { onclick: () => openStory(s.id), "data-story": s.id }, storyTitle(s));
  const meta = el("div", { class: "meta story-meta" },
    el("span", {}, s.first_at && s.last_at && day(s.first_at) !== day(s.last_at) ? `${day(s.first_at)} – ${day(s.last_at)}` : day(s.last_at || s.first_at)),
    el("span", {}, `${s.size} article${s.size === 1 ? "" : "s"}`),
    el("span", {}, (s.sources || []).join(", ")));
  const tags = el("div", { class: "tags" }, ...(s.entities || []).map((e) => el("span", { title: e.type }, e.name)));
  // The tracks reported more than once (the API sends the most reported first), then a count.
  const followed = (s.tracks || []).filter((t) => t.count > 1).slice(0, 3);
  const tracks = followed.map((t) => el("div", { class: "tracks-line" },
    `${trackName(t)}: latest ${fmt(t.latest)}, highest ${fmt(t.highest)} (${t.count} reports)`));
  const others = (s.track_count || 0) - followed.length;
  if (others > 0) tracks.push(el("div", { class: "meta" }, `${followed.length ? "and " : ""}${others} other figure${others === 1 ? "" : "s"}`));
  return el("article", { class: "hit story" }, el("h2", {}, title), meta, tags, ...tracks);
}

async function openStory(id) {
  const r = await fetch("/stories/" + encodeURIComponent(id));
  const s = await r.json();
  const box = $("#story");
  if (!r.ok) { $("#summary").textContent = s.detail || "story not found"; return; }
  history.replaceState(null, "", "?story=" + encodeURIComponent(id));
  const titles = Object.fromEntries((s.articles || []).map((a) => [a.id, a.title || a.id]));
  const timeline = el("ol", { id: "timeline" }, ...(s.articles || []).map((a) => el("li", {},
    el("span", { class: "muted" }, `${day(a.published_at)} · ${[a.source, (a.agencies || []).join(", "), a.dateline].filter(Boolean).join(" · ")} · `),
    el("a", { "data-id": a.id, onclick: () => openArticle(a.id) }, a.title || a.id))));
  const ents = (s.entities || []).slice(0, 15).map((e) => el("tr", {}, el("td", {}, e.name), el("td", {}, e.type), el("td", {}, String(e.count))));
  // A chart for each track reported at least twice (most reported first); figures reported once
  // share one table.
  const all = [...(s.tracks || [])].sort((a, b) => b.reports.length - a.reports.length || a.key.localeCompare(b.key));
  const charted = all.filter((t) => t.reports.length > 1);
  const once = all.filter((t) => t.reports.length === 1);
  const tracks = charted.map((t) => trackBlock(t, titles));
  if (once.length) tracks.push(onceTable(once, titles));
  for (const c of charts.splice(0)) c.destroy();
  box.replaceChildren(
    el("button", { onclick: () => { box.hidden = true; $("#results").hidden = false; } }, "← stories"),
    el("h2", { id: "story-title" }, storyTitle(s)),
    el("div", { class: "meta story-meta" },
      el("span", {}, `${day(s.first_at)} – ${day(s.last_at)}`),
      el("span", {}, `${(s.articles || []).length} articles`),
      el("span", {}, `sources: ${(s.sources || []).join(", ")}`),
      ...(s.agencies || []).length ? [el("span", {}, `agencies: ${s.agencies.join(", ")}`)] : []),
    el("h3", {}, `Figure tracks (${charted.length} followed over time, ${once.length} reported once)`),
    ...(tracks.length ? tracks : [el("p", { class: "muted" }, "No figure reported yet.")]),
    el("h3", {}, "Timeline"), timeline,
    el("h3", {}, "Top entities"),
    el("table", { id: "story-entities" }, el("tr", {}, el("th", {}, "name"), el("th", {}, "type"), el("th", {}, "articles")), ...ents));
  $("#results").hidden = true;
  $("#article").hidden = true;
  $("#more").hidden = true;
  box.hidden = false;
  // Charts measure their container, so they are drawn once the view is on screen.
  for (const t of charted) drawChart(t, box.querySelector(`.track-chart[data-key="${CSS.escape(t.key)}"]`));
}

function onceTable(tracks, titles) {
  const rows = tracks.map((t) => { const r = t.reports[0]; return el("tr", {},
    el("td", {}, trackName(t)), el("td", {}, [r.qualifier, fmt(r.value)].filter(Boolean).join(" ") + (t.unit ? " " + t.unit : "")),
    el("td", {}, day(r.published_at)), el("td", {}, r.source || ""),
    el("td", {}, el("a", { "data-id": r.article_id, onclick: () => openArticle(r.article_id) }, titles[r.article_id] || r.article_id))); });
  return el("section", { class: "track once" }, el("h4", {}, "Figures reported once"),
    el("table", { class: "reports" }, el("tr", {}, el("th", {}, "what"), el("th", {}, "value"), el("th", {}, "reported"), el("th", {}, "source"), el("th", {}, "article")), ...rows));
}

function trackBlock(t, titles) {
  const rows = t.reports.map((r) => el("tr", {},
    el("td", {}, day(r.published_at)),
    el("td", {}, [r.qualifier, fmt(r.value)].filter(Boolean).join(" ") + (r.unit || t.unit ? " " + (r.unit || t.unit) : "")),
    el("td", {}, r.low != null || r.high != null ? `${fmt(r.low)}–${fmt(r.high)}` : ""),
    el("td", {}, [r.source, (r.agencies || []).join(", ")].filter(Boolean).join(" · ")),
    el("td", {}, el("a", { "data-id": r.article_id, onclick: () => openArticle(r.article_id) }, titles[r.article_id] || r.article_id)),
    el("td", { class: "muted" }, r.text || "")));
  return el("section", { class: "track", "data-key": t.key },
    el("h4", {}, trackName(t)),
    el("div", { class: "meta" }, [`latest ${fmt(t.latest)}`, `highest ${fmt(t.highest)}`, t.lowest != null ? `lowest ${fmt(t.lowest)}` : "",
      `${t.reports.length} report${t.reports.length === 1 ? "" : "s"}`, t.parent ? `part of ${t.parent}` : ""].filter(Boolean).join(" · ")),
    el("div", { class: "track-chart", "data-key": t.key }),
    el("table", { class: "reports" }, el("tr", {}, el("th", {}, "reported"), el("th", {}, "value"), el("th", {}, "range"),
      el("th", {}, "source"), el("th", {}, "article"), el("th", {}, "as printed")), ...rows));
}

function drawChart(t, box) {
  // x: the report's time when every report has one, else its place in the track.
  const timed = t.reports.every((r) => r.published_at && !isNaN(Date.parse(r.published_at)));
  const pts = t.reports.map((r, i) => ({ x: timed ? Date.parse(r.published_at) / 1000 : i + 1, r }));
  pts.sort((a, b) => a.x - b.x);
  const ranged = pts.some((p) => p.r.low != null || p.r.high != null);
  const data = [pts.map((p) => p.x), pts.map((p) => p.r.value)];
  const series = [{ label: timed ? "reported" : "report" },
    { label: t.unit ? `value (${t.unit})` : "value", stroke: "#1f5fbf", width: 2, points: { show: true, size: 9, fill: "#1f5fbf" } }];
  if (ranged) {
    data.push(pts.map((p) => p.r.low ?? p.r.value), pts.map((p) => p.r.high ?? p.r.value));
    const edge = { stroke: "#8fb0e3", dash: [4, 4], points: { show: false } };
    series.push({ label: "low", ...edge }, { label: "high", ...edge });
  }
  const pad = timed ? 86400 : 1;  // one report: a day (or a step) either side of it
  const opts = {
    width: Math.max(320, box.clientWidth || 640), height: 220,
    scales: { x: { time: timed, ...(pts.length === 1 ? { range: (u, lo, hi) => [lo - pad, hi + pad] } : {}) },
              y: { range: (u, lo, hi) => [0, hi * 1.15 || 1] } },
    series,
    bands: ranged ? [{ series: [3, 2], fill: "rgba(31,95,191,0.12)" }] : [],
    axes: [{}, { values: (u, vals) => vals.map(fmt), size: 70 }],
    legend: { show: true },
  };
  charts.push(new uPlot(opts, data, box));
  box.dataset.points = String(pts.length);
}
