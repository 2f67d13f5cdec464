// The accessibility sweep, over every route and the states that matter (a note open, a question answered, a
// matrix cell chosen, ...):
//   1. axe-core finds no WCAG 2.0-2.2 A/AA violation, in the light and the dark theme (the system setting, which
//      the app follows by default), and with the dark theme chosen in the reading preferences;
//   2. reflow: at 320 x 640 and at 200% zoom (640 x 400 CSS px at device scale 2, i.e. 1280 x 800 at 200%) no
//      page scrolls sideways and nothing sticks out of the viewport, except inside a labelled scrolling region;
//   3. the focus is always visible: the first 40 Tab stops of several routes have an outline or a box-shadow
//      that contrasts 3:1 with what is behind it, light and dark;
//   4. with prefers-reduced-motion no animation runs, no transition is longer than 0.01 s and scrolling is not
//      smooth;
//   5. one keyboard-only walk through the main flows (keyboard.press and keyboard.type only): skip link, the
//      header navigation, a chapter, an editorial note opened and closed with Escape, a test question answered,
//      and the claims matrix operated with the arrow keys.
// Screenshots of the main pages (light, dark, 320 px) go to /tmp/shots/ (set SHOTS= to change, SHOTS=0 to skip).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { start, appReady, axeViolations } from "./support.mjs";

const SHOTS = process.env.SHOTS ?? "/tmp/shots";

// Every chapter, from the data file (a new chapter is swept without touching this test).
const CHAPTERS = [...(await readFile(new URL("../data/chapters.toml", import.meta.url), "utf8")).matchAll(/^id = "([a-z0-9-]+)"$/gm)].map(
  (m) => m[1],
);

const NOTE_CHAPTER = "/chapters/moscow-soviet-and-triumvirate"; // p38 carries the note "mission-1918-dates"
const NOTE = "note-mission-1918-dates";

// --- States that need more than a URL --------------------------------------------------------------------------

async function openNote(page) {
  await page.locator(`button[aria-controls='${NOTE}']`).click();
  await page.locator(`#${NOTE}`).waitFor();
}

async function openTerm(page) {
  await page.locator("button.term[aria-controls='gloss-okhrana']").click();
  await page.locator("#gloss-okhrana").waitFor();
}

/** Answers the question on screen (not necessarily right) and waits for the feedback. */
async function answer(page) {
  const form = page.locator("[data-testid=quiz-question]");
  await form.waitFor();
  if (await page.locator("#answer-0").count()) {
    await page.locator("#answer-1").check();
  } else if (await page.locator("#answer-year").count()) {
    if (await page.locator("#answer-month").count()) await page.locator("#answer-month").selectOption({ index: 3 });
    await page.locator("#answer-year").fill("1917");
  }
  await form.locator("button[type=submit]").click();
  await page.locator("[data-testid=quiz-feedback]").waitFor();
}

/** Submits an empty answer, so the question shows its error message. */
async function answerEmpty(page) {
  await page.locator("[data-testid=quiz-question] button[type=submit]").click();
  await page.locator(".quiz-error:not(:empty)").first().waitFor();
}

async function finishTest(page) {
  await answer(page);
  await page.locator("#next-question").click();
  await page.locator("[data-testid=quiz-score]").waitFor();
}

async function practiseOne(page) {
  await answer(page);
  await page.locator("[data-testid=quiz-feedback]").waitFor();
}

async function openCell(page) {
  await page.locator("#cell-0-3").click();
  await page.locator("#matrix-detail h3").waitFor();
}

async function rateAccount(page) {
  const observer = page.locator("[data-testid=rating][data-source=observer-1936]");
  await observer.getByLabel("Doubtful", { exact: true }).check();
  await observer.getByLabel("Why?").fill("Written in London before the verdict.");
  await page.locator("#work-claim").fill("The confessions were forced.");
}

async function confirmReset(page) {
  await page.locator("#reset-start").click();
  await page.locator("#reset-confirm").waitFor();
}

// --- Every route, and the states worth sweeping -------------------------------------------------------------------

const SIDE = "/compare?view=side&s=observer-1936,new-statesman-1936,trotsky-interview-1937";

