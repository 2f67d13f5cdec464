// Quiz: a 10-question test completed by keyboard alone up to the score, the passage link from feedback, practice
// that survives a reload with its card scheduled, a bad progress file refused with the progress intact (and a good
// one imported), the answer key's filters, no horizontal scrolling at 320 px, and no axe-core WCAG A/AA violation
// on any quiz page (light and dark). Screenshots go to /tmp/shots-quiz/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { start, appReady, axeViolations } from "./support.mjs";

const SHOTS = "/tmp/shots-quiz";
const KEY = "kamenev.quiz.progress";

let app;
before(async () => {
  await mkdir(SHOTS, { recursive: true });
  app = await start();
});
after(async () => {
  await app.close();
});

async function open(path, options = {}) {
  const page = await app.newPage(options);
  if (options.dark) await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(app.url + path);
  await appReady(page);
  return page;
}

const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? "");

async function waitForFocus(page, predicate) {
  await page.waitForFunction(predicate, null, { timeout: 5000 });
}

async function noHorizontalScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

/** Presses Tab until the focused element's id matches `pattern` (at most `limit` presses). */
async function tabTo(page, pattern, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (pattern.test(await focusedId(page))) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`never reached ${pattern} by Tab`);
}

/** Answers the question on screen with the keyboard only; the answer need not be right. */
async function answerByKeyboard(page) {
  const form = page.locator("[data-testid=quiz-question]");
  await form.waitFor();
  if (await page.locator("#answer-0").count()) {
    await page.keyboard.press("2");
    await waitForFocus(page, () => document.activeElement?.id === "answer-1");
    await page.keyboard.press("Enter");
  } else if (await page.locator("#answer-year").count()) {
    if (await page.locator("#answer-month").count()) {
      await tabTo(page, /^answer-month$/);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
    }
    await tabTo(page, /^answer-year$/);
    await page.keyboard.type("1917");
    await page.keyboard.press("Enter");
  } else {
    await tabTo(page, /^move-down-/);
    const moved = await focusedId(page);
    await page.keyboard.press("Enter");
    await waitForFocus(page, () => /^move-(up|down)-/.test(document.activeElement?.id ?? ""));
    assert.match(await focusedId(page), /^move-(up|down)-/, `focus stays on the moved item (${moved})`);
    await tabTo(page, /^check-answer$/);
    await page.keyboard.press("Enter");
  }
  await page.locator("[data-testid=quiz-feedback]").waitFor();
}

test("a 10-question test can be completed by keyboard alone, ending on the score", async () => {
  const page = await open("/quiz/test?seed=e2e-keyboard");
  assert.match(await page.locator("#question-heading").textContent(), /^Question 1 of 10$/);
  for (let i = 1; i <= 10; i++) {
    assert.match(await page.locator("#question-heading").textContent(), new RegExp(`^Question ${i} of 10$`));
    await answerByKeyboard(page);
    await waitForFocus(page, () => document.activeElement?.id === "next-question");
    if (i === 1) {
      assert.deepEqual(await axeViolations(page), [], "question with feedback");
      await page.screenshot({ path: `${SHOTS}/test-feedback-light.png`, fullPage: true });
    }
    await page.keyboard.press("Enter");
  }
  await page.locator("[data-testid=quiz-score]").waitFor();
  await waitForFocus(page, () => document.activeElement?.id === "score-heading");
  assert.match(await page.locator(".quiz-score__total").innerText(), /out of 10 \(\d+%\)/);
  assert.equal(await page.locator(".quiz-review__item").count(), 10);
  const share = await page.locator("#share-link").inputValue();
  assert.match(share, /\/quiz\/test\?seed=e2e-keyboard&n=10$/);
  assert.deepEqual(await axeViolations(page), [], "score screen");
  await page.screenshot({ path: `${SHOTS}/test-score-light.png`, fullPage: true });
  await page.close();
});

test("the same seed gives every student the same questions", async () => {
  const ids = async () => {
    const page = await open("/quiz/test?seed=class-7b&n=3");
    const id = await page.locator("[data-testid=quiz-question]").getAttribute("data-question");
    await page.close();
    return id;
  };
  assert.equal(await ids(), await ids());
});

