package dev.mgmt;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Which standard streams are terminals. Java cannot ask isatty() for each stream, so the ./mgmt
 * launcher tests them in the shell and passes {@code -Dmgmt.tty=in,out,err}; without it we fall back
 * on System.console(), which on JDK 17 exists only when stdin and stdout are both terminals.
 */
record Terminals(boolean stdin, boolean stdout, boolean stderr) {

    static Terminals detect() {
        String prop = System.getProperty("mgmt.tty");
        if (prop != null) {
            return new Terminals(prop.contains("in"), prop.contains("out"), prop.contains("err"));
        }
        Console console = System.console();
        boolean tty = console != null && isTerminal(console);
        return new Terminals(tty, tty, tty);
    }

    /**
     * The environment as a run sees it: with {@code COLUMNS} set to the terminal's width when the
     * user has not set it. Shells keep COLUMNS to themselves; the launcher asks the terminal
     * ({@code stty size}) when stdout is one and passes {@code -Dmgmt.columns=N}.
     */
    Map<String, String> withColumns(Map<String, String> vars) {
        String columns = System.getProperty("mgmt.columns");
        if (!stdout || columns == null || !columns.matches("[1-9][0-9]{0,4}") || vars.containsKey("COLUMNS")) {
            return vars;
        }
        Map<String, String> copy = new HashMap<>(vars);
        copy.put("COLUMNS", columns);
        return Collections.unmodifiableMap(copy);
    }

    /** JDK 22+ returns a Console even when redirected; its isTerminal() tells the truth. */
    private static boolean isTerminal(Console console) {
        try {
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
