package dev.mgmt.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an HTML body says about who sent it: its title and heading, and whether it asks for a password.
 * Error pages from proxies and sign-in pages from single-sign-on gateways are read the same way.
 */
public final class HtmlPage {
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern H1 = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern PASSWORD_FIELD = Pattern.compile("<input[^>]*type\\s*=\\s*[\"']?password",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern FORM = Pattern.compile("<form[\\s>]", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGN_IN_WORDS = Pattern.compile("sign[ -]?in|log[ -]?in|logon|single sign-on|\\bsso\\b",
        Pattern.CASE_INSENSITIVE);

    private final String html;

    private HtmlPage(String html) {
        this.html = html;
    }

    /** The page in a response that is a web page ({@link #isHtml}); null for anything else. */
    public static HtmlPage of(ApiResponse r) {
        return isHtml(r.mediaType(), r.body()) ? new HtmlPage(new String(r.body(), StandardCharsets.UTF_8)) : null;
    }

    /**
     * Whether a body with this media type and these first bytes is a web page. Declared HTML counts
     * unless the body is plainly JSON (some servers label their JSON text/html).
     */
    public static boolean isHtml(String mediaType, byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 256), StandardCharsets.UTF_8).stripLeading()
            .toLowerCase(Locale.ROOT);
        if (mediaType.toLowerCase(Locale.ROOT).contains("html")) {
            return !start.isEmpty() && !start.startsWith("{") && !start.startsWith("[");
        }
        return start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")
            || start.startsWith("<body");
    }

    public String title() {
        return clean(find(TITLE));
    }

    public String heading() {
        return clean(find(H1));
    }

    /** A form with a password field, or a form under a title that says sign in. */
    public boolean isSignIn() {
        if (PASSWORD_FIELD.matcher(html).find()) {
            return true;
        }
        String title = title();
        return FORM.matcher(html).find() && title != null && SIGN_IN_WORDS.matcher(title).find();
    }

    /** "the page looks like a sign-in page (title 'Sign in – Corp SSO')", or what little it says of itself. */
    public String summary() {
        String title = title();
        String heading = heading();
        String named = title != null ? " (title '" + title + "')" : heading != null ? " (heading '" + heading + "')" : "";
        if (isSignIn()) {
            return "the page looks like a sign-in page" + named;
        }
        return named.isEmpty() ? "an untitled web page" : "a web page" + named;
    }

    private String find(Pattern p) {
        Matcher m = p.matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = TAG.matcher(s).replaceAll("").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&quot;", "\"").replace("&#39;", "'").replace("&ndash;", "–").replace("&mdash;", "—")
            .replace("&nbsp;", " ").replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? null : t.length() > 120 ? t.substring(0, 120) + "..." : t;
    }
}
