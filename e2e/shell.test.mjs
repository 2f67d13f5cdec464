// The app shell: every route renders, titles are set, navigation works by keyboard, deep links survive a
// reload, unknown paths get a real Not Found page, and axe-core finds no WCAG A/AA violation on any route.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, appReady, axeViolations } from "./support.mjs";

const ROUTES = [
  { path: "/", heading: /Lev Kamenev/, title: /^Lev Kamenev$/ },
  { path: "/chapters", heading: /^Chapters$/, title: /^Chapters · Lev Kamenev$/ },
  { path: "/timeline", heading: /^Timeline$/, title: /^Timeline · Lev Kamenev$/ },
  { path: "/people", heading: /^People$/, title: /^People · Lev Kamenev$/ },
  { path: "/quiz", heading: /^Quiz/, title: /^Quiz · Lev Kamenev$/ },
  { path: "/compare", heading: /1936 trial/, title: /1936 trial · Lev Kamenev$/ },
  { path: "/about", heading: /^About this site$/, title: /^About · Lev Kamenev$/ },
];

let app;
before(async () => {
  app = await start();
});
after(async () => {
  await app.close();
});

for (const route of ROUTES) {
  test(`${route.path} renders its heading and title and has no axe violations`, async () => {
    const page = await app.newPage();
    await page.goto(app.url + route.path);
    await appReady(page);
    assert.match(await page.locator("main h1").innerText(), route.heading);
    assert.match(await page.title(), route.title);
    assert.equal(await page.locator("#boot").count(), 0, "the loading notice is removed once the app mounts");
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
}

test("the first chapter opens from the contents and survives a reload", async () => {
  const page = await app.newPage();
  await page.goto(app.url + "/chapters");
  await appReady(page);
  const first = page.locator("main ol.chapter-list a").first();
  const title = await first.innerText();
  await first.click();
  await page.waitForURL(/\/chapters\/[a-z0-9-]+$/);
  assert.equal(await page.locator("main h1").innerText(), title);
  const url = page.url();
  await page.reload();
  await appReady(page);
  assert.equal(page.url(), url);
  assert.equal(await page.locator("main h1").innerText(), title);
  assert.ok((await page.locator("main .chapter-text p").count()) > 0, "the chapter shows its paragraphs");
  await page.close();
});

test("deep links load directly on every route", async () => {
  const page = await app.newPage();
  for (const route of ROUTES) {
    await page.goto(app.url + route.path);
    await page.reload();
    await appReady(page);
    assert.match(await page.locator("main h1").innerText(), route.heading, `after reloading ${route.path}`);
  }
  await page.close();
});

test("the skip link moves focus to the main content", async () => {
  const page = await app.newPage();
  await page.goto(app.url + "/about");
  await appReady(page);
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.textContent);
  assert.equal(focused, "Skip to content");
  assert.ok(await page.locator(".skip-link").isVisible(), "the skip link is visible when focused");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
  assert.ok(page.url().endsWith("/about"), "the URL does not change");
  await page.close();
});

test("the main navigation works by keyboard alone and moves focus to the new page's heading", async () => {
  const page = await app.newPage();
  await page.goto(app.url + "/");
  await appReady(page);
  // Tab until the "Timeline" link in the main navigation has focus.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    const text = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (text === "Timeline") break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), "Timeline");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/timeline$/);
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Timeline");
  const current = page.locator('nav[aria-label="Main"] a[aria-current="page"]');
  assert.equal(await current.innerText(), "Timeline");
  await page.close();
});

test("an unknown path shows Not Found with links onward, also on reload", async () => {
  const page = await app.newPage();
  await page.goto(app.url + "/no/such/page?x=<script>alert(1)</script>");
  await appReady(page);
  assert.equal(await page.locator("main h1").innerText(), "Page not found");
  assert.match(await page.title(), /^Page not found · Lev Kamenev$/);
  assert.match(await page.locator("[data-testid=not-found] code").innerText(), /^\/no\/such\/page$/);
  await page.getByRole("link", { name: "Chapters" }).last().click();
  await page.waitForURL(/\/chapters$/);
  assert.equal(await page.locator("main h1").innerText(), "Chapters");
  await page.close();
});

test("no page raised an uncaught error", () => {
  assert.deepEqual(app.errors, []);
});
