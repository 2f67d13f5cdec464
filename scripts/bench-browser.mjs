// Browser benchmark of the release bundle: how soon each route is usable, what it costs in memory, and whether
// memory grows as a student moves around the site. A documented command, not a test: the figures depend on the
// machine and its load. Run it through scripts/bench-browser, which builds dist/ first (unless --no-build).
//
// Usage: node scripts/bench-browser.mjs [--runs N] [--throttled-runs N] [--rounds N] [--dist DIR] [--out FILE]
//                                      [--only /a,/b]
//   --runs N            cold loads per route, unthrottled (default 7; env BENCH_RUNS)
//   --throttled-runs N  cold loads per route with the CPU slowed 4x (default: the same as --runs;
//                       env BENCH_THROTTLED_RUNS; 0 skips the throttled table)
//   --rounds N          extra visits of every route in the leak check (default 10; env BENCH_ROUNDS)
//   --dist DIR          the bundle to serve (default dist)
//   --out FILE          where to write every figure as JSON (default target/bench-browser.json)
//   --only /a,/b        only these routes (comma-separated, as listed in benchRoutes; for quick comparisons)
// CHROMIUM=/path/to/chromium overrides the browser (default Debian's /usr/bin/chromium).
//
// What is measured, per route, over N runs (median, min and max are reported):
//
// - Interactive: milliseconds from navigation start (performance.timeOrigin, the start of the document's
//   navigation) until the app has mounted AND a control responds, measured inside the page with
//   performance.now(), so Playwright's round trips are never part of it. An init script (page.addInitScript)
//   watches the DOM with a MutationObserver; "mounted" is the first moment `main h1` and the main navigation are
//   in the DOM and the loading notice #boot is gone. Then, in a new task (a MessageChannel message, queued behind
//   whatever the page has already scheduled, as a user's input would be), it clicks the skip link
//   ("Skip to content", a.skip-link), a control of the shell present on every route whose click handler is the
//   app's own Rust code: the control has responded when that click was handled by the app, i.e. the event's
//   default was prevented (no fragment navigation) and focus is on <main id="main">. If it has not responded yet
//   the click is retried on the next frame (the attempts are recorded). Interactive is the performance.now() of
//   the first handled click, taken after the DOM reflects it.
// - Mounted: the "mounted" moment above, for reference (interactive minus mounted is the wait for a free main
//   thread plus the handling of the click).
// - FCP: the first-contentful-paint entry (performance.getEntriesByType("paint")); the loading notice counts, as
//   it is content a student sees.
// - Memory after load: the wasm linear memory (memory.buffer.byteLength of the wasm exports that the Trunk loader
//   hands to the `TrunkApplicationStarted` event) and the JS heap (CDP Performance.getMetrics JSHeapUsedSize after
//   two HeapProfiler.collectGarbage), once the load event has fired and the route is interactive.
//
// Cold, and warm for information: every run uses a fresh browser context (its own empty HTTP cache, no service
// worker, no storage), so the figures are what a first-time student sees; cold is what the budget applies to.
// The service worker (dist/sw.js) registers during that first visit; once it is active, a second page in the same
// context loads the route again ("warm": assets from the service worker's cache), reported for information.
//
// Throttled: the same cold loads with the CPU slowed 4x (CDP Emulation.setCPUThrottlingRate), for information.
//
// Leak check: in one page, load "/", follow a link to every other route and back to "/" (each route's first
// visit), collect garbage and measure wasm memory and JS heap; then visit every route --rounds more times the same
// way and measure again. Each visit clicks a real <a> element, handled by leptos_router's click listener: the
// app's own link to that path when the current page has one, otherwise a hidden <a href=path> added to <body>
// for the click and removed after. A visit ends when the URL and the route's <h1> are the new ones and a frame
// has passed. Growth is (after - baseline) / baseline. The wasm memory never shrinks, so its growth is the growth
// of the allocator's high-water mark.
//
// Budgets (exit code 1 when one is missed, or when a page raised an error): cold interactive median <= 250 ms on
// every route; wasm memory and JS heap growth in the leak check <= 10%.

import { chromium } from "playwright-core";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { serve } from "./server.mjs";
import { CHROMIUM_ARGS as ARGS, CHROMIUM_PATH } from "./chromium.mjs";

const BUDGET_INTERACTIVE_MS = 250;
const BUDGET_GROWTH_PCT = 10;
const THROTTLE_RATE = 4;


