// Two people in two browsers, live: Alice and Bob each keep pages open while the other comments,
// writes and answers, and what arrives shows up without a reload (the /events stream and hoot.js):
// the new comment in Alice's open thread, her bell, her DM box, and each side of a conversation.
// Run through run.sh, which starts the server; it runs after walkthrough.spec.mjs (name order),
// which needs an empty site. Names are unique per run.
//
// Every "without reload" step checks that the page did not navigate (a marker set on the page's
// window survives only while the same document stays loaded). Waits are bounded polls.

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
const STEP_TIMEOUT_MS = 60_000;  // a whole step: several pages on a busy machine
const LIVE_WAIT_MS = 5_000;  // how long something may take to arrive live

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

async function contextAs(token) {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const host = new URL(BASE).hostname;
    await context.addCookies([{ name: 'hoot_session', value: token, domain: host, path: '/' }]);
    return context;
}

// Opens `path` in a new page of `context` and waits until its live stream is open.
async function openLive(context, path) {
    const page = await context.newPage();
    page.setDefaultTimeout(LIVE_WAIT_MS);
    await gotoLive(page, path);
    return page;
}

async function gotoLive(page, path) {
    await page.goto(`${BASE}${path}`);
    await page.waitForSelector('html[data-live="open"]', { state: 'attached' });
    await markDocument(page);
}

// The marker that tells a live change from a reload: it lives only as long as this document.
async function markDocument(page) {
    await page.evaluate(() => { window.__hootSameDocument = true; });
}

async function assertNotReloaded(page, what) {
    assert.equal(await page.evaluate(() => window.__hootSameDocument === true), true,
                 `${what}: the page changed without a reload`);
}

// Waits until the badge named `which` ("notifications" or "conversations") in the top bar shows
// `count` (0: hidden), and returns the number a person sees in it ("" when hidden).
async function waitForBadge(page, which, count) {
    const handle = await page.waitForFunction(([which, count]) => {
        const badge = document.querySelector(`[data-unread="${which}"]`);
        if (!badge) return false;
        const shown = badge.hidden ? '' : badge.textContent.replace(/\D+/g, '');
        return (count === 0 ? shown === '' : shown === String(count)) && { shown };
    }, [which, count], { timeout: LIVE_WAIT_MS });
    return (await handle.jsonValue()).shown;
}

