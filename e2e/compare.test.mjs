// The comparison of the accounts of the 1936 trial, end to end: read three accounts side by side, filter by what
// was known in 1936, rate an account and find the rating after a reload, use the matrix by keyboard, print and
// download the worksheet, no horizontal scroll at 320 px, and no axe violation in any view, light or dark.
// Screenshots of every view (light, dark, 320 px) go to /tmp/shots-compare/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { start, appReady, axeViolations } from "./support.mjs";

const SHOTS = process.env.SHOTS ?? "/tmp/shots-compare";
const WORK_KEY = "kamenev.compare.work";

let app;
before(async () => {
  app = await start();
  await mkdir(SHOTS, { recursive: true });
});
after(async () => {
  await app.close();
});

async function open(path, options = {}) {
  const page = await app.newPage(options);
  await page.goto(app.url + path);
  await appReady(page);
  return page;
}

async function forgetWork(page) {
  await page.evaluate((key) => localStorage.removeItem(key), WORK_KEY);
}

const VIEWS = [
  { name: "cards", path: "/compare" },
  { name: "side", path: "/compare?view=side&s=observer-1936,new-statesman-1936,trotsky-interview-1937" },
  { name: "matrix", path: "/compare?view=matrix" },
  { name: "work", path: "/compare?view=work" },
];

for (const view of VIEWS) {
  test(`the ${view.name} view has no axe violations in light or dark, and no sideways scroll at 320 px`, async () => {
    const page = await open(view.path);
    assert.match(await page.locator("main h1").innerText(), /1936 trial/);
    assert.deepEqual(await axeViolations(page), [], "light");
    await page.screenshot({ path: `${SHOTS}/${view.name}-light.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    assert.deepEqual(await axeViolations(page), [], "dark");
    await page.screenshot({ path: `${SHOTS}/${view.name}-dark.png`, fullPage: true });
    await page.close();

    const narrow = await open(view.path, { viewport: { width: 320, height: 720 } });
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at 320 px`);
    assert.deepEqual(await axeViolations(narrow), [], "320 px");
    await narrow.screenshot({ path: `${SHOTS}/${view.name}-320.png`, fullPage: true });
    await narrow.close();
  });
}

test("pick three accounts and read them side by side; the URL keeps them", async () => {
  const page = await open("/compare");
  await page.getByRole("link", { name: "Side by side", exact: true }).click();
  await page.waitForURL(/view=side/);
  for (const name of ["The Observer", "The New Statesman", "Leon Trotsky"]) {
    await page.locator(".picker label", { hasText: name }).click();
  }
  await page.waitForURL(/s=observer-1936,new-statesman-1936,trotsky-interview-1937/);
  const columns = page.locator("[data-testid=side-column]");
  assert.equal(await columns.count(), 3);
  assert.deepEqual(await columns.locator("h3").allInnerTexts(), ["The Observer", "The New Statesman", "Leon Trotsky"]);
  assert.ok((await columns.locator("mark.claim").count()) >= 3, "claims are highlighted");
  assert.match(await page.locator(".shared").innerText(), /The Observer: asserts; The New Statesman: doubts; Leon Trotsky: denies/);
  assert.match(await page.locator(".picker__status").innerText(), /^3 picked/);

  await page.locator(".shared button").first().click();
  await page.waitForURL(/q=confessions-true/);
  assert.equal(await page.locator("#compare-q").inputValue(), "confessions-true");

  await page.reload();
  await appReady(page);
  assert.equal(await page.locator("[data-testid=side-column]").count(), 3, "the picks survive a reload");
  await page.close();
});

test("filter by what was known in 1936, in every view", async () => {
  const page = await open("/compare");
  const cards = page.locator("[data-testid=source-card]");
  assert.equal(await cards.count(), 14);
  await page.locator("#compare-by").selectOption("1936");
  await page.waitForURL(/by=1936$/);
  assert.equal(await cards.count(), 7);
  assert.match(await page.locator(".compare-count").innerText(), /^Showing 7 of 14 accounts: those made public by the end of 1936\./);
  const names = await cards.locator("h3").allInnerTexts();
  assert.ok(names.includes("The Observer") && names.includes("Max Shachtman"), names.join(", "));
  assert.ok(!names.includes("Leon Trotsky") && !names.includes("Alexander Orlov"), names.join(", "));

  await page.getByRole("link", { name: "Claims matrix", exact: true }).click();
  await page.waitForURL(/view=matrix&by=1936/);
  assert.equal(await page.locator("table.matrix thead th.matrix__source").count(), 7);

  await page.locator("#compare-by").selectOption("1936-08-24");
  await page.waitForURL(/by=1936-08-24/);
  assert.equal(await page.locator("table.matrix thead th.matrix__source").count(), 4);
  await page.close();
});

test("rate an account, give a reason, and see both after a reload", async () => {
  const page = await open("/compare?view=work");
  await forgetWork(page);
  await page.reload();
  await appReady(page);
  const observer = page.locator("[data-testid=rating][data-source=observer-1936]");
  await observer.getByLabel("Doubtful", { exact: true }).check();
  await observer.getByLabel("Why?").fill("Written in London before the verdict, by people who were not there.");
  await page.waitForFunction((key) => (localStorage.getItem(key) ?? "").includes("not there"), WORK_KEY);
  assert.equal(await page.locator(".work-status").innerText(), "Saved in this browser.");

  await page.reload();
  await appReady(page);
  const again = page.locator("[data-testid=rating][data-source=observer-1936]");
  assert.ok(await again.getByLabel("Doubtful", { exact: true }).isChecked());
  assert.equal(await again.getByLabel("Why?").inputValue(), "Written in London before the verdict, by people who were not there.");
  assert.match(await page.locator(".work-check").innerText(), /1 of 14 accounts rated with a reason/);
  await forgetWork(page);
  await page.close();
});

test("the claim, the print stylesheet and the downloaded worksheet", async () => {
  const page = await open("/compare?view=work");
  await forgetWork(page);
  await page.reload();
  await appReady(page);
  const claim = "The confessions were not true: Trotsky and Orlov describe threats, and the Observer wrote before the verdict. <img src=x>";
  await page.getByLabel(/Your answer, with the evidence/).fill(claim);
  await page.locator(".cite").getByLabel("The Observer").check();
  await page.locator(".cite").getByLabel("Alexander Orlov").check();
  assert.doesNotMatch(await page.locator(".work-check").innerText(), /Your claim|Tick the accounts/);
  assert.equal(await page.locator("[data-testid=worksheet] img").count(), 0, "typed text is never markup");

  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed += 1;
    };
  });
  await page.getByRole("button", { name: "Print the worksheet" }).click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  await page.emulateMedia({ media: "print" });
  assert.ok(await page.locator("[data-testid=worksheet]").isVisible(), "the worksheet is printed");
  assert.ok(!(await page.locator(".work-form").isVisible()), "the form is not printed");
  assert.ok(!(await page.locator(".site-header").isVisible()));
  await page.screenshot({ path: `${SHOTS}/work-print.png`, fullPage: true });
  await page.emulateMedia({ media: "screen" });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download as a text file" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "kamenev-1936-trial-worksheet.txt");
  const text = await readFile(await download.path(), "utf8");
  assert.ok(text.includes(claim), "the claim is in the file as typed");
  assert.ok(text.includes("- Alexander Orlov (NKVD insider, 2001)"));
  assert.match(await page.locator(".work-status").innerText(), /Downloaded your worksheet/);
  await forgetWork(page);
  await page.close();
});