// ---------------------------------------------------------------------------------------------------- options

function parseOptions(argv) {
  const count = (value, name) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) fail(`${name} needs a whole number, not "${value}"`);
    return n;
  };
  const options = {
    runs: count(process.env.BENCH_RUNS ?? 7, "BENCH_RUNS"),
    throttledRuns: process.env.BENCH_THROTTLED_RUNS,
    rounds: count(process.env.BENCH_ROUNDS ?? 10, "BENCH_ROUNDS"),
    dist: "dist",
    out: "target/bench-browser.json",
    only: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value`);
    if (flag === "--runs") options.runs = count(value(), flag);
    else if (flag === "--throttled-runs") options.throttledRuns = value();
    else if (flag === "--rounds") options.rounds = count(value(), flag);
    else if (flag === "--dist") options.dist = value();
    else if (flag === "--out") options.out = value();
    else if (flag === "--only") options.only = value().split(",").filter(Boolean);
    else if (flag === "--no-build") continue; // handled by scripts/bench-browser
    else if (flag === "-h" || flag === "--help") {
      console.log("usage: scripts/bench-browser [--no-build] [--runs N] [--throttled-runs N] [--rounds N] [--dist DIR] [--out FILE] [--only /a,/b]");
      process.exit(0);
    } else fail(`unknown argument ${arg} (try --help)`);
  }
  options.throttledRuns = count(options.throttledRuns ?? options.runs, "--throttled-runs");
  if (options.runs < 1) fail("--runs must be at least 1");
  return options;
}

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(2);
}

const progress = (message) => process.stderr.write(`${message}\n`);

// ---------------------------------------------------------------------------------------------------- routes

/** The benchmarked paths; the first chapter's slug is read from data/chapters.toml. */
async function benchRoutes() {
  const toml = await readFile("data/chapters.toml", "utf8");
  const slug = toml.match(/\[\[chapter\]\]\s*\nid\s*=\s*"([^"]+)"/)?.[1];
  if (!slug) fail("no chapter id found in data/chapters.toml");
  return [
    "/",
    "/chapters",
    `/chapters/${slug}`,
    "/sources/1",
    "/people",
    "/people/kamenev",
    "/glossary",
    "/timeline",
    "/search?q=Zinoviev",
    "/quiz",
    "/quiz/test",
    "/quiz/practice",
    "/quiz/progress",
    "/quiz/answers",
    "/compare",
    "/about",
  ];
}

/** Checks every benchmarked path against the route table in src/lib.rs; returns the routes left out. */
async function checkRoutes(paths) {
  const source = await readFile("src/lib.rs", "utf8");
  const table = [...source.matchAll(/path!\("([^"]*)"\)/g)].map((m) => m[1]);
  if (table.length === 0) fail("no routes found in src/lib.rs");
  const matches = (pattern, path) => {
    const want = pattern.split("/").filter(Boolean);
    const got = new URL(path, "http://x").pathname.split("/").filter(Boolean);
    return want.length === got.length && want.every((seg, i) => seg.startsWith(":") || seg === got[i]);
  };
  for (const path of paths) {
    if (!table.some((pattern) => matches(pattern, path))) fail(`${path} matches no route in src/lib.rs`);
  }
  return table.filter((pattern) => !paths.some((path) => matches(pattern, path)));
}

// ---------------------------------------------------------------------------------------------------- in page

/** Runs in every page before its own scripts: records mounted, interactive, FCP and the wasm exports. */
function benchInit() {
  const bench = {
    mounted: null,
    interactive: null,
    attempts: 0,
    fcp: null,
    started: null,
    wasm: null,
    error: null,
  };
  window.__bench = bench;
  let settle;
  bench.done = new Promise((resolve) => (settle = resolve));
  let fcpWaitOver = false;
  const finish = () => {
    if ((bench.interactive !== null && (bench.fcp !== null || fcpWaitOver)) || bench.error !== null) settle();
  };

  addEventListener("TrunkApplicationStarted", (event) => {
    bench.wasm = event.detail?.wasm ?? null;
    bench.started = performance.now();
  });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name === "first-contentful-paint" && bench.fcp === null) {
          bench.fcp = entry.startTime;
          finish();
        }
      }
    }).observe({ type: "paint", buffered: true });
  } catch {
    fcpWaitOver = true;
  }

  const mountedNow = () =>
    document.querySelector("main h1") !== null &&
    document.getElementById("boot") === null &&
    document.querySelector('nav[aria-label="Main"] a') !== null;

  // The interaction comes as a task of its own, after the mount's task and its microtasks.
  const channel = new MessageChannel();
  channel.port1.onmessage = interact;

  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });

  function check() {
    if (bench.mounted !== null || !mountedNow()) return;
    bench.mounted = performance.now();
    observer.disconnect();
    channel.port2.postMessage(0);
  }

  function interact() {
    bench.attempts++;
    const link = document.querySelector("a.skip-link");
    const main = document.getElementById("main");
    let prevented = false;
    // On window, bubbling: runs after the app's handler. Never lets an unhandled click navigate to #main.
    const after = (event) => {
      prevented = event.defaultPrevented;
      event.preventDefault();
    };
    addEventListener("click", after);
    try {
      link?.click();
    } finally {
      removeEventListener("click", after);
    }
    if (link && main && prevented && document.activeElement === main) {
      bench.interactive = performance.now();
      setTimeout(() => {
        fcpWaitOver = true;
        finish();
      }, 5000);
      finish();
    } else if (performance.now() - bench.mounted > 15000) {
      bench.error = link ? "the skip link's click was never handled" : "no a.skip-link on the page";
      finish();
    } else {
      requestAnimationFrame(() => channel.port2.postMessage(0));
    }
  }
}

/** Waits for the in-page figures of the current load. */
async function pageFigures(page) {
  const figures = await page.evaluate(async () => {
    const b = window.__bench;
    if (!b) return { error: "the init script did not run" };
    await b.done;
    return {
      mounted: b.mounted,
      interactive: b.interactive,
      attempts: b.attempts,
      fcp: b.fcp,
      started: b.started,
      error: b.error,
      h1: document.querySelector("main h1")?.textContent ?? null,
      hasWasmMemory: b.wasm?.memory instanceof WebAssembly.Memory,
      hasBindings: typeof window.wasmBindings === "object" && window.wasmBindings !== null,
    };
  });
  if (figures.error) throw new Error(`${page.url()}: ${figures.error}`);
  return figures;
}

/** Wasm linear memory and JS heap, after garbage collection. */
async function measureMemory(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const jsHeapBytes = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? null;
  const wasmBytes = await page.evaluate(() => window.__bench?.wasm?.memory?.buffer.byteLength ?? null);
  if (wasmBytes === null) throw new Error(`${page.url()}: no wasm memory (TrunkApplicationStarted gave no exports)`);
  return { wasmBytes, jsHeapBytes };
}

async function openCdp(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await cdp.send("HeapProfiler.enable");
  return cdp;
}

// ---------------------------------------------------------------------------------------------------- runs

function watchErrors(page, errors, label) {
  page.on("pageerror", (err) => errors.push(`${label}: ${err}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`${label}: console: ${msg.text()}`);
  });
}

