package dev.mgmt.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Locust (python3-locust) in distributed mode on loopback: one headless master and some
 * workers, each its own process, for a few seconds; the master's --csv stats are the result.
 * <p>
 * Debian's package reports an empty version, and a master takes an empty version for a pre-2.0
 * worker and turns it away; so the processes start through a one-line launcher that sets the
 * version first. The exported file itself is run as is.
 */
public final class Locust {
    private static final String LAUNCHER = "import sys, locust, locust.runners; "
        + "locust.__version__ = locust.runners.__version__ = locust.__version__ or '2.12.1'; "
        + "from locust.main import main; sys.argv[0] = 'locust'; sys.exit(main())";
    private static final long DEADLINE_SECONDS = 90;

    /** Requests and failures per stats row (the step's name; "Aggregated" for the total). */
    public record Stats(Map<String, long[]> rows, String failures, String masterLog, int masterExit) {
        public long requests(String name) {
            return rows.getOrDefault(name, new long[2])[0];
        }

        public long failures(String name) {
            return rows.getOrDefault(name, new long[2])[1];
        }
    }

    private Locust() {
    }

    /** The Python that runs the installed locust (its script's #! line); skips or fails the test without it. */
    public static Path python() throws IOException {
        Path script = RealPrograms.require("locust", "python3-locust");
        String first = Files.readAllLines(script, StandardCharsets.UTF_8).get(0);
        if (!first.startsWith("#!")) {
            throw new AssertionError(script + " is not a Python script: " + first);
        }
        return Path.of(first.substring(2).strip().split(" ")[0]);
    }

    /**
     * Runs the file with a master (given the host, no token) and workers (given the token, no host).
     *
     * @param seconds how long the load runs
     */
    public static Stats distributed(Path dir, Path locustfile, String host, String token, int workers, int users,
                                    int seconds) throws Exception {
        Path python = python();
        int port = Nginx.freePort();
        Path csv = dir.resolve("stats");
        Path masterLog = dir.resolve("master.log");
        List<String> master = launcher(python, locustfile, "--headless", "--master", "--master-bind-host", "127.0.0.1",
            "--master-bind-port", Integer.toString(port), "--expect-workers", Integer.toString(workers),
            "--expect-workers-max-wait", "30", "-u", Integer.toString(users), "-r", Integer.toString(users),
            "-t", seconds + "s", "--host", host, "--csv", csv.toString(), "--only-summary");
        ProcessBuilder mb = new ProcessBuilder(master).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(masterLog.toFile());
        mb.environment().remove("MGMT_TOKEN");
        mb.environment().remove("MGMT_URL");
        List<Process> all = new ArrayList<>();
        try {
            Process m = mb.start();
            all.add(m);
            for (int i = 0; i < workers; i++) {
                ProcessBuilder wb = new ProcessBuilder(launcher(python, locustfile, "--worker", "--master-host",
                    "127.0.0.1", "--master-port", Integer.toString(port))).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("worker" + i + ".log").toFile());
                wb.environment().put("MGMT_TOKEN", token);
                wb.environment().remove("MGMT_URL");
                all.add(wb.start());
            }
            if (!m.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the Locust master did not finish in " + DEADLINE_SECONDS + "s:\n"
                    + Files.readString(masterLog));
            }
            for (Process w : all.subList(1, all.size())) {
                w.waitFor(30, TimeUnit.SECONDS);
            }
            Path stats = dir.resolve("stats_stats.csv");
            String log = Files.readString(masterLog);
            if (!Files.exists(stats)) {
                throw new AssertionError("the Locust master wrote no stats:\n" + log);
            }
            return new Stats(rows(stats), Files.readString(dir.resolve("stats_failures.csv")), log, m.exitValue());
        } finally {
            for (Process p : all) {
                if (p.isAlive()) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static List<String> launcher(Path python, Path locustfile, String... args) {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-c", LAUNCHER, "-f", locustfile.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Type,Name,Request Count,Failure Count,... with names quoted as CSV quotes them. */
    private static Map<String, long[]> rows(Path csv) throws IOException {
        Map<String, long[]> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = cells(line);
            out.put(cells.get(1), new long[]{Long.parseLong(cells.get(2)), Long.parseLong(cells.get(3))});
        }
        return out;
    }

    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
