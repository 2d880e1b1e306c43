package dev.mgmt.cli.model;

import dev.mgmt.cli.Subcommands;
import dev.mgmt.process.OwnResources;

import java.io.OutputStream;

import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Range;
import picocli.CommandLine.ScopeType;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Run time: picocli command specs built from the data that {@link CommandModelWriter} wrote at build
 * time from the annotations, so that start-up reads no annotation (each annotation type read costs
 * a proxy class generated on the spot). Without the data (classes compiled outside Maven) the
 * annotations are read as before.
 */
public final class CommandModels {
    static final int FORMAT = 2;
    /** How an option's initial value is written: kinds the data holds, or read from the field at run time. */
    static final int NULL_INITIAL = 0;
    static final int STRING_INITIAL = 1;
    static final int BOOLEAN_INITIAL = 2;
    static final int INT_INITIAL = 3;
    static final int LONG_INITIAL = 4;
    static final int ENUM_INITIAL = 5;
    static final int LIVE_INITIAL = 9;
    public static final String RESOURCE = "commands.model";

    /** Writes {@link #RESOURCE} for every command class: the build step ({@code dev.mgmt.CompileData}). */
    public static void compile(OutputStream out) throws IOException {
        CommandModelWriter.writeAll(Subcommands.modelClasses(), out);
    }

    private static Map<String, byte[]> byClass;

    private CommandModels() {
    }

