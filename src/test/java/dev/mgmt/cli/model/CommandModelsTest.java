package dev.mgmt.cli.model;

import dev.mgmt.cli.Subcommands;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compiled command model says exactly what the annotations say: for every command and
 * subcommand the same help text and the same option and parameter attributes that parsing uses.
 */
class CommandModelsTest {

    @Test
    void the_build_wrote_the_compiled_model() {
        assertTrue(CommandModels.compiled(), "target/classes lacks " + CommandModels.RESOURCE);
    }

    /**
     * The same, except where a text holds ${...}: picocli expands it from annotations, the run prints it as
     * written (see help_texts_are_printed_as_written).
     */
    @Test
    void every_command_reads_the_same_from_data_as_from_its_annotations() {
        for (Class<?> c : Subcommands.modelClasses()) {
            CommandSpec fromAnnotations = CommandSpec.forAnnotatedObject(CommandModelWriter.instantiate(c));
            CommandSpec fromData = CommandModels.specOf(CommandModelWriter.instantiate(c));
            String[] expected = String.join("\n", describe(fromAnnotations)).split("\n", -1);
            String[] actual = String.join("\n", describe(fromData)).split("\n", -1);
            assertEquals(expected.length, actual.length, c.getName() + "\n" + describe(fromData));
            for (int i = 0; i < expected.length; i++) {
                if (!actual[i].contains("${")) {
                    assertEquals(expected[i], actual[i], c.getName() + ", line " + (i + 1));
                }
            }
        }
    }

    @Test
    void the_root_help_from_outlines_is_the_root_help_from_full_models() {
        for (int width : new int[] {55, 80, 160}) {
            CommandLine outlined = new CommandLine(CommandModels.specOf(new dev.mgmt.cli.RootCommand()));
            Subcommands.register(outlined, new String[] {"--help"});
            CommandLine full = new CommandLine(CommandModels.specOf(new dev.mgmt.cli.RootCommand()));
            Subcommands.registerAll(full);
            outlined.setUsageHelpWidth(width).setHelpFactory(dev.mgmt.cli.CommandHelp.FACTORY);
            full.setUsageHelpWidth(width).setHelpFactory(dev.mgmt.cli.CommandHelp.FACTORY);
            // The outline holds no options: the list really came from outlines, not full models.
            assertTrue(outlined.getSubcommands().get("get").getCommandSpec().positionalParameters().isEmpty());
            assertEquals(full.getUsageMessage(Ansi.ON), outlined.getUsageMessage(Ansi.ON), "width " + width);
        }
    }

    /** Vendored picocli registers no converters for java.time and java.sql types (docs/startup.md): no option has one. */
    @Test
    void no_option_needs_a_converter_that_picocli_no_longer_registers() {
        List<String> found = new ArrayList<>();
        for (Class<?> c : Subcommands.modelClasses()) {
            typesOf(new CommandLine(CommandModels.specOf(CommandModelWriter.instantiate(c))), found);
        }
        assertTrue(found.size() > 50, "too few options walked: " + found.size());
        for (String type : found) {
            assertTrue(!type.startsWith("java.time.") && !type.startsWith("java.sql."), type);
        }
    }

    private static void typesOf(CommandLine cl, List<String> out) {
        for (ArgSpec a : cl.getCommandSpec().args()) {
            if (a.converters().length == 0) {
                out.add(a.type().getName());
                Arrays.stream(a.auxiliaryTypes()).forEach(t -> out.add(t.getName()));
            }
        }
        cl.getSubcommands().values().forEach(sub -> typesOf(sub, out));
    }

    /** Help texts are printed as written: picocli expanded ${...} from the environment ("${fpath[1]}" became "null"). */
    @Test
    void help_texts_are_printed_as_written() {
        CommandLine completion = new CommandLine(CommandModels.specOf(new dev.mgmt.cli.CompletionCommand()));
        String help = completion.getUsageMessage(Ansi.OFF);
        assertTrue(help.contains("mgmt completion zsh > \"${fpath[1]}/_mgmt\""), help);
        // The help mixin's names are variables with defaults; the model holds them expanded.
        assertTrue(completion.getCommandSpec().optionsMap().containsKey("--help"), help);
    }

