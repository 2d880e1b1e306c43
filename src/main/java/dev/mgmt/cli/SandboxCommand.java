package dev.mgmt.cli;

import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.UsageException;
import dev.mgmt.sandbox.FaultSpec;
import dev.mgmt.sandbox.Sandbox;
import dev.mgmt.sandbox.SandboxConfig;
import dev.mgmt.sandbox.SandboxDataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code mgmt sandbox}: the embedded emulator in the foreground, until Ctrl-C. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt sandbox --port 8080",
        "  mgmt sandbox --port 0 --faults \"status=503@0.2\""},
    name = "sandbox",
    description = {
        "Run the embedded emulator of the Management API in the foreground (Ctrl-C stops it).",
        "It prints its URL, demo credentials and ready tokens. Use it from another shell with",
        "  mgmt --url URL --token TOKEN get projects",
        "or, for one command, the global --sandbox flag (faults then come from MGMT_SANDBOX_FAULTS)."},
    sortOptions = false)
public final class SandboxCommand extends BaseCommand implements CommandHelp.GlobalsInHelp {

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to bind (default 127.0.0.1, loopback only).")
    String bind = "127.0.0.1";

    @Option(names = "--faults", paramLabel = "SPEC", description = "Misbehave on purpose; grammar below.")
    String faults = "";

    @Option(names = "--seed", paramLabel = "N", description = "Seed for the random parts of faults (default 42).")
    long seed = 42;

    @Option(names = "--data", paramLabel = "FILE", description = "YAML/JSON file replacing sections of the seed data.")
    Path data;

    @Option(names = "--once", hidden = true, description = "Start, print, stop (for tests and smoke checks).")
    boolean once;

    /** A typo such as 999.1.1.1 is the user's, said before anything starts (and before a DNS look-up). */
    static void checkBind(String bind) {
        if (bind.matches("[0-9.]+")) {
            String[] parts = bind.split("\\.", -1);
            boolean ok = parts.length == 4;
            for (String p : parts) {
                ok &= !p.isEmpty() && p.length() <= 3 && Integer.parseInt(p) <= 255;
            }
            if (!ok) {
                throw new UsageException("invalid --bind '" + bind + "': an IPv4 address is four numbers from 0 to 255,"
                    + " e.g. 127.0.0.1");
            }
            return;
        }
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException | SecurityException e) {
            throw new UsageException("invalid --bind '" + bind + "': not an IP address or a known host name");
        }
    }

    /** Adds the fault grammar (written once, in FaultSpec) after the examples in this command's help, loaded only when shown. */
    static void addFaultHelp(CommandLine sandboxCommand) {
        sandboxCommand.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER,
            help -> help.footer() + System.lineSeparator() + FaultSpec.grammarHelp() + System.lineSeparator());
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new UsageException("invalid --port " + port + ": expected 0 to 65535");
        }
        if (data != null && !Files.isReadable(data)) {
            throw new UsageException("cannot read --data '" + data + "'");
        }
        checkBind(bind);
        SandboxConfig config = SandboxConfig.defaults().withBindAddress(bind).withPort(port).withFaults(faults)
            .withSeed(seed).withDataFile(data);
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(config);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --faults: " + e.getMessage());
        } catch (SandboxDataException e) {
            throw new UsageException(e.getMessage());
        } catch (BindException e) {
            throw new UsageException("cannot listen on " + bind + ":" + port + ": " + e.getMessage());
        } catch (IOException e) {
            throw new MgmtException(ExitCodes.INTERNAL, "cannot start the sandbox: " + e.getMessage());
        }
        PrintWriter out = invocation().out();
        out.println("mgmt sandbox listening on " + sandbox.managerUrl() + "  (API at " + sandbox.managerUrl() + "apiops/)");
        out.println("  admin:     " + sandbox.adminUsername() + " / " + sandbox.adminPassword());
        out.println("  read-only: " + sandbox.readOnlyUsername() + " / " + sandbox.readOnlyPassword());
        out.println("  export MGMT_URL=" + sandbox.managerUrl());
        out.println("  export MGMT_TOKEN=" + sandbox.adminToken());
        out.println("  read-only token: " + sandbox.readOnlyToken());
        out.println("  expired token:   " + sandbox.expiredToken());
        if (!faults.isEmpty()) {
            out.println("  faults: " + faults);
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        if (once) {
            sandbox.close();
            return ExitCodes.OK;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "mgmt-sandbox-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sandbox.close();
        }
        return ExitCodes.OK;
    }

    /** It talks to no manager: only how errors look applies (the emulator logs no requests for -v). */
    @Override
    public java.util.Set<String> globalsShown() {
        return java.util.Set.of("--color");
    }

    @Override
    public boolean othersApply() {
        return false;
    }
}
