// Search in a real browser: the composer lists similar hoots as a title is typed (and simply
// does not without JavaScript), and the search box in the top bar finds a hoot by its words.
// Run through run.sh, which starts the server; it runs after walkthrough.spec.mjs (name order),
// which needs an empty site. Names are unique per run.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

const BASE = process.env.HOOT_E2E_BASE_URL;
const CHROMIUM = process.env.HOOT_E2E_CHROMIUM || '/usr/bin/chromium';
const ARTIFACTS = process.env.HOOT_E2E_ARTIFACTS || new URL('./artifacts', import.meta.url).pathname;
if (!BASE) throw new Error('HOOT_E2E_BASE_URL is not set: run this through tests/e2e/run.sh');
mkdirSync(ARTIFACTS, { recursive: true });

const PASSWORD = 'a long enough password';
const STEP_TIMEOUT_MS = 30_000;

let browser;

async function signUp(username) {
    const response = await fetch(`${BASE}/api/v1/users`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
    });
    assert.equal(response.status, 201, `sign-up of ${username}`);
    return (await response.json()).token;
}

async function pageAs(token, options = {}) {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
    const host = new URL(BASE).hostname;
    await context.addCookies([{ name: 'hoot_session', value: token, domain: host, path: '/' }]);
    const page = await context.newPage();
    page.setDefaultTimeout(5_000);
    return page;
}

describe('search in a browser', () => {
    let asker, writer, hoot;
    const word = `kestrel${Date.now().toString(36)}`;

    before(async () => {
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
                   '--disable-component-update', '--no-first-run'],
        });
        const suffix = Date.now().toString(36);
        asker = await signUp(`hovering_${suffix}`);
        writer = await signUp(`composer_${suffix}`);
        const response = await fetch(`${BASE}/api/v1/hoots`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${asker}` },
            body: JSON.stringify({ title: `How does a ${word} hover so still?`,
                                   body: 'It hangs in the wind `<script>alert(1)</script>` above the field.' }),
        });
        assert.equal(response.status, 201);
        hoot = await response.json();
    });

    after(async () => { await browser?.close(); });

    it('lists similar hoots under the title as it is typed', { timeout: STEP_TIMEOUT_MS }, async () => {
        const page = await pageAs(writer);
        await page.goto(`${BASE}/new`);
        await page.getByLabel('Title').pressSequentially(`Why does the ${word} hover`, { delay: 20 });
        const suggestion = page.locator('.similar-hoots a', { hasText: hoot.title });
        await assert.doesNotReject(suggestion.waitFor());
        assert.equal(await suggestion.getAttribute('href'), hoot.url);
        await page.screenshot({ path: join(ARTIFACTS, '30-similar-hoots.png') });
        // Clearing the title hides the list again.
        await page.getByLabel('Title').fill('');
        await page.locator('.similar-hoots').waitFor({ state: 'hidden' });
        await page.context().close();
    });

    it('shows no suggestions without JavaScript, and the composer still works', { timeout: STEP_TIMEOUT_MS }, async () => {
        const page = await pageAs(writer, { javaScriptEnabled: false });
        await page.goto(`${BASE}/new`);
        await page.getByLabel('Title').fill(`Why does the ${word} hover`);
        assert.equal(await page.locator('.similar-hoots').count(), 0);
        await page.context().close();
    });

    it('finds the hoot from the search box in the top bar', { timeout: STEP_TIMEOUT_MS }, async () => {
        const page = await pageAs(writer);
        await page.goto(`${BASE}/`);
        const box = page.getByRole('search');
        await box.getByRole('searchbox', { name: 'Search hoots' }).fill(`${word} wind`);
        await Promise.all([page.waitForURL(/\/search\?q=/), box.getByRole('button', { name: 'Search' }).click()]);
        const result = page.locator('a.search-result');
        assert.equal(await result.count(), 1);
        assert.equal(await result.getAttribute('href'), hoot.url);
        assert.equal(await page.locator('a.search-result mark').first().textContent(), word);
        // The snippet's <script> is text, not an element.
        assert.match(await page.locator('.search-hit .snippet').textContent(), /<script>alert\(1\)<\/script>/);
        assert.equal(await page.locator('main script').count(), 0);
        await page.screenshot({ path: join(ARTIFACTS, '31-search-results.png') });
        await result.click();
        await page.waitForURL(`${BASE}${hoot.url}`);
        await page.context().close();
    });
});
