package dev.mgmt;

import dev.mgmt.process.Env;
import dev.mgmt.process.Interrupt;

import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * The training runs for the start-up caches (./mgmt, docs/startup.md): the paths users take most,
 * one after another in one JVM, so the cache holds the classes of each. A cache trained on a
 * successful GET alone left the checklist paths (404, 401), {@code -o json|yaml} and help to load
 * several hundred classes from the jar at every run. On JDK 25 a run also loads every class of its cache
 * at start-up, so version and help get a cache of their own ({@code meta}).
 *
 * <p>Runs against the sandbox named by {@code MGMT_URL}/{@code MGMT_TOKEN} (a config context in
 * the launcher's training); {@code MGMT_TRAIN_EXPIRED_TOKEN} is a token that sandbox reports as
 * expired; {@code MGMT_TRAIN_URL}/{@code MGMT_TRAIN_TOKEN} name the same sandbox for a run with no config
 * file at all (CI jobs that set only environment variables take that path). The {@code meta} runs need no
 * server. Output is discarded; the exit status is 0 unless the first run failed.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    /**
     * What the launcher's small cache is trained on: runs that print what mgmt knows by itself. A run loads
     * every class of its cache at start-up, so these do not carry the request and checklist paths' classes.
     */
    private static final List<String[]> META = List.of(new String[]{"--version"}, new String[]{"--help"},
        new String[]{"help"}, new String[]{"help", "get"}, new String[]{"get", "--help"},
        new String[]{"get", "project", "-h"}, new String[]{"completion", "bash"}, new String[]{"options"});

    /** {@code meta} as the argument trains the small cache; no argument, the one for everything else. */
    public static void main(String[] args) {
        boolean meta = args.length > 0 && args[0].equals("meta");
        List<String[]> runs = new ArrayList<>(meta ? META : List.of(
            new String[]{"get", "projects"},
            new String[]{"get", "projects", "-o", "json"},
            new String[]{"get", "projects", "-o", "yaml"},
            new String[]{"get", "projects", "-o", "name"},
            new String[]{"get", "project", "nosuch"},
            new String[]{"get", "proxies", "-p", "MyProject", "-o", "wide"},
            new String[]{"--no-retry", "--url", "http://127.0.0.1:1", "get", "projects"}));
        String expired = System.getenv("MGMT_TRAIN_EXPIRED_TOKEN");
        if (!meta && expired != null && !expired.isEmpty()) {
            runs.add(new String[]{"--token", expired, "get", "projects"});
        }
        String url = System.getenv("MGMT_TRAIN_URL");
        String token = System.getenv("MGMT_TRAIN_TOKEN");
        List<Map<String, String>> envs = new ArrayList<>();
        runs.forEach(r -> envs.add(null));
        if (!meta && url != null && token != null && System.getenv("MGMT_CONFIG") != null) {
            Map<String, String> vars = new HashMap<>(System.getenv());
            vars.put("MGMT_CONFIG", System.getenv("MGMT_CONFIG") + ".absent");
            vars.put("MGMT_URL", url);
            vars.put("MGMT_TOKEN", token);
            runs.add(new String[]{"get", "projects"});
            envs.add(vars);
        }
        // Main's own start (the interrupt hook, the terminal check) is trained too: its lambdas are
        // otherwise spun at every run.
        Interrupt interrupt = new Interrupt().install(Duration.ofSeconds(2));
        int first = -1;
        for (int i = 0; i < runs.size(); i++) {
            Main.warmUp(runs.get(i));
            Main.windowsConsole(runs.get(i));
            Env env = Main.env(OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), interrupt);
            int code = MgmtCli.create(envs.get(i) == null ? env : env.withVars(envs.get(i))).execute(runs.get(i));
            if (first < 0) {
                first = code;
            }
        }
        if (meta) {
            terminalHelp(interrupt);
        } else {
            // Checklists print ages and waits of any size (a token expired 1h 57m ago). Each of human()'s forms
            // is a string concatenation the cache links only if the training met it; one met at run time costs ~2 ms.
            for (long nanos : new long[]{1_700_000, 5_000_000, 2_500_000_000L, 42_000_000_000L, 7_000_000_000_000L,
                90_000_000_000_000L}) {
                dev.mgmt.text.Durations.human(Duration.ofNanos(nanos));
            }
        }
        interrupt.runEnded();
        System.exit(first);
    }

    /** On a terminal the root's help is laid out for its width, in colour, not printed from the build's text. */
    private static void terminalHelp(Interrupt interrupt) {
        Env piped = Main.env(OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), interrupt);
        Map<String, String> wide = new HashMap<>(piped.vars());
        wide.put("COLUMNS", "100");
        MgmtCli.create(new Env(wide, piped.stdin(), piped.stdout(), piped.stderr(), false, true, false, piped.clock(),
            null, null, interrupt)).execute("--help");
    }
}
