package dev.mgmt.cli;

import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.UsageException;
import dev.mgmt.output.FilteredSink;
import dev.mgmt.output.ItemSink;
import dev.mgmt.output.JsonQuery;
import dev.mgmt.output.MappedSink;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.NameArgument;
import dev.mgmt.resources.Operations;
import dev.mgmt.resources.Part;
import dev.mgmt.resources.Parts;
import dev.mgmt.resources.ResourceReader;
import dev.mgmt.resources.Target;
import dev.mgmt.resources.manifest.ManifestView;
import dev.mgmt.resources.manifest.Shapes;
import dev.mgmt.run.Invocation;
import dev.mgmt.run.Sinks;
import dev.mgmt.settings.OutputFormat;
import dev.mgmt.settings.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** {@code mgmt get KIND [NAME]}: list resources, or show one by its exact name. */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt get projects",
        "  mgmt get proxies -p MyProject -o wide",
        "  mgmt get proxy petstore-api -p MyProject -o yaml",
        "  mgmt get proxies -p MyProject --sort-by .type -o custom-columns=NAME:.name"},
    name = "get",
    description = {
        "List resources of a kind, or show one by name (names are case-sensitive).",
        "Kinds: projects, environments, proxies, endpoints, policies, connections, credentials, access,",
        "env-vars, proxy-groups, certificates, keystores, keys, jwks, reports (the API proxy report)",
        "(singular forms and short aliases work). The API cannot list IP groups, RLCLs or geolocation."},
    sortOptions = false)
public final class GetCommand extends BaseCommand {

    @Override
    PrintedFormats printedFormats() {
        return PrintedFormats.ALL;
    }

    @Parameters(index = "0", paramLabel = "KIND", completionCandidates = KindNames.class,
        description = "Resource kind, e.g. projects, proxy, env.")
    String kind;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME",
        description = "Show only this one (an endpoint: 'GET /pets', or its path: every method, or with --method).")
    String name;

    @Option(names = "--proxy", paramLabel = "NAME", description = "The API proxy (for endpoints and policies).")
    String proxy;

    @Option(names = "--method", paramLabel = "METHOD", description = "HTTP method of the endpoint NAME; without NAME, list the endpoints of this method.")
    String method;

    @Option(names = "--credential", paramLabel = "USERNAME", description = "The credential (for access).")
    String credential;

    @Option(names = "--type", paramLabel = "TYPE", description = "Connection type (default: every type in turn).")
    String type;

    @Override
    public Integer call() {
        Invocation inv = invocation();
        Kind k = Kinds.find(kind);
        if (!k.listable()) {
            throw new UsageException("the API has no way to list or show " + k.plural(),
                "mgmt changes them with: " + changes(k));
        }
        if (inv.options().query() != null) {
            JsonQuery.compile(inv.options().query());
        }
        NameArgument named = NameArgument.of(k, name, method);
        // Without a path, --method narrows the list: every endpoint of that method.
        String listedMethod = name == null ? named.method() : null;
        Settings s = inv.settings();
        Target target = Target.of(k, s.project().value(), proxy, credential, type);
        ResourceReader reader = new ResourceReader(inv.authenticatedClient());
        OutputFormat format = s.output().value();
        String query = inv.options().query();
        String noneFound = "No " + k.plural() + (listedMethod == null ? "" : " of method " + listedMethod) + " found"
            + target.where() + (query == null ? "" : " matching -q '" + query + "'") + ".";
        ItemSink shown = documents(Sinks.create(inv, k, format, name != null, noneFound), target, format, inv);
        try (ItemSink sink = listedMethod == null ? shown
            : new FilteredSink(shown, NameArgument.METHOD_FIELD, listedMethod)) {
            if (name == null) {
                reader.list(target, sink);
            } else {
                reader.get(target, named.shown(), sink);
            }
        }
        return ExitCodes.OK;
    }

    /**
     * -o yaml of a kind apply can write: each object as a document with its kind (and project, proxy) on
     * top, so the output applies as it is. -o json stays the server's object, as scripts expect.
     */
    private static ItemSink documents(ItemSink sink, Target target, OutputFormat format, Invocation inv) {
        if (format != OutputFormat.YAML || inv.options().query() != null || !Shapes.writable(target.kind())) {
            return sink;
        }
        return new MappedSink(sink, item -> ManifestView.of(target, item));
    }

    /** The commands that reach an unlisted kind, for the hint. */
    private static String changes(Kind k) {
        List<String> ways = new ArrayList<>();
        for (Operations.Verb v : Operations.Verb.values()) {
            if (Operations.has(k, v)) {
                ways.add("mgmt " + v.name().toLowerCase(Locale.ROOT) + " " + k.singular() + " NAME");
            }
        }
        for (Part.Change c : Part.Change.values()) {
            List<String> parts = Parts.names(k, c);
            if (!parts.isEmpty()) {
                ways.add("mgmt " + c.word() + " " + k.singular() + (Parts.named(k) ? " NAME " : " ")
                    + String.join("|", new java.util.LinkedHashSet<>(parts)));
            }
        }
        return String.join("; ", ways);
    }

    /** Completion candidates: the plural names of all kinds. */
    static final class KindNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            ArrayList<String> names = new ArrayList<>();
            for (Kind k : Kinds.all()) {
                names.add(k.plural());
            }
            return names.iterator();
        }
    }
}
