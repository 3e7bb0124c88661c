/**
 * `npm run demo` in a real browser: headless Chromium (Debian's package, driven by playwright-core) opens
 * the demo page and goes through onboarding by typing and clicking like a person would, asks an FAQ
 * question, switches to the admin and back. Saves tests/artifacts/demo-chat.png.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type Demo } from "../../src/demo/index.js";
import { repoRoot } from "../support/bot-process.js";
import { ensureChromium, launchChromium, type ChromiumCheck, type ChromiumSession } from "../support/chromium.js";
import { templateDatabase } from "../support/db.js";

const SCREENSHOT = path.join(repoRoot, "tests", "artifacts", "demo-chat.png");
const WAIT = 15_000;

let check: ChromiumCheck = { available: false, reason: "not checked" };
let demo: Demo | undefined;
let browser: ChromiumSession | undefined;
let dir: string | undefined;

beforeAll(async () => {
  // installing Chromium with apt-get (first run on CI) can take minutes; it is setup, not the test
  check = await ensureChromium();
  if (!check.available) {
    console.warn(`[demo-browser] skipped: ${check.reason}`);
    return;
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "prakerja-demo-browser-"));
  const databaseFile = path.join(dir, "demo.db");
  fs.copyFileSync(templateDatabase, databaseFile); // already migrated: start-up skips `prisma migrate deploy`
  [demo, browser] = await Promise.all([startDemo({ port: 0, databaseFile, logLevel: "warn", onBotOutput: () => undefined }), launchChromium()]);
}, 15 * 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The newest bot bubble containing this text. */
function botSays(page: Page, text: string) {
  return page.locator("#list .row.in").filter({ hasText: text }).last();
}

async function waitBot(page: Page, text: string) {
  const row = botSays(page, text);
  await row.waitFor({ state: "visible", timeout: WAIT });
  return row;
}

async function type(page: Page, text: string) {
  await page.locator("#input").fill(text);
  await page.locator("#input").press("Enter");
}

async function clickButton(page: Page, label: string) {
  const button = page.locator("#list .row.in .inline-kb button").getByText(label, { exact: true }).last();
  await button.click({ timeout: WAIT });
}

