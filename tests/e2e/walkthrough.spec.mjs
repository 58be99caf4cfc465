// A person's path through Hoot in a real browser: sign up, ask a question, comment, read the
// comments in each order, switch the theme (with and without JavaScript), edit the profile, sign
// out, and read the thread on a phone. Every step asserts what the person sees and leaves a
// screenshot in tests/e2e/artifacts/. Run through run.sh, which starts the server.
//
// Uses Debian's Chromium through playwright-core only: no browser is downloaded.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

const BASE = process.env.HOOT_E2E_BASE_URL;
const CHROMIUM = process.env.HOOT_E2E_CHROMIUM || '/usr/bin/chromium';
const ARTIFACTS = process.env.HOOT_E2E_ARTIFACTS || new URL('./artifacts', import.meta.url).pathname;
if (!BASE) throw new Error('HOOT_E2E_BASE_URL is not set: run this through tests/e2e/run.sh');

const STEP_TIMEOUT_MS = 20_000;  // one step, all its waits included
const WAIT_TIMEOUT_MS = 5_000;   // one wait for an element or a condition
const NAV_TIMEOUT_MS = 10_000;   // one navigation

// Our own words; the thread page title and the slug are derived from the title.
const TITLE = 'Sore glutes from running';
const BODY = [
    'I started running three times a week a month ago, and my glutes are sore for two days',
    'after every long run. The soreness is on both sides and it fades by the next run.',
    '',
    'Is this **normal** while the body gets used to it, or am I doing something wrong?',
    'What I have tried so far:',
    '',
    '- stretching for ten minutes after each run',
    '- a rest day between runs',
    '- shorter strides on hills',
    '',
].join('\n');
const TAGS = 'running glutes';
const ALICE = { username: 'alice', password: 'correct horse battery' };
const BOB = { username: 'bob_runs', password: 'tempo-run-on-tuesday' };
const ALICE_COMMENT = 'Update: a foam roller after the run helped a lot.';
const BOB_COMMENT = 'Mine went away after adding **hill repeats** slowly. Give it a few weeks.';
const BOB_COMMENT_TEXT = 'Mine went away after adding hill repeats slowly. Give it a few weeks.';

mkdirSync(ARTIFACTS, { recursive: true });

// ---- Shared state between the steps -----------------------------------------------------------

let browser;
const contexts = [];
const consoleProblems = [];  // script errors and console errors (CSP violations among them)
const state = { aliceSignedIn: false, threadPath: null, bobSignedIn: false };
let alice;  // the first person's page, signed in from step 2 on
let bob;    // the second person's page

async function newPage(options = {}) {
    const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        colorScheme: 'light',
        ...options,
    });
    context.setDefaultTimeout(WAIT_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(NAV_TIMEOUT_MS);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => consoleProblems.push(`page error on ${page.url()}: ${error}`));
    page.on('console', (message) => {
        // A page answered with an error status (the 422 of a refused form) is logged as
        // "Failed to load resource" too; failed subresources are caught below instead.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
            consoleProblems.push(`console error on ${page.url()}: ${message.text()}`);
        }
    });
    page.on('requestfailed', (request) => {
        // Leaving a page cuts its background requests (ERR_ABORTED): the live event stream, which
        // never ends by itself, and a live refresh under way (the stream announces the comment
        // a person just posted while their browser is still following the form's redirect).
        if (['eventsource', 'fetch'].includes(request.resourceType()) &&
            request.failure()?.errorText === 'net::ERR_ABORTED') return;
        consoleProblems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
    });
    page.on('response', (response) => {
        const request = response.request();
        if (request.resourceType() === 'document' || response.status() < 400) return;
        // Chromium asks for /favicon.ico on its own; Hoot has none yet (not a page's doing).
        if (new URL(response.url()).pathname === '/favicon.ico') return;
        consoleProblems.push(`${response.status()} for ${request.resourceType()} ${response.url()}`);
    });
    return page;
}

async function shot(page, name) {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true, scale: 'css' });
}

