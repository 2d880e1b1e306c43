package dev.mgmt;

import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;

/**
 * Colour on Windows consoles. Java does not switch a Windows console to ANSI processing, so escape
 * sequences would show as text; Jansi ({@link JansiStreams}) does, and tells which stream really is
 * a console. Only a run on Windows that may use colour touches it: elsewhere no Jansi class loads.
 */
final class WindowsConsole {
    /** Standard streams after the switch, and whether each is a console. */
    record Streams(OutputStream out, OutputStream err, boolean outConsole, boolean errConsole, Runnable restore) {
    }

    private WindowsConsole() {
    }

    /** Whether this run should ask Jansi: Windows, and colour not turned off by NO_COLOR or --color never. */
    static boolean wanted(String osName, Map<String, String> env, String[] args) {
        if (osName == null || !osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return false;
        }
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return false;
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            String value = args[i].startsWith("--color=") ? args[i].substring("--color=".length())
                : args[i].equals("--color") && i + 1 < args.length ? args[i + 1] : null;
            if (value != null && value.strip().equalsIgnoreCase("never")) {
                return false;
            }
        }
        return true;
    }

    /** The console streams, or null when Jansi cannot set them up (then the run goes on without colour help). */
    static Streams open(OutputStream out, OutputStream err) {
        try {
            return JansiStreams.open(out, err);
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }
}