/** One cold load of `path` in a fresh context: timings, and optionally memory and a warm reload. */
async function coldLoad(browser, url, path, { throttle = 1, memory = false, warm = false, errors }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(benchInit);
    const page = await context.newPage();
    watchErrors(page, errors, path);
    let cdp = null;
    if (throttle !== 1) {
      cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
    }
    await page.goto(url + path, { waitUntil: "commit" });
    const result = { ...(await pageFigures(page)) };
    if (memory) {
      await page.waitForLoadState("load");
      cdp ??= await openCdp(context, page);
      Object.assign(result, await measureMemory(page, cdp));
    }
    if (warm) {
      // Wait for the service worker registered by this first visit to be active, then open the route again.
      result.serviceWorker = await page.evaluate(() =>
        Promise.race([
          navigator.serviceWorker.ready.then(() => "active"),
          new Promise((resolve) => setTimeout(() => resolve("not active after 15 s"), 15000)),
        ]),
      );
      await page.close();
      const again = await context.newPage();
      watchErrors(again, errors, `${path} (warm)`);
      await again.goto(url + path, { waitUntil: "commit" });
      const figures = await pageFigures(again);
      result.warm = {
        interactive: figures.interactive,
        mounted: figures.mounted,
        fcp: figures.fcp,
        controlled: await again.evaluate(() => navigator.serviceWorker.controller !== null),
      };
    }
    return result;
  } finally {
    await context.close();
  }
}

