// Offline: once the service worker controls the page, the app works with no network at all (the browser offline
// AND the server stopped): a reload, every route by the app's links and by typed URLs, Not Found, and a short quiz
// to its score. And a new build's service worker replaces the old build's cache, keeping only its own.
//
// These tests start their own server and browser (not support.mjs's start()): they must stop the server while
// the browser keeps running, and restart it on the same port (the same origin) to serve a "new build".

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { cp, mkdtemp, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../scripts/server.mjs";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../scripts/chromium.mjs";
import { DIST, appReady } from "./support.mjs";


const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

/**
 * Fetches every file of `dir` once: the server compresses each file at its first request, synchronously (brotli on
 * the wasm takes seconds on a busy machine), so this keeps that out of the page loads and waits below.
 */
async function warm(url, dir) {
  for (const name of await readdir(dir)) await (await fetch(`${url}/${name}`)).arrayBuffer();
}

/** Serves `dir` on a free port and opens a browser with a fresh profile. */
async function launch(dir) {
  let { server, url } = await serve(dir, 0);
  await warm(url, dir);
  const port = Number(new URL(url).port);
  const userDataDir = await mkdtemp(join(tmpdir(), "kamenev-e2e-offline-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
  const errors = [];
  const failed = [];
  let serving = true;
  async function newPage() {
    const page = await context.newPage();
    page.on("pageerror", (err) => errors.push(String(err)));
    page.on("console", (msg) => {
      if (msg.type() === "error" && /Content Security Policy/i.test(msg.text())) errors.push(`CSP: ${msg.text()}`);
    });
    page.on("requestfailed", (request) => failed.push(new URL(request.url()).pathname));
    return page;
  }
  /** Stops the server: every open connection is cut, and nothing listens on the port any more. */
  async function stopServer() {
    if (!serving) return;
    serving = false;
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  }
  /** Starts the server again on the same port (so the same origin), for `dir`. */
  async function restartServer(next = dir) {
    ({ server } = await serve(next, port));
    serving = true;
    await warm(url, next);
  }
  async function close() {
    await context.close();
    await stopServer();
    await rm(userDataDir, { recursive: true, force: true });
  }
  cleanups.push(close);
  return { url, context, newPage, stopServer, restartServer, close, errors, failed };
}

/** Waits until a service worker is active and controls `page` (reloading once if the first load is not claimed). */
async function waitForController(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  try {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 5000 });
  } catch {
    await page.reload();
    await appReady(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  }
  const state = await page.evaluate(() => navigator.serviceWorker.controller.state);
  assert.equal(state, "activated");
}

/** VERSION and PRECACHE as written into a build's sw.js by scripts/postbuild.mjs. */
function swManifest(source) {
  const version = source.match(/^const VERSION = "([^"]+)";$/m)?.[1];
  const precache = source.match(/^const PRECACHE = (\[.*\]);$/m)?.[1];
  assert.ok(version && version !== "dev", "sw.js has a build version");
  assert.ok(precache, "sw.js has a precache list");
  return { version, precache: JSON.parse(precache) };
}

/** Every cache of the origin, by name, with the paths it holds. */
async function cacheContents(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((request) => new URL(request.url).pathname).sort();
    }
    return out;
  });
}

/** Whether the page can still reach the server (a file the worker never caches). */
async function networkReachable(page) {
  return page.evaluate(() =>
    fetch(`/sw.js?probe=${Math.random()}`, { cache: "no-store" }).then(
      () => true,
      () => false,
    ),
  );
}

async function heading(page, pattern, where) {
  await page.waitForFunction(
    ([source, flags]) => new RegExp(source, flags).test(document.querySelector("main h1")?.textContent ?? ""),
    [pattern.source, pattern.flags],
    { timeout: 10000 },
  ).catch(() => {});
  assert.match(await page.locator("main h1").innerText(), pattern, where);
}

/** Clicks the link `name` in the main navigation and waits for `path` and the heading. */
async function viaNav(page, name, path, pattern) {
  await page.locator('nav[aria-label="Main"]').getByRole("link", { name, exact: true }).click();
  await page.waitForURL((url) => url.pathname === path);
  await heading(page, pattern, `${path} by the main navigation`);
}

