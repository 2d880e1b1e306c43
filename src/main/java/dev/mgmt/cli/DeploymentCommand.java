package dev.mgmt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.UsageException;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.output.Column;
import dev.mgmt.output.Outcome;
import dev.mgmt.output.TableSink;
import dev.mgmt.resources.Deployments;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.Target;
import dev.mgmt.run.Invocation;
import dev.mgmt.run.Sinks;
import dev.mgmt.settings.OutputFormat;
import dev.mgmt.settings.Settings;
import picocli.CommandLine.Parameters;

import java.util.List;

/** What deploy and undeploy share: a proxy or proxy group, an environment, a per-environment result. */
abstract class DeploymentCommand extends ChangeCommand {

    /** -o wide is the same result table: deployments have no wider columns. */
    @Override
    PrintedFormats printedFormats() {
        return PrintedFormats.LIST;
    }
    private static final List<Column> RESULT_COLUMNS = List.of(
        Column.of("ENVIRONMENT", "environmentName", "envName"), Column.of("POD", "podName"),
        Column.of("SUCCESS", "success"), Column.of("MESSAGE", "message", "errorMessage"));

    @Parameters(index = "0", paramLabel = "KIND", description = "proxy or proxy-group.")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME", description = "Its exact name.")
    String name;

    abstract Deployments.Action action();

    abstract String pastTense();

    @Override
    public Integer call() {
        Invocation inv = invocation();
        Kind k = Kinds.find(kind);
        if (!Deployments.deployable(k)) {
            throw new UsageException("only proxies and proxy groups are deployed, not " + k.plural());
        }
        Settings s = inv.settings();
        String environment = s.environment().value();
        if (environment == null) {
            throw new UsageException("which environment? pass -e/--environment NAME or set MGMT_ENVIRONMENT",
                "List environments with: mgmt get environments");
        }
        Target target = Target.of(k, s.project().value(), null, null, null);
        Deployments deployments = new Deployments(inv.authenticatedClient());
        if (dryRun) {
            deployments.requireBoth(target, name, environment);
            dryRunner().show(inv.out(), s.output().value(), k.singular(), name, spec.name(),
                pastTense() + " " + environment, deployments.request(action(), target, name, environment));
            return ExitCodes.OK;
        }
        ApiResponse response = deployments.send(action(), target, name, environment);
        OutputFormat format = s.output().value();
        JsonNode items = Deployments.results(response);
        if ((format == OutputFormat.TABLE || format == OutputFormat.WIDE) && items != null) {
            TableSink table = Sinks.table(inv, inv.out(), RESULT_COLUMNS);
            items.forEach(table::item);
            table.finish();
        } else {
            Outcome.print(inv.out(), format, k.singular(), name, pastTense() + " " + environment, response);
        }
        return ExitCodes.OK;
    }
}
