// Security: the strict Content-Security-Policy is served and the app works under it with no violation; the policy
// is really enforced (inline scripts, handlers, eval, other origins, <style> are all refused); hostile URL
// parameters, path segments and fragments are shown as text or refused with a message, never run and never become
// markup; a hostile or oversized quiz progress file is refused with a clear message and the saved progress is left
// exactly as it was; and HTML typed into the compare worksheet comes back, after a reload, as literal text.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { start, appReady, DIST } from "./support.mjs";

const PROGRESS_KEY = "kamenev.quiz.progress";
const WORK_KEY = "kamenev.compare.work";
const CHAPTER = "/chapters/early-life";

let app;
before(async () => {
  app = await start();
  // The server compresses each file at its first request, synchronously (brotli on the wasm takes seconds on a
  // busy machine): do it now, so no page load below waits for it.
  for (const name of await readdir(DIST)) await (await fetch(`${app.url}/${name}`)).arrayBuffer();
  // Every page records the CSP violations it sees, to check them beside the console errors support.mjs records.
  await app.context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__csp.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
});
after(async () => {
  await app.close();
});

async function open(path) {
  const page = await app.newPage();
  await page.goto(app.url + path);
  await appReady(page);
  return page;
}

/** Everything in the document that would mean markup was injected, and whether an injected payload ran. */
async function injection(page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    return {
      // The only scripts are index.html's: the saved preferences and Trunk's loader (the wasm glue is a module it
      // imports, not an element).
      scripts: document.querySelectorAll("script").length,
      // The app draws no pictures and embeds nothing.
      embedded: document.querySelectorAll("img, svg, iframe, object, embed, frame, video, audio, math, base, style").length,
      handlers: all
        .filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)))
        .map((el) => el.outerHTML.slice(0, 120)),
      javascriptLinks: all.filter((el) => /^\s*javascript:/i.test(el.getAttribute("href") ?? "")).length,
      pwned: typeof window.__pwned,
      csp: window.__csp ?? [],
    };
  });
}

async function assertClean(page, where) {
  assert.deepEqual(
    await injection(page),
    { scripts: 2, embedded: 0, handlers: [], javascriptLinks: 0, pwned: "undefined", csp: [] },
    `${where}: nothing injected, nothing ran, no CSP violation`,
  );
}

const h1 = (page) => page.locator("main h1").innerText();
const saved = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);

// ---------------------------------------------------------------------------------------------------------------
// (a) The policy is served, and the app works under it.

