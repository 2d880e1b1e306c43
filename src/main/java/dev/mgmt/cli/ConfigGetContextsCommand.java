package dev.mgmt.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mgmt.config.Config;
import dev.mgmt.config.ContextEntry;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.json.Json;
import dev.mgmt.output.Column;
import dev.mgmt.run.Invocation;
import dev.mgmt.settings.OutputFormat;
import dev.mgmt.text.Redactor;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code mgmt config get-contexts}: every context, the current one marked with *. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt config get-contexts",
        "  mgmt config get-contexts -o wide",
        "  mgmt config get-contexts -o name"},
    name = "get-contexts", description = {"List the contexts in the config file; * marks the current one.",
    "Tokens are never shown: only ****+last 4, or the token file's path."})
public final class ConfigGetContextsCommand extends BaseCommand {

    @Override
    PrintedFormats printedFormats() {
        return PrintedFormats.LIST;
    }

    @Override
    public Integer call() {
        Invocation inv = invocation();
        OutputFormat format = ConfigSupport.format(inv);
        Config config = inv.config();
        String current = config.file().currentContext();
        List<ObjectNode> rows = new ArrayList<>();
        for (Map.Entry<String, ContextEntry> e : config.file().contexts().entrySet()) {
            ContextEntry c = e.getValue();
            ObjectNode row = Json.mapper().createObjectNode();
            row.put("current", e.getKey().equals(current) ? "*" : " ");
            row.put("name", e.getKey());
            for (String key : ContextEntry.KEYS) {
                if (c.get(key) != null) {
                    row.put(key, key.equals("token") ? Redactor.mask(c.get(key)) : c.get(key));
                }
            }
            row.put("auth", ConfigSupport.tokenSummary(c));
            rows.add(row);
        }
        switch (format) {
            case JSON:
            case YAML: {
                ArrayNode list = Json.mapper().createArrayNode();
                for (ObjectNode row : rows) {
                    row.put("current", row.path("current").asText().equals("*"));
                    row.remove("auth");
                    list.add(row);
                }
                ConfigSupport.printObject(inv, format, list);
                break;
            }
            case NAME:
                rows.forEach(r -> inv.out().println(r.path("name").asText()));
                inv.out().flush();
                break;
            default:
                if (rows.isEmpty()) {
                    ConfigSupport.note(inv, "No contexts in " + config.displayPath()
                        + ". Create one: mgmt config set-context NAME --url URL --token-file FILE");
                    return ExitCodes.OK;
                }
                List<Column> cols = new ArrayList<>(List.of(Column.of("CURRENT", "current"), Column.of("NAME", "name"),
                    Column.of("URL", "url"), Column.of("PROJECT", "project"), Column.of("ENVIRONMENT", "environment"),
                    Column.of("TOKEN", "auth")));
                if (format == OutputFormat.WIDE) {
                    cols.add(Column.of("TOKEN-EXPIRES", "token-expires"));
                    cols.add(Column.of("CACERT", "cacert"));
                    cols.add(Column.of("INSECURE", "insecure"));
                }
                ConfigSupport.printTable(inv, cols, rows);
        }
        return ExitCodes.OK;
    }
}
