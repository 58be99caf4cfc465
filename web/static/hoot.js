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
})();