const ROUTES = [
  { path: "/" },
  { path: "/chapters" },
  ...CHAPTERS.map((slug) => ({ path: `/chapters/${slug}` })),
  { path: NOTE_CHAPTER, name: "chapter, note open", setup: openNote },
  { path: "/chapters/joining-the-bolsheviks", name: "chapter, glossary term open", setup: openTerm },
  { path: "/chapters/no-such-chapter", name: "unknown chapter" },
  { path: "/sources/1" },
  { path: "/sources/6" },
  { path: "/sources/8" },
  { path: "/sources/13" },
  { path: "/sources/99", name: "unknown source" },
  { path: "/people" },
  { path: "/people?q=martov", name: "people, filtered" },
  { path: "/people/kamenev" },
  { path: "/people/trotsky" },
  { path: "/people/sheridan" },
  { path: "/people/nobody", name: "unknown person" },
  { path: "/glossary" },
  { path: "/settings" },
  { path: "/timeline" },
  { path: "/timeline?person=trotsky&kind=party,trial", name: "timeline, filtered" },
  { path: "/timeline?year=1917", name: "timeline, a year in the lanes" },
  { path: "/search" },
  { path: "/search?q=Trotsky" },
  { path: "/search?q=qqxqq", name: "search, no results" },
  { path: "/quiz" },
  { path: "/quiz/test", name: "test set-up" },
  { path: "/quiz/test?seed=a11y-choice&n=3&type=position", name: "test question (choice)" },
  { path: "/quiz/test?seed=a11y-choice&n=3&type=position", name: "test question, empty answer", setup: answerEmpty },
  { path: "/quiz/test?seed=a11y-choice&n=3&type=position", name: "test feedback (choice)", setup: answer },
  { path: "/quiz/test?seed=a11y-date&n=3&type=date", name: "test feedback (date)", setup: answer },
  { path: "/quiz/test?seed=a11y-order&n=3&type=order", name: "test question (order)" },
  { path: "/quiz/test?seed=a11y-order&n=3&type=order", name: "test feedback (order)", setup: answer },
  { path: "/quiz/test?seed=a11y-score&n=1", name: "test score", setup: finishTest },
  { path: "/quiz/test?seed=NOT%20VALID", name: "test, bad link" },
  { path: "/quiz/practice" },
  { path: "/quiz/practice", name: "practice feedback", setup: practiseOne },
  { path: "/quiz/progress" },
  { path: "/quiz/progress", name: "progress, reset asked", setup: confirmReset },
  { path: "/quiz/answers" },
  { path: "/quiz/answers?type=order", name: "answers, filtered" },
  { path: "/compare", name: "compare: cards" },
  { path: "/compare?by=1936", name: "compare: cards known by 1936" },
  { path: "/compare?view=side", name: "compare: side by side, nothing picked" },
  { path: SIDE, name: "compare: side by side" },
  { path: `${SIDE}&q=confessions-true`, name: "compare: side by side, one question" },
  { path: "/compare?view=matrix", name: "compare: matrix" },
  { path: "/compare?view=matrix&by=1936-09", name: "compare: matrix, cell open", setup: openCell },
  { path: "/compare?view=matrix&by=1900", name: "compare: matrix, empty" },
  { path: "/compare?view=work", name: "compare: worksheet" },
  { path: "/compare?view=work", name: "compare: worksheet filled in", setup: rateAccount },
  { path: "/about" },
  { path: "/no/such/page", name: "not found" },
];

let app;
before(async () => {
  if (SHOTS !== "0") await mkdir(SHOTS, { recursive: true });
  app = await start();
});
after(async () => {
  await app.close();
});

/** Opens `path` in a new page; `dark`, `reducedMotion`, `viewport` and `scale` set the emulated device. */
async function open(path, options = {}) {
  const page = await app.newPage(options.viewport ? { viewport: options.viewport } : {});
  if (options.scale) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setDeviceMetricsOverride", {
      width: options.viewport.width,
      height: options.viewport.height,
      deviceScaleFactor: options.scale,
      mobile: false,
    });
  }
  await page.emulateMedia({
    colorScheme: options.dark ? "dark" : "light",
    reducedMotion: options.reducedMotion ? "reduce" : "no-preference",
  });
  await page.goto(app.url + path);
  await appReady(page);
  return page;
}