// Runs one step; on failure every open page is photographed before the error is reported, and a
// step whose preconditions an earlier failure left unmet is skipped instead of failing again.
let failures = 0;
function step(name, needs, fn) {
    it(name, { timeout: STEP_TIMEOUT_MS }, async (t) => {
        const unmet = needs.filter((key) => !state[key]);
        if (unmet.length > 0) {
            t.skip(`an earlier step failed (${unmet.join(', ')} not reached)`);
            return;
        }
        try {
            await fn();
        } catch (error) {
            failures += 1;
            const slug = name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
            let i = 0;
            for (const context of contexts) {
                for (const page of context.pages()) {
                    i += 1;
                    await shot(page, `FAILED-${slug}-${i}`).catch(() => {});
                }
            }
            throw error;
        }
    });
}

function url(path) {
    return new URL(path, BASE).toString();
}

function topBar(page) {
    return page.locator('header.topbar');
}

async function textOf(locator) {
    return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

// The comments as the person sees them: author and text, top to bottom by their position.
async function commentsOnScreen(page) {
    const comments = await page.locator('article.comment').evaluateAll((elements) =>
        elements.map((element) => ({
            author: element.querySelector('.author').textContent.trim(),
            text: element.querySelector('.body').textContent.trim(),
            top: element.getBoundingClientRect().top + window.scrollY,
        })));
    for (let i = 1; i < comments.length; i += 1) {
        assert.ok(comments[i - 1].top < comments[i].top,
                  `comment ${i} is not laid out above comment ${i + 1}`);
    }
    return comments;
}

async function expectSortCurrent(page, current) {
    const sort = page.getByRole('navigation', { name: 'Comment order' });
    await sort.waitFor();
    for (const order of ['Latest', 'Oldest', 'Best']) {
        const link = sort.getByRole('link', { name: order, exact: true });
        assert.equal(await link.getAttribute('aria-current'), order === current ? 'true' : null,
                     `aria-current on "${order}" when "${current}" is chosen`);
    }
    assert.equal(await textOf(sort.locator('span').first()),
                 `Sorted by ${current.toLowerCase()} first`);
}

async function signUp(page, user) {
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Sign up', exact: true }).click(),
    ]);
}

async function postComment(page, text) {
    await page.getByLabel('Your comment').fill(text);
    await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Post comment' }).click(),
    ]);
}

async function expectNoHorizontalScroll(page, width) {
    const sizes = await page.evaluate(() => ({
        scrollWidth: document.scrollingElement.scrollWidth,
        innerWidth: window.innerWidth,
    }));
    assert.equal(sizes.innerWidth, width, 'the page is laid out for the phone width');
    assert.ok(sizes.scrollWidth <= width,
              `${page.url()} scrolls sideways on a ${width}px phone (scrollWidth ${sizes.scrollWidth})`);
}

// ---- The walk ----------------------------------------------------------------------------------

