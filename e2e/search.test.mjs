// Search: typing finds grouped, highlighted results with the query in the URL; a result opens the exact paragraph,
// highlighted; everything works by keyboard and at 320 px; axe-core finds no WCAG 2.2 AA violation.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { start, appReady, axeViolations } from "./support.mjs";

const SHOTS = "/tmp/shots-search";

let app;
before(async () => {
  app = await start();
  await mkdir(SHOTS, { recursive: true });
});
after(async () => {
  await app.close();
});

/** Whether the element is the page's target or highlighted by the reader (`data-highlighted`, `.is-highlighted`). */
async function isTargeted(locator) {
  return locator.evaluate(
    (el) => el.matches(":target") || el.hasAttribute("data-highlighted") || el.classList.contains("is-highlighted"),
  );
}

test("the empty search page suggests searches and has no axe violations", async () => {
  const page = await app.newPage();
  await page.goto(app.url + "/search");
  await appReady(page);
  assert.equal(await page.locator("main h1").innerText(), "Search");
  assert.match(await page.title(), /^Search · Lev Kamenev$/);
  assert.ok((await page.locator(".search-examples a").count()) >= 3);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("the home page's search field opens the results for what was typed, by keyboard", async () => {
  const page = await app.newPage();
  await page.goto(app.url + "/");
  await appReady(page);
  const field = page.getByRole("searchbox", { name: "Search the site" });
  await field.focus();
  await page.keyboard.type("Butyrki");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\?q=Butyrki$/);
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Search");
  assert.match(await page.locator("[data-testid=search-status]").innerText(), /^\d+ results?/);
  assert.ok((await page.locator("mark.search-mark").allInnerTexts()).includes("Butyrki"));
  assert.deepEqual(app.errors, []);
  await page.close();
});

test("typing finds grouped, highlighted results and keeps the query in the URL", async () => {
  const page = await app.newPage();
  await page.goto(app.url + "/search");
  await appReady(page);
  await page.locator("#search-input").click();
  await page.keyboard.type("Grigory");
  await page.waitForURL(/\/search\?q=Grigory$/);
  const status = page.locator("[data-testid=search-status]");
  assert.match(await status.innerText(), /^\d+ results: \d+ in Chapters, .*\d+ in People/);
  const headings = await page.locator(".search-group h2").allInnerTexts();
  assert.match(headings[0], /^Chapters \(\d+\)$/);
  assert.ok(headings.some((h) => /^People \(\d+\)$/.test(h)), headings.join(" | "));
  const marks = await page.locator("mark.search-mark").allInnerTexts();
  assert.ok(marks.includes("Gregory Zinoviev"), "the variant's paragraphs are found and highlighted");
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${SHOTS}/results-light.png`, fullPage: false });
  await page.close();
});

test("case and accents do not matter", async () => {
  const page = await app.newPage();
  await page.goto(app.url + "/search?q=ZIN%C3%93VIEV");
  await appReady(page);
  const accented = await page.locator("[data-testid=search-status]").innerText();
  await page.goto(app.url + "/search?q=zinoviev");
  await appReady(page);
  assert.equal(await page.locator("[data-testid=search-status]").innerText(), accented);
  await page.close();
});

test("a result opens the exact paragraph, highlighted, also after a reload", async () => {
  const page = await app.newPage();
  await page.goto(app.url + "/search?q=Grigory");
  await appReady(page);
  const link = page.locator('.search-hit__title a[href="/chapters/early-life#p9"]');
  assert.equal(await link.count(), 1);
  await link.click();
  await page.waitForURL(/\/chapters\/early-life#p9$/);
  const paragraph = page.locator("#p9");
  await paragraph.waitFor();
  assert.match(await paragraph.innerText(), /Gregory Zinoviev/);
  await page.waitForFunction(() => {
    const el = document.getElementById("p9");
    return el && (el.matches(":target") || el.hasAttribute("data-highlighted") || el.classList.contains("is-highlighted"));
  });
  await page.reload();
  await appReady(page);
  await page.locator("#p9").waitFor();
  assert.ok(await isTargeted(page.locator("#p9")), "the paragraph is the target after a reload");
  await page.close();
});

test("search works by keyboard alone: type, Enter, Tab to a result, Enter", async () => {
  const page = await app.newPage();
  await page.goto(app.url + "/search");
  await appReady(page);
  // Tab until the search field has focus.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.id === "search-input")) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), "search-input");
  await page.keyboard.type("Okhrana Tiflis");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\?q=Okhrana\+Tiflis$/);
  // Tab past the button and the help to the first result link.
  let href = null;
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    href = await page.evaluate(() => document.activeElement?.closest(".search-hit") && document.activeElement.getAttribute("href"));
    if (href) break;
  }
  assert.ok(href && /^\/chapters\/[a-z0-9-]+#p\d+$/.test(href), `a result has focus: ${href}`);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname + url.hash === href);
  const id = href.split("#")[1];
  await page.locator(`#${id}`).waitFor();
  await page.close();
});

test("a search with no results says what to try", async () => {
  const page = await app.newPage();
  await page.goto(app.url + "/search?q=xyzzyq");
  await appReady(page);
  assert.equal(await page.locator("[data-testid=search-status]").innerText(), "No results.");
  assert.match(await page.locator(".search-empty").innerText(), /Nothing matches/);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("results read well in dark mode and at 320 px without sideways scrolling", async () => {
  const page = await app.newPage({ viewport: { width: 320, height: 720 } });
  await page.goto(app.url + "/search?q=Moscow+Soviet");
  await appReady(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 320 px (overflow ${overflow}px)`);
  await page.screenshot({ path: `${SHOTS}/results-320.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/results-dark.png`, fullPage: false });
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("no page raised an uncaught error", () => {
  assert.deepEqual(app.errors, []);
});
