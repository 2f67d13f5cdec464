// Reading: a chapter from the contents to its end, a person link, an editorial note and a glossary term opened
// by keyboard, permalinks that land on a highlighted paragraph (on load and after client-side navigation),
// preferences and progress that survive a reload and corrupt storage, no horizontal scrolling at 320 px, and
// no axe-core WCAG A/AA violation on any reading page (light and dark). Screenshots go to /tmp/shots-reading/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { start, appReady, axeViolations } from "./support.mjs";

const SHOTS = "/tmp/shots-reading";
const EARLY = "/chapters/early-life"; // p9: Trotsky compares Kamenev and Zinoviev
const MISSION = "/chapters/moscow-soviet-and-triumvirate"; // p38: the 1918 mission, flagged twice
const OKHRANA = "/chapters/joining-the-bolsheviks"; // p15: first use of "Okhrana"

let app;
before(async () => {
  await mkdir(SHOTS, { recursive: true });
  app = await start();
});
after(async () => {
  await app.close();
});

async function open(path, options) {
  const page = await app.newPage(options);
  await page.goto(app.url + path);
  await appReady(page);
  return page;
}

/** Presses Tab until `predicate` holds for the focused element (at most `limit` presses). */
async function tabUntil(page, predicate, arg, limit = 200) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(predicate, arg)) return;
  }
  throw new Error("never reached the element by Tab");
}

async function noHorizontalScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

test("reading a chapter from the contents to its end marks it read", async () => {
  const page = await open("/chapters");
  assert.match(await page.locator("[data-testid=read-count]").innerText(), /^0 of \d+$/);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${SHOTS}/contents.png`, fullPage: true });
  await page.getByRole("link", { name: "A radical student" }).first().click();
  await page.waitForURL(/\/chapters\/early-life$/);
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  assert.equal(await page.locator("main h1").innerText(), "A radical student");
  assert.ok((await page.locator(".chapter-text p.para").count()) >= 3);
  assert.match(await page.locator(".chapter-end__state").innerText(), /not finished/);
  await page.locator("#chapter-end").scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 200);
  await page.waitForFunction(() => document.querySelector(".chapter-end__state")?.textContent.includes("You have read"));
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${SHOTS}/chapter-light.png`, fullPage: true });
  await page.getByRole("link", { name: "All chapters" }).click();
  await page.waitForURL(/\/chapters$/);
  assert.match(await page.locator("[data-testid=read-count]").innerText(), /^1 of \d+$/);
  assert.equal(await page.locator("[data-testid=read-state]").first().innerText(), "Read");
  await page.reload();
  await appReady(page);
  assert.match(await page.locator("[data-testid=read-count]").innerText(), /^1 of \d+$/, "progress survives a reload");
  await page.close();
});

test("a person's name in the text leads to their page and back to the paragraph", async () => {
  const page = await open(EARLY);
  const links = page.locator("#p9 a.person-link", { hasText: "Leon Trotsky" });
  assert.equal(await links.count(), 1);
  await links.click();
  await page.waitForURL(/\/people\/trotsky$/);
  assert.equal(await page.locator("main h1").innerText(), "Leon Trotsky");
  assert.ok((await page.locator(".mention-list li").count()) > 3);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${SHOTS}/person.png`, fullPage: true });
  // Back to the text by the mention's link: a client-side navigation to a permalink.
  await page.locator(".mention-list a[href$='#p9']").first().click();
  await page.waitForURL(/\/chapters\/early-life#p9$/);
  await page.waitForFunction(() => document.getElementById("p9")?.hasAttribute("data-highlighted"));
  assert.equal(await page.evaluate(() => document.activeElement?.id), "p9");
  assert.ok(await page.locator("#p9").isVisible());
  // Scrolling may be smooth: wait for the paragraph to arrive.
  await page.waitForFunction(() => {
    const r = document.getElementById("p9").getBoundingClientRect();
    return r.top >= -1 && r.top < window.innerHeight / 2;
  });
  await page.close();
});

test("the people index filters by name and has no axe violations", async () => {
  const page = await open("/people");
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${SHOTS}/people.png`, fullPage: true });
  await page.getByLabel("Filter by name or role").fill("martov dispute");
  await page.waitForURL(/\/people\?q=martov\+dispute$/);
  assert.equal(await page.locator("[data-testid=people-count]").innerText(), "1 person.");
  assert.equal(await page.locator(".people-list li:not([hidden]) a").innerText(), "Julius Martov");
  await page.reload();
  await appReady(page);
  assert.equal(await page.getByLabel("Filter by name or role").inputValue(), "martov dispute", "the filter is in the URL");
  await page.close();
});