describe('a person walks through Hoot in Chromium', () => {
    before(async () => {
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            headless: true,
            timeout: 20_000,
            args: [
                '--headless',
                '--no-sandbox',
                '--disable-gpu',
                '--disable-background-networking',
                '--disable-component-update',
                '--no-first-run',
            ],
        });
        alice = await newPage();
    });

    after(async () => {
        await browser?.close();
    });

    step('an empty site greets a new visitor', [], async () => {
        await alice.goto(url('/'));
        assert.equal(await alice.title(), 'Hoot');
        await alice.getByRole('heading', { level: 1, name: 'Latest hoots' }).waitFor();
        assert.match(await textOf(alice.locator('main .empty')), /^No hoots here yet\./);
        await alice.getByRole('link', { name: 'Log in to write the first one' }).waitFor();
        await topBar(alice).getByRole('link', { name: 'Log in' }).waitFor();
        await topBar(alice).getByRole('link', { name: 'Sign up' }).waitFor();
        await shot(alice, '01-home-empty');
    });

    step('sign up refuses a short password and keeps the username', [], async () => {
        await Promise.all([
            alice.waitForURL(/\/signup\?next=/),
            topBar(alice).getByRole('link', { name: 'Sign up' }).click(),
        ]);
        await alice.getByRole('heading', { level: 1, name: 'Sign up' }).waitFor();
        await alice.getByText('At least 10 characters').waitFor();
        await alice.getByLabel('Username').fill(ALICE.username);
        await alice.getByLabel('Password').fill('short');
        await alice.getByRole('button', { name: 'Sign up', exact: true }).click();
        // The browser's own check (minlength) stops the form before it is sent.
        assert.equal(new URL(alice.url()).pathname, '/signup');
        assert.equal(await alice.getByLabel('Password').evaluate((input) => input.validity.tooShort),
                     true);
        // A browser without that check sends it anyway: the server answers with the same rule,
        // on the form, with the username kept and the password not sent back.
        await alice.locator('form.auth').evaluate((form) => { form.noValidate = true; });
        await Promise.all([
            alice.waitForNavigation(),
            alice.getByRole('button', { name: 'Sign up', exact: true }).click(),
        ]);
        const summary = alice.getByRole('alert');
        await summary.waitFor();
        assert.match(await textOf(summary), /Password must be at least 10 characters\./);
        await alice.locator('#f-password-error').waitFor();
        assert.equal(await textOf(alice.locator('#f-password-error')),
                     'Password must be at least 10 characters.');
        assert.equal(await alice.getByLabel('Username').inputValue(), ALICE.username);
        assert.equal(await alice.getByLabel('Password').inputValue(), '');
        assert.equal(await alice.getByLabel('Password').getAttribute('aria-invalid'), 'true');
        await shot(alice, '02-signup-error');
    });

    step('sign up with a good password signs the person in', [], async () => {
        await alice.goto(url('/signup?next=/'));
        await signUp(alice, ALICE);
        assert.equal(alice.url(), url('/'));
        const me = topBar(alice).locator('a.me');
        await me.waitFor();
        assert.equal(await textOf(me), ALICE.username);
        await topBar(alice).getByRole('link', { name: 'Edit profile' }).waitFor();
        await topBar(alice).getByRole('button', { name: 'Sign out' }).waitFor();
        assert.equal(await topBar(alice).getByRole('link', { name: 'Log in' }).count(), 0);
        await alice.getByRole('link', { name: 'Write the first one' }).waitFor();
        state.aliceSignedIn = true;
        await shot(alice, '03-signed-in');
    });

    step('New Post asks the question and lands on its thread', ['aliceSignedIn'], async () => {
        await Promise.all([
            alice.waitForURL(url('/new')),
            topBar(alice).getByRole('link', { name: 'New Post' }).click(),
        ]);
        await alice.getByRole('heading', { level: 1, name: 'New Post' }).waitFor();
        await alice.getByLabel('Title').fill(TITLE);
        await alice.getByLabel('Body').fill(BODY);
        await alice.getByLabel('Tags').fill(TAGS);
        await Promise.all([
            alice.waitForURL(/\/hoots\/\d+\/[^/?#]+$/),
            alice.getByRole('button', { name: 'Post', exact: true }).click(),
        ]);
        const path = new URL(alice.url()).pathname;
        assert.match(path, /^\/hoots\/\d+\/sore-glutes-from-running$/);
        state.threadPath = path;

        assert.equal(await alice.title(), 'Hoots : Sore glutes from running - Hoot');
        const hoot = alice.locator('article.hoot');
        assert.equal(await textOf(hoot.getByRole('heading', { level: 1 })), TITLE);
        assert.equal(await textOf(hoot.locator('.meta .author')), ALICE.username);
        // The Markdown is rendered: two paragraphs, bold text and a list of three items.
        const body = hoot.locator('.body');
        assert.deepEqual(await body.locator('li').allInnerTexts(), [
            'stretching for ten minutes after each run',
            'a rest day between runs',
            'shorter strides on hills',
        ]);
        await body.locator('li').first().waitFor({ state: 'visible' });
        assert.equal(await body.locator('p').count(), 2);
        assert.equal(await textOf(body.locator('strong')), 'normal');
        assert.doesNotMatch(await textOf(body), /\*\*|^- /m);
        assert.deepEqual(await hoot.getByRole('list', { name: 'Tags' }).getByRole('link').allInnerTexts(),
                         ['running', 'glutes']);
        assert.equal(await textOf(hoot.locator('.pop')), '10% popularity 0 Reactions');
        assert.equal(await textOf(alice.locator('#comments-heading')), '0 Comments');
        await alice.getByText('No comments yet.').waitFor();
        await shot(alice, '04-thread');
    });

    step('a comment appears on the thread', ['threadPath'], async () => {
        await postComment(alice, ALICE_COMMENT);
        assert.equal(new URL(alice.url()).pathname, state.threadPath);
        assert.equal(await textOf(alice.locator('#comments-heading')), '1 Comments');
        const comments = await commentsOnScreen(alice);
        assert.deepEqual(comments.map(({ author, text }) => ({ author, text })),
                         [{ author: ALICE.username, text: ALICE_COMMENT }]);
        await alice.getByText(ALICE_COMMENT).waitFor({ state: 'visible' });
        assert.equal(await textOf(alice.locator('article.comment .pop')), '10% popularity 0 Reactions');
        await shot(alice, '05-comment');
    });

    step('a second person signs up from the thread and comments too', ['threadPath'], async () => {
        bob = await newPage();
        await bob.goto(url(state.threadPath));
        await bob.getByRole('link', { name: 'Login to follow hoots' }).waitFor();
        const invite = bob.locator('.comment-login');
        assert.equal(await textOf(invite), 'Log in or Sign up to comment.');
        await Promise.all([
            bob.waitForURL(/\/signup\?next=/),
            invite.getByRole('link', { name: 'Sign up' }).click(),
        ]);
        await signUp(bob, BOB);
        // Back on the thread they came from, signed in.
        assert.equal(new URL(bob.url()).pathname, state.threadPath);
        assert.equal(await textOf(topBar(bob).locator('a.me')), BOB.username);
        assert.equal(await bob.getByRole('link', { name: 'Login to follow hoots' }).count(), 0);
        state.bobSignedIn = true;
        await postComment(bob, BOB_COMMENT);
        assert.equal(await textOf(bob.locator('#comments-heading')), '2 Comments');
        await bob.getByText(BOB_COMMENT_TEXT).waitFor({ state: 'visible' });
        assert.equal(await textOf(bob.locator('article.comment .body strong')), 'hill repeats');
        await shot(bob, '06-second-comment');
    });

    step('the comment order switches between Latest, Oldest and Best', ['threadPath', 'bobSignedIn'],
         async () => {
        const latest = [BOB.username, ALICE.username];
        const oldest = [ALICE.username, BOB.username];
        await alice.goto(url(state.threadPath));
        assert.equal(await textOf(alice.locator('#comments-heading')), '2 Comments');
        await expectSortCurrent(alice, 'Latest');  // the default
        assert.deepEqual((await commentsOnScreen(alice)).map((c) => c.author), latest);

        const sort = alice.getByRole('navigation', { name: 'Comment order' });
        await Promise.all([
            alice.waitForURL(/\?sort=oldest$/),
            sort.getByRole('link', { name: 'Oldest' }).click(),
        ]);
        await expectSortCurrent(alice, 'Oldest');
        assert.deepEqual((await commentsOnScreen(alice)).map((c) => c.author), oldest);
        await shot(alice, '07-order-oldest');

        await Promise.all([
            alice.waitForURL(/\?sort=best$/),
            sort.getByRole('link', { name: 'Best' }).click(),
        ]);
        await expectSortCurrent(alice, 'Best');
        // No reactions yet, so both score the same and the older comes first.
        assert.deepEqual((await commentsOnScreen(alice)).map((c) => c.author), oldest);
        await shot(alice, '07-order-best');

        await Promise.all([
            alice.waitForURL(/\?sort=latest$/),
            sort.getByRole('link', { name: 'Latest' }).click(),
        ]);
        await expectSortCurrent(alice, 'Latest');
        assert.deepEqual((await commentsOnScreen(alice)).map((c) => c.author), latest);
        await shot(alice, '07-order-latest');
    });

    step('the dark theme switches in place with JavaScript and survives a reload', ['threadPath'],
         async () => {
        await alice.goto(url(state.threadPath));
        const html = alice.locator('html');
        const footer = alice.locator('footer');
        assert.equal(await html.getAttribute('data-theme'), null);
        const lightBackground = await alice.evaluate(
            () => getComputedStyle(document.body).backgroundColor);
        await alice.evaluate(() => { window.hootE2eSamePage = true; });
        await footer.getByRole('button', { name: 'Use Dark theme' }).click();
        await alice.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
        await footer.getByRole('button', { name: 'Use Light theme' }).waitFor();
        assert.equal(await alice.evaluate(() => window.hootE2eSamePage), true,
                     'the theme switched without loading a new page');
        const darkBackground = await alice.evaluate(
            () => getComputedStyle(document.body).backgroundColor);
        assert.notEqual(darkBackground, lightBackground, 'the page looks different when dark');
        const cookies = await alice.context().cookies(BASE);
        assert.equal(cookies.find((c) => c.name === 'hoot_theme')?.value, 'dark');
        await shot(alice, '08-dark-theme');

        await alice.reload();
        assert.equal(await html.getAttribute('data-theme'), 'dark');
        await footer.getByRole('button', { name: 'Use Light theme' }).waitFor();
        assert.equal(await alice.evaluate(() => getComputedStyle(document.body).backgroundColor),
                     darkBackground);
        await shot(alice, '08-dark-theme-reloaded');

        // And back to light, the same way.
        await footer.getByRole('button', { name: 'Use Light theme' }).click();
        await alice.waitForFunction(() => document.documentElement.dataset.theme === 'light');
        await footer.getByRole('button', { name: 'Use Dark theme' }).waitFor();
        await alice.reload();
        assert.equal(await html.getAttribute('data-theme'), 'light');
    });

    step('the theme form works without JavaScript, and so does Back to top', ['threadPath'],
         async () => {
        const page = await newPage({ javaScriptEnabled: false, viewport: { width: 1024, height: 500 } });
        await page.goto(url(state.threadPath));
        const footer = page.locator('footer');
        assert.equal(await page.locator('html').getAttribute('data-theme'), null);
        await Promise.all([
            page.waitForNavigation(),
            footer.getByRole('button', { name: 'Use Dark theme' }).click(),
        ]);
        // The server answered the form and sent the person back to the same thread, now dark.
        assert.equal(new URL(page.url()).pathname, state.threadPath);
        assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
        await footer.getByRole('button', { name: 'Use Light theme' }).waitFor();
        await shot(page, '09-dark-theme-no-js');

        // The plain #top link, no script involved.
        await footer.getByRole('link', { name: 'Back to top' }).scrollIntoViewIfNeeded();
        assert.ok(await page.evaluate(() => window.scrollY) > 0, 'the page scrolled down');
        await footer.getByRole('link', { name: 'Back to top' }).click();
        await page.waitForFunction(() => window.scrollY === 0);
        await page.context().close();
    });

    step('Back to top returns from the bottom of a long page', ['threadPath'], async () => {
        await alice.setViewportSize({ width: 1280, height: 500 });
        await alice.goto(url(state.threadPath));
        const long = await alice.evaluate(
            () => document.scrollingElement.scrollHeight > window.innerHeight * 1.5);
        assert.ok(long, 'the thread is long enough to scroll');
        await alice.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
        await alice.waitForFunction(
            () => window.scrollY + window.innerHeight >= document.scrollingElement.scrollHeight - 1);
        const backToTop = alice.locator('footer').getByRole('link', { name: 'Back to top' });
        await backToTop.waitFor({ state: 'visible' });
        await shot(alice, '10-bottom-of-thread');
        await backToTop.click();
        await alice.waitForFunction(() => window.scrollY === 0);  // smooth scrolling takes a moment
        await alice.locator('header.topbar').getByRole('link', { name: 'New Post' }).waitFor();
        assert.ok(await topBar(alice).isVisible());
        await alice.setViewportSize({ width: 1280, height: 900 });
    });

    step('Edit profile sets a display name and a bio', ['aliceSignedIn'], async () => {
        await Promise.all([
            alice.waitForURL(url('/settings/profile')),
            topBar(alice).getByRole('link', { name: 'Edit profile' }).click(),
        ]);
        await alice.getByRole('heading', { level: 1, name: 'Edit profile' }).waitFor();
        await alice.getByLabel('Display name').fill('Alice Runner');
        await alice.getByLabel('Bio').fill('I run **trails** on weekends and the river path on weekdays.');
        await Promise.all([
            alice.waitForURL(/\/settings\/profile\?saved=1$/),
            alice.getByRole('button', { name: 'Save' }).click(),
        ]);
        await alice.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
        assert.equal(await alice.getByLabel('Display name').inputValue(), 'Alice Runner');
        assert.equal(await textOf(topBar(alice).locator('a.me')), 'Alice Runner');
        await shot(alice, '11-profile-saved');

        await Promise.all([
            alice.waitForURL(url(`/u/${ALICE.username}`)),
            alice.getByRole('link', { name: 'View your profile' }).click(),
        ]);
        const profile = alice.locator('article.profile');
        assert.equal(await textOf(profile.getByRole('heading', { level: 1 })), 'Alice Runner');
        assert.equal(await textOf(profile.locator('.handle')), `@${ALICE.username}`);
        assert.equal(await textOf(profile.locator('.bio')),
                     'I run trails on weekends and the river path on weekdays.');
        assert.equal(await textOf(profile.locator('.bio strong')), 'trails');
        assert.match(await textOf(profile.locator('.meta')), /1 hoot · 1 comment$/);
        // Her hoot is listed under Hoots (her comment on it, under Comments, names it too).
        await alice.getByRole('region', { name: 'Hoots' }).getByRole('link', { name: TITLE })
            .waitFor();
        await alice.getByRole('region', { name: 'Comments' }).getByRole('link', { name: TITLE })
            .waitFor();
        assert.equal(await textOf(topBar(alice).locator('a.me')), 'Alice Runner');
        await shot(alice, '11-profile');

        // Her name on the thread follows the new display name.
        await alice.goto(url(state.threadPath));
        assert.equal(await textOf(alice.locator('article.hoot .meta .author')), 'Alice Runner');
    });

    step('signing out shows Log in and the invitation to follow', ['aliceSignedIn', 'threadPath'],
         async () => {
        await alice.goto(url(state.threadPath));
        await Promise.all([
            alice.waitForURL(url('/')),
            topBar(alice).getByRole('button', { name: 'Sign out' }).click(),
        ]);
        await topBar(alice).getByRole('link', { name: 'Log in' }).waitFor();
        assert.equal(await topBar(alice).locator('a.me').count(), 0);
        assert.equal(await topBar(alice).getByRole('link', { name: 'Edit profile' }).count(), 0);
        // The home page now lists the question.
        await alice.getByRole('link', { name: TITLE }).waitFor();
        await shot(alice, '12-signed-out-home');

        await alice.goto(url(state.threadPath));
        await alice.getByRole('link', { name: 'Login to follow hoots' }).waitFor({ state: 'visible' });
        assert.equal(await alice.getByLabel('Your comment').count(), 0);
        assert.equal(await textOf(alice.locator('.comment-login')), 'Log in or Sign up to comment.');
        await shot(alice, '12-signed-out-thread');
    });

    step('on a phone the thread fits the screen', ['threadPath'], async () => {
        const phone = await newPage({
            viewport: { width: 375, height: 700 },
            deviceScaleFactor: 2,
            isMobile: true,
            hasTouch: true,
        });
        // Logged in, so the top bar carries the most it can: name, Edit profile, Sign out.
        await phone.goto(url(`/login?next=${encodeURIComponent(state.threadPath)}`));
        await phone.getByLabel('Username').fill(BOB.username);
        await phone.getByLabel('Password').fill(BOB.password);
        await Promise.all([
            phone.waitForURL(url(state.threadPath)),
            phone.getByRole('button', { name: 'Log in' }).click(),
        ]);
        assert.equal(await textOf(topBar(phone).locator('a.me')), BOB.username);
        await phone.getByRole('heading', { level: 1, name: TITLE }).waitFor();
        await phone.getByLabel('Your comment').waitFor();
        await expectNoHorizontalScroll(phone, 375);
        await shot(phone, '13-phone-thread');

        await phone.goto(url('/'));
        await expectNoHorizontalScroll(phone, 375);
        await shot(phone, '13-phone-home');
    });

    step('no script errors or blocked resources along the way', [], async () => {
        assert.deepEqual(consoleProblems, []);
    });
});

process.on('exit', () => {
    if (failures > 0) console.error(`e2e: ${failures} step(s) failed; screenshots in ${ARTIFACTS}`);
});
