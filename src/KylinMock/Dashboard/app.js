// KylinMock's dashboard: plain JavaScript, no library, no network beyond this mock.
// Reads go to the control plane (/__kylinmock/...; /__kylinmock/view/ gives Kylin's own list, detail and
// step-output answers without journaling them or tripping faults); job actions go through Kylin's
// PUT /kylin/api/jobs/status with the Basic credentials typed in, so they show in the journal.
// Every value from the mock is written with textContent: never parsed as markup.
"use strict";

const CONTROL = "/__kylinmock";
const KYLIN_ACCEPT = "application/vnd.apache.kylin-v4-public+json";
const POLL_MS = 1000;
const TIMELINE_JOBS = 15;
const JOURNAL_ROWS = 60;

// Kylin's action table (JobStatusEnum / the contract's state machine): what each displayed status allows.
const ACTIONS = {
  PENDING: ["PAUSE", "DISCARD"],
  RUNNING: ["PAUSE", "DISCARD", "RESTART"],
  ERROR: ["RESUME", "DISCARD", "RESTART"],
  STOPPED: ["RESUME", "DISCARD", "RESTART"],
  FINISHED: [],
  DISCARDED: [],
};

const state = {
  token: sessionStorage.getItem("kylinmock.token") || "",
  page: 0,
  selected: null,          // { id, project }
  selectedStep: null,
  journal: [],
  selectedEntry: null,
  failedSteps: new Map(),  // job id + last_modified -> failed step (for the timeline)
  now: 0,
  blocked: false,
};

const $ = (id) => document.getElementById(id);