test("an editorial note opens and closes by keyboard", async () => {
  const page = await open(MISSION);
  await page.locator("main h1").focus();
  await tabUntil(page, () => document.activeElement?.getAttribute("aria-controls") === "note-mission-1918-dates");
  const button = page.locator("button[aria-controls='note-mission-1918-dates']");
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  await page.keyboard.press("Enter");
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  const panel = page.locator("#note-mission-1918-dates");
  assert.ok(await panel.isVisible());
  assert.match(await panel.innerText(), /The text says/);
  assert.match(await panel.innerText(), /References say/);
  // The references are next in the tab order, and open in a new tab.
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => ({
    inPanel: !!document.activeElement?.closest("#note-mission-1918-dates"),
    target: document.activeElement?.getAttribute("target"),
    rel: document.activeElement?.getAttribute("rel"),
  }));
  assert.deepEqual(first, { inPanel: true, target: "_blank", rel: "noopener noreferrer" });
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${SHOTS}/note-open.png`, fullPage: true });
  await button.focus();
  await page.keyboard.press("Space");
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  assert.ok(!(await panel.isVisible()));
  await page.close();
});

test("a glossary term is explained by keyboard at its first use", async () => {
  const page = await open(OKHRANA);
  const term = page.locator("button.term[aria-controls='gloss-okhrana']");
  assert.equal(await term.count(), 1);
  await page.locator("main h1").focus();
  await tabUntil(page, () => document.activeElement?.getAttribute("aria-controls") === "gloss-okhrana");
  await page.keyboard.press("Enter");
  assert.equal(await term.getAttribute("aria-expanded"), "true");
  assert.match(await page.locator("#gloss-okhrana").innerText(), /secret police/);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("a permalink lands on its paragraph, highlighted and focused", async () => {
  const page = await open(`${MISSION}#p38`);
  await page.waitForFunction(() => document.getElementById("p38")?.hasAttribute("data-highlighted"));
  assert.equal(await page.evaluate(() => document.activeElement?.id), "p38");
  const background = await page.locator("#p38").evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(background, "rgba(0, 0, 0, 0)", "the paragraph is visibly highlighted");
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${SHOTS}/permalink.png` });
  // Each paragraph's permalink is named for screen readers and points at itself.
  const permalink = page.locator("#p38 a.para-link");
  assert.equal(await permalink.getAttribute("aria-label"), "Link to this paragraph");
  assert.match(await permalink.getAttribute("href"), /#p38$/);
  // A note's link opens the note.
  await page.goto(`${app.url}${MISSION}#note-mission-1918-dates`);
  await appReady(page);
  await page.waitForFunction(() => document.getElementById("note-mission-1918-dates")?.hasAttribute("data-highlighted"));
  assert.ok(await page.locator("#note-mission-1918-dates").isVisible());
  await page.close();
});

test("a primary source has its own page, reached from the chapter that quotes it", async () => {
  const page = await open(EARLY);
  await page.locator(".chapter-text .source-ref a", { hasText: "Primary source 6" }).click();
  await page.waitForURL(/\/sources\/6$/);
  assert.match(await page.locator("main h1").innerText(), /^Primary source 6/);
  assert.ok((await page.locator(".chapter-text p.para").count()) >= 2);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${SHOTS}/source.png`, fullPage: true });
  await page.close();
});

test("the glossary lists every term and its anchors land", async () => {
  const page = await open("/glossary#term-okhrana");
  await page.waitForFunction(() => document.getElementById("term-okhrana")?.hasAttribute("data-highlighted"));
  assert.ok((await page.locator(".glossary-entry").count()) > 20);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${SHOTS}/glossary.png` });
  await page.close();
});