test("use the matrix by keyboard: one tab stop, arrows move, Enter shows the words", async () => {
  const page = await open("/compare?view=matrix&by=1936-09");
  await page.locator("#compare-sort").focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "cell-0-0", "Tab enters the grid at its first cell");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.evaluate(() => document.activeElement.id), "cell-1-2");
  await page.keyboard.press("End");
  assert.equal(await page.evaluate(() => document.activeElement.id), "cell-1-5");
  await page.keyboard.press("Home");
  await page.keyboard.press("PageUp");
  assert.equal(await page.evaluate(() => document.activeElement.id), "cell-0-0");
  // Six accounts by the end of September 1936; the Observer (23 August) is the fourth in date order.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  const detail = page.locator("#matrix-detail");
  assert.match(await detail.locator("h3").innerText(), /^The Observer on Q1\./);
  assert.match(await detail.innerText(), /The government's case against the defendants \(Zinoviev and Kamenev\) is genuine\./);
  assert.equal(await page.locator("#cell-0-3").getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Tab");
  const after = await page.evaluate(() => document.activeElement.id);
  assert.ok(!after.startsWith("cell-"), `Tab leaves the grid (focus on "${after}")`);
  await page.keyboard.press("Shift+Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "cell-0-3", "and comes back to the last cell");
  assert.deepEqual(await axeViolations(page), [], "with a cell open");
  await page.screenshot({ path: `${SHOTS}/matrix-detail.png`, fullPage: true });

  await page.locator("#compare-sort").selectOption("kind");
  await page.waitForURL(/sort=kind/);
  assert.match(await page.locator("table.matrix thead th.matrix__source").first().innerText(), /Defendant/);
  await page.close();
});