/** An element with text (never markup), a class and children. */
function el(tag, options, ...children) {
  const node = document.createElement(tag);
  if (options) {
    if (options.text !== undefined && options.text !== null) node.textContent = String(options.text);
    if (options.cls) node.className = options.cls;
    if (options.title !== undefined && options.title !== null) node.title = String(options.title);
    if (options.on) for (const [event, handler] of Object.entries(options.on)) node.addEventListener(event, handler);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function fill(tbody, rows, columns, emptyText) {
  tbody.replaceChildren(...(rows.length ? rows : [el("tr", null, el("td", { cls: "empty", text: emptyText }))]));
  if (!rows.length) tbody.firstChild.firstChild.colSpan = columns;
}

function say(text, ok) {
  const m = $("message");
  m.textContent = text || "";
  m.classList.toggle("ok", !!ok);
}

// ---- formatting -------------------------------------------------------------------------------

function pad(n, width = 2) { return String(n).padStart(width, "0"); }

function instant(ms) {
  if (ms === null || ms === undefined || ms <= 0) return "";
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function span(ms) {
  if (ms === null || ms === undefined) return "";
  let s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const d = Math.floor(s / 86400); s -= d * 86400;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  return d ? `${d}d ${h}h ${m}m` : h ? `${h}h ${m}m ${s}s` : `${m}m ${s}s`;
}

function badge(status) {
  return el("span", { cls: `badge s-${status}`, text: status });
}

// ---- HTTP ------------------------------------------------------------------------------------

class Refused extends Error {}

/** A control-plane call; a 401 asks for the token and stops polling until one is given. */
async function control(method, path, body) {
  const headers = { Accept: "application/json" };
  if (state.token) headers["X-KylinMock-Token"] = state.token;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(CONTROL + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (response.status === 401) {
    state.blocked = true;
    $("token-prompt").hidden = false;
    throw new Refused(json.error || "the control API needs its token");
  }
  if (!response.ok) throw new Refused(json.error || `HTTP ${response.status}`);
  return json;
}

/** A Kylin read as the dashboard sees it (no journal, no faults): the envelope's data. */
async function view(path, params) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v !== null && v !== undefined));
  const json = await control("GET", `/view${path}?${query}`);
  return json.data;
}

function base64(text) {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Kylin's own PUT /kylin/api/jobs/status, with the credentials typed in. */
async function act(action, job) {
  const user = $("kylin-user").value;
  const password = $("kylin-password").value;
  if (!user) {
    say("type a Kylin user and password for actions");
    $("kylin-user").focus();
    return;
  }
  const response = await fetch("/kylin/api/jobs/status", {
    method: "PUT",
    headers: {
      Accept: KYLIN_ACCEPT,
      "Content-Type": "application/json",
      Authorization: "Basic " + base64(`${user}:${password}`),
    },
    body: JSON.stringify({ action, job_ids: [job.id], project: job.project }),
  });
  const json = await response.json().catch(() => null);
  if (response.ok && json && json.code === "000") say(`${action} ${job.id}: done`, true);
  else say(`${action} refused (HTTP ${response.status}): ${json && json.msg ? json.msg : "no Kylin answer"}`);
  await refresh();
}

// ---- panels ------------------------------------------------------------------------------------

async function refreshClock() {
  const clock = await control("GET", "/clock");
  state.now = clock.now;
  $("clock-now").textContent = clock.iso;
  for (const b of document.querySelectorAll("[data-advance], #clock-set-button")) b.disabled = !clock.movable;
}

async function refreshProjects() {
  const { projects } = await control("GET", "/view/projects");
  const select = $("filter-project");
  const current = select.value;
  select.replaceChildren(el("option", { text: "every project" }), ...projects.map((p) => el("option", { text: p })));
  select.firstChild.value = "";
  select.value = projects.includes(current) ? current : "";
}

async function refreshJobs() {
  const size = Number($("page-size").value);
  const data = await view("/kylin/api/jobs", {
    time_filter: 4,
    project: $("filter-project").value,
    statuses: $("filter-status").value,
    key: $("filter-key").value.trim(),
    sort_by: $("sort-by").value,
    reverse: $("sort-reverse").checked,
    page_offset: state.page,
    page_size: size,
  });
  const pages = Math.max(1, Math.ceil(data.total_size / size));
  if (state.page >= pages && state.page > 0) {
    state.page = pages - 1;
    return refreshJobs();
  }
  $("jobs-total").textContent = `${data.total_size} job${data.total_size === 1 ? "" : "s"}`;
  $("page-label").textContent = `page ${state.page + 1} of ${pages}`;
  $("page-prev").disabled = state.page === 0;
  $("page-next").disabled = state.page + 1 >= pages;
  const rows = data.value.map((job) => {
    const bar = el("span");
    bar.style.width = `${Math.round((job.step_ratio || 0) * 100)}%`;
    const row = el("tr", { on: { click: () => select(job) } },
      el("td", { text: job.project, title: job.project }),
      el("td", { text: job.job_name }),
      el("td", { text: job.target_subject, title: job.target_subject }),
      el("td", null, badge(job.job_status)),
      el("td", { title: `${Math.round((job.step_ratio || 0) * 100)}%` }, el("span", { cls: "progress" }, bar)),
      el("td", { cls: "num", text: instant(job.create_time) }),
      el("td", { cls: "num", text: span(job.duration) }),
      el("td", { cls: "num", text: span(job.wait_time) }));
    row.dataset.jobId = job.id;
    row.classList.toggle("selected", state.selected !== null && state.selected.id === job.id);
    return row;
  });
  fill($("jobs-body"), rows, 8, "no job matches");
}

function select(job) {
  state.selected = { id: job.id, project: job.project };
  state.selectedStep = null;
  $("step-output").textContent = "";
  $("output-step").textContent = "";
  refresh();
}

async function refreshDetail() {
  const chosen = state.selected;
  if (!chosen) return;
  const [list, steps] = await Promise.all([
    view("/kylin/api/jobs", { time_filter: 4, project: chosen.project, key: chosen.id, page_size: 1 }),
    view(`/kylin/api/jobs/${encodeURIComponent(chosen.id)}/detail`, { project: chosen.project }),
  ]);
  const job = list.value.find((j) => j.id === chosen.id);
  if (!job) {
    $("detail-id").textContent = `${chosen.id} (gone)`;
    $("detail-head").replaceChildren();
    $("detail-actions").replaceChildren();
    $("steps-body").replaceChildren();
    return;
  }
  $("detail-id").textContent = job.id;
  $("detail-head").replaceChildren(
    badge(job.job_status), " ",
    el("b", { text: job.job_name }), " of ", el("b", { text: job.target_subject }), " in ", el("b", { text: job.project }),
    el("br"), `created ${instant(job.create_time)} · started ${instant(job.exec_start_time) || "not yet"} · ended ${instant(job.exec_end_time) || "not yet"} · submitter `,
    el("b", { text: job.submitter }));
  $("detail-actions").replaceChildren(...(ACTIONS[job.job_status] || []).map((action) =>
    el("button", { text: action, on: { click: () => act(action, job).catch((e) => say(e.message)) } })));
  const rows = steps.map((step) => {
    const row = el("tr", { on: { click: () => { state.selectedStep = step.id; refreshOutput().catch((e) => say(e.message)); } } },
      el("td", { text: step.name, title: step.failed_msg || step.name }),
      el("td", null, badge(step.step_status)),
      el("td", { cls: "num", text: instant(step.exec_start_time).slice(5) }),
      el("td", { cls: "num", text: instant(step.exec_end_time).slice(5) }),
      el("td", { cls: "num", text: span(step.duration) }),
      el("td", { cls: "num", text: span(step.wait_time) }));
    row.dataset.stepId = step.id;
    row.classList.toggle("selected", step.id === state.selectedStep);
    return row;
  });
  fill($("steps-body"), rows, 6, "no steps");
  renderStages(steps);
  if (state.selectedStep) await refreshOutput();
}

/** Kylin's sub-stages of a step (sub_stages, or segment_sub_stages per segment), where a job has them. */
function renderStages(steps) {
  const blocks = [];
  for (const step of steps) {
    const stages = [...(step.sub_stages || [])];
    for (const [segment, value] of Object.entries(step.segment_sub_stages || {})) {
      for (const stage of (value && value.stage) || []) stages.push({ ...stage, segment });
    }
    if (!stages.length) continue;
    blocks.push(el("h3", { text: `Stages of ${step.name}` }), el("table", null, el("tbody", null,
      ...stages.map((s) => el("tr", null,
        el("td", { text: s.name }), el("td", null, badge(s.step_status)), el("td", { text: s.segment || "" }),
        el("td", { cls: "num", text: instant(s.exec_start_time) }), el("td", { cls: "num", text: span(s.duration) }))))));
  }
  $("stages").replaceChildren(...blocks);
}

async function refreshOutput() {
  const chosen = state.selected;
  if (!chosen || !state.selectedStep) return;
  const data = await view(`/kylin/api/jobs/${encodeURIComponent(chosen.id)}/steps/${encodeURIComponent(state.selectedStep)}/output`, { project: chosen.project });
  $("output-step").textContent = state.selectedStep;
  $("step-output").textContent = data.cmd_output ?? "(no output)";
  for (const row of $("steps-body").children) row.classList.toggle("selected", row.dataset.stepId === state.selectedStep);
}

async function refreshTimeline() {
  const data = await view("/kylin/api/jobs", { time_filter: 4, sort_by: "create_time", reverse: true, page_size: TIMELINE_JOBS });
  const since = state.now - Number($("timeline-window").value);
  const jobs = data.value.filter((j) => lifeEnd(j) >= since);
  const rows = $("timeline-rows");
  if (!jobs.length) {
    rows.replaceChildren(el("span", { cls: "empty", text: "no job in this window" }));
    return;
  }
  // The window ends at the mock's now; bars start where the window does.
  const end = state.now;
  const start = end - Number($("timeline-window").value);
  const width = Math.max(1, end - start);
  const at = (ms) => `${((Math.max(ms, start) - start) / width) * 100}%`;
  const part = (cls, from, to, title) => {
    const s = el("span", { cls, title });
    s.style.left = at(from);
    s.style.width = `${(Math.max(0, Math.min(to, end) - Math.max(from, start)) / width) * 100}%`;
    return s;
  };
  $("timeline-range").textContent = `${instant(start)} → ${instant(end)}`;
  const cells = [];
  for (const job of jobs) {
    const started = job.exec_start_time > 0 ? job.exec_start_time : null;
    const ended = lifeEnd(job);
    const track = el("div", { cls: "tl-track", on: { click: () => select(job) } },
      part("wait", job.create_time, started ?? ended, `waiting ${span((started ?? ended) - job.create_time)}`),
      started ? part(`run s-${job.job_status}`, started, ended, `${job.job_status} ${span(ended - started)}`) : null);
    if (job.job_status === "ERROR") {
      const failed = await failedStep(job);
      const mark = part("fail", failed && failed.exec_start_time > 0 ? failed.exec_start_time : ended, ended,
        failed ? `failed: ${failed.name}: ${failed.failed_msg || ""}` : "failed");
      track.append(mark);
    }
    track.dataset.jobId = job.id;
    cells.push(el("div", { cls: "tl-label", text: `${job.target_subject || job.id} · ${job.job_name}`, title: job.id }), track);
  }
  rows.replaceChildren(...cells);
}

/** Where a job's bar ends: its end, the mock's now while it lives, or its last change (stopped before it ran). */
function lifeEnd(job) {
  if (job.exec_end_time > 0) return job.exec_end_time;
  return job.job_status === "PENDING" || job.job_status === "RUNNING" ? state.now : job.last_modified;
}

/** The failed step of an ERROR job, from its detail; kept while the job does not change. */
async function failedStep(job) {
  const key = `${job.id}@${job.last_modified}`;
  if (!state.failedSteps.has(key)) {
    const steps = await view(`/kylin/api/jobs/${encodeURIComponent(job.id)}/detail`, { project: job.project });
    if (state.failedSteps.size > 200) state.failedSteps.clear();
    state.failedSteps.set(key, steps.find((s) => s.step_status === "ERROR") || null);
  }
  return state.failedSteps.get(key);
}

async function refreshJournal() {
  const params = new URLSearchParams();
  for (const [name, id] of [["method", "journal-method"], ["path", "journal-path"], ["status", "journal-status"]]) {
    const value = $(id).value.trim();
    if (value) params.set(name, value);
  }
  const journal = await control("GET", `/journal?${params}`);
  const newest = journal.requests.slice(-JOURNAL_ROWS).reverse();
  state.journal = newest;
  $("journal-total").textContent = `${journal.requests.length} kept of ${journal.total} received`;
  fill($("journal-body"), newest.map((entry) => {
    const row = el("tr", { on: { click: () => { state.selectedEntry = entry.sequence; showEntry(entry); } } },
      el("td", { cls: "num", text: instant(entry.time) }),
      el("td", { text: entry.method }),
      el("td", { text: entry.path + (entry.query ? `?${entry.query}` : ""), title: entry.path }),
      el("td", { cls: "num", text: entry.status === 0 ? "dropped" : entry.status }));
    row.dataset.sequence = entry.sequence;
    row.classList.toggle("selected", entry.sequence === state.selectedEntry);
    return row;
  }), 4, "no request yet");
}

function showEntry(entry) {
  const headers = Object.entries(entry.headers || {}).map(([k, v]) => `${k}: ${v}`).join("\n");
  $("journal-detail").textContent =
    `#${entry.sequence} ${entry.method} ${entry.path}${entry.query ? "?" + entry.query : ""}\n${headers}\n\n${entry.body ?? ""}\n\n` +
    `answered ${entry.status === 0 ? "nothing (dropped)" : "HTTP " + entry.status}`;
  for (const row of $("journal-body").children) row.classList.toggle("selected", Number(row.dataset.sequence) === entry.sequence);
}

/** The query history (POST /kylin/api/query of every face), newest first, from GET /__kylinmock/queries. */
async function refreshQueries() {
  const answer = await control("GET", "/queries");
  const newest = answer.queries.slice(0, JOURNAL_ROWS);
  $("queries-total").textContent = `${answer.queries.length} run, ${answer.running.length} running`;
  fill($("queries-body"), newest.map((q) => {
    const row = el("tr", null,
      el("td", { cls: "num", text: instant(q.query_time) }),
      el("td", { text: q.project }),
      el("td", { text: q.sql, title: q.error ?? q.sql }),
      el("td", { text: q.query_status }),
      el("td", { text: q.error ? "error" : [q.engine_type, ...q.realizations].filter(Boolean).join(" ") }),
      el("td", { cls: "num", text: q.result_row_count }),
      el("td", { cls: "num", text: q.duration }));
    row.dataset.queryId = q.query_id;
    return row;
  }), 7, "no query yet");
}

async function refreshFaults() {
  const { faults } = await control("GET", "/faults");
  fill($("faults-body"), faults.map((f) => {
    const what = f.kind === "delay" ? `${f.delay_ms} ms`
      : f.kind === "error" ? `${f.http_status} ${f.error_code || ""} ${f.message || ""}` : "";
    return el("tr", { title: f.id },
      el("td", { text: f.kind }),
      el("td", { text: f.method || "any" }),
      el("td", { text: f.path || "any", title: f.path }),
      el("td", { text: f.times ?? "always" }),
      el("td", { text: f.probability }),
      el("td", { text: what, title: what }),
      el("td", null, el("button", { text: "Remove", on: { click: () => removeFault(f.id) } })));
  }), 7, "no fault armed");
}

async function addFault(event) {
  event.preventDefault();
  const fault = { kind: $("fault-kind").value };
  const text = { method: "fault-method", path: "fault-path", error_code: "fault-code", message: "fault-message" };
  const numbers = { times: "fault-times", probability: "fault-probability", delay_ms: "fault-delay", http_status: "fault-status" };
  for (const [name, id] of Object.entries(text)) if ($(id).value.trim()) fault[name] = $(id).value.trim();
  for (const [name, id] of Object.entries(numbers)) if ($(id).value.trim()) fault[name] = Number($(id).value.trim());
  try {
    const added = await control("POST", "/faults", fault);
    say(`fault ${added.kind} armed`, true);
  } catch (e) {
    say(e.message);
  }
  await refresh();
}

async function removeFault(id) {
  try {
    await control("DELETE", `/faults/${encodeURIComponent(id)}`);
  } catch (e) {
    say(e.message);
  }
  await refresh();
}

// ---- the loop ----------------------------------------------------------------------------------

let running = null;
let polling = false;
let again = false;

/** One refresh of every panel; a refresh asked for while one runs follows it. */
async function refresh() {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      if (state.blocked) break;
      try {
        await refreshClock();
        await Promise.all([refreshJobs(), refreshDetail(), refreshTimeline(), refreshJournal(), refreshQueries(), refreshFaults()]);
      } catch (e) {
        if (e instanceof Refused || e instanceof TypeError) say(e.message);
        else throw e;
      }
    } while (again);
  })();
  try {
    await running;
  } finally {
    running = null;
  }
}