test("the passage link in the feedback leads to the paragraph in the text", async () => {
  const page = await open("/quiz/test?seed=e2e-passage&n=3&type=position");
  await page.locator("#answer-0").check();
  await page.getByRole("button", { name: "Check answer" }).click();
  const link = page.locator("[data-testid=quiz-passage-link]").first();
  const href = await link.getAttribute("href");
  assert.match(href, /^\/(chapters\/[a-z0-9-]+|sources\/\d+)#p\d+$/);
  const passage = await page.locator(".quiz-passage blockquote").first().innerText();
  await link.click();
  await page.waitForURL((url) => url.pathname + url.hash === href);
  const target = page.locator(href.slice(href.indexOf("#")));
  await target.waitFor();
  const paragraph = await target.innerText();
  assert.ok(
    paragraph.replace(/\s+/g, " ").includes(passage.replace(/\s+/g, " ").slice(0, 60)),
    "the linked paragraph contains the passage",
  );
  await page.close();
});

test("a bad quiz link shows a message, not a broken page", async () => {
  const page = await open("/quiz/test?seed=Bad%20Seed");
  assert.match(await page.locator("[data-testid=quiz-url-error]").innerText(), /lower-case letters/);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("practice schedules the card, and the schedule survives a reload", async () => {
  const page = await open("/quiz/practice");
  await page.evaluate((key) => localStorage.removeItem(key), KEY);
  await page.reload();
  await appReady(page);
  assert.match(await page.locator("[data-testid=practice-summary]").innerText(), /Cards scheduled: 0/);
  assert.deepEqual(await axeViolations(page), [], "practice question");
  await page.screenshot({ path: `${SHOTS}/practice-question-light.png`, fullPage: true });
  await answerByKeyboard(page);
  await waitForFocus(page, () => /^rate-/.test(document.activeElement?.id ?? ""));
  assert.deepEqual(await axeViolations(page), [], "practice ratings");
  await page.screenshot({ path: `${SHOTS}/practice-ratings-light.png`, fullPage: true });
  await page.keyboard.press("3");
  await page.locator("[data-testid=practice-recent-item]").waitFor();
  assert.match(await page.locator("[data-testid=practice-recent-item]").innerText(), /rated Good, due in \d+ (minutes?|days?)/);
  const before = await page.evaluate((key) => localStorage.getItem(key), KEY);
  assert.ok(before?.includes('"rating":"good"'), "the review is saved in local storage");
  await page.reload();
  await appReady(page);
  assert.match(await page.locator("[data-testid=practice-summary]").innerText(), /Cards scheduled: 1/);
  assert.match(await page.locator("[data-testid=practice-recent-item]").innerText(), /rated Good, due in \d+ (minutes?|days?)/);
  await page.close();
});

test("a bad progress file is refused with a clear error and the progress is untouched", async () => {
  const page = await open("/quiz/progress");
  const saved = await page.evaluate((key) => localStorage.getItem(key), KEY);
  assert.ok(saved, "the practice test left progress to protect");
  assert.match(await page.locator("[data-testid=progress-answered]").innerText(), /answered 1 question/);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${SHOTS}/progress-light.png`, fullPage: true });

  const input = page.locator("#import-file");
  await input.setInputFiles({ name: "progress.json", mimeType: "application/json", buffer: Buffer.from('{"app": "kamenev-quiz-progress", "format": 1, "progress": {"cards": [') });
  await page.locator("[data-testid=import-message] [role=alert]").waitFor();
  assert.match(await page.locator("[data-testid=import-message]").innerText(), /not valid JSON.*line 1, column/);
  assert.equal(await page.locator("#import-confirm").count(), 0, "nothing to confirm");
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), saved);

  await input.setInputFiles({ name: "other.json", mimeType: "application/json", buffer: Buffer.from('{"app": "something-else"}') });
  await page.waitForFunction(() => document.querySelector("[data-testid=import-message]")?.textContent.includes("not a quiz progress file"));
  await input.setInputFiles({ name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(1_100_000, 32) });
  await page.waitForFunction(() => document.querySelector("[data-testid=import-message]")?.textContent.includes("too large"));
  assert.deepEqual(await axeViolations(page), [], "with the error showing");
  await page.screenshot({ path: `${SHOTS}/progress-import-error.png`, fullPage: true });

  await page.reload();
  await appReady(page);
  assert.match(await page.locator("[data-testid=progress-answered]").innerText(), /answered 1 question/);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), saved);

  // The exported file imports back after confirmation.
  const href = await page.locator("[data-testid=progress-export]").getAttribute("href");
  const exported = decodeURIComponent(href.slice(href.indexOf(",") + 1));
  assert.equal(JSON.parse(exported).app, "kamenev-quiz-progress");
  await input.setInputFiles({ name: "mine.json", mimeType: "application/json", buffer: Buffer.from(exported) });
  await page.locator("#import-confirm").waitFor();
  await page.locator("#import-confirm").click();
  await page.waitForFunction(() => document.querySelector("[data-testid=import-message]")?.textContent.includes("was imported"));
  assert.match(await page.locator("[data-testid=progress-answered]").innerText(), /answered 1 question/);
  await page.close();
});

test("reset asks first, then deletes the progress", async () => {
  const page = await open("/quiz/progress");
  await page.getByRole("button", { name: "Reset progress…" }).click();
  await waitForFocus(page, () => document.activeElement?.id === "reset-confirm");
  await page.getByRole("button", { name: "Cancel" }).click();
  assert.ok(await page.evaluate((key) => localStorage.getItem(key), KEY), "cancel keeps it");
  await page.getByRole("button", { name: "Reset progress…" }).click();
  await page.getByRole("button", { name: "Delete my progress" }).click();
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), null);
  assert.match(await page.locator("[data-testid=progress-answered]").innerText(), /not answered any/);
  await page.close();
});

test("the answer key filters by chapter and type and is reachable from the quiz home", async () => {
  const page = await open("/quiz");
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${SHOTS}/home-light.png`, fullPage: true });
  await page.getByRole("link", { name: "Answer key" }).click();
  await page.waitForURL(/\/quiz\/answers$/);
  const all = await page.locator("[data-testid=quiz-key-count]").innerText();
  const [, total] = all.match(/^(\d+) of (\d+) questions\.$/);
  // The key appears a chapter at a time; all of it is there shortly after.
  await page.waitForFunction((n) => document.querySelectorAll(".quiz-key__item").length === n, Number(total));
  await page.locator("#key-chapter").selectOption("trial-1936");
  await page.locator("#key-type").selectOption("position");
  await page.getByRole("button", { name: "Show these questions" }).click();
  await page.waitForURL(/\/quiz\/answers\?chapter=trial-1936&type=position$/);
  const filtered = await page.locator("[data-testid=quiz-key-count]").innerText();
  const [, shown, again] = filtered.match(/^(\d+) of (\d+) questions\.$/);
  assert.equal(again, total);
  assert.ok(Number(shown) > 0 && Number(shown) < Number(total));
  assert.equal(await page.locator(".quiz-key__item").count(), Number(shown));
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: `${SHOTS}/answers-light.png`, fullPage: false });
  await page.close();
});

const PAGES = ["/quiz", "/quiz/test", "/quiz/test?seed=shots&n=5", "/quiz/practice", "/quiz/progress", "/quiz/answers?type=order"];

test("quiz pages have no axe violations in dark mode and no horizontal scroll at 320 px", async () => {
  for (const path of PAGES) {
    const name = path.replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    const dark = await open(path, { dark: true });
    assert.deepEqual(await axeViolations(dark), [], `${path} (dark)`);
    await dark.screenshot({ path: `${SHOTS}/${name}-dark.png`, fullPage: !path.includes("answers") });
    await dark.close();
    const narrow = await open(path, { viewport: { width: 320, height: 720 } });
    assert.ok(await noHorizontalScroll(narrow), `${path} scrolls sideways at 320 px`);
    await narrow.screenshot({ path: `${SHOTS}/${name}-320.png`, fullPage: !path.includes("answers") });
    await narrow.close();
  }
  assert.deepEqual(app.errors, [], "no page errors");
});
