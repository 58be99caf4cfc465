// Hoot's page conveniences. Every feature here sits on top of markup that already works without
// JavaScript (a real theme form, a real #top link); this file only makes them smoother.
// Loaded with `defer` from a file: the Content-Security-Policy forbids inline scripts.
(function () {
    "use strict";

    var root = document.documentElement;
    var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

    // --- Theme -------------------------------------------------------------------------------
    // The footer form (layout.cpp, class "theme-toggle") posts `theme` = the theme to switch TO.
    // Change together with layout.cpp.

    function effectiveTheme() {
        var chosen = root.dataset.theme;
        if (chosen === "dark" || chosen === "light") return chosen;
        return darkQuery && darkQuery.matches ? "dark" : "light";
    }

    // Makes the form offer the opposite of what the page shows now.
    function syncThemeForm(form) {
        var target = effectiveTheme() === "dark" ? "light" : "dark";
        var input = form.querySelector('input[name="theme"]');
        var button = form.querySelector('button[type="submit"], button:not([type])');
        if (input) input.value = target;
        if (button) button.textContent = target === "dark" ? "Use Dark theme" : "Use Light theme";
    }

    function syncAllThemeForms() {
        document.querySelectorAll("form.theme-toggle").forEach(syncThemeForm);
    }

    function applyTheme(theme) {
        root.dataset.theme = theme;
        // The same cookie the server sets from POST /theme, so the choice survives reloads.
        document.cookie = "hoot_theme=" + theme + "; Path=/; Max-Age=31536000; SameSite=Lax";
        syncAllThemeForms();
    }

    document.querySelectorAll("form.theme-toggle").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            var input = form.querySelector('input[name="theme"]');
            var theme = input ? input.value : "";
            if (theme !== "dark" && theme !== "light") return;  // let the server handle it
            event.preventDefault();
            applyTheme(theme);
        });
    });

    // With no theme chosen the server cannot know the system preference and always offers Dark;
    // correct the label now, and again if the system preference changes while the page is open.
    syncAllThemeForms();
    if (darkQuery) {
        var onSystemChange = function () {
            if (!root.dataset.theme) syncAllThemeForms();
        };
        if (darkQuery.addEventListener) darkQuery.addEventListener("change", onSystemChange);
        else if (darkQuery.addListener) darkQuery.addListener(onSystemChange);
    }

    // --- Back to top -------------------------------------------------------------------------

    var reducedMotion = window.matchMedia
        ? window.matchMedia("(prefers-reduced-motion: reduce)")
        : null;

    document.querySelectorAll('a[href="#top"]').forEach(function (link) {
        link.addEventListener("click", function (event) {
            event.preventDefault();
            var smooth = !(reducedMotion && reducedMotion.matches);
            window.scrollTo({ top: 0, behavior: smooth ? "smooth" : "auto" });
            // Keyboard users continue from the top of the page, as the plain link would do.
            var skip = document.querySelector(".skip");
            if (skip) skip.focus({ preventScroll: true });
            if (history.replaceState) history.replaceState(null, "", "#top");
        });
    });

    // --- File size -----------------------------------------------------------------------------
    // A file input with data-max-bytes (the avatar, profile_view.cpp) refuses a larger file as
    // soon as it is chosen: the form will not submit, and the browser says why, instead of sending
    // megabytes of a phone photo only for the server to refuse them.

    function megabytes(bytes) {
        var mb = bytes / (1024 * 1024);
        return (mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10) + " MB";
    }

    document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
        var limit = Number(input.dataset.maxBytes);
        input.addEventListener("change", function () {
            var file = input.files && input.files[0];
            if (file && limit > 0 && file.size > limit) {
                input.setCustomValidity("This file is " + megabytes(file.size) +
                    ": choose a picture of at most " + megabytes(limit) + ".");
                input.reportValidity();
            } else {
                input.setCustomValidity("");
            }
        });
    });

    // --- In-place requests ---------------------------------------------------------------------
    // The layout puts the session's CSRF token in <meta name="csrf-token"> (layout.cpp); the
    // JSON API reads it from the X-CSRF-Token header, as forms send it in the "csrf" field.

    function csrfToken() {
        var meta = document.querySelector('meta[name="csrf-token"]');
        return meta ? meta.getAttribute("content") || "" : "";
    }

    // --- Reactions -----------------------------------------------------------------------------
    // A post's reactions are one form (thread_view.cpp) whose buttons post to
    // /posts/{id}/reactions/{kind} (formaction), which toggles that kind. Here the same toggle goes to the JSON API (button data-api): PUT adds, DELETE
    // removes, and the answer carries the post's new counts, popularity and the reader's own
    // reactions. Anything unexpected falls back to the form, so the reaction is never lost.
    // Change together with thread_view.cpp and the API's reaction response.

    function setText(element, text) {
        if (element) element.textContent = text;
    }

    function applyReactionState(post, state) {
        var reactions = state.reactions || {};
        var mine = state.mine || {};
        post.querySelectorAll("button.reaction[data-kind]").forEach(function (button) {
            var kind = button.dataset.kind;
            if (typeof reactions[kind] === "number") {
                setText(button.querySelector(".count"), String(reactions[kind]));
            }
            if (typeof mine[kind] === "boolean") {
                button.setAttribute("aria-pressed", mine[kind] ? "true" : "false");
            }
        });
        // The post's own popularity line is the first one inside it (comments are not nested).
        var line = post.querySelector("[data-popularity]");
        if (!line) return;
        if (typeof state.popularity === "number") {
            setText(line.querySelector(".popularity-value"), state.popularity + "% popularity");
        }
        if (typeof reactions.total === "number") {
            setText(line.querySelector(".reactions-total"), reactions.total + " Reactions");
        }
    }

    function bindReactionForm(form) {
        if (form.dataset.bound) return;
        form.dataset.bound = "1";
        form.addEventListener("submit", function (event) {
            // The post's four reactions share one form; each button posts to its own formaction.
            var button = event.submitter;
            if (!window.fetch || !button || !button.dataset.api) return;  // the plain form post
            event.preventDefault();
            if (button.getAttribute("aria-busy") === "true") return;  // one toggle at a time
            var pressed = button.getAttribute("aria-pressed") === "true";
            button.setAttribute("aria-busy", "true");
            fetch(button.dataset.api, {
                method: pressed ? "DELETE" : "PUT",
                headers: { "X-CSRF-Token": csrfToken(), "Accept": "application/json" },
                credentials: "same-origin"
            })
                .then(function (response) {
                    if (!response.ok) throw new Error("HTTP " + response.status);
                    return response.json();
                })
                .then(function (state) {
                    if (!state || typeof state !== "object") throw new Error("bad answer");
                    var post = form.closest("[data-post-id]") || document;
                    applyReactionState(post, state);
                    button.removeAttribute("aria-busy");
                })
                .catch(function () {
                    button.removeAttribute("aria-busy");
                    form.action = button.formAction;  // this reaction's plain post
                    form.submit();  // does not fire "submit" again, so no loop
                });
        });
    }

    // --- Delete --------------------------------------------------------------------------------
    // Without JS the delete button deletes at once (and a moderator can restore); with it, ask.

    function bindDeleteForm(form) {
        if (form.dataset.bound) return;
        form.dataset.bound = "1";
        form.addEventListener("submit", function (event) {
            var isComment = !!form.closest("article.comment");
            var question = isComment ? "Delete this comment?" : "Delete this hoot?";
            if (!window.confirm(question)) event.preventDefault();
        });
    }

    // --- Load Full in place --------------------------------------------------------------------
    // "Load Full (N)" (class load-full) links to the whole thread. Here the page fetches it and
    // swaps its comments section (data-section names it) for the fetched one, keeping anything
    // typed into the forms; on any failure the link is simply followed.

    // Also keeps open the reply and update forms (<details>) that hold a field, so that a live
    // refresh does not fold away a reply being written.
    function keepTypedText(from, to) {
        from.querySelectorAll("textarea[id], input[type='text'][id]").forEach(function (field) {
            var twin = to.querySelector("#" + CSS.escape(field.id));
            if (!twin) return;
            if (field.value && !twin.value) twin.value = field.value;
            var details = field.closest("details");
            var twinDetails = twin.closest("details");
            if (details && details.open && twinDetails) twinDetails.open = true;
        });
    }

    // Swaps `current` for `adopted`; whoever was typing in `current` keeps typing in the twin
    // field, with the caret where it was (the comment form sits inside the live comments).
    function swapKeepingFocus(current, adopted) {
        var focused = document.activeElement;
        var id = focused && focused.id && current.contains(focused) ? focused.id : "";
        var start = null, end = null;
        if (id && typeof focused.selectionStart === "number") {
            start = focused.selectionStart;
            end = focused.selectionEnd;
        }
        current.replaceWith(adopted);
        if (!id) return;
        var twin = document.getElementById(id);
        if (!twin) return;
        twin.focus({ preventScroll: true });
        if (start !== null && typeof twin.setSelectionRange === "function") {
            try {
                twin.setSelectionRange(start, end);
            } catch (e) {
                // not a text field: the focus alone is right
            }
        }
    }

    function bindLoadFull(link) {
        if (link.dataset.bound) return;
        link.dataset.bound = "1";
        link.addEventListener("click", function (event) {
            var name = link.dataset.section;
            if (!window.fetch || !window.DOMParser || !name) return;
            var selector = '[data-section="' + CSS.escape(name) + '"]:not(a)';
            var current = link.closest(selector) || document.querySelector(selector);
            if (!current) return;
            event.preventDefault();
            var href = link.href;
            var shown = current.querySelectorAll("article.comment").length;
            link.setAttribute("aria-busy", "true");
            fetch(href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
                .then(function (response) {
                    if (!response.ok) throw new Error("HTTP " + response.status);
                    return response.text();
                })
                .then(function (text) {
                    var doc = new DOMParser().parseFromString(text, "text/html");
                    var fresh = doc.querySelector(selector);
                    if (!fresh) throw new Error("no section");
                    var adopted = document.importNode(fresh, true);
                    keepTypedText(current, adopted);
                    current.replaceWith(adopted);
                    bindAll(adopted);
                    if (history.replaceState) history.replaceState(null, "", href);
                    // Keyboard and screen-reader users continue at the first comment they had
                    // not seen yet, as they would scroll to it.
                    var next = adopted.querySelectorAll("article.comment")[shown];
                    if (next) {
                        next.setAttribute("tabindex", "-1");
                        next.focus();
                    }
                })
                .catch(function () {
                    window.location.href = href;
                });
        });
    }

    // --- Follow in place ------------------------------------------------------------------------
    // The follow form (social_view.cpp) posts follow=1|0; its button's data-api is the JSON
    // endpoint: PUT follows, DELETE stops. On failure the form is posted as it is.

    function bindFollowForm(form) {
        if (form.dataset.bound) return;
        form.dataset.bound = "1";
        form.addEventListener("submit", function (event) {
            var button = form.querySelector("button[data-api]");
            var input = form.querySelector('input[name="follow"]');
            if (!window.fetch || !button || !input) return;
            event.preventDefault();
            var follow = input.value === "1";
            fetch(button.dataset.api, {
                method: follow ? "PUT" : "DELETE",
                headers: { "X-CSRF-Token": csrfToken(), "Accept": "application/json" },
                credentials: "same-origin"
            })
                .then(function (response) {
                    if (!response.ok) throw new Error("HTTP " + response.status);
                    return response.json();
                })
                .then(function (state) {
                    input.value = state.following ? "0" : "1";
                    button.textContent = state.following ? "Following" : "Follow";
                    button.setAttribute("aria-pressed", state.following ? "true" : "false");
                    var count = form.querySelector(".followers");
                    if (count && typeof state.followers === "number") {
                        count.textContent = state.followers +
                            (state.followers === 1 ? " follower" : " followers");
                    }
                })
                .catch(function () {
                    form.submit();
                });
        });
    }

    // --- Sections refreshed in place ------------------------------------------------------------
    // Fetches `href` and swaps the element named data-section="name" for the fetched one, keeping
    // anything typed into its forms (used by Load Full and by live updates).

    function refreshSection(name, href) {
        var selector = '[data-section="' + CSS.escape(name) + '"]:not(a)';
        var current = document.querySelector(selector);
        if (!current || !window.fetch || !window.DOMParser) return Promise.resolve(null);
        return fetch(href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
            .then(function (response) {
                if (!response.ok) throw new Error("HTTP " + response.status);
                return response.text();
            })
            .then(function (text) {
                var doc = new DOMParser().parseFromString(text, "text/html");
                var fresh = doc.querySelector(selector);
                if (!fresh) throw new Error("no section");
                // The section as it is now: "Load Full" may have swapped it meanwhile.
                var now = document.querySelector(selector);
                if (!now) return null;
                var adopted = document.importNode(fresh, true);
                keepTypedText(now, adopted);
                swapKeepingFocus(now, adopted);
                bindAll(adopted);
                return adopted;
            });
    }

    // --- Live: the event stream ---------------------------------------------------------------
    // Signed-in pages carry <meta name="live-events"> (layout.cpp). The stream (live_events.cpp)
    // sends "counts" (bell and DM box), "notification", "message" and, on a thread
    // (data-live-hoot), "comment". The browser reconnects by itself with Last-Event-ID, and the
    // server sends what was missed. Without JS every page still works: it is just not live.

    // Refreshes the section named `name` from href() now, or, while a refresh of it is under way,
    // once more right after it: that refresh's page may have been read before the news arrived.
    function liveRefresher(name, href) {
        var running = false;
        var again = false;
        function run() {
            if (running) {
                again = true;
                return;
            }
            running = true;
            again = false;
            refreshSection(name, href())
                .catch(function () { return null; })
                .then(function () {
                    running = false;
                    if (again) run();
                });
        }
        return run;
    }

    function announce(text) {
        var region = document.querySelector(".live-status");
        if (region) region.textContent = text;
    }

    function setBadge(which, count) {
        document.querySelectorAll('[data-unread="' + which + '"]').forEach(function (badge) {
            badge.hidden = !(count > 0);
            var spans = badge.querySelectorAll(".visually-hidden");
            // " (" N " unread)": the number sits between the two hidden spans.
            badge.textContent = "";
            badge.append(" ");
            if (spans.length === 2) badge.append(spans[0]);
            badge.append(String(count));
            if (spans.length === 2) badge.append(spans[1]);
        });
    }

    function parseData(event) {
        try {
            return JSON.parse(event.data);
        } catch (e) {
            return null;
        }
    }

    function startLive() {
        var meta = document.querySelector('meta[name="live-events"]');
        if (!meta || !window.EventSource) return;
        var url = meta.getAttribute("content");
        var comments = document.querySelector("[data-live-hoot]");
        if (comments) url += "?hoot=" + encodeURIComponent(comments.dataset.liveHoot);
        var source = new EventSource(url);
        source.addEventListener("open", function () {
            root.dataset.live = "open";
        });
        source.addEventListener("error", function () {
            root.dataset.live = "reconnecting";
        });
        source.addEventListener("counts", function (event) {
            var data = parseData(event);
            if (!data) return;
            setBadge("notifications", data.notifications);
            setBadge("conversations", data.conversations);
        });
        source.addEventListener("notification", function (event) {
            var data = parseData(event);
            if (data && data.text) announce(data.text);
        });
        var here = function () { return window.location.href; };
        var refreshComments = liveRefresher("comments", here);
        var refreshMessages = liveRefresher("messages", function () { return window.location.pathname; });
        var refreshConversations = liveRefresher("conversations", here);
        source.addEventListener("comment", function (event) {
            var data = parseData(event);
            if (!data) return;
            var name = data.author && data.author.display_name;
            announce("New comment" + (name ? " by " + name : ""));
            refreshComments();
        });
        source.addEventListener("message", function (event) {
            var data = parseData(event);
            if (!data) return;
            var open = document.querySelector('[data-section="messages"][data-with]');
            if (open && open.dataset.with.toLowerCase() === String(data.with).toLowerCase()) {
                refreshMessages();
            } else if (document.querySelector('[data-section="conversations"]')) {
                refreshConversations();
            }
            if (!data.mine && data.from) announce("New message from " + data.from.display_name);
        });
        window.addEventListener("pagehide", function () {
            source.close();
        });
    }

    function bindAll(scope) {
        scope.querySelectorAll("form.reaction-form").forEach(bindReactionForm);
        scope.querySelectorAll("form.delete-form").forEach(bindDeleteForm);
        scope.querySelectorAll("a.load-full[data-section]").forEach(bindLoadFull);
        scope.querySelectorAll("form.follow-form").forEach(bindFollowForm);
    }

    bindAll(document);
    startLive();

    // --- Similar hoots in the composer -------------------------------------------------------
    // As a title is typed, the hoots whose words match it are listed under the title field, so
    // a question already asked is found before it is asked again. GET /api/v1/search (docs/api.md)
    // answers; titles go in with textContent. Without JS the composer simply shows no list.

    var composerTitle = document.querySelector('form.composer input[name="title"]');
    if (composerTitle && window.fetch) {
        var similar = document.createElement("div");
        similar.className = "similar-hoots";
        similar.hidden = true;
        var similarHeading = document.createElement("p");
        similarHeading.id = "similar-hoots-heading";
        similarHeading.textContent = "Similar hoots";
        var similarList = document.createElement("ul");
        similarList.setAttribute("aria-labelledby", "similar-hoots-heading");
        similar.appendChild(similarHeading);
        similar.appendChild(similarList);
        var titleField = composerTitle.parentNode;
        titleField.parentNode.insertBefore(similar, titleField.nextSibling);

        var similarTimer = null;
        var similarSeq = 0;
        var lastAsked = "";

        var showSimilar = function (results) {
            while (similarList.firstChild) similarList.removeChild(similarList.firstChild);
            results.forEach(function (result) {
                var item = document.createElement("li");
                var link = document.createElement("a");
                link.href = result.url;
                link.textContent = result.hoot.title;
                item.appendChild(link);
                similarList.appendChild(item);
            });
            similar.hidden = results.length === 0;
        };

        var askSimilar = function () {
            var text = composerTitle.value.trim();
            if (text === lastAsked) return;
            lastAsked = text;
            var seq = ++similarSeq;
            if (text.length < 3) {
                showSimilar([]);
                return;
            }
            fetch("/api/v1/search?similar=1&limit=5&q=" + encodeURIComponent(text), {
                credentials: "same-origin",
                headers: { Accept: "application/json" }
            })
                .then(function (response) {
                    return response.ok ? response.json() : { results: [] };
                })
                .then(function (body) {
                    // Only the answer to the latest title counts; slower earlier ones are dropped.
                    if (seq === similarSeq) showSimilar(body.results || []);
                })
                .catch(function () {
                    if (seq === similarSeq) showSimilar([]);
                });
        };

        composerTitle.addEventListener("input", function () {
            if (similarTimer) clearTimeout(similarTimer);
            similarTimer = setTimeout(askSimilar, 250);
        });
    }
})();
