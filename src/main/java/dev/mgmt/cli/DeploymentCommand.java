package dev.mgmt.cli;

import dev.mgmt.run.Invocation;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.UsageException;
import dev.mgmt.json.Json;
import dev.mgmt.output.Outcome;
import dev.mgmt.output.TableSink;
import dev.mgmt.output.Column;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.Target;
import dev.mgmt.settings.OutputFormat;
import dev.mgmt.settings.Settings;
import picocli.CommandLine.Parameters;

import java.util.List;

/** What deploy and undeploy share: a proxy or proxy group, an environment, a per-environment result. */
abstract class DeploymentCommand extends BaseCommand {
    private static final List<Column> RESULT_COLUMNS = List.of(
        Column.of("ENVIRONMENT", "environmentName", "envName"), Column.of("POD", "podName"),
        Column.of("SUCCESS", "success"), Column.of("MESSAGE", "message", "errorMessage"));

    @Parameters(index = "0", paramLabel = "KIND", description = "proxy or proxy-group.")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME", description = "Its exact name.")
    String name;

    abstract String method();

    abstract String pastTense();

    @Override
    public Integer call() {
        Invocation inv = invocation();
        Kind k = Kinds.find(kind);
        String collection;
        if (k.singular().equals("proxy")) {
            collection = "apiProxies";
        } else if (k.singular().equals("proxy-group")) {
            collection = "apiProxyGroups";
        } else {
            throw new UsageException("only proxies and proxy groups are deployed, not " + k.plural());
        }
        Settings s = inv.settings();
        String environment = s.environment().value();
        if (environment == null) {
            throw new UsageException("which environment? pass -e/--environment NAME or set MGMT_ENVIRONMENT",
                "List environments with: mgmt get environments");
        }
        Target target = Target.of(k, s.project().value(), null, null, null);
        ApiClient client = inv.authenticatedClient();
        String path = target.fill(List.of("projects", "{project}", collection, "{name}", "environments", environment), name);
        ApiResponse response = client.call(client.request(method(), client.base().resolve(path), List.of(), null));
        OutputFormat format = s.output().value();
        JsonNode body = Json.tryParse(response.body());
        JsonNode results = body == null ? null : body.path("deploymentResult");
        JsonNode items = results == null ? null
            : results.has("deploymentResults") ? results.get("deploymentResults") : results.get("detailList");
        if ((format == OutputFormat.TABLE || format == OutputFormat.WIDE) && items != null && items.isArray()
            && items.size() > 0) {
            TableSink table = new TableSink(inv.out(), RESULT_COLUMNS, inv.colorOnStdout(), inv.tableWidth());
            items.forEach(table::item);
            table.finish();
        } else {
            Outcome.print(inv.out(), format, k.singular(), name, pastTense() + " " + environment, response);
        }
        return ExitCodes.OK;
    }
}
