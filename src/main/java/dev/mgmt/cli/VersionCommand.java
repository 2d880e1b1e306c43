package dev.mgmt.cli;

import dev.mgmt.text.Clauses;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.json.Json;
import dev.mgmt.process.Version;
import dev.mgmt.run.Invocation;
import dev.mgmt.settings.OutputFormat;
import dev.mgmt.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * {@code mgmt version}: this client, the Java runtime under it, and (with a manager configured)
 * whether the manager answers there. The API has no version endpoint, so the manager's part is its
 * health check and the {@code Server} header when it sends one.
 */
@Command(name = "version",
    description = {"Show mgmt's version, the Java runtime, and whether the manager answers.",
        "With a manager URL (--url, MGMT_URL or a context), GET test/healthcheck tells whether the",
        "Management API answers there; --client skips it. Exits as that request would when it fails."},
    footerHeading = "%nExamples:%n",
    footer = {"  mgmt version", "  mgmt version --client -o json", "  mgmt --sandbox version"},
    sortOptions = false)
public final class VersionCommand extends BaseCommand {

    @Override
    PrintedFormats printedFormats() {
        return PrintedFormats.REPORT;
    }

    @Option(names = "--client", description = "Only this client and its Java runtime; send nothing.")
    boolean clientOnly;

    @Override
    public Integer call() {
        Invocation inv = invocation();
        OutputFormat format = inv.settings().output().value();
        ObjectNode o = Json.mapper().createObjectNode();
        ObjectNode client = o.putObject("client");
        client.put("version", Version.number());
        client.put("java", System.getProperty("java.version"));
        client.put("vm", System.getProperty("java.vm.name"));
        client.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        int exit = ExitCodes.OK;
        if (!clientOnly && inv.settings().url().isSet()) {
            exit = manager(inv, o.putObject("manager"));
        }
        if (format.structured()) {
            ConfigSupport.printObject(inv, format, o);
        } else {
            text(inv.out(), o);
        }
        inv.out().flush();
        if (exit != ExitCodes.OK && !format.structured()) {
            inv.err().println("error: manager " + TerminalText.safe(o.get("manager").get("url").asText()) + ": "
                + TerminalText.safe(o.get("manager").get("detail").asText()));
            inv.err().flush();
        }
        return exit;
    }

    /** Fills in what the manager's health check answered; returns the exit code that answer means. */
    private static int manager(Invocation inv, ObjectNode m) {
        m.put("url", inv.settings().url().value());
        try {
            ApiClient client = inv.client();
            ApiResponse r = client.send(client.get("test", "healthcheck"));
            m.put("status", r.status());
            m.put("elapsed_ms", r.elapsed().toMillis());
            String server = r.header("Server");
            if (server != null) {
                m.put("server", server);
            }
            boolean ok = r.isSuccess() && r.bodyText().strip().equalsIgnoreCase("OK");
            m.put("answers", ok);
            if (!ok) {
                m.put("detail", "HTTP " + r.status() + ": not the Management API's health check "
                    + "(it answers 200 OK); check the URL or run mgmt doctor");
            }
            return ok ? ExitCodes.OK : ExitCodes.UNEXPECTED_RESPONSE;
        } catch (MgmtException e) {
            m.put("answers", false);
            m.put("detail", Clauses.join(e.getMessage(), "run mgmt doctor"));
            return e.exitCode();
        }
    }

    private static void text(PrintWriter out, ObjectNode o) {
        ObjectNode c = (ObjectNode) o.get("client");
        out.println("mgmt " + c.get("version").asText());
        out.println("Java " + c.get("java").asText() + " (" + c.get("vm").asText() + "), " + c.get("os").asText());
        ObjectNode m = (ObjectNode) o.get("manager");
        if (m == null) {
            return;
        }
        String url = TerminalText.safe(m.get("url").asText());
        if (m.get("answers").asBoolean()) {
            out.println("Manager " + url + " answers (GET test/healthcheck: " + m.get("status").asInt() + " in "
                + m.get("elapsed_ms").asLong() + "ms" + (m.has("server") ? ", Server: "
                + TerminalText.safe(m.get("server").asText()) : "") + ")");
        }
    }
}
