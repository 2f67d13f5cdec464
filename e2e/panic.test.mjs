// A Rust panic must leave a visible, announced message, not a dead page. The bundle built with the
// `debug-panic` feature has a route that panics on purpose.

import { test } from "node:test";
import assert from "node:assert/strict";
import { start, DEBUG_DIST } from "./support.mjs";

test("a panic shows the crash message with a way back", async () => {
  const app = await start(DEBUG_DIST);
  try {
    const page = await app.newPage();
    await page.goto(app.url + "/debug/panic");
    const message = page.locator("[data-testid=crash-message]");
    await message.waitFor({ state: "visible" });
    assert.equal(await message.getAttribute("role"), "alert");
    assert.match(await message.innerText(), /stopped working/);
    assert.match(await message.innerText(), /Reload the page/);
    assert.equal(await message.getByRole("link", { name: "Go to the home page" }).getAttribute("href"), "/");
    assert.ok(app.errors.some((e) => /unreachable|RuntimeError/i.test(e)), "the panic really happened");
  } finally {
    await app.close();
  }
});

test("the served build has no panic route", async () => {
  const app = await start();
  try {
    const page = await app.newPage();
    await page.goto(app.url + "/debug/panic");
    await page.waitForSelector("main h1");
    assert.equal(await page.locator("main h1").innerText(), "Page not found");
    assert.equal(await page.locator("[data-testid=crash-message]").count(), 0);
  } finally {
    await app.close();
  }
});
