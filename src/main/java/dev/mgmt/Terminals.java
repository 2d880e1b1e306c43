package dev.mgmt;

import java.io.Console;
import java.lang.reflect.Method;

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
