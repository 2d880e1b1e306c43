package dev.mgmt.report;

import dev.mgmt.process.Env;
import dev.mgmt.text.TerminalText;
import picocli.CommandLine.Help.Ansi;

import java.util.Locale;

/** How a result is marked: ✓ ✗ ? on a UTF-8 terminal, [ok] [FAIL] [?] elsewhere; coloured when asked. */
public record Glyphs(boolean unicode, boolean color) {

    /** UTF-8 glyphs only when the stream is a terminal and the locale says UTF-8 (LC_ALL, then LC_CTYPE, then LANG). */
    public static boolean unicodeTerminal(Env env, boolean terminal) {
        if (!terminal) {
            return false;
        }
        String locale = env.var("LC_ALL");
        if (locale == null) {
            locale = env.var("LC_CTYPE");
        }
        if (locale == null) {
            locale = env.var("LANG");
        }
        if (locale == null) {
            return false;
        }
        String l = locale.toLowerCase(Locale.ROOT);
        return l.contains("utf-8") || l.contains("utf8");
    }

    public String mark(Result r) {
        String text;
        String style;
        switch (r) {
            case PASS:
                text = unicode ? "✓" : "[ok]";
                style = "green";
                break;
            case FAIL:
                text = unicode ? "✗" : "[FAIL]";
                style = "bold,red";
                break;
            default:
                text = unicode ? "?" : "[?]";
                style = "yellow";
        }
        return color ? Ansi.ON.string("@|" + style + " " + text + "|@") : text;
    }

    /** "✗ label: detail". */
    public String line(CheckResult r) {
        return mark(r.result()) + " " + TerminalText.safe(r.check())
            + (r.detail() == null || r.detail().isEmpty() ? "" : ": " + TerminalText.safe(r.detail()));
    }
}
