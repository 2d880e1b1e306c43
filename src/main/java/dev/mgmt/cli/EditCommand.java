package dev.mgmt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.UsageException;
import dev.mgmt.input.InputData;
import dev.mgmt.output.ItemSink;
import dev.mgmt.output.StructuredSink;
import dev.mgmt.process.Editor;
import dev.mgmt.resources.Kind;
import dev.mgmt.resources.Kinds;
import dev.mgmt.resources.NameArgument;
import dev.mgmt.resources.ResourceReader;
import dev.mgmt.resources.Target;
import dev.mgmt.resources.manifest.LiveObjects;
import dev.mgmt.resources.manifest.Manifest;
import dev.mgmt.resources.manifest.ManifestParser;
import dev.mgmt.resources.manifest.ManifestView;
import dev.mgmt.resources.manifest.Plan;
import dev.mgmt.resources.manifest.PlanPrinter;
import dev.mgmt.resources.manifest.PlanRunner;
import dev.mgmt.resources.manifest.Planner;
import dev.mgmt.resources.manifest.Shape;
import dev.mgmt.resources.manifest.Shapes;
import dev.mgmt.resources.manifest.Step;
import dev.mgmt.run.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mgmt edit KIND NAME}: the object in $VISUAL/$EDITOR as a document, sent only when changed. A
 * failed check reopens the file with the problems on top as comments; saving it unchanged gives up.
 */
@Command(footerHeading = "%nExamples:%n", footer = {
        "  mgmt edit proxy petstore-api -p MyProject",
        "  EDITOR=nano mgmt edit env-var BACKEND_BASE_URL -p MyProject",
        "  mgmt edit endpoint /pets --method GET --proxy petstore-api -p MyProject"},
    name = "edit", description = {"Edit a resource in your editor ($VISUAL, else $EDITOR, else vi) and apply it.",
    "The file is private (mode 0600) and deleted afterwards; the changes are shown on stderr before sending."},
    sortOptions = false)
public final class EditCommand extends BaseCommand {
    static final String CANCELLED = "Edit cancelled, no changes made.";

