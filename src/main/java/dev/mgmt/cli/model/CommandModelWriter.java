package dev.mgmt.cli.model;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Range;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Build time: reads the picocli annotations of the command classes (the readable source of the
 * command model) and writes what they say as plain data for {@link CommandModels}. Reading
 * annotations costs a generated proxy class per annotation type, which no start-up cache keeps;
 * reading this data costs nothing of the kind.
 */
final class CommandModelWriter {
    private final DataOutputStream out;

    private CommandModelWriter(DataOutputStream out) {
        this.out = out;
    }

    /**
     * Writes the model of every class given, each with its annotated subcommands, as one record
     * per class (name, length, data), so that a run reads only the record of the command it runs.
     */
    static void writeAll(List<Class<?>> classes, OutputStream target) throws IOException {
        DataOutputStream file = new DataOutputStream(target);
        file.writeInt(CommandModels.FORMAT);
        file.writeInt(classes.size());
        for (Class<?> c : classes) {
            ByteArrayOutputStream record = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(record);
            new CommandModelWriter(data).writeCommand(CommandModels.plain(CommandSpec.forAnnotatedObject(instantiate(c))));
            data.flush();
            file.writeUTF(c.getName());
            file.writeInt(record.size());
            record.writeTo(file);
        }
        file.flush();
    }

    private void writeCommand(CommandSpec spec) throws IOException {
        Object user = spec.userObject();
        str(user.getClass().getName());
        str(spec.name());
        strs(spec.aliases());
        out.writeBoolean(spec.helpCommand());
        str(spec.versionProvider() == null ? null : spec.versionProvider().getClass().getName());
        writeUsage(spec.usageMessage());

        // Own arguments first, then the mixins': the order picocli's annotation scan adds them in.
        Set<ArgSpec> fromMixins = Collections.newSetFromMap(new IdentityHashMap<>());
        for (CommandSpec m : spec.mixins().values()) {
            fromMixins.addAll(m.args());
        }
        writeArgs(spec, fromMixins);
        out.writeInt(spec.mixins().size());
        for (Map.Entry<String, CommandSpec> m : spec.mixins().entrySet()) {
            str(m.getKey());
            str(m.getValue().userObject().getClass().getName());
            writeArgs(m.getValue(), Set.of());
        }

        List<Field> specFields = specFields(user.getClass());
        out.writeInt(specFields.size());
        for (Field f : specFields) {
            str(f.getDeclaringClass().getName());
            str(f.getName());
        }

        Set<CommandLine> subs = new LinkedHashSet<>(spec.subcommands().values());
        out.writeInt(subs.size());
        for (CommandLine sub : subs) {
            writeCommand(sub.getCommandSpec());
        }
    }

    private void writeUsage(UsageMessageSpec u) throws IOException {
        str(u.headerHeading());
        strs(u.header());
        str(u.synopsisHeading());
        str(u.synopsisSubcommandLabel());
        out.writeBoolean(u.abbreviateSynopsis());
        strs(u.customSynopsis());
        str(u.descriptionHeading());
        strs(u.description());
        str(u.parameterListHeading());
        str(u.optionListHeading());
        str(u.commandListHeading());
        str(u.footerHeading());
        strs(u.footer());
        str(u.exitCodeListHeading());
        out.writeInt(u.exitCodeList().size());
        for (Map.Entry<String, String> e : u.exitCodeList().entrySet()) {
            str(e.getKey());
            str(e.getValue());
        }
        out.writeBoolean(u.sortOptions());
        out.writeBoolean(u.sortSynopsis());
        out.writeBoolean(u.showDefaultValues());
        out.writeBoolean(u.showAtFileInUsageHelp());
        out.writeBoolean(u.showEndOfOptionsDelimiterInUsageHelp());
        out.writeBoolean(u.hidden());
        out.writeChar(u.requiredOptionMarker());
    }

    /**
     * The names picocli gave the option when it was added, variables expanded: the run reads the model without
     * expansion ({@link CommandModels#plain}), and picocli's help mixin names its options
     * {@code ${picocli.help.name.0:--h}}.
     */
    private static String[] resolvedNames(CommandSpec spec, OptionSpec o) {
        List<String> names = new ArrayList<>();
        spec.optionsMap().forEach((name, option) -> {
            if (option == o) {
                names.add(name);
            }
        });
        if (names.size() != o.names().length) {
            throw new IllegalStateException("option " + String.join("/", o.names()) + " is known by " + names);
        }
        return names.toArray(new String[0]);
    }

