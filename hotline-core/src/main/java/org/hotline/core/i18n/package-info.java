/**
 * The languages of the staff screens and reports. Public entry points: {@link org.hotline.core.i18n.UiLanguage}
 * (the shipped languages, their ICU locale, direction and default calendar), {@link org.hotline.core.i18n.Messages}
 * (ICU MessageFormat texts of one language, English where a key is missing), {@link org.hotline.core.i18n.Bundles}
 * (fallback count, a language's texts as JSON for a browser screen), {@link org.hotline.core.i18n.Completeness}
 * (the build's and {@code hotline i18n}'s check of every bundle) and {@link org.hotline.core.i18n.Dates} (solar
 * Hijri and Gregorian dates with CLDR's Afghan month names). Bundles live in {@code i18n/<code>.json}.
 */
package org.hotline.core.i18n;