/** Client-side navigation to `target` by clicking a real <a>; resolves when the new route is shown. */
async function clickThrough(page, target, h1) {
  return page.evaluate(
    async ({ target, h1 }) => {
      const start = performance.now();
      let link = [...document.querySelectorAll("a[href]")].find((a) => a.getAttribute("href") === target);
      let via = "app link";
      if (!link) {
        link = document.createElement("a");
        link.href = target;
        link.hidden = true;
        link.textContent = target;
        document.body.append(link);
        via = "added link";
      }
      link.click();
      if (via === "added link") link.remove();
      const shown = () =>
        location.pathname + location.search === target && document.querySelector("main h1")?.textContent === h1;
      while (!shown()) {
        if (performance.now() - start > 15000) throw new Error(`navigation to ${target} did not show "${h1}"`);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return { ms: performance.now() - start, via };
    },
    { target, h1 },
  );
}

async function leakCheck(browser, url, paths, headings, rounds, errors) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(benchInit);
    const page = await context.newPage();
    watchErrors(page, errors, "leak check");
    await page.goto(url + paths[0], { waitUntil: "load" });
    await pageFigures(page);
    const cdp = await openCdp(context, page);
    const navigations = Object.fromEntries(paths.map((p) => [p, []]));
    const via = new Set();
    const tour = async () => {
      for (const path of [...paths.slice(1), paths[0]]) {
        const step = await clickThrough(page, path, headings[path]);
        navigations[path].push(step.ms);
        via.add(`${path}: ${step.via}`);
      }
    };
    await tour();
    const baseline = await measureMemory(page, cdp);
    for (let round = 1; round <= rounds; round++) {
      progress(`  leak check: round ${round}/${rounds}`);
      await tour();
    }
    const after = await measureMemory(page, cdp);
    const growth = (key) => (100 * (after[key] - baseline[key])) / baseline[key];
    return {
      visitsPerRoute: rounds + 1,
      baseline,
      after,
      growthPct: { wasm: growth("wasmBytes"), jsHeap: growth("jsHeapBytes") },
      navigationMs: Object.fromEntries(paths.map((p) => [p, stats(navigations[p])])),
      linksClicked: [...via].sort(),
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------------- report

function stats(samples) {
  const values = samples.filter((v) => typeof v === "number");
  if (values.length === 0) return { median: null, min: null, max: null, samples };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], samples };
}

const ms = (v) => (v === null || v === undefined ? "-" : Math.round(v).toString());
const mib = (v) => (v === null || v === undefined ? "-" : (v / 2 ** 20).toFixed(2));
const pct = (v) => `${v >= 0 ? "+" : ""}${v.toFixed(1)}%`;

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ");
  console.log(line(headers));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

// ---------------------------------------------------------------------------------------------------- main

const options = parseOptions(process.argv.slice(2));
const allPaths = await benchRoutes();
const notBenchmarked = await checkRoutes(allPaths);
const paths = options.only ? allPaths.filter((p) => options.only.includes(p)) : allPaths;
if (paths.length === 0) fail(`--only matched no benchmarked route (they are: ${allPaths.join(" ")})`);

let distFiles;
try {
  distFiles = await readdir(options.dist);
  await readFile(join(options.dist, "index.html"));
} catch {
  fail(`${options.dist}/index.html not found: build the bundle first (scripts/bench-browser without --no-build does).`);
}
const wasmFile = distFiles.find((f) => f.endsWith(".wasm")) ?? null;

const { server, url } = await serve(options.dist, 0);
// The server compresses each file on its first request (brotli 11 takes a while for the wasm): do it now.
await Promise.all(
  distFiles.map((f) => fetch(`${url}/${f}`, { headers: { "Accept-Encoding": "br, gzip" } }).then((r) => r.arrayBuffer())),
);

const executablePath = CHROMIUM_PATH;
let browser;
try {
  // chromium.launch gives the browser a fresh temporary user-data dir, removed when it closes.
  browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
} catch (err) {
  server.close();
  fail(`could not start ${executablePath} (Debian: apt-get install chromium): ${err.message.split("\n")[0]}`);
}

const browserVersion = browser.version();
const errors = [];
const loadStart = loadavg()[0];
const started = Date.now();
const cold = Object.fromEntries(paths.map((p) => [p, []]));
const throttled = Object.fromEntries(paths.map((p) => [p, []]));
const headings = {};
let leak;