test("the served index.html carries a strict CSP whose script hashes match its inline scripts", async () => {
  for (const path of ["/", "/chapters/early-life", "/no/such/page"]) {
    const response = await fetch(app.url + path);
    assert.equal(response.status, 200);
    const html = await response.text();
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)];
    assert.equal(metas.length, 1, `${path}: one CSP <meta>`);
    const policy = Object.fromEntries(
      metas[0][1].split(";").map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values];
      }),
    );
    // The <meta> must come before any script, or the scripts before it are not covered.
    assert.ok(html.indexOf("Content-Security-Policy") < html.indexOf("<script"), `${path}: the CSP precedes every script`);
    const scripts = policy["script-src"];
    assert.ok(scripts, "script-src is set");
    assert.equal(scripts[0], "'self'");
    assert.ok(scripts.includes("'wasm-unsafe-eval'"), "WebAssembly compilation is allowed");
    for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "blob:", "http:", "https:"]) {
      assert.ok(!scripts.includes(forbidden), `script-src has no ${forbidden}`);
    }
    assert.deepEqual(policy["default-src"], ["'self'"]);
    assert.deepEqual(policy["object-src"], ["'none'"]);
    assert.deepEqual(policy["base-uri"], ["'none'"]);
    assert.deepEqual(policy["form-action"], ["'none'"]);
    assert.ok(!(policy["style-src"] ?? []).includes("'unsafe-inline'"), "no inline <style> elements");

    // Exactly the inline scripts of the page are allowed, by hash.
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    assert.equal(inline.length, 2, "two inline scripts: the saved preferences and Trunk's loader");
    assert.match(inline[0], /localStorage\.getItem\(["'`]kamenev\.reading\.prefs["'`]\)/);
    const hashes = scripts.filter((s) => s.startsWith("'sha256-"));
    assert.deepEqual(hashes, inline.map((body) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`));
  }
});

test("the app mounts and works under the CSP with no violation across the main routes", async () => {
  const page = await open("/");
  assert.equal(await page.locator("#boot").count(), 0, "the app mounted");
  const visit = async (name, path, heading) => {
    await page.locator('nav[aria-label="Main"]').getByRole("link", { name, exact: true }).click();
    await page.waitForURL((url) => url.pathname === path);
    await page.waitForFunction((text) => document.querySelector("main h1")?.textContent.includes(text), heading);
    await assertClean(page, path);
  };
  await assertClean(page, "/");
  await visit("Chapters", "/chapters", "Chapters");
  await page.locator("main ol.chapter-list a").first().click();
  await page.waitForURL(/\/chapters\/[a-z0-9-]+$/);
  await page.locator("main .chapter-text p").first().waitFor();
  // Every note and glossary disclosure of the chapter opens (they render more markup).
  const disclosures = page.locator("main .chapter-text button[aria-expanded]");
  assert.ok((await disclosures.count()) > 0, "the chapter has notes or glossary terms");
  for (const button of await disclosures.all()) await button.click();
  assert.equal(await page.locator('main .chapter-text button[aria-expanded="false"]').count(), 0, "every panel opened");
  await assertClean(page, "a chapter");
  await visit("Timeline", "/timeline", "Timeline");
  await visit("People", "/people", "People");
  await page.locator('main a[href="/people/kamenev"]').first().click();
  await page.waitForURL(/\/people\/kamenev$/);
  await assertClean(page, "/people/kamenev");
  await visit("Quiz", "/quiz", "Quiz");
  await page.getByRole("link", { name: "Answer key" }).click();
  await page.waitForURL(/\/quiz\/answers$/);
  // Forms are handled by the app (form-action 'none' would refuse a real submission).
  await page.locator("#key-type").selectOption("date");
  await page.getByRole("button", { name: "Show these questions" }).click();
  await page.waitForURL(/\/quiz\/answers\?type=date$/);
  await assertClean(page, "/quiz/answers");
  await visit("The 1936 trial", "/compare", "1936 trial");
  await page.getByRole("link", { name: "Claims matrix", exact: true }).click();
  await page.waitForURL(/view=matrix/);
  await assertClean(page, "/compare?view=matrix");
  await visit("Search", "/search", "Search");
  await page.locator("main input[type=search], main input").first().fill("Zinoviev");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\?q=Zinoviev$/);
  await page.locator(".search-hit").first().waitFor();
  await assertClean(page, "/search");
  await visit("About", "/about", "About this site");
  for (const path of ["/glossary", "/settings", "/sources/1", "/quiz/practice", "/quiz/test?seed=csp&n=2", "/compare?view=work", "/quiz/progress"]) {
    await page.goto(app.url + path);
    await appReady(page);
    await assertClean(page, path);
  }
  // Both downloads work under the policy: the progress file (a data: link) and the worksheet (a blob: link).
  const [progressFile] = await Promise.all([page.waitForEvent("download"), page.locator("[data-testid=progress-export]").click()]);
  assert.equal(progressFile.suggestedFilename(), "kamenev-quiz-progress.json");
  assert.equal(JSON.parse(await readFile(await progressFile.path(), "utf8")).app, "kamenev-quiz-progress");
  await assertClean(page, "progress download");
  await page.goto(app.url + "/compare?view=work");
  await appReady(page);
  const [worksheet] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download as a text file" }).click(),
  ]);
  assert.equal(worksheet.suggestedFilename(), "kamenev-1936-trial-worksheet.txt");
  assert.ok((await readFile(await worksheet.path(), "utf8")).length > 0);
  await assertClean(page, "worksheet download");
  // The service worker registered under the policy (worker-src 'self').
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  assert.deepEqual(app.errors, [], "no page error and no CSP violation");
  await page.close();
});

// ---------------------------------------------------------------------------------------------------------------
// (b) The policy is enforced.

test("the CSP is enforced: injected inline scripts, handlers, eval, other origins and <style> are refused", async () => {
  // A page outside app.newPage(): the violations provoked here are expected, not failures of the app.
  const page = await app.context.newPage();
  const consoleErrors = [];
  page.on("console", (msg) => msg.type() === "error" && consoleErrors.push(msg.text()));
  const pageErrors = [];
  page.on("pageerror", (err) => pageErrors.push(String(err)));
  await page.goto(app.url + "/about");
  await appReady(page);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], "no violation before the attempts");

  const result = await page.evaluate(async () => {
    // Waits for the n-th violation report (at most 5 s: without a policy none comes, and the checks below fail).
    const wait = (n) =>
      new Promise((resolve) => {
        const until = Date.now() + 5000;
        const check = () => (window.__csp.length >= n || Date.now() > until ? resolve() : setTimeout(check, 20));
        check();
      });
    const out = {};
    // 1. An inline script element.
    const script = document.createElement("script");
    script.textContent = "window.__inlineRan = 1;";
    document.body.append(script);
    await wait(1);
    // 2. An inline event handler attribute.
    const div = document.createElement("div");
    div.setAttribute("onclick", "window.__handlerRan = 1");
    document.body.append(div);
    div.click();
    await wait(2);
    // 3. A javascript: URL.
    const link = document.createElement("a");
    link.href = "javascript:window.__linkRan=1";
    document.body.append(link);
    link.click();
    await wait(3);
    // 4. eval and new Function.
    try {
      out.eval = String(eval("window.__evalRan = 1"));
    } catch (error) {
      out.eval = error.name;
    }
    try {
      out.fn = String(new Function("window.__fnRan = 1")());
    } catch (error) {
      out.fn = error.name;
    }
    await wait(5);
    // 5. A script from another origin (another port is another origin).
    const remote = document.createElement("script");
    remote.src = "http://127.0.0.1:9/evil.js";
    const remoteResult = new Promise((resolve) => {
      remote.onload = () => resolve("loaded");
      remote.onerror = () => resolve("refused");
    });
    document.body.append(remote);
    out.remote = await remoteResult;
    await wait(6);
    // 6. An inline <style> element.
    const style = document.createElement("style");
    style.textContent = "body { --e2e-styled: yes; }";
    document.head.append(style);
    await wait(7);
    out.styled = getComputedStyle(document.body).getPropertyValue("--e2e-styled").trim();
    for (const name of ["__inlineRan", "__handlerRan", "__linkRan", "__evalRan", "__fnRan"]) out[name] = typeof window[name];
    out.violations = window.__csp.map((v) => v.split(" ")[0]);
    return out;
  });
  assert.deepEqual(result, {
    eval: "EvalError",
    fn: "EvalError",
    remote: "refused",
    styled: "",
    __inlineRan: "undefined",
    __handlerRan: "undefined",
    __linkRan: "undefined",
    __evalRan: "undefined",
    __fnRan: "undefined",
    violations: ["script-src-elem", "script-src-attr", "script-src-elem", "script-src", "script-src", "script-src-elem", "style-src-elem"],
  });
  assert.ok(
    consoleErrors.some((e) => /inline script.*Content Security Policy directive 'script-src/i.test(e)),
    "the browser reports the refused inline script",
  );
  // The app is still alive after the attempts.
  await page.locator('nav[aria-label="Main"]').getByRole("link", { name: "Chapters", exact: true }).click();
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Chapters");
  assert.deepEqual(pageErrors, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------------------------
// (c) Hostile URL parameters.

const LONG = "a".repeat(10_000);
const QUIZ_CASES = [
  {
    query: "seed=" + encodeURIComponent("<script>alert(1)</script>"),
    message: "The quiz code contains “<”; use only lower-case letters a–z, digits and hyphens.",
  },
  // Length is checked first: a 33-character payload is refused for its length.
  { query: "seed=" + encodeURIComponent("<script>window.__pwned=1</script>"), message: "The quiz code has 33 characters; it can have at most 32." },
  {
    query: "seed=" + encodeURIComponent('"><img src=x onerror=alert(1)>'),
    message: "The quiz code contains “\"”; use only lower-case letters a–z, digits and hyphens.",
  },
  { query: "seed=" + LONG, message: "The quiz code has 10000 characters; it can have at most 32." },
  // (A URL much longer than this is refused by the server itself: Node's headers are at most 16 KB.)
  { query: "seed=" + encodeURIComponent("<b>".repeat(1_000)), message: "The quiz code has 3000 characters; it can have at most 32." },
  { query: "seed=", message: "The quiz code is empty." },
  { query: "seed=%00", message: "The quiz code contains “\u0000”; use only lower-case letters a–z, digits and hyphens." },
  {
    query: "seed=ok&n=" + encodeURIComponent("<img src=x onerror=window.__pwned=1>"),
    message: "“<img src=x onerror=w” is not a number of questions; choose a whole number from 1 to 50.",
  },
  { query: "seed=ok&n=" + LONG, message: `“${"a".repeat(20)}” is not a number of questions; choose a whole number from 1 to 50.` },
  { query: "seed=ok&n=99999999999999999999999", message: "“99999999999999999999” is not a number of questions; choose a whole number from 1 to 50." },
  { query: "seed=ok&n=0", message: "“0” is not a number of questions; choose a whole number from 1 to 50." },
  { query: "seed=ok&n=-1", message: "“-1” is not a number of questions; choose a whole number from 1 to 50." },
  {
    query: "seed=ok&chapter=" + encodeURIComponent('<svg onload="window.__pwned=1"></svg>'),
    message: "There is no chapter called “<svg onload=\"window.__pwned=1\"></svg>”.",
  },
  { query: "seed=ok&chapter=" + LONG, message: `There is no chapter called “${"a".repeat(40)}”.` },
  {
    query: "seed=ok&type=" + encodeURIComponent("<script>alert(1)</script>"),
    message: "There is no question type called “<script>alert(1)</sc”; the types are date, order, position and attribution.",
  },
  {
    query: "seed=ok&type=" + encodeURIComponent("<b onmouseover=x>"),
    message: "There is no question type called “<b onmouseover=x>”; the types are date, order, position and attribution.",
  },
];

test("hostile /quiz/test parameters show a clear message as text, never markup, never a page error", async () => {
  const page = await open("/quiz");
  for (const { query, message } of QUIZ_CASES) {
    const label = query.length > 80 ? query.slice(0, 80) + "…" : query;
    await page.goto(`${app.url}/quiz/test?${query}`);
    await appReady(page);
    assert.equal(await h1(page), "Quiz: test", label);
    const error = page.locator("[data-testid=quiz-url-error]");
    await error.waitFor();
    assert.equal(await error.getAttribute("role"), "alert", label);
    // textContent, not innerText: the message is exactly the text, with the payload as characters.
    assert.equal(await error.locator("p").first().textContent(), `This quiz link does not work: ${message}`, label);
    assert.equal(await error.locator("a").getAttribute("href"), "/quiz/test", label);
    assert.equal(await error.locator("*").count(), 3, `${label}: only the app's own elements`);
    assert.equal(await page.locator("[data-testid=quiz-question]").count(), 0, label);
    await assertClean(page, label);
  }
  // A valid link still works after all that.
  await page.goto(`${app.url}/quiz/test?seed=after-hostile&n=2`);
  await page.locator("[data-testid=quiz-question]").waitFor();
  assert.equal(await page.locator("#question-heading").textContent(), "Question 1 of 2");
  assert.deepEqual(app.errors, []);
  await page.close();
});

const PAYLOAD = '"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const P = encodeURIComponent(PAYLOAD);
const OTHER_CASES = [
  { path: `/search?q=${P}`, heading: "Search" },
  { path: `/search?q=${"zinoviev ".repeat(1_100)}`, heading: "Search" },
  { path: `/people?q=${P}`, heading: "People" },
  { path: `/timeline?person=${P}&kind=${P}&year=${P}`, heading: "Timeline" },
  { path: `/timeline?year=99999999999999999999&kind=${LONG}`, heading: "Timeline" },
  { path: `/compare?view=${P}&s=${P},${P}&by=${P}&sort=${P}&q=${P}`, heading: "The 1936 trial: comparing the accounts" },
  { path: `/compare?view=side&s=${LONG}&by=9999-99-99`, heading: "The 1936 trial: comparing the accounts" },
  { path: `/compare?view=matrix&by=1936-02-30`, heading: "The 1936 trial: comparing the accounts" },
  { path: `/quiz/answers?chapter=${P}&type=${P}`, heading: "Quiz: answer key" },
  { path: `/quiz/practice?chapter=${P}&type=${LONG}`, heading: "Quiz: practice" },
  { path: `/quiz?x=${P}`, heading: "Quiz" },
];

test("hostile parameters on the other routes render a valid page, as text, with no page error", async () => {
  const page = await open("/");
  for (const { path, heading } of OTHER_CASES) {
    const label = path.slice(0, 80);
    await page.goto(app.url + path);
    await appReady(page);
    assert.equal(await h1(page), heading, label);
    await assertClean(page, label);
  }
  // The search field shows the raw query as its value: text, not markup.
  await page.goto(`${app.url}/search?q=${P}`);
  await appReady(page);
  await page.waitForFunction((v) => document.querySelector("main input")?.value === v, PAYLOAD);
  assert.match(await page.locator("[data-testid=search-status]").textContent(), /\S/, "the search says what it found");
  await assertClean(page, "search field");
  assert.deepEqual(app.errors, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------------------------
// (d) Unknown route segments.

const UNKNOWN = [
  // Not one segment ("</script>" has a slash): no route matches.
  { path: "/chapters/<script>alert(1)</script>", heading: "Page not found", shown: "/chapters/<script>alert(1)</script>" },
  { path: `/chapters/${encodeURIComponent("<img src=x onerror=alert(1)>")}`, heading: "Chapter not found" },
  { path: "/chapters/%E0%A4%A", heading: "Chapter not found" },
  { path: "/chapters/early-life%00", heading: "Chapter not found" },
  { path: "/people/%00", heading: "Person not found" },
  // (No dot in these: scripts/server.mjs answers 404 to a path whose last segment looks like a file name.)
  { path: `/people/${encodeURIComponent('"><script>alert(1)</script>')}`, heading: "Person not found" },
  { path: `/people/${encodeURIComponent('"><svg onload=alert(1)>')}`, heading: "Person not found" },
  { path: "/sources/99999", heading: "Source not found" },
  { path: "/sources/abc", heading: "Source not found" },
  { path: "/sources/0", heading: "Source not found" },
  { path: "/sources/-1", heading: "Source not found" },
  { path: "/sources/1e1", heading: "Source not found" },
  { path: "/quiz/nope", heading: "Page not found", shown: "/quiz/nope" },
  { path: "/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p", heading: "Page not found", shown: "/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p" },
  { path: "/chapters/early-life/extra", heading: "Page not found", shown: "/chapters/early-life/extra" },
  { path: "/%E0%A4%A/%ZZ", heading: "Page not found", shown: "/%E0%A4%A/%ZZ" },
  { path: "/people/Zin%C3%B3viev/x%00", heading: "Page not found", shown: "/people/Zinóviev/x%00" },
  { path: "/" + "x/".repeat(2_000), heading: "Page not found" },
  { path: `/quiz/test/${encodeURIComponent('"><img src=x onerror=alert(1)>')}`, heading: "Page not found" },
];

test("unknown route segments show Not Found or the route's own not-found message", async () => {
  const page = await open("/");
  for (const { path, heading, shown } of UNKNOWN) {
    const label = path.slice(0, 80);
    await page.goto(app.url + path);
    await page.waitForSelector("main h1", { timeout: 10_000 }).catch(() => assert.fail(`${label}: no page heading`));
    assert.equal(await h1(page), heading, label);
    if (heading === "Page not found") {
      const code = await page.locator("[data-testid=not-found] code").textContent();
      assert.ok(code.length <= 120, `${label}: the path shown is cut to 120 characters`);
      // The path is shown decoded where its escapes spell text, as text.
      if (shown) assert.equal(code, shown, label);
      assert.ok((await page.locator("[data-testid=not-found] a").count()) >= 8, `${label}: links onward`);
    } else {
      assert.ok((await page.locator("main article a").count()) >= 1, `${label}: a link onward`);
    }
    await assertClean(page, label);
  }
  // A path that climbs out of the bundle is refused by the server, not served.
  for (const path of ["/..%2F..%2Fetc%2Fpasswd", "/%2E%2E/%2E%2E/etc/passwd.txt"]) {
    const response = await fetch(app.url + path);
    const body = await response.text();
    assert.equal(response.status, 404, path);
    assert.ok(!body.includes("root:"), `${path}: no file from outside the bundle`);
  }
  assert.deepEqual(app.errors, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------------------------
// (e) Malformed fragments.

test("malformed fragments do not break the chapter page", async () => {
  const page = await open(CHAPTER);
  const title = await h1(page);
  const paragraphs = await page.locator("main .chapter-text p").count();
  assert.ok(paragraphs > 0);
  const fragments = [
    "#%E0%A4%A",
    "#<img src=x onerror=alert(1)>",
    `#${"x".repeat(10_000)}`,
    '#"]);window.__pwned=1;//',
    "#%00",
    "#p9%",
    "#note-%3Cscript%3E",
  ];
  for (const fragment of fragments) {
    const label = fragment.slice(0, 40);
    // A full load with the fragment…
    await page.goto(app.url + CHAPTER + fragment);
    await appReady(page);
    assert.equal(await h1(page), title, label);
    assert.equal(await page.locator("main .chapter-text p").count(), paragraphs, label);
    assert.equal(await page.locator("[data-highlighted]").count(), 0, `${label}: nothing is highlighted`);
    await assertClean(page, label);
    // …and the same fragment set on the page already open (a client-side hash change).
    await page.goto(app.url + CHAPTER);
    await appReady(page);
    await page.evaluate((f) => {
      location.hash = f;
    }, fragment);
    await page.waitForFunction(() => location.hash.length > 1);
    assert.equal(await h1(page), title, `${label} (hash change)`);
    await assertClean(page, `${label} (hash change)`);
  }
  // A good fragment still reaches its paragraph afterwards.
  await page.goto(app.url + CHAPTER + "#p9");
  await appReady(page);
  await page.waitForFunction(() => document.activeElement?.id === "p9");
  assert.equal(await page.locator("#p9").getAttribute("data-highlighted"), "");
  assert.deepEqual(app.errors, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------------------------
// (f) Progress import.

/** Answers the practice question on screen by clicks (right or wrong) and rates it Good. */
async function practiseOne(page) {
  await page.locator("[data-testid=quiz-question]").waitFor();
  if (await page.locator("#answer-0").count()) {
    await page.locator("#answer-0").check();
  } else if (await page.locator("#answer-year").count()) {
    if (await page.locator("#answer-month").count()) await page.locator("#answer-month").selectOption("3");
    await page.locator("#answer-year").fill("1917");
  }
  await page.locator("#check-answer").click();
  await page.locator("[data-testid=quiz-feedback]").waitFor();
  await page.locator("#rate-good").click();
  await page.locator("[data-testid=practice-recent-item]").waitFor();
}

const card = { due: 1, stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 0, reps: 1, lapses: 0, phase: "learning", last_review: 1, introduced: 1 };
const file = (progress, extra = {}) => JSON.stringify({ app: "kamenev-quiz-progress", format: 1, exported: 1, progress, ...extra });
const IMPORTS = [
  {
    name: "huge.json",
    buffer: () => Buffer.alloc(50_000_000, "{"),
    message: "The file is too large (50.0 MB); a progress file can be at most 1 MB.",
  },
  {
    name: "scripted.json",
    buffer: () =>
      Buffer.from(
        file({
          cards: { '<img src=x onerror="window.__pwned=1">': { ...card, phase: "<script>window.__pwned=2</script>" } },
          log: [],
        }),
      ),
    message: 'In the card for question "<img src=x onerror="window.__pwned=1">": unknown variant `<script>window.__pwned=2</script>`, expected one of',
  },
  {
    name: "scripted-log.json",
    buffer: () =>
      Buffer.from(file({ cards: {}, log: [{ question: "<script>window.__pwned=3</script>", at: 1, mode: "<b>test</b>", score: 1, rating: null, due: null }] })),
    message: "In review log entry 1: unknown variant `<b>test</b>`, expected `practice` or `test`.",
  },
  {
    name: "page.html",
    buffer: () => Buffer.from('<!doctype html><script>window.__pwned=4</script><img src=x onerror="window.__pwned=5">'),
    message: "The file is not valid JSON: the problem is at line 1, column 1.",
  },
  {
    name: "binary.json",
    buffer: () => Buffer.from([0xff, 0xfe, 0x00, 0x3c, 0x80, 0x81, 0xc3, 0x28, 0x00, 0x01]),
    message: "The file is not valid JSON: the problem is at line 1, column 1.",
  },
  { name: "empty.json", buffer: () => Buffer.alloc(0), message: "The file is empty." },
  { name: "array.json", buffer: () => Buffer.from("[1, 2, 3]"), message: 'This is not a quiz progress file from this site: it has no "app": "kamenev-quiz-progress".' },
  {
    name: "wrong-app.json",
    buffer: () => Buffer.from(JSON.stringify({ app: "<script>x</script>", format: 1, progress: { cards: {}, log: [] } })),
    message: 'This is not a quiz progress file from this site: it has no "app": "kamenev-quiz-progress".',
  },
  { name: "format.json", buffer: () => Buffer.from(file({ cards: {}, log: [] }, { format: "<1>" })), message: 'The file\'s "format" is missing or is not a whole number.' },
  { name: "newer.json", buffer: () => Buffer.from(file({ cards: {}, log: [] }, { format: 99 })), message: "The file was made by a newer version of this site (format 99); this version reads format 1." },
  { name: "cards-list.json", buffer: () => Buffer.from(file({ cards: [], log: {} })), message: 'In "progress": "cards" must be an object.' },
  { name: "no-log.json", buffer: () => Buffer.from(file({ cards: {} })), message: 'In "progress": "log" is missing.' },
  {
    name: "bad-number.json",
    buffer: () => Buffer.from(file({ cards: { "x": { ...card, difficulty: 11 } }, log: [] })),
    message: 'In the card for question "x": "difficulty" must be a number from 0 to 10.',
  },
];

test("hostile, oversized and malformed progress files are refused with a message; the progress is untouched", async () => {
  const page = await open("/quiz/practice");
  await page.evaluate((key) => localStorage.removeItem(key), PROGRESS_KEY);
  await page.reload();
  await appReady(page);
  await practiseOne(page);
  const before = await saved(page, PROGRESS_KEY);
  assert.ok(before?.includes('"rating":"good"'), "practice saved a reviewed card");

  await page.goto(app.url + "/quiz/progress");
  await appReady(page);
  assert.equal(await page.locator("[data-testid=progress-answered]").textContent(), "You have answered 1 question.");
  const input = page.locator("#import-file");
  const message = page.locator("[data-testid=import-message]");
  for (const { name, buffer, message: expected } of IMPORTS) {
    // Focus leaves the message first: the app moves it back there once it has judged this file.
    await input.focus();
    // A 50 MB buffer takes Playwright about a minute to hand to the browser on a busy machine.
    await input.setInputFiles({ name, mimeType: "application/json", buffer: buffer() }, { timeout: 300_000 });
    await page.waitForFunction(
      (start) =>
        document.activeElement?.id === "import-message" &&
        (document.querySelector("[data-testid=import-message] p[role=alert]")?.textContent ?? "").startsWith(start),
      expected,
      { timeout: 20_000 },
    ).catch(() => {});
    const text = await message.locator("p").textContent();
    assert.ok(text.startsWith(expected), `${name}: ${JSON.stringify(text)} should start with ${JSON.stringify(expected)}`);
    assert.equal(await message.locator("*").count(), 1, `${name}: the message is one paragraph of text`);
    assert.equal(await page.locator("#import-confirm").count(), 0, `${name}: nothing to confirm`);
    assert.equal(await saved(page, PROGRESS_KEY), before, `${name}: the saved progress is unchanged`);
    assert.equal(await page.evaluate(() => document.activeElement?.id), "import-message", `${name}: focus is on the message`);
    await assertClean(page, name);
  }

  // A well-formed file whose strings are HTML: offered as text, and Cancel changes nothing.
  const html = file({
    cards: { "<script>window.__pwned=6</script>": card },
    log: [{ question: '<img src=x onerror="window.__pwned=7">', at: 1, mode: "test", score: 50, rating: null, due: null }],
  });
  await input.setInputFiles({ name: "html-strings.json", mimeType: "application/json", buffer: Buffer.from(html) });
  await page.locator("#import-confirm").waitFor();
  assert.equal(
    await message.locator("p").textContent(),
    "The file is valid: 0 cards and 1 answers. 1 cards for questions no longer in the quiz will be left out. Importing replaces the progress saved in this browser.",
  );
  await page.getByRole("button", { name: "Cancel" }).first().click();
  await page.waitForFunction(() => document.querySelector("[data-testid=import-message]")?.textContent.includes("Nothing was imported"));
  assert.equal(await saved(page, PROGRESS_KEY), before, "cancel leaves the progress");
  await assertClean(page, "html-strings.json");

  await page.reload();
  await appReady(page);
  assert.equal(await page.locator("[data-testid=progress-answered]").textContent(), "You have answered 1 question.");
  assert.equal(await saved(page, PROGRESS_KEY), before, "the progress survives a reload unchanged");
  await page.goto(app.url + "/quiz/practice");
  await appReady(page);
  assert.match(await page.locator("[data-testid=practice-summary]").innerText(), /Cards scheduled: 1/);
  assert.deepEqual(app.errors, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------------------------
// (g) HTML typed into the compare worksheet.

test("HTML typed into the worksheet is kept and shown as literal text after a reload", async () => {
  const page = await open("/compare?view=work");
  await page.evaluate((key) => localStorage.removeItem(key), WORK_KEY);
  await page.reload();
  await appReady(page);
  const reasonText = '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> </textarea><b>bold</b>';
  const claimText = '<script>window.__pwned=3</script></textarea><img src=x onerror="window.__pwned=4"> & &lt;ok&gt;';
  const observer = page.locator("[data-testid=rating][data-source=observer-1936]");
  await observer.getByLabel("Doubtful", { exact: true }).check();
  await observer.getByLabel("Why?").fill(reasonText);
  await page.locator("#work-claim").fill(claimText);
  await page.waitForFunction(
    ([key, a, b]) => {
      const value = localStorage.getItem(key) ?? "";
      return value.includes(JSON.stringify(a).slice(1, -1)) && value.includes(JSON.stringify(b).slice(1, -1));
    },
    [WORK_KEY, reasonText, claimText],
  );
  await assertClean(page, "after typing");

  await page.reload();
  await appReady(page);
  const reloaded = page.locator("[data-testid=rating][data-source=observer-1936]");
  assert.equal(await reloaded.getByLabel("Why?").inputValue(), reasonText, "the reason comes back verbatim");
  assert.equal(await page.locator("#work-claim").inputValue(), claimText, "the claim comes back verbatim");
  assert.ok(await reloaded.getByLabel("Doubtful", { exact: true }).isChecked());
  // The worksheet (the printed summary) shows both as text.
  const sheet = page.locator("[data-testid=worksheet]");
  const texts = await sheet.locator(".worksheet__text").allTextContents();
  assert.ok(texts.includes(claimText), "the claim is on the worksheet as text");
  assert.ok(texts.includes(reasonText), "the reason is on the worksheet as text");
  assert.equal(await sheet.locator("b, img, script").count(), 0, "no markup on the worksheet");
  assert.equal(await page.locator("main textarea").locator("*").count(), 0, "the text areas hold only text");
  await assertClean(page, "after the reload");
  assert.deepEqual(app.errors, []);
  await page.close();
});

test("no page raised an uncaught error or a CSP violation", () => {
  assert.deepEqual(app.errors, []);
});
