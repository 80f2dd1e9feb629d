// Never loaded by any page. This file only brings into our djangojs catalogue
// (locale/*/LC_MESSAGES/djangojs.po, found by `make messages`) the strings of other
// packages' scripts whose own translation reads wrong. Django's JavaScriptCatalog merges
// LOCALE_PATHS after the packages' catalogues, so our translation wins.

// wagtail-localize's translation editor writes gettext("Publish in ") + a language name;
// its French catalogue drops the space, so the button read "Publier dansEnglish".
gettext("Publish in ");
