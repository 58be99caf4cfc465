// The thread's live parts in a real browser: reactions toggle in place with JavaScript and by a
// plain form post without it, and "Load Full (N)" loads the rest of a long thread in place.
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

// Signs up through the JSON API and returns the session token (also a cookie value).
async function signUp(username) {
    const response = await fetch(`${BASE}/api/v1/users`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
    });
    assert.equal(response.status, 201, `sign-up of ${username}`);
    return (await response.json()).token;
}

async function api(path, token, body) {
    const response = await fetch(`${BASE}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
    });
    assert.ok(response.ok, `${path}: ${response.status}`);
    return response.json();
}

async function pageAs(token, options = {}) {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
    const host = new URL(BASE).hostname;
    await context.addCookies([{ name: 'hoot_session', value: token, domain: host, path: '/' }]);
    const page = await context.newPage();
    page.setDefaultTimeout(5_000);
    return page;
}

describe('thread in a browser', () => {
    let author, reader, hoot;

    before(async () => {
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
                   '--disable-component-update', '--no-first-run'],
        });
        const suffix = Date.now().toString(36);
        author = await signUp(`asker_${suffix}`);
        reader = await signUp(`reader_${suffix}`);
        hoot = await api('/api/v1/hoots', author,
                         { title: 'Which shoes for a first marathon?', body: 'Cushioned or light?' });
    });

    after(async () => { await browser?.close(); });

    it('toggles a reaction in place with JavaScript', { timeout: STEP_TIMEOUT_MS }, async () => {
        const page = await pageAs(reader);
        await page.goto(`${BASE}${hoot.url}`);
        const helpful = page.locator('#hoot button.reaction[data-kind="helpful"]');
        await assert.doesNotReject(helpful.waitFor());
        assert.equal(await helpful.getAttribute('aria-pressed'), 'false');
        const url = page.url();
        await helpful.click();
        await page.waitForFunction(() => document.querySelector(
            '#hoot button.reaction[data-kind="helpful"]')?.getAttribute('aria-pressed') === 'true');
        assert.equal(page.url(), url, 'no navigation: the toggle happened in place');
        assert.equal((await helpful.locator('.count').textContent()).trim(), '1');
        assert.match(await page.locator('#hoot .popularity-value').first().textContent(), /44% popularity/);
        assert.match(await page.locator('#hoot .reactions-total').first().textContent(), /1 Reactions/);
        await page.screenshot({ path: join(ARTIFACTS, '20-reaction-in-place.png') });
        // And back off.
        await helpful.click();
        await page.waitForFunction(() => document.querySelector(
            '#hoot button.reaction[data-kind="helpful"]')?.getAttribute('aria-pressed') === 'false');
        assert.match(await page.locator('#hoot .popularity-value').first().textContent(), /10% popularity/);
        await page.context().close();
    });

    it('toggles a reaction by a form post without JavaScript', { timeout: STEP_TIMEOUT_MS }, async () => {
        const page = await pageAs(reader, { javaScriptEnabled: false });
        await page.goto(`${BASE}${hoot.url}`);
        await page.locator('#hoot button.reaction[data-kind="insightful"]').click();
        await page.waitForLoadState('load');
        const insightful = page.locator('#hoot button.reaction[data-kind="insightful"]');
        assert.equal(await insightful.getAttribute('aria-pressed'), 'true');
        assert.equal((await insightful.locator('.count').textContent()).trim(), '1');
        // The other kinds were not touched by the shared form.
        assert.equal(await page.locator('#hoot button.reaction[data-kind="helpful"]')
                         .getAttribute('aria-pressed'), 'false');
        await page.screenshot({ path: join(ARTIFACTS, '21-reaction-without-js.png') });
        await page.context().close();
    });

    it('loads the rest of a long thread in place', { timeout: STEP_TIMEOUT_MS }, async () => {
        const commenters = [author, reader];
        for (let i = 0; i < 23; i++) {
            await api(`/api/v1/hoots/${hoot.id}/comments`, commenters[i % 2],
                      { body: `Answer number ${i + 1}.` });
        }
        const page = await pageAs(reader);
        await page.goto(`${BASE}${hoot.url}`);
        assert.equal(await page.locator('article.comment').count(), 20);
        const loadFull = page.getByRole('link', { name: 'Load Full (3)' });
        await loadFull.click();
        await page.waitForFunction(() => document.querySelectorAll('article.comment').length === 23);
        assert.equal(await page.getByText('Answer number 1.', { exact: true }).count(), 1);
        await page.screenshot({ path: join(ARTIFACTS, '22-load-full.png') });
        await page.context().close();
    });
});