test("preferences apply at once, survive a reload, and have no axe violations", async () => {
  const page = await open("/settings");
  assert.deepEqual(await axeViolations(page), []);
  await page.getByLabel("Dark").check();
  await page.getByLabel("Largest").check();
  await page.getByLabel("Relaxed").check();
  assert.equal(await page.locator("[data-testid=settings-status]").innerText(), "Saved.");
  const attrs = () =>
    page.evaluate(() => [
      document.documentElement.dataset.theme,
      document.documentElement.dataset.textSize,
      document.documentElement.dataset.lineSpacing,
    ]);
  assert.deepEqual(await attrs(), ["dark", "largest", "relaxed"]);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${SHOTS}/settings-dark.png`, fullPage: true });
  await page.goto(app.url + MISSION);
  await appReady(page);
  assert.deepEqual(await attrs(), ["dark", "largest", "relaxed"]);
  const size = await page.locator("#p38").evaluate((el) => getComputedStyle(el).fontSize);
  assert.equal(size, "24px", "the largest text size reaches the chapter text");
  await page.locator("button[aria-controls='note-mission-1918-dates']").click();
  assert.deepEqual(await axeViolations(page), [], "dark theme, note open");
  await page.screenshot({ path: `${SHOTS}/chapter-dark-largest.png`, fullPage: true });
  // Back to the defaults for the other tests.
  await page.goto(app.url + "/settings");
  await appReady(page);
  await page.getByLabel("Same as this device").check();
  await page.getByLabel("Medium").check();
  await page.getByLabel("Normal").check();
  assert.deepEqual(await attrs(), [undefined, "medium", "normal"]);
  await page.close();
});

test("saved preferences are applied before the app has loaded, and corrupt ones are left to the app", async () => {
  const page = await app.newPage();
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(app.url + "/about");
  await appReady(page);
  // No service worker may answer from its cache: the WebAssembly is held back below to see the page before mount.
  await page.evaluate(async () => {
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
  });
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue().catch(() => {}); // (the page that asked may be gone by then)
  });
  const beforeMount = async (saved) => {
    await page.evaluate((value) => localStorage.setItem("kamenev.reading.prefs", value), saved);
    await page.goto(app.url + "/about", { waitUntil: "commit" });
    // The stylesheet has applied (it defines --bg) and the body exists.
    await page.waitForFunction(
      () => document.body && getComputedStyle(document.documentElement).getPropertyValue("--bg").trim() !== "",
    );
    return page.evaluate(() => ({
      booting: document.getElementById("boot") !== null && document.querySelector("main h1") === null,
      theme: document.documentElement.getAttribute("data-theme"),
      size: document.documentElement.getAttribute("data-text-size"),
      spacing: document.documentElement.getAttribute("data-line-spacing"),
      background: getComputedStyle(document.body).backgroundColor,
    }));
  };
  const dark = { text_size: "largest", line_spacing: "relaxed", theme: "dark" };
  assert.deepEqual(await beforeMount(JSON.stringify({ version: 1, data: dark })), {
    booting: true,
    theme: "dark",
    size: "largest",
    spacing: "relaxed",
    background: "rgb(23, 24, 27)",
  });
  // Unknown values, another version, or data that is not JSON: nothing is applied before the app starts.
  for (const saved of [
    JSON.stringify({ version: 1, data: { theme: "purple", text_size: "<b>", line_spacing: 3 } }),
    JSON.stringify({ version: 2, data: dark }),
    "{oops",
  ]) {
    assert.deepEqual(
      await beforeMount(saved),
      { booting: true, theme: null, size: null, spacing: null, background: "rgb(251, 248, 243)" },
      saved,
    );
  }
  release();
  await page.unroute("**/*.wasm");
  await appReady(page);
  // The app reports the corrupt data it found, as it always has.
  assert.match(await page.locator("[data-testid=storage-notice]").innerText(), /reading preferences could not be read/);
  await page.evaluate(() => localStorage.clear());
  assert.deepEqual(app.errors, []);
  await page.close();
});

test("corrupt saved data falls back to the defaults and is reported once", async () => {
  const page = await open("/");
  await page.evaluate(() => {
    localStorage.setItem("kamenev.reading.prefs", "{oops");
    localStorage.setItem("kamenev.reading.progress", '{"version":1,"data":{"read":"all"}}');
  });
  await page.reload();
  await appReady(page);
  const notice = page.locator("[data-testid=storage-notice]");
  assert.ok(await notice.isVisible());
  assert.match(await notice.innerText(), /reading preferences could not be read/);
  assert.match(await notice.innerText(), /reading progress could not be read/);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole("button", { name: "Dismiss" }).click();
  assert.equal(await notice.count(), 0);
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator("[data-testid=storage-notice]").count(), 0, "told once");
  const kept = await page.evaluate(() => localStorage.getItem("kamenev.reading.prefs.bad"));
  assert.equal(kept, "{oops", "the unreadable data is kept aside");
  await page.close();
});

test("reading pages fit 320 px wide without horizontal scrolling, in light and dark", async () => {
  for (const scheme of ["light", "dark"]) {
    const page = await app.newPage({ viewport: { width: 320, height: 640 } });
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of [MISSION, "/chapters", "/people", "/people/kamenev", "/sources/5", "/glossary", "/settings"]) {
      await page.goto(app.url + path);
      await appReady(page);
      if (path === MISSION) {
        await page.locator("button[aria-controls='note-mission-1918-dates']").click();
        await page.locator("button.term").first().click();
      }
      assert.ok(await noHorizontalScroll(page), `${path} scrolls sideways at 320 px (${scheme})`);
      if (scheme === "dark") assert.deepEqual(await axeViolations(page), [], `${path} in dark mode`);
      const name = path.replaceAll("/", "_").replace(/^_/, "") || "home";
      await page.screenshot({ path: `${SHOTS}/320-${scheme}-${name}.png`, fullPage: path === MISSION });
    }
    await page.close();
  }
});

test("no reading page raised an uncaught error", () => {
  assert.deepEqual(app.errors, []);
});
