// FiDi Transit Dashboard: the live board of the TransitDash web host.
// Plain ES module with no dependencies and no build step, because the page has to run on a wall
// screen with no internet access: everything it needs is served by the host itself.

const ENDPOINTS = {
  subway: '/api/subway',
  citibike: '/api/citibike',
  alerts: '/api/alerts',
  health: '/api/health',
};
const STREAM_URL = '/api/stream';
const CONFIG_URL = '/api/config';
// The sources with a panel of their own, in the order their badges and charts are shown.
const DATA_SOURCES = ['subway', 'citibike', 'alerts'];
const SOURCE_LABELS = { subway: 'Subway', citibike: 'Citi Bike', alerts: 'Alerts' };

const DEFAULT_CONFIG = {
  auto_refresh: { enabled: true, interval: 60, options: [30, 60, 120, 300, 600] },
  display: { history_window: '15m', window_options: ['5m', '15m', '30m', '1h'] },
};
const WINDOW_SECONDS = { '5m': 300, '15m': 900, '30m': 1800, '1h': 3600, '60m': 3600 };
const HISTORY_HOURS = 24;

// The server decides health; these only catch data that has aged on this page since the server's last
// word (auto-refresh off, contact lost). 90 s is the host's default Health:StaleAfter.
const STALE_AFTER_S = 90;
// Same rule as /api/subway: a train more than 30 s in the past has gone.
const GONE_AFTER_S = 30;
const TRAINS_PER_DIRECTION = 3;
// Below this the estimate of the server clock is noise (whole seconds); above it the screen's clock is wrong
// (or the host replays recordings) and countdowns must follow the server's time instead.
const SKEW_THRESHOLD_MS = 30_000;
const CONTACT_GRACE_MS = 10_000;
const FETCH_TIMEOUT_MS = 15_000;
const RECONNECT_MIN_MS = 2_000;
const RECONNECT_MAX_MS = 60_000;
const HISTORY_REFRESH_MS = 60_000;
const STATION_REPORT_OLD_S = 30 * 60;

const LINE_COLORS = new Map([
  ...['1', '2', '3'].map((l) => [l, '#EE352E']),
  ...['4', '5', '6'].map((l) => [l, '#00933C']),
  ['7', '#B933AD'],
  ...['A', 'C', 'E'].map((l) => [l, '#0039A6']),
  ...['B', 'D', 'F', 'M'].map((l) => [l, '#FF6319']),
  ['G', '#6CBE45'],
  ...['J', 'Z'].map((l) => [l, '#996633']),
  ['L', '#A7A9AC'],
  ...['N', 'Q', 'R', 'W'].map((l) => [l, '#FCCC0A']),
  ...['S', 'GS', 'FS', 'H'].map((l) => [l, '#808183']),
  ...['SI', 'SIR', 'SS'].map((l) => [l, '#0039A6']),
]);
const UNKNOWN_LINE_COLOR = '#4D5257';
const DARK_TEXT_LINES = new Set(['N', 'Q', 'R', 'W']);
const SHUTTLE_LINES = new Set(['GS', 'FS', 'H']);
const DIRECTIONS = {
  N: { arrow: '↑', label: 'Uptown' },
  S: { arrow: '↓', label: 'Downtown' },
  '': { arrow: '↕', label: 'Other direction' },
};

const state = {
  config: structuredClone(DEFAULT_CONFIG),
  // Per data source: null (not heard yet), {kind: 'data', body, at}, {kind: 'waiting', detail, at}
  // (503: no data yet) or {kind: 'absent'} (the host does not serve it).
  snaps: { subway: null, citibike: null, alerts: null },
  // Why the latest request for a source failed, shown while the panel has nothing better to say.
  fetchErrors: { subway: null, citibike: null, alerts: null, health: null },
  health: null,
  skewMs: 0,
  mode: 'connecting',
  lastContact: Date.now(),
  lastFetchAll: 0,
  stream: null,
  reconnectAttempt: 0,
  reconnectAt: 0,
  pollTimer: 0,
  reconnectTimer: 0,
  lastHistoryAt: 0,
  ready: false,
};

// ---------------------------------------------------------------------------------------------- helpers

const $ = (selector, root = document) => root.querySelector(selector);

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = value;
    // Through the CSSOM rather than a style attribute, which a strict Content-Security-Policy would block.
    else if (name === 'style') for (const [property, v] of Object.entries(value)) el.style.setProperty(property, v);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

function icon(name) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', `icon icon-${name}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
  use.setAttribute('href', `#i-${name}`);
  svg.append(use);
  return svg;
}

function escapeXml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const enabled = () => state.config.auto_refresh.enabled;
const intervalMs = () => Math.max(5, Number(state.config.auto_refresh.interval) || 60) * 1000;
const serverNowMs = () => Date.now() + state.skewMs;
const serverNowS = () => serverNowMs() / 1000;

function toEpochSeconds(value) {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value !== '') {
    const asNumber = Number(value);
    if (Number.isFinite(asNumber)) return asNumber;
    const parsed = Date.parse(value);
    if (Number.isFinite(parsed)) return parsed / 1000;
  }
  return null;
}

/** "12s", "4m", "2h": the short form the API's health uses. */
function shortAge(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

/** "45 s", "5 min", "2 h 10 min": for sentences on banners. */
function longAge(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 90) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (hours >= 48) return `${Math.floor(hours / 24)} days`;
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}

/** Reads the health endpoint's "30s ago" / "4m ago" / "never" back into seconds. */
function parseAgo(text) {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)\b/i.exec(String(text ?? ''));
  if (!match) return null;
  const factor = { ms: 0.001, s: 1, m: 60, min: 60, h: 3600, d: 86400 }[match[2].toLowerCase()];
  return Number(match[1]) * factor;
}