/** Forgets everything the app keeps in this browser, so each state starts the same. */
async function forget(page) {
  await page.evaluate(() => localStorage.clear());
}

async function openRoute(route, options) {
  const page = await open(route.path, options);
  if (route.setup) await route.setup(page);
  // Let reactive updates, fonts and any transition settle.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(options?.settle ?? 350);
  return page;
}

const label = (route) => route.name ?? route.path;

// --- 1. axe, light and dark ------------------------------------------------------------------------------------

const bodyBackground = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

for (const route of ROUTES) {
  test(`axe: ${label(route)} (light and dark)`, async () => {
    const page = await openRoute(route, {});
    assert.equal(await bodyBackground(page), "rgb(251, 248, 243)", "light");
    assert.deepEqual(await axeViolations(page), [], `${label(route)} in light`);
    // The same state in the dark theme: the app follows the system setting (no colour transitions to wait for).
    await page.emulateMedia({ colorScheme: "dark", reducedMotion: "no-preference" });
    await page.waitForTimeout(100);
    assert.equal(await bodyBackground(page), "rgb(23, 24, 27)", "the theme follows the system");
    assert.deepEqual(await axeViolations(page), [], `${label(route)} in dark`);
    await forget(page);
    await page.close();
  });
}

test("axe: the dark theme chosen in the reading preferences, on a light system", async () => {
  const page = await open("/settings");
  await page.locator("#theme-dark").check();
  await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  for (const path of ["/settings", "/", NOTE_CHAPTER, "/timeline", "/quiz/test?seed=a11y-pref&n=2", "/compare?view=matrix"]) {
    await page.goto(app.url + path);
    await appReady(page);
    if (path === NOTE_CHAPTER) await openNote(page);
    if (path.startsWith("/quiz/test")) await answer(page);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(23, 24, 27)", path);
    assert.deepEqual(await axeViolations(page), [], `${path} with the dark preference`);
  }
  await forget(page);
  await page.close();
});

// --- 2. reflow -------------------------------------------------------------------------------------------------

/** What sticks out sideways: the page's own overflow, and every visible element past the right edge that is not
 * inside a labelled scrolling region. Scrolling regions themselves must be labelled and reachable by keyboard. */