/** A full page load (not a client-side navigation): offline, the worker must answer it. */
async function load(page, url, pattern) {
  await page.goto(url);
  await appReady(page);
  await heading(page, pattern, `${url} loaded offline`);
}

/** Answers the multiple-choice question on screen by clicking (the first option, right or wrong). */
async function answerByClicks(page) {
  await page.locator("[data-testid=quiz-question] #answer-0").check();
  await page.getByRole("button", { name: "Check answer" }).click();
  await page.locator("[data-testid=quiz-feedback]").waitFor();
}

test("with the server stopped and the browser offline, every route and a quiz still work", async () => {
  const app = await launch(DIST);
  const page = await app.newPage();
  await page.goto(app.url + "/");
  await appReady(page);
  await waitForController(page);

  // The worker cached every file of this build, and nothing else.
  const { version, precache } = swManifest(await readFile(join(DIST, "sw.js"), "utf8"));
  const cached = await cacheContents(page);
  assert.deepEqual(Object.keys(cached), [`kamenev-${version}`]);
  assert.deepEqual(cached[`kamenev-${version}`], [...precache].sort());
  assert.ok(precache.includes("/") && precache.some((p) => p.endsWith(".wasm")), "index.html and the wasm are precached");

  // Really offline: the browser has no network, and the server is gone.
  await app.context.setOffline(true);
  await app.stopServer();
  assert.equal(await networkReachable(page), false, "the network is really down");
  app.failed.length = 0;

  await page.reload();
  await appReady(page);
  await heading(page, /^Lev Kamenev, 1883–1936$/, "home after an offline reload");
  assert.equal(await page.locator("#boot").count(), 0, "the app mounted offline");

  await viaNav(page, "Chapters", "/chapters", /^Chapters$/);
  const first = page.locator("main ol.chapter-list a").first();
  const title = await first.innerText();
  const chapterHref = await first.getAttribute("href");
  await first.click();
  await page.waitForURL((url) => url.pathname === chapterHref);
  await heading(page, new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`), "a chapter");
  assert.ok((await page.locator("main .chapter-text p").count()) > 0, "the chapter shows its paragraphs offline");

  await viaNav(page, "Timeline", "/timeline", /^Timeline$/);
  await viaNav(page, "People", "/people", /^People$/);
  await page.locator('main a[href="/people/zinoviev"]').first().click();
  await page.waitForURL((url) => url.pathname === "/people/zinoviev");
  await heading(page, /Zinoviev/, "a person");

  await load(page, app.url + "/glossary", /^Glossary$/);
  await load(page, app.url + "/search?q=Zinoviev", /^Search$/);
  await page.locator(".search-hit").first().waitFor();
  assert.ok((await page.locator(".search-hit").count()) > 0, "the search finds hits offline");

  await viaNav(page, "Quiz", "/quiz", /^Quiz/);
  await page.getByRole("link", { name: "Answer key" }).click();
  await page.waitForURL((url) => url.pathname === "/quiz/answers");
  await heading(page, /^Quiz: answer key$/, "the answer key");
  assert.ok((await page.locator(".quiz-key__item").count()) > 0, "the answer key lists questions offline");

  await load(page, app.url + "/compare", /1936 trial/);
  assert.ok((await page.locator("[data-testid=source-card]").count()) > 0, "the accounts show offline");
  await viaNav(page, "About", "/about", /^About this site$/);
  await load(page, app.url + "/no/such/page/offline", /^Page not found$/);
  assert.match(await page.locator("[data-testid=not-found] code").innerText(), /^\/no\/such\/page\/offline$/);
  await load(page, app.url + "/chapters/no-such-chapter", /^Chapter not found$/);

  // A short test, from the set-up form to the score, by clicks.
  await load(page, app.url + "/quiz/test", /^Quiz: test$/);
  await page.locator("#setup-count").fill("3");
  await page.locator("#setup-type").selectOption("position");
  await page.locator("#setup-seed").fill("offline-e2e");
  await page.getByRole("button", { name: "Start the test" }).click();
  await page.waitForURL((url) => url.pathname === "/quiz/test" && url.searchParams.get("seed") === "offline-e2e");
  for (let i = 1; i <= 3; i++) {
    assert.equal(await page.locator("#question-heading").textContent(), `Question ${i} of 3`);
    await answerByClicks(page);
    await page.locator("#next-question").click();
  }
  await page.locator("[data-testid=quiz-score]").waitFor();
  assert.match(await page.locator(".quiz-score__total").innerText(), /^\d+(\.\d+)? out of 3 \(\d+%\)$/);
  assert.equal(await page.locator(".quiz-review__item").count(), 3);

  // Still offline, and the worker served everything: no request failed.
  assert.equal(await networkReachable(page), false, "the network stayed down");
  assert.deepEqual(app.failed.filter((path) => path !== "/sw.js"), [], "requests that failed offline");
  assert.deepEqual(app.errors, [], "no page errors or CSP violations");
  await page.close();
  await app.close();
});

test("a new build's service worker replaces the old cache", async () => {
  // A copy of the build, so it can be changed as a new build would change it.
  const dir = await mkdtemp(join(tmpdir(), "kamenev-e2e-build-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(DIST, dir, { recursive: true });

  const app = await launch(dir);
  const page = await app.newPage();
  await page.goto(app.url + "/about");
  await appReady(page);
  await waitForController(page);
  const swPath = join(dir, "sw.js");
  const oldSw = await readFile(swPath, "utf8");
  const old = swManifest(oldSw);
  assert.deepEqual(Object.keys(await cacheContents(page)), [`kamenev-${old.version}`]);

  // "Rebuild": a new version, and one asset with a new content-hashed name, in index.html and the precache list.
  await app.stopServer();
  const icon = (await readdir(dir)).find((name) => /^favicon-[0-9a-f]{16}\.svg$/.test(name));
  assert.ok(icon, "the build has a hashed favicon");
  const newIcon = "favicon-0123456789abcdef.svg";
  await rename(join(dir, icon), join(dir, newIcon));
  const index = await readFile(join(dir, "index.html"), "utf8");
  assert.ok(index.includes(`/${icon}`));
  await writeFile(join(dir, "index.html"), index.replaceAll(`/${icon}`, `/${newIcon}`));
  const newVersion = old.version.split("").reverse().join("") + "e2e";
  const newSw = oldSw
    .replace(`const VERSION = "${old.version}";`, `const VERSION = "${newVersion}";`)
    .replace(`"/${icon}"`, `"/${newIcon}"`);
  assert.notEqual(newSw, oldSw);
  await writeFile(swPath, newSw);
  await app.restartServer(dir);

  // The browser checks for the new worker; it installs (caching the new build), activates (deleting the old
  // build's cache: `activated` is reached only once the activate handler is done), and takes control.
  const state = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
    const worker = registration.installing ?? registration.waiting;
    if (!worker) return "no new worker was found";
    if (worker.state === "activated" || worker.state === "redundant") return worker.state;
    return new Promise((resolve) => {
      worker.addEventListener("statechange", () => {
        if (worker.state === "activated" || worker.state === "redundant") resolve(worker.state);
      });
    });
  });
  assert.equal(state, "activated", "the new worker activated");
  const cached = await cacheContents(page);
  assert.deepEqual(Object.keys(cached), [`kamenev-${newVersion}`], "only the new build's cache remains");
  assert.deepEqual(cached[`kamenev-${newVersion}`], [...swManifest(newSw).precache].sort());
  assert.ok(cached[`kamenev-${newVersion}`].includes(`/${newIcon}`) && !cached[`kamenev-${newVersion}`].includes(`/${icon}`));
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === "activated");
  const cachedIndex = await page.evaluate(async (name) => (await (await caches.open(name)).match("/")).text(), `kamenev-${newVersion}`);
  assert.ok(cachedIndex.includes(`/${newIcon}`), "the cached index.html is the new build's");

  // Offline, the new build is what loads.
  await app.context.setOffline(true);
  await app.stopServer();
  assert.equal(await networkReachable(page), false, "the network is really down");
  await page.goto(app.url + "/timeline");
  await appReady(page);
  await heading(page, /^Timeline$/, "the timeline, offline, from the new cache");
  assert.equal(await page.locator('link[rel="icon"]').getAttribute("href"), `/${newIcon}`);
  assert.deepEqual(Object.keys(await cacheContents(page)), [`kamenev-${newVersion}`]);
  assert.deepEqual(app.errors, [], "no page errors or CSP violations");
  await page.close();
  await app.close();
});