function humanize(enumText) {
  if (!enumText) return '';
  const text = String(enumText).replace(/_/g, ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const clockFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
const dateFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric' });
const shortDateFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric' });
const hourFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric' });
const percentFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

const formatTime = (epochS) => timeFormat.format(new Date(epochS * 1000));

// ------------------------------------------------------------------------------------------ line bullets

function lineStyle(rawLine) {
  const id = String(rawLine ?? '').trim().toUpperCase();
  // 5X, 6X, 7X, FX: express variants, drawn as a diamond in the colour of their line.
  const express = /^[0-9A-Z]X$/.test(id) && !LINE_COLORS.has(id);
  const base = express ? id.charAt(0) : id;
  const color = LINE_COLORS.get(base) ?? UNKNOWN_LINE_COLOR;
  let label = base;
  if (SHUTTLE_LINES.has(base)) label = 'S';
  else if (base === 'SS' || base === 'SIR') label = 'SI';
  return { id, label: label || '?', color, express, darkText: DARK_TEXT_LINES.has(base), known: LINE_COLORS.has(base) };
}

function bullet(rawLine, extraClass = '') {
  const style = lineStyle(rawLine);
  const classes = ['bullet', extraClass];
  if (style.express) classes.push('express');
  if (style.darkText) classes.push('dark-text');
  if (style.label.length > 1) classes.push('wide');
  return h('span', {
    class: classes.filter(Boolean).join(' '),
    style: { '--line': style.color },
    'data-line': style.id,
    role: 'img',
    'aria-label': `${style.express ? `${style.label} express` : style.label} train`,
  }, h('span', { class: 'bullet-label', 'aria-hidden': 'true', text: style.label }));
}

function sortLines(lines) {
  return [...lines].sort((a, b) => String(a).localeCompare(String(b), undefined, { numeric: true }));
}

// ------------------------------------------------------------------------------------------- networking

async function getJson(url) {
  const response = await fetch(url, {
    cache: 'no-store',
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  return { status: response.status, body: await readJson(response) };
}

async function readJson(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function problemText(body, status) {
  if (body && typeof body === 'object') {
    const parts = [body.detail, body.title, body.error].filter((p) => typeof p === 'string' && p);
    if (body.errors && typeof body.errors === 'object') {
      for (const [key, messages] of Object.entries(body.errors)) {
        parts.unshift(`${key}: ${[].concat(messages).join(' ')}`);
      }
    }
    if (parts.length) return parts[0];
  }
  return `HTTP ${status}`;
}

/**
 * Whether an answer came from the dashboard's host. Its "no data yet" 503 does, even without data; other
 * 5xx answers come from a proxy in front of a host that is gone (the host never answers 500).
 */
function isFromHost(status, body) {
  if (status < 500) return true;
  return status === 503 && body != null && typeof body === 'object' && 'success' in body;
}

function networkErrorText(error) {
  return error?.name === 'TimeoutError' ? 'no answer from the server (timed out)' : 'server unreachable';
}

async function fetchSource(name) {
  try {
    const { status, body } = await getJson(ENDPOINTS[name]);
    if (isFromHost(status, body)) state.lastContact = Date.now();
    state.fetchErrors[name] = null;
    if (name === 'health') {
      if (status === 200 && body) applySnapshot('health', body);
      else state.fetchErrors.health = problemText(body, status);
    } else if (status === 503 && isFromHost(status, body)) {
      state.snaps[name] = { kind: 'waiting', detail: body?.error || body?.detail || '', at: Date.now() };
      renderSource(name);
    } else if (status === 404 && name === 'alerts') {
      state.snaps.alerts = { kind: 'absent', at: Date.now() };
      renderSource(name);
    } else if (status >= 200 && status < 300 && body) {
      applySnapshot(name, body);
    } else {
      state.fetchErrors[name] = problemText(body, status);
    }
  } catch (error) {
    state.fetchErrors[name] = networkErrorText(error);
  }
}

async function fetchAll() {
  state.lastFetchAll = Date.now();
  await Promise.all(['subway', 'citibike', 'alerts', 'health'].map(fetchSource));
  renderTick();
}

function noteServerClock(body) {
  const lastUpdated = toEpochSeconds(body?.last_updated);
  const staleness = Number(body?.staleness_seconds);
  if (lastUpdated == null || !Number.isFinite(staleness)) return;
  const estimate = (lastUpdated + staleness) * 1000 - Date.now();
  const skew = Math.abs(estimate) >= SKEW_THRESHOLD_MS ? estimate : 0;
  const moved = Math.abs(skew - state.skewMs) >= SKEW_THRESHOLD_MS;
  state.skewMs = skew;
  // Charts lay their windows out on the host's clock: one drawn before that clock was known (a replay, a
  // screen set to the wrong time) would show the wrong day until its next refresh, so it is drawn again.
  if (moved) for (const chart of charts.values()) if (chart.window) drawChart(chart);
}

function applySnapshot(name, body) {
  if (!body || typeof body !== 'object') return;
  if (name === 'health') {
    state.health = { body, at: Date.now() };
    onHealthChanged();
  } else {
    noteServerClock(body);
    const hasData = Array.isArray(body.data) && body.data.length > 0;
    state.snaps[name] = body.success === false && !hasData
      ? { kind: 'waiting', detail: body.error || body.detail || '', at: Date.now() }
      : { kind: 'data', body, at: Date.now() };
    renderSource(name);
  }
  markReadyWhenDataShown();
}

function markReadyWhenDataShown() {
  if (state.ready) return;
  if (state.snaps.subway?.kind === 'data' && state.snaps.citibike?.kind === 'data') {
    state.ready = true;
    document.body.dataset.ready = '1';
  }
}

// ---------------------------------------------------------------------------------- stream and polling

function openStream() {
  clearTimeout(state.reconnectTimer);
  state.reconnectTimer = 0;
  if (!enabled() || state.stream) return;
  if (typeof EventSource !== 'function') {
    setMode('polling');
    return;
  }
  const stream = new EventSource(STREAM_URL);
  state.stream = stream;
  if (state.mode !== 'polling') setMode('connecting');

  stream.addEventListener('open', () => {
    if (state.stream !== stream) return;
    state.reconnectAttempt = 0;
    state.reconnectAt = 0;
    state.lastContact = Date.now();
    setMode('live');
    // Events only come when a snapshot changes: catch up on what happened while the stream was down.
    if (Date.now() - state.lastFetchAll > 5_000) fetchAll();
    schedulePoll();
  });

  for (const name of ['subway', 'citibike', 'alerts', 'health']) {
    stream.addEventListener(name, (event) => {
      if (state.stream !== stream || !enabled()) return;
      let body;
      try {
        body = JSON.parse(event.data);
      } catch {
        return;
      }
      state.lastContact = Date.now();
      applySnapshot(name, body);
    });
  }

  stream.addEventListener('error', () => {
    if (state.stream !== stream) return;
    // EventSource would retry on its own at a fixed pace; closing it puts the backoff in our hands.
    stream.close();
    state.stream = null;
    if (!enabled()) return;
    const wasLive = state.mode === 'live';
    setMode('polling');
    if (wasLive) pollNow();
    scheduleReconnect();
  });
}

function closeStream() {
  if (state.stream) state.stream.close();
  state.stream = null;
  clearTimeout(state.reconnectTimer);
  state.reconnectTimer = 0;
  state.reconnectAt = 0;
}

function restartStream() {
  closeStream();
  setMode('polling');
  scheduleReconnect();
}

function scheduleReconnect() {
  clearTimeout(state.reconnectTimer);
  const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** state.reconnectAttempt);
  // Jitter keeps a room full of screens from reconnecting in lockstep after a server restart.
  const delay = ceiling / 2 + Math.random() * (ceiling / 2);
  state.reconnectAttempt = Math.min(state.reconnectAttempt + 1, 10);
  state.reconnectAt = Date.now() + delay;
  state.reconnectTimer = setTimeout(openStream, delay);
}

function schedulePoll(delay) {
  clearTimeout(state.pollTimer);
  state.pollTimer = 0;
  if (!enabled()) return;
  if (delay === undefined) {
    // While live, the check of a quiet stream is due one interval after the server was last heard from.
    delay = state.mode === 'live' ? Math.max(1_000, state.lastContact + intervalMs() - Date.now()) : intervalMs();
  }
  state.pollTimer = setTimeout(pollRound, delay);
}

function pollNow() {
  schedulePoll(0);
}

async function pollRound() {
  if (!enabled()) return;
  if (state.mode === 'live') {
    // A connection can look open long after the server is gone. When the stream has been quiet for a whole
    // interval, ask /api/health: it refreshes the badges, and no answer means the stream is dead too.
    if (Date.now() - state.lastContact >= intervalMs() - 1_000) {
      const before = state.lastContact;
      await fetchSource('health');
      if (state.lastContact === before && enabled()) {
        restartStream();
        await fetchAll();
      }
    }
  } else {
    await fetchAll();
  }
  schedulePoll();
}

function lostContactMs() {
  if (!enabled()) return 0;
  const gap = Date.now() - state.lastContact;
  return gap > intervalMs() + CONTACT_GRACE_MS ? gap : 0;
}

// ------------------------------------------------------------------------------------------ settings

function adoptConfig(body) {
  if (!body || typeof body !== 'object') return;
  const config = state.config;
  const refresh = body.auto_refresh;
  if (refresh && typeof refresh === 'object') {
    if (typeof refresh.enabled === 'boolean') config.auto_refresh.enabled = refresh.enabled;
    if (Number.isFinite(Number(refresh.interval))) config.auto_refresh.interval = Number(refresh.interval);
    if (Array.isArray(refresh.options) && refresh.options.length) {
      const options = refresh.options.map(Number).filter(Number.isFinite);
      if (options.length) config.auto_refresh.options = options;
    }
  }
  const display = body.display;
  if (display && typeof display === 'object') {
    if (typeof display.history_window === 'string') config.display.history_window = display.history_window;
    if (Array.isArray(display.window_options) && display.window_options.length) {
      config.display.window_options = display.window_options.map(String);
    }
  }
}

async function loadConfig() {
  try {
    const { status, body } = await getJson(CONFIG_URL);
    if (status === 200) adoptConfig(body);
    else showSettingsError(`Settings unavailable (${problemText(body, status)}); using defaults.`);
  } catch (error) {
    showSettingsError(`Settings unavailable (${networkErrorText(error)}); using defaults.`);
  }
  syncControls();
}

function intervalLabel(seconds) {
  if (seconds < 60) return `${seconds} s`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

function windowLabel(value) {
  const seconds = WINDOW_SECONDS[value];
  if (!seconds) return value;
  return seconds >= 3600 ? `${seconds / 3600} hour` : `${seconds / 60} min`;
}

function fillSelect(select, values, current, label) {
  const wanted = values.map(String);
  if (!wanted.includes(String(current))) wanted.push(String(current));
  const existing = [...select.options].map((o) => o.value);
  if (existing.join('|') !== wanted.join('|')) {
    select.replaceChildren(...wanted.map((v) => h('option', { value: v, text: label(v) })));
  }
  select.value = String(current);
}

function syncControls() {
  const { auto_refresh: refresh, display } = state.config;
  $('#auto-refresh-toggle').checked = refresh.enabled;
  fillSelect($('#refresh-interval'), refresh.options, refresh.interval, (v) => intervalLabel(Number(v)));
  fillSelect($('#history-window'), display.window_options, display.history_window, windowLabel);
  document.body.dataset.autoRefresh = refresh.enabled ? 'on' : 'off';
}

let settingsErrorTimer = 0;
function showSettingsError(message) {
  const box = $('#settings-error');
  box.textContent = message;
  box.hidden = false;
  clearTimeout(settingsErrorTimer);
  settingsErrorTimer = setTimeout(() => { box.hidden = true; }, 15_000);
}

function hideSettingsError() {
  $('#settings-error').hidden = true;
}

function applySettingsEffects(before) {
  const now = state.config;
  const wasOn = before.auto_refresh.enabled;
  if (now.auto_refresh.enabled) {
    if (!wasOn) {
      state.lastContact = Date.now();
      fetchAll();
      loadHistories();
    }
    if (!state.stream && !state.reconnectTimer) openStream();
    if (state.mode === 'paused') setMode(state.stream ? 'connecting' : 'polling');
    if (!wasOn || before.auto_refresh.interval !== now.auto_refresh.interval) schedulePoll();
  } else {
    closeStream();
    clearTimeout(state.pollTimer);
    state.pollTimer = 0;
    setMode('paused');
  }
  if (before.display.history_window !== now.display.history_window) loadHistories();
  syncControls();
  renderTick();
}

function mergeConfig(target, patch) {
  for (const [section, values] of Object.entries(patch)) Object.assign(target[section], values);
}

async function saveSetting(patch) {
  const before = structuredClone(state.config);
  mergeConfig(state.config, patch);
  applySettingsEffects(before);
  let response;
  try {
    response = await fetch(CONFIG_URL, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(patch),
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    showSettingsError(`Setting not saved (${networkErrorText(error)}): it applies to this page until it reloads.`);
    return;
  }
  const body = await readJson(response);
  if (response.ok) {
    hideSettingsError();
    const applied = structuredClone(state.config);
    adoptConfig(body);
    applySettingsEffects(applied);
    return;
  }
  // The server keeps its stored settings on a rejected POST, so the page goes back to them too (only the
  // members this POST carried: another change may have been saved meanwhile).
  const rejected = structuredClone(state.config);
  for (const [section, values] of Object.entries(patch)) {
    for (const key of Object.keys(values)) state.config[section][key] = before[section][key];
  }
  applySettingsEffects(rejected);
  const reason = problemText(body, response.status);
  showSettingsError(response.status === 400
    ? `The server rejected that setting: ${reason}`
    : `Setting not saved: ${reason}`);
}

function wireControls() {
  $('#settings').addEventListener('submit', (event) => event.preventDefault());
  $('#auto-refresh-toggle').addEventListener('change', (event) => {
    saveSetting({ auto_refresh: { enabled: event.target.checked } });
  });
  $('#refresh-interval').addEventListener('change', (event) => {
    saveSetting({ auto_refresh: { interval: Number(event.target.value) } });
  });
  $('#history-window').addEventListener('change', (event) => {
    saveSetting({ display: { history_window: event.target.value } });
  });
  // Browsers slow timers down in hidden tabs: catch up as soon as the page is looked at again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && enabled() && Date.now() - state.lastContact > intervalMs()) pollNow();
  });
  $('#refresh-now').addEventListener('click', async (event) => {
    const button = event.currentTarget;
    button.disabled = true;
    try {
      await Promise.all([fetchAll(), loadHistories()]);
    } finally {
      button.disabled = false;
    }
  });
}

// --------------------------------------------------------------------------------------- health model

function healthSources() {
  const body = state.health?.body;
  const names = new Set(['subway', 'citibike']);
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) {
      if (value && typeof value === 'object' && !Array.isArray(value) && typeof value.status === 'string') names.add(key);
    }
  }
  const rank = (name) => {
    const i = DATA_SOURCES.indexOf(name);
    return i < 0 ? DATA_SOURCES.length : i;
  };
  return [...names].sort((a, b) => rank(a) - rank(b));
}

const sourceHealth = (name) => {
  const entry = state.health?.body?.[name];
  return entry && typeof entry === 'object' ? entry : null;
};

const sourceLabel = (name) => SOURCE_LABELS[name] ?? humanize(name);

/** Seconds since the source's data was last refreshed, as far as this page can tell; null when unknown. */
function dataAgeS(name) {
  const snap = state.snaps[name];
  if (snap?.kind === 'data') {
    const lastUpdated = toEpochSeconds(snap.body.last_updated);
    if (lastUpdated != null) return Math.max(0, serverNowS() - lastUpdated);
  }
  const reported = parseAgo(sourceHealth(name)?.last_update);
  if (reported != null && state.health) return reported + (Date.now() - state.health.at) / 1000;
  return null;
}

/** The status to show: the server's, unless the copy on this page has aged past the stale mark since. */
function effectiveStatus(name) {
  const health = sourceHealth(name);
  const status = health?.status ?? 'unknown';
  if (status === 'healthy') {
    const age = dataAgeS(name);
    if ((age != null && age >= STALE_AFTER_S) || lostContactMs()) return 'stale';
  }
  return status;
}

/** What a panel must say about the numbers it shows: level ok / stale / error, plus the sentences. */
function panelCondition(name) {
  const snap = state.snaps[name];
  if (name === 'alerts' && alertsNotConfigured()) return { level: 'absent', messages: [] };
  const failure = state.fetchErrors[name];
  if (!snap) {
    return failure
      ? { level: 'error', messages: [`Could not load ${sourceLabel(name)} data: ${failure}`] }
      : { level: 'loading', messages: [] };
  }
  if (snap.kind === 'waiting') return { level: 'waiting', messages: [] };
  if (snap.kind === 'absent') return { level: 'absent', messages: [] };
  const health = sourceHealth(name);
  const age = dataAgeS(name);
  const lost = lostContactMs();
  const messages = [];
  let level = 'ok';
  if (health?.status === 'error') {
    level = 'error';
    const reason = health.last_error || health.last_error_kind || 'no recent successful update';
    messages.push(`${sourceLabel(name)} feed down: ${reason}`);
  }
  if (lost) {
    level = 'error';
    messages.push(`No contact with the server for ${longAge(lost / 1000)}`);
    if (age != null && age < STALE_AFTER_S) messages.push(`data is ${longAge(age)} old`);
  }
  if ((age != null && age >= STALE_AFTER_S) || health?.status === 'stale') {
    if (level === 'ok') level = 'stale';
    messages.push(age != null ? `Data is ${longAge(age)} old` : 'Data is stale');
  }
  if (!enabled() && level !== 'ok') messages.push('auto-refresh is off');
  return { level, messages };
}

// --------------------------------------------------------------------------------------------- subway

function arrivalEpoch(arrival) {
  return toEpochSeconds(arrival.arrival_time) ?? toEpochSeconds(arrival.timestamp);
}

// Stations keep the order in which the API first listed them: the API sorts by time, and a wall board
// whose stations swap places every update cannot be read at a glance.
const stationOrder = [];

function groupArrivals(arrivals, nowS) {
  const stations = new Map();
  for (const arrival of arrivals) {
    if (!arrival || typeof arrival !== 'object') continue;
    const name = arrival.station || arrival.stop_id || 'Unknown station';
    let station = stations.get(name);
    if (!station) {
      station = { name, lines: new Set(), directions: new Map([['N', []], ['S', []]]) };
      stations.set(name, station);
    }
    const line = arrival.line ?? arrival.route_id;
    if (line) station.lines.add(String(line));
    const at = arrivalEpoch(arrival);
    if (at == null || at < nowS - GONE_AFTER_S) continue;
    const direction = arrival.direction === 'N' || arrival.direction === 'S' ? arrival.direction : '';
    if (!station.directions.has(direction)) station.directions.set(direction, []);
    station.directions.get(direction).push({ arrival, at, minutes: Math.max(0, Math.floor((at - nowS) / 60)) });
  }
  for (const station of stations.values()) {
    for (const [direction, trains] of station.directions) {
      trains.sort((a, b) => a.at - b.at);
      station.directions.set(direction, trains.slice(0, TRAINS_PER_DIRECTION));
    }
    if (!stationOrder.includes(station.name)) stationOrder.push(station.name);
  }
  return [...stations.values()].sort((a, b) => stationOrder.indexOf(a.name) - stationOrder.indexOf(b.name));
}

function trainRow(train, direction) {
  const { arrival, minutes, at } = train;
  const line = arrival.line ?? arrival.route_id;
  const notes = [];
  if (arrival.track != null && arrival.track !== '') notes.push(h('span', { class: 'train-track', text: `track ${arrival.track}` }));
  if (arrival.stalled === true) notes.push(h('span', { class: 'tag tag-stalled', title: 'The train has not moved for a while', text: 'stalled' }));
  const details = [
    h('time', { class: 'train-at', datetime: new Date(at * 1000).toISOString(), text: formatTime(at) }),
    notes.length ? h('span', { class: 'train-notes' }, notes) : null,
  ];
  const eta = minutes === 0
    ? h('span', { class: 'eta eta-now' }, h('span', { class: 'eta-value', 'data-testid': 'minutes', text: 'now' }))
    : h('span', { class: 'eta' }, h('span', { class: 'eta-value', 'data-testid': 'minutes', text: String(minutes) }), h('span', { class: 'eta-unit', text: 'min' }));
  return h('li', {
    class: `train${arrival.stalled === true ? ' is-stalled' : ''}`,
    'data-testid': 'arrival',
    'data-line': line,
    'data-direction': direction,
    'data-trip': arrival.trip_id,
  }, bullet(line), h('span', { class: 'train-details' }, details), eta);
}

function stationCard(station) {
  const directions = [...station.directions.entries()].filter(([d, trains]) => d !== '' || trains.length);
  return h('article', { class: 'station', 'data-station': station.name },
    h('header', { class: 'station-head' },
      h('h3', { text: station.name }),
      h('span', { class: 'station-lines' }, sortLines(station.lines).map((l) => bullet(l, 'small')))),
    h('div', { class: 'directions' }, directions.map(([direction, trains]) => {
      const info = DIRECTIONS[direction] ?? DIRECTIONS[''];
      return h('section', { class: 'direction', 'data-direction': direction || 'none', 'aria-label': `${station.name}, ${info.label}` },
        h('h4', { class: 'direction-head' },
          h('span', { class: 'direction-code', title: direction ? `Direction ${direction}` : 'No direction given' }, `${info.arrow}${direction ? ` ${direction}` : ''}`),
          ` ${info.label}`),
        trains.length
          ? h('ol', { class: 'trains' }, trains.map((t) => trainRow(t, direction)))
          : h('p', { class: 'no-trains', text: 'No trains listed' }));
    })));
}

let subwayKey = '';
function renderSubway(force = false) {
  const container = $('#subway-body');
  const snap = state.snaps.subway;
  if (snap?.kind !== 'data') {
    const key = `${snap?.kind ?? 'loading'}|${snap?.detail ?? ''}`;
    if (force || key !== subwayKey) {
      subwayKey = key;
      container.replaceChildren(placeholder(snap));
    }
    return;
  }
  const groups = groupArrivals(Array.isArray(snap.body.data) ? snap.body.data : [], serverNowS());
  // Rebuild only when something visible changed: the minute figures move once a minute, not every second.
  const key = JSON.stringify(groups.map((s) => [s.name, [...s.lines], [...s.directions].map(([d, trains]) =>
    [d, trains.map((t) => [t.arrival.trip_id, t.arrival.train_id, t.arrival.line, t.minutes, t.at, t.arrival.track, t.arrival.stalled])])]));
  if (!force && key === subwayKey) return;
  subwayKey = key;
  container.replaceChildren(...(groups.length
    ? groups.map(stationCard)
    : [h('p', { class: 'empty', text: 'No arrivals listed for the configured stations.' })]));
}

function placeholder(snap) {
  if (!snap) return h('p', { class: 'placeholder', text: 'Loading…' });
  if (snap.kind === 'absent') return h('p', { class: 'placeholder', text: 'Not configured on this server.' });
  return h('div', { class: 'placeholder waiting' },
    h('p', { class: 'waiting-title', text: 'Waiting for first data…' }),
    snap.detail ? h('p', { class: 'waiting-detail', text: snap.detail }) : null);
}

// ------------------------------------------------------------------------------------------- citi bike

function count(value) {
  const n = Number(value);
  return Number.isFinite(n) ? Math.max(0, Math.round(n)) : null;
}

function bikeCount(iconName, value, label, cls) {
  const n = count(value);
  return h('div', { class: `count ${cls}`, 'data-count': cls },
    icon(iconName),
    h('span', { class: 'count-value', text: n ?? '–' }),
    h('span', { class: 'count-label', text: label }));
}

function bikeCard(station) {
  const classic = count(station.bikes_available) ?? 0;
  const ebikes = count(station.ebikes_available) ?? 0;
  const percent = Math.min(100, Math.max(0, Number(station.percent_full) || 0));
  const bikes = classic + ebikes;
  const classicShare = bikes ? percent * (classic / bikes) : 0;
  const flags = [];
  if (station.is_renting === false) flags.push(h('span', { class: 'tag tag-bad', text: 'Not renting' }));
  if (station.is_returning === false) flags.push(h('span', { class: 'tag tag-bad', text: 'Not returning' }));
  const reported = toEpochSeconds(station.last_reported);
  if (reported != null && serverNowS() - reported > STATION_REPORT_OLD_S) {
    flags.push(h('span', { class: 'tag tag-warn', text: `station reported ${longAge(serverNowS() - reported)} ago` }));
  }
  const closed = station.is_renting === false && station.is_returning === false;
  const capacity = Number(station.total_capacity);
  return h('article', {
    class: `bike-station${closed ? ' is-closed' : ''}`,
    'data-testid': 'bike-station',
    'data-station-id': station.station_id,
  },
  h('header', { class: 'bike-head' },
    h('h3', { class: 'bike-name', text: station.name || station.station_id || 'Unnamed station' }),
    h('span', {
      class: 'percent',
      title: Number.isFinite(capacity) ? `${bikes} bikes in ${capacity} docks` : null,
      text: `${percent}%`,
    })),
  h('div', { class: 'counts' },
    bikeCount('bike', station.bikes_available, 'classic bikes', 'classic'),
    bikeCount('bolt', station.ebikes_available, 'e-bikes', 'ebikes'),
    bikeCount('dock', station.docks_available, 'free docks', 'docks')),
  h('div', {
    class: 'fill',
    role: 'meter',
    'aria-valuemin': 0,
    'aria-valuemax': 100,
    'aria-valuenow': percent,
    'aria-label': `${station.name ?? 'Station'}: ${percent}% full`,
  },
  h('span', { class: 'fill-classic', style: { width: `${classicShare}%` } }),
  h('span', { class: 'fill-ebike', style: { width: `${percent - classicShare}%` } })),
  flags.length ? h('p', { class: 'bike-foot' }, flags) : null);
}

function renderCitibike() {
  const container = $('#citibike-body');
  const snap = state.snaps.citibike;
  if (snap?.kind !== 'data') {
    container.replaceChildren(placeholder(snap));
    return;
  }
  const stations = Array.isArray(snap.body.data) ? snap.body.data.filter((s) => s && typeof s === 'object') : [];
  container.replaceChildren(...(stations.length
    ? stations.map(bikeCard)
    : [h('p', { class: 'empty', text: 'No Citi Bike stations configured.' })]));
}

// ---------------------------------------------------------------------------------------------- alerts

function isActive(alert, nowS) {
  const periods = Array.isArray(alert.active_periods) ? alert.active_periods : [];
  if (!periods.length) return true;
  return periods.some((p) => {
    const start = toEpochSeconds(p?.start);
    const end = toEpochSeconds(p?.end);
    return (!start || start <= nowS) && (!end || nowS < end);
  });
}

function alertEnd(alert, nowS) {
  for (const p of Array.isArray(alert.active_periods) ? alert.active_periods : []) {
    const start = toEpochSeconds(p?.start);
    const end = toEpochSeconds(p?.end);
    if ((!start || start <= nowS) && end && nowS < end) return end;
  }
  return null;
}

/** MTA alert text names lines as "[4]"; those become bullets, the rest stays plain text. */
function withLineBullets(text) {
  const parts = [];
  let last = 0;
  for (const match of String(text).matchAll(/\[([0-9A-Z]{1,3})\]/g)) {
    parts.push(text.slice(last, match.index), bullet(match[1], 'inline'));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts.filter((p) => p !== '');
}

function alertItem(alert, nowS) {
  const routes = Array.isArray(alert.routes) ? [...new Set(alert.routes.map(String))] : [];
  const meta = [humanize(alert.alert_type), humanize(alert.effect), alert.cause && alert.cause !== 'UNKNOWN_CAUSE' ? humanize(alert.cause) : '']
    .filter(Boolean);
  const end = alertEnd(alert, nowS);
  if (end) meta.push(`until ${formatTime(end)}`);
  return h('li', { class: 'alert', 'data-effect': alert.effect, 'data-alert-id': alert.id },
    h('div', { class: 'alert-routes' }, routes.length ? sortLines(routes).map((r) => bullet(r, 'small')) : h('span', { class: 'alert-mark', 'aria-hidden': 'true', text: '!' })),
    h('div', { class: 'alert-text' },
      h('p', { class: 'alert-header' }, withLineBullets(alert.header || humanize(alert.effect) || 'Service alert')),
      meta.length ? h('p', { class: 'alert-meta', text: meta.join(' · ') }) : null,
      alert.description ? h('p', { class: 'alert-description' }, withLineBullets(alert.description)) : null));
}

/** The alerts source exists only when the host has an alerts URL; /api/health then lists it. */
function alertsNotConfigured() {
  return state.snaps.alerts?.kind !== 'data' && state.health != null && !healthSources().includes('alerts');
}

let alertsKey = '';
function renderAlerts(force = false) {
  const container = $('#alerts-body');
  const snap = state.snaps.alerts;
  if (snap?.kind !== 'data') {
    const view = alertsNotConfigured() ? { kind: 'absent' } : snap;
    const key = `${view?.kind ?? 'loading'}|${view?.detail ?? ''}`;
    if (force || key !== alertsKey) {
      alertsKey = key;
      container.replaceChildren(view?.kind === 'absent'
        ? h('p', { class: 'placeholder', text: 'No alerts feed is configured on this server.' })
        : placeholder(view));
    }
    return;
  }
  const nowS = serverNowS();
  const alerts = (Array.isArray(snap.body.data) ? snap.body.data : []).filter((a) => a && typeof a === 'object' && isActive(a, nowS));
  const key = JSON.stringify([snap.at, alerts.map((a) => a.id), Math.floor(nowS / 60)]);
  if (!force && key === alertsKey) return;
  alertsKey = key;
  setText($('[data-count="alerts"]'), alerts.length ? String(alerts.length) : '');
  container.replaceChildren(alerts.length
    ? h('ul', { class: 'alerts' }, alerts.map((a) => alertItem(a, nowS)))
    : h('p', { class: 'good-service' }, h('span', { class: 'dot healthy', 'aria-hidden': 'true' }), 'Good service: no alerts for these lines.'));
}

function renderSource(name) {
  if (name === 'subway') renderSubway(true);
  else if (name === 'citibike') renderCitibike();
  else if (name === 'alerts') renderAlerts(true);
  renderConditions();
}

// ------------------------------------------------------------------------------ badges and conditions

function badgeElement(name) {
  const list = $('#health-badges');
  let badge = list.querySelector(`[data-testid="health-${CSS.escape(name)}"]`);
  if (!badge) {
    badge = h('span', { class: 'badge', 'data-testid': `health-${name}`, 'data-status': 'unknown' },
      h('span', { class: 'dot', 'aria-hidden': 'true' }),
      h('span', { class: 'badge-text' }, h('b', { text: sourceLabel(name) }), ' ', h('span', { class: 'badge-status', text: '…' })));
    list.append(h('li', {}, badge));
  }
  return badge;
}

function setText(el, text) {
  if (el && el.textContent !== text) el.textContent = text;
}

function setData(el, key, value) {
  if (el && el.dataset[key] !== value) el.dataset[key] = value;
}

function renderBadges() {
  for (const name of healthSources()) {
    const badge = badgeElement(name);
    const health = sourceHealth(name);
    const status = effectiveStatus(name);
    const age = dataAgeS(name);
    let text;
    if (!health) text = state.health ? 'not reported' : '…';
    else if (age != null) text = `${status} · updated ${shortAge(age)} ago`;
    else text = `${status} · ${health.last_update || 'never updated'}`;
    setData(badge, 'status', status);
    setText(badge.querySelector('.badge-status'), text);
    const title = [
      health?.status && health.status !== status ? `Server says ${health.status}; the data on this page has aged since` : '',
      health?.last_error ? `Last error: ${health.last_error}` : '',
      Number.isFinite(health?.fetch_count) ? `${health.fetch_count} fetches, ${health.error_count ?? 0} failed` : '',
      Number.isFinite(health?.upstream_age_seconds) ? `upstream data ${shortAge(health.upstream_age_seconds)} old` : '',
      health?.circuit ? `circuit ${health.circuit}` : '',
    ].filter(Boolean).join('\n');
    if (badge.title !== title) badge.title = title;
  }
  const overall = $('#overall');
  let status = state.health?.body?.status ?? 'unknown';
  if (lostContactMs()) status = 'offline';
  const labels = { healthy: 'All systems healthy', degraded: 'Degraded', down: 'Down', offline: 'Server unreachable', unknown: 'Status unknown' };
  setData(overall, 'status', status);
  setText(overall.querySelector('.badge-text'), labels[status] ?? humanize(status));
}

function renderConditions() {
  for (const name of DATA_SOURCES) {
    const panel = document.getElementById(name);
    const condition = panelCondition(name);
    setData(panel, 'state', condition.level);
    const banner = panel.querySelector(`[data-banner="${name}"]`);
    const text = condition.messages.join(' · ');
    setText(banner, text);
    banner.hidden = !text;
    setData(banner, 'level', condition.level);
    const age = dataAgeS(name);
    setText(panel.querySelector(`[data-age="${name}"]`), state.snaps[name]?.kind === 'data' && age != null ? `updated ${shortAge(age)} ago` : '');
    announceChange(`panel-${name}`, condition.level, () => {
      if (condition.level === 'ok') return `${sourceLabel(name)} data is current.`;
      if (condition.level === 'waiting') return `${sourceLabel(name)}: waiting for first data.`;
      if (condition.level === 'stale' || condition.level === 'error') return `${sourceLabel(name)}: ${text}.`;
      return '';
    });
  }
}

// ------------------------------------------------------------------------------ connection and status

const previousAnnounced = new Map();
function announceChange(key, value, message) {
  const before = previousAnnounced.get(key);
  previousAnnounced.set(key, value);
  if (before === undefined || before === value) return;
  const text = message();
  if (text) $('#announcer').textContent = text;
}

function setMode(mode) {
  if (state.mode === mode) return;
  state.mode = mode;
  renderConnection();
}

function renderConnection() {
  const el = $('#connection');
  const lost = lostContactMs();
  let text;
  let mode = state.mode;
  if (mode === 'paused') text = 'Auto-refresh off';
  else if (lost) {
    mode = 'offline';
    text = `No contact for ${longAge(lost / 1000)}`;
  } else if (mode === 'live') text = 'Live';
  else if (mode === 'polling') {
    text = `Polling every ${intervalLabel(state.config.auto_refresh.interval)}`;
    if (state.reconnectAt) text += ` · live in ${Math.max(0, Math.ceil((state.reconnectAt - Date.now()) / 1000))} s`;
  } else text = 'Connecting…';
  setData(el, 'mode', mode);
  setText(el, text);
  announceChange('mode', mode, () => ({
    live: 'Live updates connected.',
    polling: 'Live updates interrupted; checking the server periodically.',
    offline: 'Lost contact with the server; the numbers shown are getting old.',
    paused: 'Auto-refresh is off.',
  })[mode] ?? '');
}

function renderClock() {
  // The host's time, as the countdowns use: "8:04 PM, in 2 min" under a clock that says 5:28 PM reads wrong.
  const now = new Date(serverNowMs());
  setText($('#clock'), clockFormat.format(now));
  setText($('#clock-date'), dateFormat.format(now));
}

function renderTick() {
  renderClock();
  renderSubway();
  renderAlerts();
  renderBadges();
  renderConditions();
  renderConnection();
  tickCharts();
}

function startTicking() {
  const loop = () => {
    try {
      renderTick();
    } finally {
      // Aligned to the wall clock so the seconds on screen change together.
      setTimeout(loop, 1000 - (Date.now() % 1000) + 20);
    }
  };
  loop();
}

// ------------------------------------------------------------------------------------- history charts

const charts = new Map();
const CHART_PAD = { left: 44, right: 8, top: 8, bottom: 22 };

function onHealthChanged() {
  renderBadges();
  syncChartCards();
  renderAlerts();
  renderConditions();
}

function syncChartCards() {
  const container = $('#history-charts');
  const sources = healthSources();
  for (const name of sources) {
    if (charts.has(name)) continue;
    const chart = createChart(name);
    charts.set(name, chart);
    container.append(chart.card);
    chartResizeObserver.observe(chart.box);
    loadHistory(chart);
  }
}

function createChart(name) {
  const tipId = `history-tip-${name}`;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'chart-svg');
  svg.setAttribute('data-testid', 'history-chart');
  svg.setAttribute('data-source', name);
  svg.setAttribute('tabindex', '0');
  svg.setAttribute('role', 'slider');
  svg.setAttribute('aria-roledescription', 'history chart');
  svg.setAttribute('aria-label', `${sourceLabel(name)} health over the last ${HISTORY_HOURS} hours; arrow keys move between windows`);
  svg.setAttribute('aria-describedby', tipId);
  const tip = h('div', { class: 'chart-tip', id: tipId, role: 'tooltip', hidden: true });
  const box = h('div', { class: 'chart-box' });
  box.append(svg, tip);
  const summary = h('span', { class: 'chart-summary', text: 'loading…' });
  const card = h('figure', { class: 'chart', 'data-source': name },
    h('figcaption', { class: 'chart-head' }, h('h3', { text: sourceLabel(name) }), summary),
    box);
  const chart = { name, card, box, svg, tip, summary, rows: [], slots: [], selected: -1, error: '', window: '', geometry: null, sizeKey: '' };

  svg.addEventListener('pointermove', (event) => {
    const index = slotAt(chart, event.clientX);
    if (index >= 0) selectSlot(chart, index);
  });
  svg.addEventListener('pointerleave', () => {
    if (document.activeElement !== svg) hideTip(chart);
  });
  svg.addEventListener('focus', () => {
    if (!chart.slots.length) return;
    let index = chart.selected;
    if (index < 0) {
      index = chart.slots.length - 1;
      while (index > 0 && !chart.slots[index].row?.samples) index -= 1;
    }
    selectSlot(chart, index);
  });
  svg.addEventListener('blur', () => hideTip(chart));
  svg.addEventListener('keydown', (event) => {
    if (!chart.slots.length) return;
    const last = chart.slots.length - 1;
    const perHour = Math.max(1, Math.round(3600 / (WINDOW_SECONDS[chart.window] || 900)));
    const moves = {
      ArrowLeft: chart.selected - 1,
      ArrowDown: chart.selected - 1,
      ArrowRight: chart.selected + 1,
      ArrowUp: chart.selected + 1,
      PageDown: chart.selected - perHour,
      PageUp: chart.selected + perHour,
      Home: 0,
      End: last,
    };
    if (event.key === 'Escape') {
      hideTip(chart);
      return;
    }
    if (!(event.key in moves)) return;
    event.preventDefault();
    selectSlot(chart, Math.min(last, Math.max(0, moves[event.key])));
  });
  return chart;
}

function normalizeRows(body) {
  const list = Array.isArray(body) ? body : body?.data ?? body?.rows ?? body?.windows ?? [];
  if (!Array.isArray(list)) return [];
  const number = (v) => (v == null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));
  return list
    .map((row) => ({
      timestamp: toEpochSeconds(row?.timestamp),
      samples: number(row?.samples) ?? 0,
      healthy: number(row?.healthy),
      stale: number(row?.stale),
      error: number(row?.error),
      p50: number(row?.p50_ms),
      p95: number(row?.p95_ms),
      errors: number(row?.errors),
    }))
    .filter((row) => row.timestamp != null);
}

async function loadHistory(chart) {
  const windowName = state.config.display.history_window;
  try {
    const url = `/api/health/history?source=${encodeURIComponent(chart.name)}&window=${encodeURIComponent(windowName)}&hours=${HISTORY_HOURS}`;
    const { status, body } = await getJson(url);
    if (status === 200) {
      chart.rows = normalizeRows(body);
      chart.error = '';
    } else {
      chart.error = `History unavailable: ${problemText(body, status)}`;
    }
  } catch (error) {
    chart.error = `History unavailable: ${networkErrorText(error)}`;
  }
  chart.window = windowName;
  drawChart(chart);
}

async function loadHistories() {
  state.lastHistoryAt = Date.now();
  await Promise.all([...charts.values()].map(loadHistory));
}

function buildSlots(chart) {
  const windowS = WINDOW_SECONDS[chart.window] || 900;
  const count = Math.round((HISTORY_HOURS * 3600) / windowS);
  // Slots end with the window that holds "now", so a missing row shows as a gap instead of vanishing.
  const end = Math.ceil(serverNowS() / windowS) * windowS;
  const start = end - count * windowS;
  const slots = Array.from({ length: count }, (_, i) => ({ start: start + i * windowS, end: start + (i + 1) * windowS, row: null }));
  for (const row of chart.rows) {
    const index = Math.floor((row.timestamp - start) / windowS);
    if (index >= 0 && index < count) {
      slots[index].row = row;
      slots[index].start = row.timestamp;
      slots[index].end = row.timestamp + windowS;
    }
  }
  return { slots, start, end, windowS };
}

function hasData(row) {
  return row && row.samples > 0 && [row.healthy, row.stale, row.error].some((v) => v != null);
}

function drawChart(chart) {
  const width = Math.max(200, Math.round(chart.box.clientWidth || 600));
  const height = Math.max(80, Math.round(chart.box.clientHeight || 120));
  chart.sizeKey = `${width}x${height}`;
  const { slots, start, end, windowS } = buildSlots(chart);
  chart.slots = slots;
  const plotW = width - CHART_PAD.left - CHART_PAD.right;
  const plotH = height - CHART_PAD.top - CHART_PAD.bottom;
  const slotW = plotW / slots.length;
  const gap = slotW >= 6 ? 1 : 0;
  chart.geometry = { width, height, plotW, plotH, slotW };
  const x0 = CHART_PAD.left;
  const y0 = CHART_PAD.top;
  const yOf = (percent) => y0 + plotH - (plotH * percent) / 100;
  const hatch = `hatch-${chart.name}`;
  const parts = [
    `<defs><pattern id="${hatch}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`,
    `<rect width="6" height="6" class="nodata-bg"/><line x1="0" y1="0" x2="0" y2="6" class="nodata-line"/></pattern></defs>`,
  ];
  for (const percent of [0, 50, 100]) {
    const y = yOf(percent);
    parts.push(`<line class="grid" x1="${x0}" x2="${x0 + plotW}" y1="${y}" y2="${y}"/>`);
    parts.push(`<text class="axis" x="${x0 - 6}" y="${y + 4}" text-anchor="end">${percent}%</text>`);
  }
  slots.forEach((slot, i) => {
    const x = x0 + i * slotW;
    const w = Math.max(0.5, slotW - gap);
    const row = slot.row;
    if (!hasData(row)) {
      parts.push(`<rect class="bar nodata" x="${x}" y="${y0}" width="${w}" height="${plotH}" fill="url(#${hatch})"/>`);
      return;
    }
    let bottom = 0;
    for (const kind of ['healthy', 'stale', 'error']) {
      const value = Math.max(0, row[kind] ?? 0);
      if (value <= 0) continue;
      const top = Math.min(100, bottom + value);
      parts.push(`<rect class="bar ${kind}" x="${x}" y="${yOf(top)}" width="${w}" height="${Math.max(0, yOf(bottom) - yOf(top))}"/>`);
      bottom = top;
    }
  });
  // Hour ticks on local time, every 3 h when there is room, else every 6 h.
  const stepH = plotW >= 700 ? 3 : 6;
  const firstHour = new Date(start * 1000);
  firstHour.setMinutes(0, 0, 0);
  for (let t = firstHour.getTime() / 1000; t <= end; t += 3600) {
    if (t < start) continue;
    const hour = new Date(t * 1000).getHours();
    if (hour % stepH !== 0) continue;
    const x = x0 + ((t - start) / (end - start)) * plotW;
    parts.push(`<line class="tick" x1="${x}" x2="${x}" y1="${y0 + plotH}" y2="${y0 + plotH + 4}"/>`);
    parts.push(`<text class="axis" x="${x}" y="${height - 5}" text-anchor="middle">${escapeXml(hour === 0 ? shortDateFormat.format(new Date(t * 1000)) : hourFormat.format(new Date(t * 1000)))}</text>`);
  }
  parts.push(`<rect class="selection" x="0" y="${y0 - 2}" width="0" height="${plotH + 4}" visibility="hidden"/>`);
  if (chart.error) {
    parts.push(`<text class="chart-error" x="${x0 + plotW / 2}" y="${y0 + plotH / 2}" text-anchor="middle">${escapeXml(chart.error)}</text>`);
  }
  chart.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  chart.svg.setAttribute('width', String(width));
  chart.svg.setAttribute('height', String(height));
  chart.svg.setAttribute('aria-valuemin', '0');
  chart.svg.setAttribute('aria-valuemax', String(slots.length - 1));
  if (chart.selected < 0) {
    const latest = describeSlot(slots[slots.length - 1]);
    chart.svg.setAttribute('aria-valuenow', String(slots.length - 1));
    chart.svg.setAttribute('aria-valuetext', `${latest.range}: ${latest.lines.join('; ')}`);
  }
  chart.svg.innerHTML = parts.join('');
  chart.svg.dataset.window = chart.window;
  chart.svg.dataset.windows = String(slots.length);
  chart.svg.dataset.state = chart.error ? 'error' : 'ok';

  const withData = slots.filter((s) => hasData(s.row));
  if (chart.error) setText(chart.summary, chart.error);
  else if (!withData.length) setText(chart.summary, 'no samples yet');
  else {
    const samples = withData.reduce((sum, s) => sum + s.row.samples, 0);
    const healthy = withData.reduce((sum, s) => sum + (s.row.healthy ?? 0) * s.row.samples, 0) / samples;
    const errors = withData.reduce((sum, s) => sum + (s.row.errors ?? 0), 0);
    setText(chart.summary, `${percentFormat.format(healthy)}% healthy · ${errors} error${errors === 1 ? '' : 's'}`);
  }
  if (chart.selected >= slots.length) chart.selected = slots.length - 1;
  if (!chart.tip.hidden && chart.selected >= 0) selectSlot(chart, chart.selected);
}

function slotAt(chart, clientX) {
  const g = chart.geometry;
  if (!g) return -1;
  const rect = chart.svg.getBoundingClientRect();
  const x = ((clientX - rect.left) / rect.width) * g.width - CHART_PAD.left;
  if (x < 0) return -1;
  // The right padding still points at the newest window, which is otherwise a sliver hard to hit.
  return Math.min(chart.slots.length - 1, Math.floor(x / g.slotW));
}

function describeSlot(slot) {
  const from = new Date(slot.start * 1000);
  const to = new Date(slot.end * 1000);
  const clock = (d) => (d.getSeconds() ? clockFormat : timeFormat).format(d);
  const range = `${shortDateFormat.format(from)}, ${clock(from)} – ${clock(to)}`;
  const row = slot.row;
  if (!hasData(row)) return { range, lines: ['No data for this window'] };
  const pct = (v) => (v == null ? '–' : `${percentFormat.format(v)}%`);
  const lines = [`Healthy ${pct(row.healthy)} · Stale ${pct(row.stale)} · Error ${pct(row.error)}`];
  const extra = [`${row.samples} sample${row.samples === 1 ? '' : 's'}`];
  if (row.p50 != null) extra.push(`p50 ${Math.round(row.p50)} ms`);
  if (row.p95 != null) extra.push(`p95 ${Math.round(row.p95)} ms`);
  if (row.errors != null) extra.push(`${row.errors} error${row.errors === 1 ? '' : 's'}`);
  lines.push(extra.join(' · '));
  return { range, lines };
}

function selectSlot(chart, index) {
  const slot = chart.slots[index];
  const g = chart.geometry;
  if (!slot || !g) return;
  chart.selected = index;
  const { range, lines } = describeSlot(slot);
  chart.tip.replaceChildren(h('strong', { text: range }), ...lines.map((l) => h('span', { text: l })));
  chart.tip.hidden = false;
  chart.svg.setAttribute('aria-valuenow', String(index));
  chart.svg.setAttribute('aria-valuetext', `${range}: ${lines.join('; ')}`);
  const selection = chart.svg.querySelector('.selection');
  const x = CHART_PAD.left + index * g.slotW;
  selection.setAttribute('x', String(x - 1));
  selection.setAttribute('width', String(Math.max(2, g.slotW + 2)));
  selection.setAttribute('visibility', 'visible');
  // Position in CSS pixels: the svg may be scaled down on narrow screens.
  const scale = chart.svg.getBoundingClientRect().width / g.width || 1;
  const center = (x + g.slotW / 2) * scale;
  const tipWidth = chart.tip.offsetWidth;
  const boxWidth = chart.box.clientWidth;
  chart.tip.style.left = `${Math.min(Math.max(0, center - tipWidth / 2), Math.max(0, boxWidth - tipWidth))}px`;
}

function hideTip(chart) {
  chart.tip.hidden = true;
  chart.svg.querySelector('.selection')?.setAttribute('visibility', 'hidden');
}

function tickCharts() {
  if (enabled() && charts.size && Date.now() - state.lastHistoryAt > HISTORY_REFRESH_MS) loadHistories();
}

// Charts are drawn in CSS pixels so their text stays legible; a resized box is redrawn, not stretched.
let chartFrame = 0;
const chartResizeObserver = new ResizeObserver(() => {
  if (chartFrame) return;
  chartFrame = requestAnimationFrame(() => {
    chartFrame = 0;
    for (const chart of charts.values()) {
      const key = `${Math.round(chart.box.clientWidth)}x${Math.round(chart.box.clientHeight)}`;
      if (chart.window && key !== chart.sizeKey) drawChart(chart);
    }
  });
});

// ------------------------------------------------------------------------------------------------ start

async function start() {
  wireControls();
  startTicking();
  await loadConfig();
  syncChartCards();
  state.lastHistoryAt = Date.now();
  await fetchAll();
  if (enabled()) {
    openStream();
    schedulePoll();
  } else {
    setMode('paused');
  }
}

start();