function poll() {
  if (state.blocked) {
    polling = false;
    return;
  }
  refresh().finally(() => setTimeout(poll, POLL_MS));
}

async function clockCall(method, path, body) {
  try {
    await control(method, path, body);
  } catch (e) {
    say(e.message);
  }
  await refresh();
}

function wire() {
  for (const button of document.querySelectorAll("[data-advance]")) {
    button.addEventListener("click", () => clockCall("POST", "/clock/advance", { ms: Number(button.dataset.advance) }));
  }
  $("clock-set-button").addEventListener("click", () => {
    const text = $("clock-set").value.trim();
    clockCall("PUT", "/clock", { now: /^\d+$/.test(text) ? Number(text) : text });
  });
  $("login").addEventListener("submit", (e) => e.preventDefault());
  $("timeline-window").addEventListener("change", () => refresh());
  for (const id of ["filter-project", "filter-status", "sort-by", "sort-reverse", "page-size"]) {
    $(id).addEventListener("change", () => { state.page = 0; refresh(); });
  }
  $("filter-key").addEventListener("input", () => { state.page = 0; refresh(); });
  for (const id of ["journal-method", "journal-path", "journal-status"]) $(id).addEventListener("input", () => refresh());
  $("page-prev").addEventListener("click", () => { state.page = Math.max(0, state.page - 1); refresh(); });
  $("page-next").addEventListener("click", () => { state.page += 1; refresh(); });
  $("journal-clear").addEventListener("click", async () => {
    try { await control("DELETE", "/journal"); } catch (e) { say(e.message); }
    $("journal-detail").textContent = "";
    await refresh();
  });
  $("fault-form").addEventListener("submit", addFault);
  $("fault-clear").addEventListener("click", async () => {
    try { await control("DELETE", "/faults"); } catch (e) { say(e.message); }
    await refresh();
  });
  $("token-button").addEventListener("click", async () => {
    state.token = $("token").value;
    sessionStorage.setItem("kylinmock.token", state.token);
    state.blocked = false;
    $("token-prompt").hidden = true;
    say("");
    await start();
  });
}

async function start() {
  try {
    await refreshProjects();
  } catch (e) {
    say(e.message);
    return;
  }
  if (!polling) {
    polling = true;
    poll();
  }
}

wire();
start();