function reflowProblems() {
  const problems = [];
  const width = window.innerWidth;
  const root = document.documentElement;
  if (root.scrollWidth > width) problems.push(`the page is ${root.scrollWidth}px wide in a ${width}px viewport`);
  if (document.body.scrollWidth > width) problems.push(`the body is ${document.body.scrollWidth}px wide`);
  const describe = (el) => {
    const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${cls}`;
  };
  const scrollers = new Set();
  for (const el of document.querySelectorAll("body *")) {
    const style = getComputedStyle(el);
    if (["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      scrollers.add(el);
      const named = el.getAttribute("role") === "region" && (el.hasAttribute("aria-label") || el.hasAttribute("aria-labelledby"));
      const reachable =
        el.tabIndex >= 0 ||
        el.querySelector("a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])") !== null;
      if (!named || !reachable) problems.push(`${describe(el)} scrolls sideways but is not a labelled, keyboard-reachable region`);
    }
  }
  const inScroller = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (scrollers.has(p)) return true;
    return false;
  };
  for (const el of document.querySelectorAll("body *")) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    if (rect.right <= width + 1 && rect.left >= -1) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.position === "fixed") continue;
    // Visually hidden text (1 px, clipped) and the skip link waiting off-screen are meant to be there.
    if (rect.width <= 1 && rect.height <= 1) continue;
    if (el.closest(".visually-hidden, .skip-link")) continue;
    if (inScroller(el)) continue;
    problems.push(`${describe(el)} spans ${Math.round(rect.left)}..${Math.round(rect.right)}px`);
    if (problems.length > 12) break;
  }
  return problems;
}

const REFLOW = [
  { name: "320 px", viewport: { width: 320, height: 640 } },
  { name: "200% zoom", viewport: { width: 640, height: 400 }, scale: 2 },
];

for (const device of REFLOW) {
  test(`reflow at ${device.name}: no route scrolls sideways`, async () => {
    const failures = [];
    for (const route of ROUTES) {
      const page = await openRoute(route, { viewport: device.viewport, scale: device.scale, settle: 150 });
      const problems = await page.evaluate(reflowProblems);
      if (problems.length) failures.push(`${label(route)}:\n    ${problems.join("\n    ")}`);
      await forget(page);
      await page.close();
    }
    assert.deepEqual(failures, []);
  });
}

// --- 3. focus visible ------------------------------------------------------------------------------------------

/** The focused element's focus indicator: whether it has one, and its contrast with what is behind it. */
function focusIndicator() {
  const el = document.activeElement;
  if (!el || el === document.body) return { ok: false, what: "nothing focused" };
  const parse = (color) => {
    const m = color.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
    return m ? { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] } : null;
  };
  const luminance = ({ r, g, b }) => {
    const c = [r, g, b].map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  // The colour behind the indicator: the first opaque background from the parent up.
  const behind = () => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const c = parse(getComputedStyle(p).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return parse(getComputedStyle(document.documentElement).backgroundColor) ?? { r: 255, g: 255, b: 255, a: 1 };
  };
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
  const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${cls} "${(el.textContent ?? "").trim().slice(0, 30)}"`;
  const onScreen = rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < window.innerHeight;
  // Not hidden under something else (a sticky column, say): the middle of the element's first box (a link may
  // wrap onto several lines) is the element.
  const box = el.getClientRects()[0] ?? rect;
  const top = onScreen ? document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) : null;
  const covered = onScreen && top !== null && !el.contains(top) && !(el.labels && [...el.labels].some((l) => l.contains(top)));
  let indicator = null;
  if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) {
    indicator = { kind: "outline", width: parseFloat(style.outlineWidth), color: parse(style.outlineColor) };
  } else if (style.boxShadow && style.boxShadow !== "none") {
    const color = parse(style.boxShadow);
    indicator = { kind: "box-shadow", width: 2, color };
  }
  if (!indicator) return { ok: false, what, why: "no outline and no box-shadow" };
  if (!onScreen) return { ok: false, what, why: "the focused element is not on screen" };
  if (covered) return { ok: false, what, why: `covered by ${top.tagName.toLowerCase()}.${top.className}` };
  const ratio = indicator.color ? contrast(indicator.color, behind()) : 21;
  if (ratio < 3) return { ok: false, what, why: `${indicator.kind} contrast ${ratio.toFixed(2)}:1 is below 3:1` };
  if (indicator.width < 2) return { ok: false, what, why: `${indicator.kind} is only ${indicator.width}px` };
  return { ok: true, what };
}

const FOCUS_ROUTES = [
  { path: "/" },
  { path: NOTE_CHAPTER, name: "chapter, note open", setup: openNote },
  { path: "/chapters" },
  { path: "/sources/8" },
  { path: "/people" },
  { path: "/people/trotsky" },
  { path: "/timeline" },
  { path: "/search?q=Trotsky" },
  { path: "/glossary" },
  { path: "/settings" },
  { path: "/quiz/test?seed=a11y-focus&n=3&type=position", name: "test feedback", setup: answer },
  { path: "/quiz/test?seed=a11y-order&n=3&type=order", name: "test question (order)" },
  { path: "/quiz/progress" },
  { path: "/quiz/answers" },
  { path: SIDE, name: "compare: side by side" },
  { path: "/compare?view=matrix", name: "compare: matrix" },
  { path: "/compare?view=work", name: "compare: worksheet" },
  { path: "/no/such/page", name: "not found" },
];