    private void writeArgs(CommandSpec spec, Set<ArgSpec> skip) throws IOException {
        List<OptionSpec> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!skip.contains(o)) {
                options.add(o);
            }
        }
        out.writeInt(options.size());
        for (OptionSpec o : options) {
            strs(resolvedNames(spec, o));
            writeArg(o);
            out.writeBoolean(o.usageHelp());
            out.writeBoolean(o.versionHelp());
            out.writeBoolean(o.help());
            out.writeInt(o.order());
            out.writeBoolean(o.negatable());
            str(o.fallbackValue());
        }
        List<PositionalParamSpec> params = new ArrayList<>();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!skip.contains(p)) {
                params.add(p);
            }
        }
        out.writeInt(params.size());
        for (PositionalParamSpec p : params) {
            range(p.index());
            writeArg(p);
        }
    }

    /** What options and positional parameters share. Converters and group membership are not used by mgmt. */
    private void writeArg(ArgSpec a) throws IOException {
        if (!(a.userObject() instanceof Field f)) {
            throw new IllegalStateException("only fields can carry @Option/@Parameters in mgmt: " + a);
        }
        if (a.group() != null || a.parameterConsumer() != null || hasCustomConverter(a)
            || a.preprocessor() != null && !a.preprocessor().getClass().getName().startsWith("picocli.")) {
            throw new IllegalStateException("the command model does not carry groups, consumers or converters: " + a);
        }
        str(f.getDeclaringClass().getName());
        str(f.getName());
        initialValue(a.initialValue());
        range(a.arity());
        str(a.paramLabel());
        out.writeBoolean(a.hideParamSyntax());
        strs(a.description());
        str(a.descriptionKey());
        str(a.type().getName());
        Class<?>[] aux = a.auxiliaryTypes();
        out.writeInt(aux.length);
        for (Class<?> c : aux) {
            str(c.getName());
        }
        str(a.splitRegex());
        str(a.splitRegexSynopsisLabel());
        out.writeBoolean(a.hidden());
        str(a.defaultValue());
        str(a.showDefaultValue().name());
        Iterable<String> candidates = a.completionCandidates();
        boolean ownCandidates = candidates != null && !a.type().isEnum()
            && !candidates.getClass().getName().startsWith("java.");
        str(ownCandidates ? candidates.getClass().getName() : null);
        out.writeBoolean(a.interactive());
        out.writeBoolean(a.echo());
        str(a.prompt());
        out.writeBoolean(a.required());
        str(a.scopeType() == null ? null : a.scopeType().name());
    }

    /**
     * The field's value in a new command object, when it is immutable and of a kind the data can hold;
     * otherwise {@link CommandModels#LIVE_INITIAL}, and a run reads the field itself.
     */
    private void initialValue(Object v) throws IOException {
        if (v == null) {
            out.writeByte(CommandModels.NULL_INITIAL);
        } else if (v instanceof String s) {
            out.writeByte(CommandModels.STRING_INITIAL);
            out.writeUTF(s);
        } else if (v instanceof Boolean b) {
            out.writeByte(CommandModels.BOOLEAN_INITIAL);
            out.writeBoolean(b);
        } else if (v instanceof Integer i) {
            out.writeByte(CommandModels.INT_INITIAL);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(CommandModels.LONG_INITIAL);
            out.writeLong(l);
        } else if (v instanceof Enum<?> e) {
            out.writeByte(CommandModels.ENUM_INITIAL);
            out.writeUTF(e.getDeclaringClass().getName());
            out.writeUTF(e.name());
        } else {
            out.writeByte(CommandModels.LIVE_INITIAL);
        }
    }

    private static boolean hasCustomConverter(ArgSpec a) {
        return a.converters() != null && a.converters().length > 0;
    }

    /** Fields annotated {@code @Spec}, in the class and its superclasses: picocli injects the command's spec there. */
    static List<Field> specFields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (f.isAnnotationPresent(Spec.class)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    static Object instantiate(Class<?> c) {
        try {
            Constructor<?> k = c.getDeclaredConstructor();
            k.setAccessible(true);
            return k.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + c.getName() + " with no arguments", e);
        }
    }

    /** Whole, "unspecified" included: picocli treats {@code --flag=true} differently when no arity was given. */
    private void range(Range r) throws IOException {
        out.writeInt(r.min());
        out.writeInt(r.max());
        out.writeBoolean(r.isVariable());
        out.writeBoolean(r.isUnspecified());
        str(r.originalValue());
    }

    private void str(String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private void strs(String[] a) throws IOException {
        out.writeInt(a == null ? -1 : a.length);
        if (a != null) {
            for (String s : a) {
                str(s);
            }
        }
    }
}
