package org.hotline.reports.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites JFreeSVG's output for a strict Content-Security-Policy: {@code style='fill: ...; stroke: ...'}
 * attributes become the equivalent SVG presentation attributes ({@code fill='...' stroke='...'}), which a CSP
 * without 'unsafe-inline' still honours, and JFreeChart's per-bar element hints become {@code data-ref}
 * attributes that HTML allows. The drawing itself is untouched.
 */
final class SvgAttributes {
    private static final Pattern STYLE = Pattern.compile("style='([^']*)'");
    private static final Pattern PROPERTY = Pattern.compile("([a-z-]+)\\s*:\\s*([^;]+)");

    private SvgAttributes() {
    }

    static String rewrite(String svg) {
        String out = svg.replace(" xmlns:jfreesvg='http://www.jfree.org/jfreesvg/svg'", "")
                .replace("jfreesvg:ref=", "data-ref=");
        Matcher style = STYLE.matcher(out);
        StringBuilder rewritten = new StringBuilder(out.length());
        while (style.find()) {
            style.appendReplacement(rewritten, Matcher.quoteReplacement(attributes(style.group(1))));
        }
        style.appendTail(rewritten);
        return rewritten.toString();
    }

    /** JFreeSVG has already escaped the values, and a single-quoted style holds no single quote. */
    private static String attributes(String declarations) {
        StringBuilder attributes = new StringBuilder();
        Matcher property = PROPERTY.matcher(declarations);
        while (property.find()) {
            if (!attributes.isEmpty()) {
                attributes.append(' ');
            }
            attributes.append(property.group(1)).append("='")
                    .append(property.group(2).trim())
                    .append('\'');
        }
        return attributes.toString();
    }
}