for (const dark of [false, true]) {
  test(`focus is visible on the first 40 Tab stops of ${FOCUS_ROUTES.length} routes (${dark ? "dark" : "light"})`, async () => {
    const failures = [];
    for (const route of FOCUS_ROUTES) {
      // Reduced motion only so that focus scrolls the page at once rather than smoothly.
      const page = await openRoute(route, { dark, reducedMotion: true, settle: 100 });
      // Start from the top of the document, as a keyboard user arriving on the page does.
      await page.evaluate(() => {
        document.activeElement?.blur();
        window.getSelection()?.removeAllRanges();
      });
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press("Tab");
        // Past the last stop the focus leaves the document: the walk is over.
        if (await page.evaluate(() => document.activeElement === document.body || !document.hasFocus())) break;
        // Two frames: the reduced-motion rule turns every style change into a 0.01 ms transition.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const result = await page.evaluate(focusIndicator);
        if (!result.ok) failures.push(`${label(route)}, stop ${i + 1}: ${result.what}: ${result.why ?? ""}`);
      }
      await forget(page);
      await page.close();
    }
    assert.deepEqual(failures, []);
  });
}

test("a matrix cell reached by the arrow keys is never hidden under the sticky question column", async () => {
  const failures = [];
  for (const viewport of [{ width: 320, height: 640 }, { width: 1280, height: 800 }]) {
    const page = await open("/compare?view=matrix", { viewport, reducedMotion: true });
    await page.locator("#compare-sort").focus();
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "cell-0-0");
    const columns = await page.locator("table.matrix thead th.matrix__source").count();
    const check = async (step) => {
      const problem = await page.evaluate(() => {
        const cell = document.activeElement;
        const column = cell.closest("tr").querySelector(".matrix__question").getBoundingClientRect();
        const frame = cell.closest(".matrix-wrap").getBoundingClientRect();
        const rect = cell.getBoundingClientRect();
        if (rect.left < column.right - 1) return `${cell.id} starts ${Math.round(column.right - rect.left)}px under the question column`;
        if (rect.right > frame.right + 1) return `${cell.id} ends ${Math.round(rect.right - frame.right)}px outside the frame`;
        return null;
      });
      if (problem) failures.push(`${viewport.width}px, ${step}: ${problem}`);
    };
    for (let i = 1; i < columns; i++) {
      await page.keyboard.press("ArrowRight");
      await check(`ArrowRight ${i}`);
    }
    for (let i = 1; i < columns; i++) {
      await page.keyboard.press("ArrowLeft");
      await check(`ArrowLeft ${i}`);
    }
    await page.keyboard.press("End");
    await check("End");
    await page.keyboard.press("Home");
    await check("Home");
    await page.close();
  }
  assert.deepEqual(failures, []);
});

// --- 4. reduced motion -----------------------------------------------------------------------------------------

