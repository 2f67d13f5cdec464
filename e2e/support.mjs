// Shared fixtures for the end-to-end suite: a server for the built bundle and a headless Debian Chromium.

import { chromium } from "playwright-core";
import { mkdtemp, rm, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { serve } from "../scripts/server.mjs";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../scripts/chromium.mjs";

const require = createRequire(import.meta.url);

export const DIST = process.env.E2E_DIST ?? "dist";
export const DEBUG_DIST = process.env.E2E_DEBUG_DIST ?? "dist-debug";


/** Starts a server for `dir` and a browser; returns { url, browser, newPage, close }. */
export async function start(dir = DIST) {
  const { server, url } = await serve(dir, 0);
  const userDataDir = await mkdtemp(join(tmpdir(), "kamenev-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
  const errors = [];
  async function newPage(options = {}) {
    const page = await context.newPage();
    if (options.viewport) await page.setViewportSize(options.viewport);
    page.on("pageerror", (err) => errors.push(String(err)));
    // The bundle carries a strict Content-Security-Policy: anything it blocks is a failure of the page.
    page.on("console", (msg) => {
      if (msg.type() === "error" && /Content Security Policy/i.test(msg.text())) errors.push(`CSP: ${msg.text()}`);
    });
    return page;
  }
  async function close() {
    await context.close();
    await new Promise((ok) => server.close(ok));
    await rm(userDataDir, { recursive: true, force: true });
  }
  return { url, context, newPage, close, errors };
}

/** Waits until the app has mounted (the loading notice is gone and a page heading is shown). */
export async function appReady(page) {
  await page.waitForSelector("main h1", { state: "visible" });
}

/** Runs axe-core (WCAG 2.0-2.2 A and AA rules) on the page and returns its violations. */
export async function axeViolations(page) {
  const source = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    return await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
  });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
