// Timeline: events by period, filters by person and kind kept in the URL and usable by keyboard, flagged dates
// shown beside the corrected ones, Kamenev's lanes with a year picker; readable at 320 px and in dark mode; no axe
// violations.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { start, appReady, axeViolations } from "./support.mjs";

const SHOTS = "/tmp/shots-timeline";

let app;
before(async () => {
  app = await start();
  await mkdir(SHOTS, { recursive: true });
});
after(async () => {
  await app.close();
});

const status = (page) => page.locator("[data-testid=timeline-status]").innerText();

/** Moves focus with Tab until `predicate` (run in the page) is true; fails after `limit` presses. */
async function tabUntil(page, predicate, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(predicate)) return;
  }
  assert.fail("focus never reached the control");
}

test("the timeline lists every event by period and has no axe violations", async () => {
  const page = await app.newPage();
  await page.goto(app.url + "/timeline");
  await appReady(page);
  assert.match(await status(page), /^Showing all (\d+) events\.$/);
  const total = Number((await status(page)).match(/\d+/)[0]);
  assert.equal(await page.locator(".timeline-entry").count(), total);
  const periods = await page.locator(".timeline-period h3").allInnerTexts();
  assert.ok(periods[0].startsWith("Background and early life"), periods.join(" | "));
  assert.ok(periods.some((p) => p.startsWith("1917")));
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${SHOTS}/timeline-light.png`, fullPage: false });
  await page.close();
});

test("a flagged date is placed by its correction and shows the text's date and the note", async () => {
  const page = await app.newPage();
  await page.goto(app.url + "/timeline");
  await appReady(page);
  const vote = page.locator(".timeline-entry", { hasText: "the only Central Committee members to oppose" });
  assert.equal(await vote.locator(".timeline-date").innerText(), "10 October 1917");
  assert.match(await vote.locator(".timeline-flag").innerText(), /Date corrected\. The text says: “9th October”\./);
  const note = vote.locator(".timeline-flag a");
  assert.equal(await note.getAttribute("href"), "/chapters/revolution-1917#note-central-committee-9-october");
  await page.close();
});

test("filtering by kind works by keyboard, is announced and kept in the URL", async () => {
  const page = await app.newPage();
  await page.goto(app.url + "/timeline");
  await appReady(page);
  await tabUntil(page, () => document.activeElement?.id === "kind-trial");
  await page.keyboard.press("Space");
  await page.waitForURL(/\/timeline\?kind=trial$/);
  const shown = await status(page);
  assert.match(shown, /^Showing \d+ of \d+ events\.$/);
  const n = Number(shown.match(/\d+/)[0]);
  const entries = page.locator(".timeline-entry");
  assert.equal(await entries.count(), n);
  for (const meta of await entries.locator(".meta").allInnerTexts()) {
    assert.match(meta, /^Trial · /);
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), "kind-trial", "focus stays on the checkbox");
  await page.screenshot({ path: `${SHOTS}/timeline-filtered.png`, fullPage: false });
  // The filter survives a reload.
  await page.reload();
  await appReady(page);
  assert.equal(await status(page), shown);
  assert.ok(await page.locator("#kind-trial").isChecked());
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("filtering by person, then clearing the filters", async () => {
  const page = await app.newPage();
  await page.goto(app.url + "/timeline?kind=trial");
  await appReady(page);
  await page.locator("#filter-person").selectOption("zinoviev");
  await page.waitForURL(/\/timeline\?person=zinoviev&kind=trial$/);
  const shown = await status(page);
  assert.match(shown, /^Showing \d+ of \d+ events\.$/);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.waitForURL(/\/timeline$/);
  assert.match(await status(page), /^Showing all \d+ events\.$/);
  assert.equal(await page.locator("#filter-person").inputValue(), "");
  assert.equal(await page.locator("#kind-trial").isChecked(), false);
  await page.close();
});

test("an event links to its paragraph", async () => {
  const page = await app.newPage();
  await page.goto(app.url + "/timeline");
  await appReady(page);
  const birth = page.locator(".timeline-title a", { hasText: "Kamenev is born in Moscow" });
  assert.equal(await birth.getAttribute("href"), "/chapters/early-life#p5");
  await birth.click();
  await page.waitForURL(/\/chapters\/early-life#p5$/);
  await page.locator("#p5").waitFor();
  await page.close();
});

test("the lanes show Kamenev's positions and a picked year lists what he was doing", async () => {
  const page = await app.newPage();
  await page.goto(app.url + "/timeline");
  await appReady(page);
  const lanes = await page.locator(".lane h3").allInnerTexts();
  for (const lane of ["Offices", "Factions and alliances", "Stances", "Arrests and sentences"]) {
    assert.ok(lanes.includes(lane), `${lane} in ${lanes.join(" | ")}`);
  }
  const soviet = page.locator(".lane-row", { hasText: "Chairman of the Moscow Soviet" });
  assert.match(await soviet.locator(".lane-dates").innerText(), /from 1918, end not given/);
  await page.locator("#lane-year").selectOption("1925");
  await page.waitForURL(/\/timeline\?year=1925$/);
  assert.match(await page.locator("[data-testid=lane-year-status]").innerText(), /^1925: \d+ positions? and \d+ events? in the text\.$/);
  const year = page.locator(".year-view");
  assert.equal(await year.locator("h3").innerText(), "In 1925");
  assert.match(await year.innerText(), /Led a new opposition inside the majority bloc/);
  assert.deepEqual(await axeViolations(page), []);
  await page.locator(".timeline-lanes").screenshot({ path: `${SHOTS}/lanes-light.png` });
  await page.close();
});

test("the timeline reads at 320 px without sideways scrolling, and in dark mode", async () => {
  const page = await app.newPage({ viewport: { width: 320, height: 720 } });
  await page.goto(app.url + "/timeline?year=1936");
  await appReady(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 320 px (overflow ${overflow}px)`);
  await page.screenshot({ path: `${SHOTS}/timeline-320.png`, fullPage: false });
  await page.locator(".timeline-lanes").screenshot({ path: `${SHOTS}/lanes-320.png` });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/timeline-dark.png`, fullPage: false });
  await page.locator(".timeline-lanes").screenshot({ path: `${SHOTS}/lanes-dark.png` });
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("no page raised an uncaught error", () => {
  assert.deepEqual(app.errors, []);
});
