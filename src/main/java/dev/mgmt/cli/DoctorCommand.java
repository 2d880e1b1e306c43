package dev.mgmt.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mgmt.diagnose.Doctor;
import dev.mgmt.json.Json;
import dev.mgmt.report.CheckResult;
import dev.mgmt.report.Glyphs;
import dev.mgmt.report.Result;
import dev.mgmt.run.Invocation;
import dev.mgmt.settings.OutputFormat;
import dev.mgmt.settings.Setting;
import dev.mgmt.settings.Settings;
import dev.mgmt.text.Durations;
import dev.mgmt.text.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code mgmt doctor}: the whole setup, step by step, as a checklist. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt doctor",
        "  mgmt doctor --context prod -o json",
        "  mgmt doctor -p MyProject --proxy petstore-api"},
    name = "doctor",
    description = {
        "Diagnose the whole setup, step by step, as a checklist.",
        "It does not stop at the first problem: where each setting came from, the URL, DNS, TCP, TLS,",
        "the API's health endpoint, the token (decoded locally, then tried with test/hello), the",
        "project (-p), environment (-e) and API proxy (--proxy) if set, per kind the permission to read and to",
        "write (list reads and writes whose body cannot be valid: nothing is changed; endpoints and policies on",
        "--proxy, else the first proxy listed), and clock skew against the server.",
        "Exits 0 only when every step passes, else with the exit code of the first step that did not",
        "(10 network, 6 wrong path or missing project, 4 token, ...). Use -o json in CI."},
    sortOptions = false)
public final class DoctorCommand extends BaseCommand {

    @Option(names = "--proxy", paramLabel = "NAME",
        description = "The API proxy to check endpoint and policy permissions on (default: the first one listed).")
    String proxy;

    @Override
    PrintedFormats printedFormats() {
        return PrintedFormats.REPORT;
    }

    @Override
    public Integer call() throws Exception {
        Invocation inv = invocation();
        Settings s = inv.settings();
        ScopeNames.requireProxy(proxy, s.project().value());
        List<CheckResult> results = Doctor.run(inv.env(), s, proxy);
        int exit = Doctor.exitCode(results);
        Redactor redactor = inv.redactor();
        PrintWriter out = inv.out();
        OutputFormat format = s.output().value();
        if (format.structured()) {
            ObjectNode json = Json.mapper().createObjectNode();
            json.put("ok", exit == 0);
            json.put("exit_code", exit);
            ObjectNode settings = json.putObject("settings");
            settings(s).forEach((k, v) -> settings.putObject(k).put("value", v.value() == null ? null : v.value().toString())
                .put("source", v.source().label()).put("origin", v.origin()));
            ArrayNode checks = json.putArray("checks");
            for (CheckResult r : results) {
                ObjectNode o = checks.addObject().put("check", r.check()).put("result", r.result().json())
                    .put("detail", r.detail());
                if (r.elapsed() != null) {
                    o.put("elapsed_ms", r.elapsed().toMillis());
                }
                if (r.result() != Result.PASS && r.exit() != null) {
                    o.put("exit_code", r.exit());
                }
            }
            String text = format == OutputFormat.YAML ? new YAMLMapper().writeValueAsString(json) : Json.pretty(json);
            out.println(redactor.redact(text.stripTrailing()));
            out.flush();
            return exit;
        }
        Glyphs glyphs = new Glyphs(Glyphs.unicodeTerminal(inv.env(), inv.env().stdoutTerminal()), inv.colorOnStdout());
        out.println("Settings:");
        settings(s).forEach((k, v) -> out.println(redactor.redact(String.format("  %-12s %-40s %s", k,
            v.value() == null ? "-" : v.value().toString(), v.origin()))));
        out.println("Checks:");
        for (CheckResult r : results) {
            out.println(redactor.redact("  " + glyphs.line(r)
                + (r.elapsed() == null ? "" : " (" + Durations.human(r.elapsed()) + ")")));
        }
        long notPassed = results.stream().filter(r -> r.result() != Result.PASS).count();
        if (exit == 0) {
            out.println("All " + results.size() + " checks passed.");
        } else {
            CheckResult first = results.stream().filter(r -> r.result() != Result.PASS).findFirst().orElseThrow();
            out.println(notPassed + " of " + results.size() + " checks did not pass; start with the first: "
                + first.check() + " (exit " + exit + ").");
        }
        out.flush();
        return exit;
    }

    /** The settings doctor shows, token masked. */
    private static Map<String, Setting<?>> settings(Settings s) {
        Map<String, Setting<?>> m = new LinkedHashMap<>();
        m.put("url", s.url());
        Setting<String> t = s.token();
        m.put("token", new Setting<>(t.isSet() ? "Bearer " + Redactor.mask(t.value()) : null, t.source(), t.origin()));
        m.put("project", s.project());
        m.put("environment", s.environment());
        m.put("output", new Setting<>(s.output().value().word(), s.output().source(),
            s.output().origin()));
        m.put("timeout", new Setting<>(Durations.human(s.timeout().value()), s.timeout().source(), s.timeout().origin()));
        m.put("retries", s.retries());
        m.put("cacert", s.cacert());
        m.put("insecure", new Setting<>(s.insecure(), s.insecure() ? dev.mgmt.settings.Source.FLAG : dev.mgmt.settings.Source.DEFAULT,
            s.insecure() ? "--insecure" : "default"));
        return m;
    }
}