describe("the demo page in headless Chromium", () => {
  it("onboards by clicking, answers an FAQ question, switches to the admin and back", { timeout: 90_000 }, async (ctx) => {
    ctx.skip(!check.available, check.reason);
    if (!demo || !browser) throw new Error("demo not started");
    const started = Date.now();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    page.on("console", (msg) => {
      if (msg.type() === "error") errors.push(msg.text());
    });

    await page.goto(demo.url);
    await page.locator('#persona-switch [data-persona="pengguna1"][aria-selected="true"]').waitFor({ timeout: WAIT });
    expect(await page.locator("#persona-switch button").allInnerTexts()).toEqual([
      expect.stringContaining("Pengguna 1"),
      expect.stringContaining("Pengguna 2"),
      expect.stringContaining("Admin"),
      expect.stringContaining("Kanal"),
    ]);
    // a new chat shows Telegram's "what can this bot do" card with a MULAI button
    await page.locator("#empty").waitFor({ state: "visible", timeout: WAIT });
    expect(await page.locator("#banner").isHidden()).toBe(true);

    // /start, typed
    await type(page, "/start");
    await page.locator("#list .row.out").filter({ hasText: "/start" }).waitFor({ timeout: WAIT });
    const welcome = await waitBot(page, "Halo, Siti!");
    expect(await welcome.locator("b").first().innerText()).toBe("Temu Alumni Kartu Prakerja"); // HTML bold from entities
    expect(await page.locator("#empty").isHidden()).toBe(true);

    // consent: the buttons disappear from the same bubble (edited in place)
    const consent = await waitBot(page, "boleh aku menyimpan");
    const consentId = await consent.getAttribute("data-id");
    await clickButton(page, "✅ Setuju");
    await waitBot(page, "Kamu termasuk yang mana?");
    await expect.poll(() => page.locator(`#list .row[data-id="${consentId}"] .inline-kb`).count(), { timeout: WAIT }).toBe(0);
    expect(await page.locator(`#list .row[data-id="${consentId}"]`).count()).toBe(1);

    // role: the question is edited into "Peran: …"
    const roleQuestion = botSays(page, "Kamu termasuk yang mana?");
    const roleId = await roleQuestion.getAttribute("data-id");
    await clickButton(page, "🎓 Alumni Prakerja");
    await page.locator(`#list .row[data-id="${roleId}"]`).filter({ hasText: "Peran: 🎓 Alumni Prakerja" }).waitFor({ timeout: WAIT });
    expect(await page.locator(`#list .row[data-id="${roleId}"] .meta`).innerText()).toContain("diedit");

    // province
    await waitBot(page, "provinsi mana");
    await clickButton(page, "Jambi");
    await waitBot(page, "Sip, provinsimu Jambi");
    const menu = await waitBot(page, "Mau ngapain hari ini?");
    expect(await menu.locator(".inline-kb button").count()).toBeGreaterThanOrEqual(4);

    // the command menu next to the text box lists the bot's commands (setMyCommands), in Indonesian
    await page.locator("#menu-btn").click();
    await page.locator("#commands-popup").getByText("/acara", { exact: true }).waitFor({ timeout: WAIT });
    expect(await page.locator("#commands-popup").innerText()).toContain("Lihat Temu Alumni terdekat");
    await page.locator("#menu-btn").click();
    expect(await page.locator("#commands-popup").isHidden()).toBe(true);

    // a free-text FAQ question
    await type(page, "berapa hari batas beli pelatihan setelah dapat SK?");
    const answer = await waitBot(page, "15 hari");
    expect(await answer.innerText()).toMatch(/15 hari/);

    // the admin has a separate, empty chat and the admin tips
    await page.locator('#persona-switch [data-persona="admin"]').click();
    await page.locator('#persona-switch [data-persona="admin"][aria-selected="true"]').waitFor({ timeout: WAIT });
    expect(await page.locator("#whoami").innerText()).toContain("Rina");
    expect(await page.locator("#admin-tips").isVisible()).toBe(true);
    expect(await page.locator("#admin-tips").innerText()).toContain(String(demo.adminIds));
    expect(await page.locator("#list .row").count()).toBe(0);
    await page.locator("#start-btn").click();
    await waitBot(page, "Halo, Rina!");
    expect(await page.locator("#list .row").filter({ hasText: "15 hari" }).count()).toBe(0);

    // back to Pengguna 1: the whole conversation is still there, the admin's is not
    await page.locator('#persona-switch [data-persona="pengguna1"]').click();
    await page.locator('#persona-switch [data-persona="pengguna1"][aria-selected="true"]').waitFor({ timeout: WAIT });
    expect(await page.locator("#whoami").innerText()).toContain("Siti");
    expect(await page.locator("#admin-tips").isHidden()).toBe(true);
    await waitBot(page, "15 hari");
    expect(await botSays(page, "Halo, Siti!").isVisible()).toBe(true);
    expect(await page.locator("#list .row").filter({ hasText: "Halo, Rina!" }).count()).toBe(0);
    expect(await page.locator("#list .row.out").allInnerTexts()).toEqual([expect.stringContaining("/start"), expect.stringContaining("berapa hari batas beli pelatihan")]);

    // a tall window, so the screenshot shows the whole conversation
    await page.setViewportSize({ width: 1100, height: 1500 });
    await page.locator("#messages").evaluate((node) => node.scrollTo(0, node.scrollHeight));
    await page.waitForTimeout(300);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(errors).toEqual([]);
    console.log(`[demo-browser] flow took ${Date.now() - started} ms; screenshot: ${path.relative(repoRoot, SCREENSHOT)}`);
  });
});