// Sends a direct message through the conversation page's form, as a person would, and waits
// until the page it lands on (the conversation again) shows it and is live again.
async function sendMessage(page, text) {
    await page.locator('form.send-message textarea[name="body"]').fill(text);
    await Promise.all([
        page.waitForURL(/\/messages\/[^/#]+#m-\d+$/),
        page.locator('form.send-message').getByRole('button', { name: 'Send' }).click(),
    ]);
    await page.getByText(text).waitFor();
    await page.waitForSelector('html[data-live="open"]', { state: 'attached' });
    await markDocument(page);
}

function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('two people, live', () => {
    const suffix = Date.now().toString(36);
    const aliceName = `alice_${suffix}`;
    const bobName = `bob_${suffix}`;
    const title = `Night trains from Vienna, ${suffix}?`;
    const commentText = `Take the one to Venice, ${suffix}: the sleeper cabins are worth it.`;
    let alice, bob, hoot;
    let aliceContext, bobContext;
    let aliceThread, aliceFeed, bobThread, aliceChat, bobChat;

    before(async () => {
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
                   '--disable-component-update', '--no-first-run'],
        });
        alice = await signUp(aliceName);
        bob = await signUp(bobName);
        hoot = await api('/api/v1/hoots', alice,
                         { title, body: 'Which one would you take, and in which season?' });
        aliceContext = await contextAs(alice);
        bobContext = await contextAs(bob);
    });

    after(async () => { await browser?.close(); });

    it('opens the thread in both browsers, and Bob follows it', { timeout: STEP_TIMEOUT_MS }, async () => {
        aliceThread = await openLive(aliceContext, hoot.url);
        aliceFeed = await openLive(aliceContext, '/');
        bobThread = await openLive(bobContext, hoot.url);

        // Alice follows her own hoot from the start; Bob does not yet.
        const aliceFollow = aliceThread.locator('form.follow-form button[type="submit"]');
        assert.equal((await aliceFollow.textContent()).trim(), 'Following');
        const bobFollow = bobThread.locator('form.follow-form button[type="submit"]');
        assert.equal((await bobFollow.textContent()).trim(), 'Follow');
        assert.match(await bobThread.locator('form.follow-form .followers').textContent(), /1 follower\b/);

        await bobFollow.click();
        await bobThread.waitForFunction(() => document.querySelector(
            'form.follow-form button[type="submit"]')?.getAttribute('aria-pressed') === 'true');
        assert.equal((await bobFollow.textContent()).trim(), 'Following');
        assert.match(await bobThread.locator('form.follow-form .followers').textContent(), /2 followers/);
        await assertNotReloaded(bobThread, 'following');
        await bobThread.screenshot({ path: join(ARTIFACTS, '30-bob-follows.png') });

        // Nothing unread for Alice yet: the bell and the DM box show no badge.
        await waitForBadge(aliceThread, 'notifications', 0);
        await waitForBadge(aliceFeed, 'conversations', 0);
    });

    it("shows Bob's comment in Alice's open thread and lights her bell", { timeout: STEP_TIMEOUT_MS }, async () => {
        assert.equal(await aliceThread.getByText(commentText).count(), 0);
        // Alice is half-way through a comment of her own when Bob's arrives.
        const draft = 'I would take the one to';
        const aliceBox = aliceThread.locator('form.comment-form textarea[name="body"]');
        await aliceBox.click();
        await aliceBox.pressSequentially(draft);
        await bobThread.locator('form.comment-form textarea[name="body"]').fill(commentText);
        await bobThread.getByRole('button', { name: 'Post comment' }).click();
        await bobThread.waitForLoadState('load');
        await bobThread.getByText(commentText).waitFor();

        // Alice did nothing: the comment appears in her open thread, the bell shows 1.
        await aliceThread.getByText(commentText).waitFor({ timeout: LIVE_WAIT_MS });
        const comment = aliceThread.locator('article.comment', { hasText: commentText });
        assert.equal(await comment.count(), 1);
        assert.match(await comment.textContent(), new RegExp(bobName));
        assert.equal(await waitForBadge(aliceThread, 'notifications', 1), '1');
        assert.equal(await waitForBadge(aliceFeed, 'notifications', 1), '1');
        await assertNotReloaded(aliceThread, "Bob's comment");
        // The comments were swapped in place, and her draft, its focus and caret survived it.
        assert.equal(await aliceBox.inputValue(), draft);
        assert.equal(await aliceThread.evaluate(() => {
            const box = document.activeElement;
            return box?.matches('form.comment-form textarea') && box.selectionStart === box.value.length;
        }), true, "Alice's comment box keeps the focus and the caret");
        await aliceThread.keyboard.type(' Venice.');
        assert.equal(await aliceBox.inputValue(), `${draft} Venice.`);
        await assertNotReloaded(aliceFeed, 'the bell on the feed');
        await aliceThread.screenshot({ path: join(ARTIFACTS, '31-alice-sees-comment-live.png') });
    });

    it('delivers messages live both ways and lights the DM box', { timeout: STEP_TIMEOUT_MS }, async () => {
        aliceChat = await openLive(aliceContext, `/messages/${bobName}`);
        bobChat = await openLive(bobContext, `/messages/${aliceName}`);
        const first = `Hi Alice, ${suffix}: I took that train last winter.`;
        const second = `And bring earplugs, ${suffix}.`;
        const answer = `Thanks Bob, ${suffix}! Which cabin did you book?`;

        // Bob writes through the form; it appears in Alice's open conversation. She has read it
        // there, so the DM box on her feed page stays dark (or goes dark again at once).
        await sendMessage(bobChat, first);
        await aliceChat.getByText(first).waitFor({ timeout: LIVE_WAIT_MS });
        await assertNotReloaded(aliceChat, "Bob's first message");
        await waitForBadge(aliceFeed, 'conversations', 0);
        await aliceChat.screenshot({ path: join(ARTIFACTS, '32-alice-sees-message-live.png') });

        // Alice leaves the conversation (back to the thread); Bob writes again: now the DM box on
        // her open feed page lights up.
        await gotoLive(aliceChat, hoot.url);
        await sendMessage(bobChat, second);
        assert.equal(await waitForBadge(aliceFeed, 'conversations', 1), '1');
        await assertNotReloaded(aliceFeed, 'the DM box');
        await aliceFeed.screenshot({ path: join(ARTIFACTS, '33-alice-dm-box-live.png') });

        // She opens the DM box: the conversation is listed, she opens it, and the badge on the
        // feed page goes dark without a reload.
        await Promise.all([aliceChat.waitForURL(/\/messages$/), aliceChat.locator('a.dmbox').click()]);
        const listed = aliceChat.locator('[data-section="conversations"] li.conversation', { hasText: bobName });
        assert.match(await listed.textContent(), /1 unread/);
        assert.match(await listed.textContent(), new RegExp(escapeRegExp(second)));
        await Promise.all([
            aliceChat.waitForURL(new RegExp(`/messages/${escapeRegExp(bobName)}$`)),
            listed.locator('a').first().click(),
        ]);
        await aliceChat.waitForSelector('html[data-live="open"]', { state: 'attached' });
        await markDocument(aliceChat);
        await aliceChat.getByText(second).waitFor();
        await waitForBadge(aliceFeed, 'conversations', 0);
        await assertNotReloaded(aliceFeed, 'the DM box after reading');

        // Alice answers; Bob, who kept his conversation open, sees it arrive.
        await sendMessage(aliceChat, answer);
        await bobChat.getByText(answer).waitFor({ timeout: LIVE_WAIT_MS });
        await assertNotReloaded(bobChat, "Alice's answer");
        const messages = bobChat.locator('[data-section="messages"] li.message');
        assert.equal(await messages.count(), 3);
        assert.match(await messages.last().textContent(), new RegExp(aliceName));
        await bobChat.screenshot({ path: join(ARTIFACTS, '34-bob-sees-answer-live.png') });
    });

    it('takes Alice from the bell to the comment, and the bell goes dark', { timeout: STEP_TIMEOUT_MS }, async () => {
        const page = aliceFeed;
        assert.equal(await waitForBadge(page, 'notifications', 1), '1');
        await page.locator('a.bell').click();
        await page.waitForLoadState('load');
        assert.equal(new URL(page.url()).pathname, '/notifications');
        const item = page.locator('li.notification.unread a', {
            hasText: new RegExp(`${escapeRegExp(bobName)} commented on \u201c${escapeRegExp(title)}\u201d`),
        });
        assert.equal(await item.count(), 1);
        await page.screenshot({ path: join(ARTIFACTS, '35-alice-notifications.png') });

        await item.click();
        await page.waitForLoadState('load');
        const landed = new URL(page.url());
        assert.equal(landed.pathname, new URL(hoot.url, BASE).pathname);
        assert.match(landed.hash, /^#c-\d+$/);
        const target = page.locator(landed.hash);
        assert.match(await target.textContent(), new RegExp(escapeRegExp(commentText)));
        assert.equal(await waitForBadge(page, 'notifications', 0), '');
        await page.screenshot({ path: join(ARTIFACTS, '36-alice-lands-on-comment.png') });

        // Read stays read: the inbox shows no unread item after a reload.
        await page.goto(`${BASE}/notifications`);
        assert.equal(await page.locator('li.notification.unread').count(), 0);
        assert.equal(await page.locator('[data-unread="notifications"]').first().isHidden(), true);
    });
});