try {
  progress(`benchmarking ${url} with ${executablePath}: ${options.runs} cold runs per route, ` +
    `${options.throttledRuns} throttled (${THROTTLE_RATE}x), leak check ${options.rounds} rounds`);
  // One discarded load warms the disk cache and the browser process.
  await coldLoad(browser, url, "/", { errors: [] });

  for (let run = 1; run <= options.runs; run++) {
    progress(`cold run ${run}/${options.runs}`);
    for (const path of paths) {
      const result = await coldLoad(browser, url, path, { memory: true, warm: true, errors });
      headings[path] ??= result.h1;
      if (/not found/i.test(result.h1 ?? "") || result.h1 !== headings[path]) {
        throw new Error(`${path} shows "${result.h1}": the benchmark's route list is out of date`);
      }
      cold[path].push(result);
    }
  }
  for (let run = 1; run <= options.throttledRuns; run++) {
    progress(`throttled run ${run}/${options.throttledRuns}`);
    for (const path of paths) throttled[path].push(await coldLoad(browser, url, path, { throttle: THROTTLE_RATE, errors }));
  }
  progress("leak check");
  leak = await leakCheck(browser, url, paths, headings, options.rounds, errors);
} finally {
  await browser.close();
  server.close();
}

const loadEnd = loadavg()[0];
const pick = (results, f) => results.map(f);
const routes = paths.map((path) => {
  const c = cold[path];
  const t = throttled[path];
  return {
    path,
    h1: headings[path],
    cold: {
      interactiveMs: stats(pick(c, (r) => r.interactive)),
      mountedMs: stats(pick(c, (r) => r.mounted)),
      fcpMs: stats(pick(c, (r) => r.fcp)),
      clickAttempts: pick(c, (r) => r.attempts),
      wasmBytes: stats(pick(c, (r) => r.wasmBytes)),
      jsHeapBytes: stats(pick(c, (r) => r.jsHeapBytes)),
    },
    warm: {
      interactiveMs: stats(pick(c, (r) => r.warm.interactive)),
      fcpMs: stats(pick(c, (r) => r.warm.fcp)),
      serviceWorker: pick(c, (r) => r.serviceWorker),
      controlledBySW: pick(c, (r) => r.warm.controlled),
    },
    throttled: t.length
      ? {
          rate: THROTTLE_RATE,
          interactiveMs: stats(pick(t, (r) => r.interactive)),
          mountedMs: stats(pick(t, (r) => r.mounted)),
          fcpMs: stats(pick(t, (r) => r.fcp)),
        }
      : null,
  };
});

// ---- stdout

const INTERACTIVE_DEF =
  "interactive = ms from navigation start until main h1 and the main navigation are rendered, #boot is gone, and a " +
  "click on the skip link (dispatched in its own task) was handled by the app: default prevented, focus on <main>";
console.log(`Browser benchmark of ${options.dist}/ (${wasmFile ?? "no wasm"}), Chromium headless, ${cpus().length} CPUs, ` +
  `load average ${loadStart.toFixed(1)} at start, ${loadEnd.toFixed(1)} at end`);
console.log(INTERACTIVE_DEF + ".");
console.log("Cold: a fresh browser context per run (empty cache, no service worker), what a first-time student sees. " +
  "Warm: a second page in that context once its service worker is active (information only).");
console.log("");
console.log(`Cold loads, ${options.runs} runs per route (ms; MiB = 2^20 bytes, memory after load and GC)`);
table(
  ["route", "interactive med", "min", "max", "mounted med", "FCP med", "warm int. med", "wasm MiB", "JS heap MiB"],
  routes.map((r) => [
    r.path,
    ms(r.cold.interactiveMs.median),
    ms(r.cold.interactiveMs.min),
    ms(r.cold.interactiveMs.max),
    ms(r.cold.mountedMs.median),
    ms(r.cold.fcpMs.median),
    ms(r.warm.interactiveMs.median),
    mib(r.cold.wasmBytes.median),
    mib(r.cold.jsHeapBytes.median),
  ]),
);
if (options.throttledRuns > 0) {
  console.log("");
  console.log(`Cold loads, CPU throttled ${THROTTLE_RATE}x, ${options.throttledRuns} runs per route (ms; information only)`);
  table(
    ["route", "interactive med", "min", "max", "mounted med", "FCP med"],
    routes.map((r) => [
      r.path,
      ms(r.throttled.interactiveMs.median),
      ms(r.throttled.interactiveMs.min),
      ms(r.throttled.interactiveMs.max),
      ms(r.throttled.mountedMs.median),
      ms(r.throttled.fcpMs.median),
    ]),
  );
}
console.log("");
console.log(`Leak check: one page, every route visited by clicking links, measured after the first visit of each ` +
  `and again after ${options.rounds} more`);