    /** The spec of a command object: from the compiled model when there is one, else from its annotations. */
    public static CommandSpec specOf(Object command) {
        byte[] data = models().get(command.getClass().getName());
        if (data == null) {
            return plain(CommandSpec.forAnnotatedObject(command));
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            return new Reader(in).command(command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A spec with only what a parent's command list shows (name, aliases, usage texts, hidden): the
     * root's help lists every verb, and building their options and subcommands would cost more than
     * the rest of that run. Without compiled data, the full spec.
     */
    public static CommandSpec outlineOf(Object command) {
        byte[] data = models().get(command.getClass().getName());
        if (data == null) {
            return specOf(command);
        }
        try {
            return new Reader(new DataInputStream(new ByteArrayInputStream(data))).outline(command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * mgmt's names and help texts are plain text: picocli would expand {@code ${...}} in each of them from system
     * properties and the environment (an example's {@code "${fpath[1]}/_mgmt"} printed as {@code "null/_mgmt"}),
     * and the expansion was about a quarter of building the root's model at start-up. {@code ${DEFAULT-VALUE}} in
     * a description is the help layout's own and still works.
     */
    static CommandSpec plain(CommandSpec spec) {
        spec.interpolateVariables(false);
        spec.mixins().values().forEach(CommandModels::plain);
        spec.subcommands().values().forEach(sub -> plain(sub.getCommandSpec()));
        return spec;
    }

    /** Whether the build's compiled model is on the class path. */
    public static boolean compiled() {
        return !models().isEmpty();
    }

    private static synchronized Map<String, byte[]> models() {
        if (byClass == null) {
            byClass = load();
        }
        return byClass;
    }

    /** Splits the file into one record per top-level command class, read in full only when asked for. */
    private static Map<String, byte[]> load() {
        Map<String, byte[]> out = new HashMap<>();
        try (InputStream raw = OwnResources.open(CommandModels.class, RESOURCE)) {
            if (raw == null) {
                return out;
            }
            DataInputStream in = new DataInputStream(raw);
            if (in.readInt() != FORMAT) {
                return out;
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                out.put(name, b);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Reader {
        private final DataInputStream in;

        Reader(DataInputStream in) {
            this.in = in;
        }

        CommandSpec command(Object user) throws IOException {
            CommandSpec spec = head(user);
            String provider = str();
            if (provider != null) {
                spec.versionProvider((IVersionProvider) newInstance(provider));
            }
            usage(spec.usageMessage());
            args(spec, user);
            int mixins = in.readInt();
            for (int i = 0; i < mixins; i++) {
                String name = str();
                Object mixinObject = newInstance(str());
                CommandSpec mixin = CommandSpec.wrapWithoutInspection(mixinObject).interpolateVariables(false);
                args(mixin, mixinObject);
                spec.addMixin(name, mixin);
            }
            int specFields = in.readInt();
            for (int i = 0; i < specFields; i++) {
                FieldBinding.of(user, str(), str()).set(spec);
            }
            int subs = in.readInt();
            for (int i = 0; i < subs; i++) {
                String subClass = peekClass();
                CommandSpec sub = command(newInstance(subClass));
                spec.addSubcommand(sub.name(), sub);
            }
            return spec;
        }

        CommandSpec outline(Object user) throws IOException {
            CommandSpec spec = head(user);
            str();
            usage(spec.usageMessage());
            return spec;
        }

        /** The record's start: class, name, aliases, whether it is the help command. */
        private CommandSpec head(Object user) throws IOException {
            String className = str();
            if (!className.equals(user.getClass().getName())) {
                throw new IllegalStateException("command model out of step with " + user.getClass().getName());
            }
            // Before anything is added: picocli expands option names as they are added (see plain).
            CommandSpec spec = CommandSpec.wrapWithoutInspection(user).interpolateVariables(false);
            spec.name(str());
            spec.aliases(strs());
            spec.helpCommand(in.readBoolean());
            return spec;
        }

        private String peekClass() throws IOException {
            in.mark(1 << 16);
            String s = str();
            in.reset();
            return s;
        }

        private void usage(UsageMessageSpec u) throws IOException {
            set(str(), u::headerHeading);
            setAll(strs(), u::header);
            set(str(), u::synopsisHeading);
            set(str(), u::synopsisSubcommandLabel);
            u.abbreviateSynopsis(in.readBoolean());
            setAll(strs(), u::customSynopsis);
            set(str(), u::descriptionHeading);
            setAll(strs(), u::description);
            set(str(), u::parameterListHeading);
            set(str(), u::optionListHeading);
            set(str(), u::commandListHeading);
            set(str(), u::footerHeading);
            setAll(strs(), u::footer);
            set(str(), u::exitCodeListHeading);
            int codes = in.readInt();
            if (codes > 0) {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < codes; i++) {
                    m.put(str(), str());
                }
                u.exitCodeList(m);
            }
            u.sortOptions(in.readBoolean());
            u.sortSynopsis(in.readBoolean());
            u.showDefaultValues(in.readBoolean());
            u.showAtFileInUsageHelp(in.readBoolean());
            u.showEndOfOptionsDelimiterInUsageHelp(in.readBoolean());
            u.hidden(in.readBoolean());
            u.requiredOptionMarker(in.readChar());
        }

        private void args(CommandSpec spec, Object target) throws IOException {
            int options = in.readInt();
            for (int i = 0; i < options; i++) {
                OptionSpec.Builder b = OptionSpec.builder(strs());
                arg(b, target);
                b.usageHelp(in.readBoolean()).versionHelp(in.readBoolean()).help(in.readBoolean())
                    .order(in.readInt()).negatable(in.readBoolean());
                String fallback = str();
                if (fallback != null) {
                    b.fallbackValue(fallback);
                }
                spec.addOption(b.build());
            }
            int params = in.readInt();
            for (int i = 0; i < params; i++) {
                PositionalParamSpec.Builder b = PositionalParamSpec.builder();
                b.index(range());
                arg(b, target);
                spec.addPositional(b.build());
            }
        }

        private void arg(ArgSpec.Builder<?> b, Object target) throws IOException {
            FieldBinding field = FieldBinding.of(target, str(), str());
            b.getter(field).setter(field);
            // A value the data holds is what a new command object has: picocli needs no reset before
            // parsing (each command object is parsed once), so the field is first touched only if the
            // option is given, and core reflection builds no accessor for the other fields.
            int kind = in.readByte();
            switch (kind) {
                case NULL_INITIAL -> b.hasInitialValue(false).initialValue(null);
                case STRING_INITIAL -> b.hasInitialValue(false).initialValue(in.readUTF());
                case BOOLEAN_INITIAL -> b.hasInitialValue(false).initialValue(in.readBoolean());
                case INT_INITIAL -> b.hasInitialValue(false).initialValue(in.readInt());
                case LONG_INITIAL -> b.hasInitialValue(false).initialValue(in.readLong());
                case ENUM_INITIAL -> b.hasInitialValue(false).initialValue(enumConstant(in.readUTF(), in.readUTF()));
                case LIVE_INITIAL -> b.hasInitialValue(true).initialValue(field.get());
                default -> throw new IOException("unknown initial-value kind " + kind + " in " + RESOURCE);
            }
            b.arity(range());
            set(str(), b::paramLabel);
            b.hideParamSyntax(in.readBoolean());
            setAll(strs(), b::description);
            set(str(), b::descriptionKey);
            b.type(type(str()));
            Class<?>[] aux = new Class<?>[in.readInt()];
            for (int i = 0; i < aux.length; i++) {
                aux[i] = type(str());
            }
            b.auxiliaryTypes(aux);
            set(str(), b::splitRegex);
            set(str(), b::splitRegexSynopsisLabel);
            b.hidden(in.readBoolean());
            set(str(), b::defaultValue);
            b.showDefaultValue(Visibility.valueOf(str()));
            String candidates = str();
            if (candidates != null) {
                @SuppressWarnings("unchecked") Iterable<String> it = (Iterable<String>) newInstance(candidates);
                b.completionCandidates(it);
            }
            b.interactive(in.readBoolean());
            b.echo(in.readBoolean());
            set(str(), b::prompt);
            b.required(in.readBoolean());
            String scope = str();
            b.scopeType(scope == null ? null : ScopeType.valueOf(scope));
        }

        private static void set(String value, java.util.function.Consumer<String> setter) {
            if (value != null) {
                setter.accept(value);
            }
        }

        private static void setAll(String[] value, java.util.function.Consumer<String[]> setter) {
            if (value != null) {
                setter.accept(value);
            }
        }

        private Range range() throws IOException {
            return new Range(in.readInt(), in.readInt(), in.readBoolean(), in.readBoolean(), str());
        }

        private String str() throws IOException {
            return in.readBoolean() ? in.readUTF() : null;
        }

        private String[] strs() throws IOException {
            int n = in.readInt();
            if (n < 0) {
                return null;
            }
            String[] a = new String[n];
            for (int i = 0; i < n; i++) {
                a[i] = str();
            }
            return a;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(String type, String name) {
        return Enum.valueOf((Class) type(type), name);
    }

    private static Class<?> type(String name) {
        switch (name) {
            case "boolean": return boolean.class;
            case "int": return int.class;
            case "long": return long.class;
            case "double": return double.class;
            case "float": return float.class;
            case "short": return short.class;
            case "byte": return byte.class;
            case "char": return char.class;
            default:
                try {
                    return Class.forName(name, false, CommandModels.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("the command model names a missing class: " + name, e);
                }
        }
    }

    private static Object newInstance(String className) {
        return CommandModelWriter.instantiate(type(className));
    }
}