function motionProblems() {
  const problems = [];
  const seconds = (list) => Math.max(...list.split(",").map((t) => (t.trim().endsWith("ms") ? parseFloat(t) / 1000 : parseFloat(t))));
  if (getComputedStyle(document.documentElement).scrollBehavior === "smooth") problems.push("html scrolls smoothly");
  for (const el of [document.documentElement, ...document.querySelectorAll("body, body *")]) {
    for (const pseudo of [null, "::before", "::after"]) {
      const style = getComputedStyle(el, pseudo);
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : ""}${pseudo ?? ""}`;
      if (seconds(style.transitionDuration) > 0.01 && style.transitionProperty !== "none")
        problems.push(`${name}: transition ${style.transitionProperty} ${style.transitionDuration}`);
      if (style.animationName !== "none" && seconds(style.animationDuration) > 0.01)
        problems.push(`${name}: animation ${style.animationName} ${style.animationDuration}`);
      if (style.scrollBehavior === "smooth") problems.push(`${name}: smooth scrolling`);
    }
  }
  for (const animation of document.getAnimations()) {
    const timing = animation.effect?.getComputedTiming();
    if (animation.playState === "running" && timing && timing.duration > 10)
      problems.push(`a running animation of ${timing.duration}ms on ${animation.effect?.target?.tagName}`);
  }
  return problems.slice(0, 20);
}

const MOTION_ROUTES = [
  { path: "/" },
  { path: NOTE_CHAPTER, name: "chapter, note open", setup: openNote },
  { path: "/chapters/early-life#p9", name: "chapter, permalink" },
  { path: "/timeline" },
  { path: "/quiz/test?seed=a11y-motion&n=3&type=position", name: "test feedback", setup: answer },
  { path: "/quiz/practice" },
  { path: "/quiz/progress" },
  { path: "/compare?view=matrix&by=1936-09", name: "compare: matrix, cell open", setup: openCell },
  { path: SIDE, name: "compare: side by side" },
];

test("with prefers-reduced-motion, nothing animates and nothing scrolls smoothly", async () => {
  const failures = [];
  for (const route of MOTION_ROUTES) {
    const page = await openRoute(route, { reducedMotion: true, settle: 100 });
    const problems = await page.evaluate(motionProblems);
    if (problems.length) failures.push(`${label(route)}:\n    ${problems.join("\n    ")}`);
    await forget(page);
    await page.close();
  }
  assert.deepEqual(failures, []);
});

test("without the preference, the page may scroll smoothly (so the check above means something)", async () => {
  const page = await open("/");
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), "smooth");
  await page.close();
});

// --- 5. the keyboard-only walk ---------------------------------------------------------------------------------

const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName ?? "",
      id: el?.id ?? "",
      text: (el?.textContent ?? "").trim(),
      href: el?.getAttribute("href") ?? "",
      controls: el?.getAttribute("aria-controls") ?? "",
      inNav: !!el?.closest("nav[aria-label=Main]"),
      inPanel: !!el?.closest(".note-panel"),
    };
  });

/** Presses `key` (Tab or Shift+Tab) until the focused element satisfies `predicate`. */
async function pressUntil(page, key, predicate, limit = 250) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    if (predicate(await focused(page))) return;
  }
  throw new Error(`${key} never reached the element`);
}

const waitForHeadingFocus = (page, text) =>
  page.waitForFunction((t) => document.activeElement?.tagName === "H1" && document.activeElement.textContent.includes(t), text, {
    timeout: 5000,
  });

test("a keyboard-only walk through the main flows", async () => {
  const page = await open("/");
  const keys = page.keyboard;

  // The skip link is the first stop and lands in <main>.
  await keys.press("Tab");
  assert.equal((await focused(page)).text, "Skip to content");
  assert.ok(await page.locator(".skip-link").isVisible());
  await keys.press("Enter");
  assert.equal((await focused(page)).id, "main");

  // Back up into the header navigation and open Chapters.
  await pressUntil(page, "Shift+Tab", (f) => f.inNav && f.text === "Chapters");
  await keys.press("Enter");
  await page.waitForURL(/\/chapters$/);
  await waitForHeadingFocus(page, "Chapters");

  // Open a chapter from the contents.
  await pressUntil(page, "Tab", (f) => f.href === NOTE_CHAPTER);
  await keys.press("Enter");
  await page.waitForURL(new RegExp(`${NOTE_CHAPTER}$`));
  await waitForHeadingFocus(page, "The Moscow Soviet");

  // An editorial note: Enter opens it, Escape from inside closes it and returns focus to its button.
  await pressUntil(page, "Tab", (f) => f.controls === NOTE);
  const toggle = page.locator(`button[aria-controls='${NOTE}']`);
  await keys.press("Enter");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.ok(await page.locator(`#${NOTE}`).isVisible());
  await keys.press("Tab");
  assert.ok((await focused(page)).inPanel, "Tab goes into the open note");
  await keys.press("Escape");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false", "Escape closes the note");
  assert.ok(!(await page.locator(`#${NOTE}`).isVisible()));
  assert.equal((await focused(page)).controls, NOTE, "focus returns to the note's button");
  // And Escape on the button itself.
  await keys.press("Space");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  await keys.press("Escape");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.equal((await focused(page)).controls, NOTE);

  // To the quiz by the header navigation; set up a test and start it.
  await pressUntil(page, "Shift+Tab", (f) => f.inNav && f.text === "Quiz");
  await keys.press("Enter");
  await page.waitForURL(/\/quiz$/);
  await waitForHeadingFocus(page, "Quiz");
  await pressUntil(page, "Tab", (f) => f.href === "/quiz/test");
  await keys.press("Enter");
  await page.waitForURL(/\/quiz\/test$/);
  await waitForHeadingFocus(page, "Quiz: test");
  await pressUntil(page, "Tab", (f) => f.id === "setup-count");
  await keys.press("Control+A");
  await keys.type("3");
  await pressUntil(page, "Tab", (f) => f.id === "setup-type");
  // A select's options by keyboard: the first letters of "Positions and stances".
  await keys.type("Pos");
  await pressUntil(page, "Tab", (f) => f.id === "setup-seed");
  await keys.press("Control+A");
  await keys.type("keyboard-walk");
  await pressUntil(page, "Tab", (f) => f.tag === "BUTTON" && f.text === "Start the test");
  await keys.press("Enter");
  await page.waitForURL(/\/quiz\/test\?seed=keyboard-walk&n=3&type=position$/);
  await page.locator("[data-testid=quiz-question]").waitFor();
  // The set-up form is gone: focus moves to the first question rather than being dropped on <body>.
  await page.waitForFunction(() => document.activeElement?.id === "question-heading", null, { timeout: 5000 });
  // Answer: Tab to the first option, arrow to the second, Enter checks the answer.
  await pressUntil(page, "Tab", (f) => f.id === "answer-0");
  await keys.press("ArrowDown");
  assert.equal((await focused(page)).id, "answer-1");
  await keys.press("Enter");
  await page.locator("[data-testid=quiz-feedback]").waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "next-question", null, { timeout: 5000 });
  await keys.press("Enter");
  await page.waitForFunction(() => document.getElementById("question-heading")?.textContent === "Question 2 of 3");

  // To the 1936 trial, then the claims matrix, and about the grid with the arrow keys.
  await pressUntil(page, "Shift+Tab", (f) => f.inNav && f.text === "The 1936 trial");
  await keys.press("Enter");
  await page.waitForURL(/\/compare$/);
  await waitForHeadingFocus(page, "1936 trial");
  await pressUntil(page, "Tab", (f) => f.text === "Claims matrix");
  await keys.press("Enter");
  await page.waitForURL(/\/compare\?view=matrix$/);
  await pressUntil(page, "Tab", (f) => f.id.startsWith("cell-"));
  assert.equal((await focused(page)).id, "cell-0-0", "Tab enters the grid at its first cell");
  await keys.press("ArrowRight");
  await keys.press("ArrowDown");
  assert.equal((await focused(page)).id, "cell-1-1");
  await keys.press("ArrowLeft");
  assert.equal((await focused(page)).id, "cell-1-0");
  await keys.press("Enter");
  assert.equal(await page.locator("#cell-1-0").getAttribute("aria-expanded"), "true");
  assert.match(await page.locator("#matrix-detail h3").innerText(), /on Q2\./);
  await keys.press("Tab");
  assert.ok(!(await focused(page)).id.startsWith("cell-"), "Tab leaves the grid");

  await forget(page);
  await page.close();
});

