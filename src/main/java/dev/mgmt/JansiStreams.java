package dev.mgmt;

import org.fusesource.jansi.AnsiConsole;
import org.fusesource.jansi.AnsiPrintStream;
import org.fusesource.jansi.AnsiType;

import java.io.IOException;
import java.io.OutputStream;

/** The only class that names Jansi; loaded by {@link WindowsConsole} on Windows only. */
final class JansiStreams {
    private JansiStreams() {
    }

    static WindowsConsole.Streams open(OutputStream out, OutputStream err) {
        AnsiPrintStream o = AnsiConsole.out();
        AnsiPrintStream e = AnsiConsole.err();
        boolean outConsole = console(o) && installed(o);
        boolean errConsole = console(e) && installed(e);
        // A redirected stream keeps the plain file stream: Jansi would strip the escapes that
        // --color always asks for in a pipe.
        return new WindowsConsole.Streams(outConsole ? o : out, errConsole ? e : err, outConsole, errConsole, () -> {
            uninstall(o, outConsole);
            uninstall(e, errConsole);
        });
    }

    private static boolean console(AnsiPrintStream s) {
        AnsiType t = s.getType();
        return t != AnsiType.Redirected && t != AnsiType.Unsupported;
    }

    /** Switches the console to ANSI processing (or Jansi's translation on old consoles). */
    private static boolean installed(AnsiPrintStream s) {
        try {
            s.install();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void uninstall(AnsiPrintStream s, boolean installed) {
        if (!installed) {
            return;
        }
        s.flush();
        try {
            s.uninstall();
        } catch (IOException ignored) {
            // The console keeps ANSI processing on: harmless, and the run's result is already out.
        }
    }
}