    @Test
    void every_option_field_can_be_read_and_written_back_through_its_binding() {
        for (Class<?> c : Subcommands.modelClasses()) {
            roundTrip(CommandModels.specOf(CommandModelWriter.instantiate(c)));
        }
    }

    private static void roundTrip(CommandSpec spec) {
        for (ArgSpec a : spec.args()) {
            Object value = a.getter() == null ? null : getValue(a);
            try {
                a.setter().set(value);
            } catch (Exception e) {
                throw new AssertionError(spec.qualifiedName() + " " + a.paramLabel(), e);
            }
            assertEquals(value, getValue(a), spec.qualifiedName() + " " + a.paramLabel());
        }
        for (CommandLine sub : new LinkedHashSet<>(spec.subcommands().values())) {
            roundTrip(sub.getCommandSpec());
        }
    }

    private static Object getValue(ArgSpec a) {
        try {
            return a.getter().get();
        } catch (Exception e) {
            throw new AssertionError(a.paramLabel(), e);
        }
    }

    @Test
    void the_spec_field_is_set_to_the_command_own_spec() throws Exception {
        Object config = CommandModelWriter.instantiate(Class.forName("dev.mgmt.cli.ConfigCommand"));
        CommandSpec spec = CommandModels.specOf(config);
        assertTrue(specField(config) == spec);
        CommandSpec view = spec.subcommands().get("view").getCommandSpec();
        assertTrue(specField(view.userObject()) == view);
    }

    private static Object specField(Object command) throws IllegalAccessException {
        java.lang.reflect.Field f = CommandModelWriter.specFields(command.getClass()).get(0);
        f.setAccessible(true);
        return f.get(command);
    }

    /** Help text and parse-relevant attributes of a command and, recursively, its subcommands. */
    private static List<String> describe(CommandSpec spec) {
        List<String> out = new ArrayList<>();
        CommandLine cl = new CommandLine(spec);
        out.add(spec.qualifiedName() + " usage:\n" + cl.getUsageMessage(Ansi.OFF));
        out.add("help command " + spec.helpCommand() + ", std help " + spec.mixinStandardHelpOptions()
            + ", version " + Arrays.toString(spec.version()) + ", mixins " + spec.mixins().keySet()
            + ", aliases " + Arrays.toString(spec.aliases()));
        for (OptionSpec o : spec.options()) {
            out.add(String.join(",", o.names()) + " " + common(o) + " usage=" + o.usageHelp() + " version="
                + o.versionHelp() + " help=" + o.help() + " order=" + o.order() + " negatable=" + o.negatable()
                + " fallback=" + o.fallbackValue());
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            out.add("positional " + p.index() + " " + common(p));
        }
        for (CommandLine sub : new LinkedHashSet<>(spec.subcommands().values())) {
            out.addAll(describe(sub.getCommandSpec()));
        }
        return out;
    }

    private static String common(ArgSpec a) {
        Function<Object, String> s = String::valueOf;
        return "arity=" + a.arity() + " label=" + a.paramLabel() + " type=" + a.type().getName()
            + " aux=" + Arrays.toString(a.auxiliaryTypes()) + " split=" + a.splitRegex() + " hidden=" + a.hidden()
            + " default=" + a.defaultValue() + " initial=" + s.apply(initial(a)) + " required=" + a.required()
            + " interactive=" + a.interactive() + " scope=" + a.scopeType() + " inherited=" + a.inherited()
            + " candidates=" + candidates(a) + " multi=" + a.isMultiValue() + " description="
            + Arrays.toString(a.description());
    }

    private static Object initial(ArgSpec a) {
        Object v = a.initialValue();
        return v != null && v.getClass().isArray() ? Arrays.toString((boolean[]) v) : v;
    }

    private static String candidates(ArgSpec a) {
        if (a.completionCandidates() == null) {
            return "none";
        }
        List<String> l = new ArrayList<>();
        a.completionCandidates().forEach(l::add);
        return l.toString();
    }
}