// --- Screenshots -------------------------------------------------------------------------------------------------

const SHOT_PAGES = [
  { file: "home", path: "/" },
  { file: "chapter-note", path: NOTE_CHAPTER, setup: openNote },
  { file: "people", path: "/people" },
  { file: "person", path: "/people/trotsky" },
  { file: "timeline", path: "/timeline" },
  { file: "search", path: "/search?q=Trotsky" },
  { file: "quiz-feedback", path: "/quiz/test?seed=a11y-shot&n=3&type=position", setup: answer },
  { file: "quiz-progress", path: "/quiz/progress" },
  { file: "compare-cards", path: "/compare" },
  { file: "compare-side", path: SIDE },
  { file: "compare-matrix", path: "/compare?view=matrix&by=1936-09", setup: openCell },
  { file: "compare-work", path: "/compare?view=work", setup: rateAccount },
  { file: "not-found", path: "/no/such/page" },
];

test("screenshots of the main pages, light, dark and 320 px", { skip: SHOTS === "0" }, async () => {
  for (const shot of SHOT_PAGES) {
    for (const [suffix, options] of [
      ["light", {}],
      ["dark", { dark: true }],
      ["320", { viewport: { width: 320, height: 640 } }],
    ]) {
      const page = await openRoute(shot, { ...options, reducedMotion: true, settle: 100 });
      await page.screenshot({ path: `${SHOTS}/${shot.file}-${suffix}.png`, fullPage: true });
      await forget(page);
      await page.close();
    }
  }
});

test("no page raised an uncaught error", () => {
  assert.deepEqual(app.errors, []);
});