    @Parameters(index = "0", paramLabel = "KIND", description = "Resource kind, e.g. proxy, connection, env-var.")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME",
        description = "Its exact name (for an endpoint: 'GET /pets', or its path with --method).")
    String name;

    @Option(names = "--proxy", paramLabel = "NAME", description = "The API proxy (for endpoints).")
    String proxy;

    @Option(names = "--method", paramLabel = "METHOD", description = "HTTP method of the endpoint to edit.")
    String method;

    @Override
    public Integer call() {
        Invocation inv = invocation();
        Kind k = Kinds.find(kind);
        Shapes.Refusal refusal = Shapes.refusal(k);
        if (refusal != null) {
            throw new UsageException(k.plural() + " cannot be edited in place: " + refusal.text());
        }
        Shape shape = Shapes.of(k);
        Target target = Target.of(k, inv.settings().project().value(), proxy, null, null);
        NameArgument named = NameArgument.of(k, name, method).requireMethod(k);
        ApiClient client = inv.authenticatedClient();
        Manifest probe = new Manifest(k, shape, target, named.key(k.nameField()), named.name(), null);
        JsonNode current = new LiveObjects(client).find(probe);
        if (current == null) {
            new ResourceReader(client).require(target, named.shown());
            throw new MgmtException(ExitCodes.NOT_FOUND, "no " + k.singular() + " '" + named.shown() + "'"
                + target.where());
        }
        String original = "# Edit, save and quit to apply. Lines starting with '#' are ignored; an unchanged file "
            + "cancels.\n" + yaml(ManifestView.of(target, current));
        Path file = privateFile();
        // Also on Ctrl-C (the JVM's shutdown), which skips the finally below while the editor is open.
        file.toFile().deleteOnExit();
        try {
            return session(inv, client, probe, current, file, original);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                inv.err().println("warning: could not delete " + file + ": " + e.getMessage());
            }
        }
    }

    private Integer session(Invocation inv, ApiClient client, Manifest probe, JsonNode current, Path file,
                            String original) {
        Editor editor = Editor.of(inv.env());
        String shown = original;
        List<String> problems = null;
        while (true) {
            write(file, shown);
            run(editor, file);
            String edited = read(file);
            String body = uncommented(edited);
            if (body.equals(uncommented(shown))) {
                if (problems == null) {
                    inv.err().println(CANCELLED);
                    return ExitCodes.OK;
                }
                throw new UsageException("edit not applied: the file was saved unchanged after a failed check: "
                    + problems.get(0), problems.size() > 1 ? String.join("\n  ", problems.subList(1, problems.size()))
                    : null);
            }
            Plan plan;
            try {
                plan = plan(probe, current, body, 0);
            } catch (MgmtException e) {
                int found = problems(e).size();
                // The same problems again, their lines counted in the file reopened below the comments about them.
                problems = problems(probe, current, body, 1 + found);
                StringBuilder top = new StringBuilder("# The edit could not be applied; fix it, or save unchanged "
                    + "to give up:\n");
                problems.forEach(p -> top.append("#   ").append(p.replace("\n", " ")).append('\n'));
                shown = top + body;
                continue;
            }
            if (plan == null) {
                inv.err().println(CANCELLED);
                return ExitCodes.OK;
            }
            new PlanPrinter(inv.err(), inv.colorOnStderr()).print(plan);
            new PlanRunner(client).run(plan, inv.out(), inv.err());
            return ExitCodes.OK;
        }
    }

    /** What the check finds in {@code body} placed {@code below} lines down, one line each; empty when it passes. */
    private static List<String> problems(Manifest probe, JsonNode current, String body, int below) {
        try {
            plan(probe, current, body, below);
            return List.of();
        } catch (MgmtException e) {
            return problems(e);
        }
    }

    /** A failed check's message and details, one line each; any other failure is thrown on. */
    private static List<String> problems(MgmtException e) {
        if (e.exitCode() != ExitCodes.USAGE) {
            throw e;
        }
        List<String> out = new ArrayList<>();
        out.add(e.getMessage());
        for (String d : e.details()) {
            out.addAll(d.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        }
        return out;
    }

    /** The checked plan for the saved document, or null when it changes nothing. */
    private static Plan plan(Manifest probe, JsonNode current, String body, int below) {
        Manifest m = parse("\n".repeat(below) + body, probe);
        Step step = Planner.step(m, current);
        if (!step.writes()) {
            return null;
        }
        Plan plan = new Plan(List.of(step));
        Planner.check(plan);
        return plan;
    }

    /** The document the user saved; it must still be the same object in the same place. */
    private static Manifest parse(String text, Manifest probe) {
        Target target = probe.target();
        List<Manifest> docs = new ManifestParser(target.project(), null)
            .parse(InputData.text(text, "the edited file"), "the edited file");
        if (docs.size() != 1) {
            throw new UsageException("the edited file must hold one document, not " + docs.size());
        }
        Manifest m = docs.get(0);
        if (m.kind() != target.kind() || !m.target().where().equals(target.where()) || !m.name().equals(probe.name())) {
            throw new UsageException("edit changes one object: keep its kind, name, project and proxy "
                + "(to rename or move it, use mgmt apply)");
        }
        return m;
    }

    private static String yaml(JsonNode doc) {
        StringWriter text = new StringWriter();
        try (PrintWriter w = new PrintWriter(text)) {
            ItemSink sink = StructuredSink.yaml(w, true);
            sink.item(doc);
            sink.finish();
        }
        return text.toString();
    }

    private static String uncommented(String text) {
        StringBuilder sb = new StringBuilder();
        text.lines().filter(l -> !l.stripLeading().startsWith("#")).forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    private static Path privateFile() {
        try {
            return Files.createTempFile("mgmt-edit-", ".yaml",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException | UnsupportedOperationException e) {
            throw new MgmtException(ExitCodes.INTERNAL, "cannot create a private temporary file: " + e.getMessage());
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new MgmtException(ExitCodes.INTERNAL, "cannot write " + file + ": " + e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UsageException("cannot read the edited file: " + e.getMessage());
        }
    }

    private static void run(Editor editor, Path file) {
        int status;
        try {
            status = editor.edit(file);
        } catch (IOException e) {
            throw new UsageException("cannot start the editor '" + editor.command() + "': " + e.getMessage(),
                "Set VISUAL or EDITOR to your editor's command");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while the editor was open; nothing was changed");
        }
        if (status != 0) {
            throw new UsageException("the editor '" + editor.command() + "' exited with status " + status
                + "; nothing was changed");
        }
    }
}