table(
  ["", "after 1st visits", `after ${leak.visitsPerRoute} visits`, "growth"],
  [
    ["wasm memory (MiB)", mib(leak.baseline.wasmBytes), mib(leak.after.wasmBytes), pct(leak.growthPct.wasm)],
    ["JS heap (MiB)", mib(leak.baseline.jsHeapBytes), mib(leak.after.jsHeapBytes), pct(leak.growthPct.jsHeap)],
  ],
);
console.log("");
console.log(`Client-side navigation to each route during the leak check, ${leak.visitsPerRoute} visits (ms, click to new page shown)`);
table(
  ["route", "median", "min", "max"],
  paths.map((p) => [p, ms(leak.navigationMs[p].median), ms(leak.navigationMs[p].min), ms(leak.navigationMs[p].max)]),
);
if (notBenchmarked.length) console.log(`\nRoutes in src/lib.rs not benchmarked: ${notBenchmarked.join(", ")}`);

const slow = routes.filter((r) => !(r.cold.interactiveMs.median <= BUDGET_INTERACTIVE_MS));
const growthOk = leak.growthPct.wasm <= BUDGET_GROWTH_PCT && leak.growthPct.jsHeap <= BUDGET_GROWTH_PCT;
console.log("");
console.log(
  slow.length === 0
    ? `interactive <= ${BUDGET_INTERACTIVE_MS} ms: all routes pass`
    : `interactive <= ${BUDGET_INTERACTIVE_MS} ms: FAIL on ${slow.map((r) => `${r.path} (${ms(r.cold.interactiveMs.median)} ms)`).join(", ")}`,
);
console.log(
  `memory growth <= ${BUDGET_GROWTH_PCT}%: ${growthOk ? "pass" : "FAIL"} ` +
    `(wasm ${pct(leak.growthPct.wasm)}, JS heap ${pct(leak.growthPct.jsHeap)})`,
);
if (errors.length) {
  console.log(`page errors: ${errors.length} (FAIL)`);
  for (const e of [...new Set(errors)].slice(0, 20)) console.log(`  ${e}`);
}
if (Math.max(loadStart, loadEnd) > cpus().length * 0.75) {
  console.log(`note: the machine was busy (load average ${loadStart.toFixed(1)} at start, ${loadEnd.toFixed(1)} at end, ` +
    `on ${cpus().length} CPUs): the timings are inflated.`);
}

// ---- JSON

const report = {
  date: new Date(started).toISOString(),
  durationSeconds: Math.round((Date.now() - started) / 1000),
  dist: options.dist,
  wasmFile,
  browser: { executablePath, version: browserVersion, args: ARGS },
  machine: { cpus: cpus().length, loadAverageStart: loadStart, loadAverageEnd: loadEnd },
  options: { runs: options.runs, throttledRuns: options.throttledRuns, throttleRate: THROTTLE_RATE, rounds: options.rounds },
  definitions: {
    interactive: INTERACTIVE_DEF,
    mounted: "ms from navigation start until main h1 and the main navigation are in the DOM and #boot is gone",
    fcp: "first-contentful-paint entry startTime, ms",
    memory: "wasm memory.buffer.byteLength and CDP JSHeapUsedSize after HeapProfiler.collectGarbage, bytes",
    cold: "fresh browser context per run: empty HTTP cache, no service worker, no storage",
    warm: "second page in the same context after its service worker is active",
  },
  budgets: {
    interactiveMedianMs: BUDGET_INTERACTIVE_MS,
    memoryGrowthPct: BUDGET_GROWTH_PCT,
    interactivePass: slow.length === 0,
    slowRoutes: slow.map((r) => r.path),
    memoryGrowthPass: growthOk,
  },
  routes,
  leak,
  routesNotBenchmarked: notBenchmarked,
  errors,
};
await mkdir(dirname(options.out), { recursive: true });
await writeFile(options.out, JSON.stringify(report, null, 2) + "\n");
console.log(`\nAll figures: ${options.out}`);

process.exit(slow.length === 0 && growthOk && errors.length === 0 ? 0 : 1);

