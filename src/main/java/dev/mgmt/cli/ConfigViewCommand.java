package dev.mgmt.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.config.Config;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.json.Json;
import dev.mgmt.output.Column;
import dev.mgmt.run.Invocation;
import dev.mgmt.settings.OutputFormat;
import dev.mgmt.settings.Setting;
import dev.mgmt.settings.Settings;
import dev.mgmt.settings.Source;
import dev.mgmt.text.Redactor;
import picocli.CommandLine.Command;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code mgmt config view}: the settings a command would use, merged, each with where it came from. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt config view",
        "  mgmt config view --context prod -o yaml",
        "  mgmt --sandbox config view -o json"},
    name = "view", description = {
    "Show the settings commands would use, and where each value comes from.",
    "Flags, environment variables, the context and defaults are merged as every command merges them.",
    "The token is shown as ****+last 4. -o json|yaml for scripts."})
public final class ConfigViewCommand extends BaseCommand {

    @Override
    PrintedFormats printedFormats() {
        return PrintedFormats.REPORT;
    }

    @Override
    public Integer call() {
        Invocation inv = invocation();
        ConfigSupport.format(inv);
        Config config = inv.config();
        Settings s = inv.settings();
        OutputFormat format = s.output().value();
        Config.Selection sel = inv.options().sandbox() ? new Config.Selection(null, null, null) : config.selection(false);

        Map<String, Setting<?>> values = new LinkedHashMap<>();
        values.put("url", s.url());
        values.put("token", s.token());
        values.put("project", s.project());
        values.put("environment", s.environment());
        values.put("output", s.output());
        values.put("timeout", s.timeout());
        values.put("connect-timeout", s.connectTimeout());
        values.put("retries", s.retries());
        values.put("retry-max-time", s.retryMaxTime());
        values.put("cacert", s.cacert());
        values.put("insecure", insecure(inv, s, sel));

        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode file = root.putObject("config");
        file.put("path", config.location().path() == null ? null : config.location().path().toString());
        file.put("source", config.location().origin());
        file.put("exists", config.exists());
        ObjectNode ctx = root.putObject("context");
        ctx.put("name", sel.name());
        ctx.put("source", sel.origin());
        ObjectNode settings = root.putObject("settings");
        List<ObjectNode> rows = new ArrayList<>();
        for (Map.Entry<String, Setting<?>> e : values.entrySet()) {
            Setting<?> v = e.getValue();
            ObjectNode o = settings.putObject(e.getKey());
            String shown = show(e.getKey(), v.value());
            o.put("value", shown);
            o.put("source", v.source().label());
            o.put("origin", v.origin());
            ObjectNode row = Json.mapper().createObjectNode();
            row.put("setting", e.getKey());
            row.put("value", shown == null ? "-" : shown);
            row.put("source", v.source() == Source.NONE || v.source() == Source.DEFAULT ? v.source().label() : v.origin());
            rows.add(row);
        }

        if (format.structured()) {
            ConfigSupport.printObject(inv, format, root);
            return ExitCodes.OK;
        }
        inv.out().println("config file: " + config.displayPath() + (config.exists() ? "" : " (does not exist)")
            + (config.location().origin().equals("default") ? "" : "   (from " + config.location().origin() + ")"));
        inv.out().println("context:     " + sel.label()
            + (sel.origin() == null ? "" : "   (from " + (sel.origin().equals("current-context") ? "current-context" : sel.origin()) + ")"));
        inv.out().println();
        ConfigSupport.printTable(inv, List.of(Column.of("SETTING", "setting"), Column.of("VALUE", "value"),
            Column.of("SOURCE", "source")), rows);
        return ExitCodes.OK;
    }

    private static Setting<?> insecure(Invocation inv, Settings s, Config.Selection sel) {
        if (inv.options().insecure()) {
            return new Setting<>(true, Source.FLAG, "--insecure");
        }
        if (s.insecure() && sel.entry() != null) {
            return new Setting<>(true, Source.CONTEXT, "context " + sel.name());
        }
        return new Setting<>(false, Source.DEFAULT, "default");
    }

    private static String show(String key, Object value) {
        if (value == null) {
            return null;
        }
        if (key.equals("token")) {
            return Redactor.mask(value.toString());
        }
        if (value instanceof Duration) {
            Duration d = (Duration) value;
            return new BigDecimal(d.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString();
        }
        if (value instanceof OutputFormat) {
            return ((OutputFormat) value).word();
        }
        return value.toString();
    }
}
