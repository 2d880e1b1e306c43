package dev.mgmt.cli;

import dev.mgmt.cli.model.CommandModels;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * mgmt's verbs, registered on demand. Building picocli's model of every command costs a few
 * hundred milliseconds at start-up, so a run that names a command gets only that one; help,
 * completion scripts and unknown words get the whole tree (listings and suggestions need it).
 */
public final class Subcommands {
    /** In the order --help lists them. */
    private static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("get", GetCommand::new);
        ALL.put("create", CreateCommand::new);
        ALL.put("update", UpdateCommand::new);
        ALL.put("delete", DeleteCommand::new);
        ALL.put("apply", ApplyCommand::new);
        ALL.put("diff", DiffCommand::new);
        ALL.put("edit", EditCommand::new);
        ALL.put("set", SetCommand::new);
        ALL.put("add", AddCommand::new);
        ALL.put("remove", RemoveCommand::new);
        ALL.put("grant", GrantCommand::new);
        ALL.put("revoke", RevokeCommand::new);
        ALL.put("deploy", DeployCommand::new);
        ALL.put("undeploy", UndeployCommand::new);
        ALL.put("export", ExportCommand::new);
        ALL.put("import", ImportCommand::new);
        ALL.put("api", ApiCommand::new);
        ALL.put("login", LoginCommand::new);
        ALL.put("auth", AuthCommand::new);
        ALL.put("config", ConfigCommand::new);
        ALL.put("doctor", DoctorCommand::new);
        ALL.put("explain", ExplainCommand::new);
        ALL.put("exercise", ExerciseCommand::new);
        ALL.put("bench", BenchCommand::new);
        ALL.put("sandbox", SandboxCommand::new);
        ALL.put("version", VersionCommand::new);
        ALL.put("completion", CompletionCommand::new);
        ALL.put("options", OptionsCommand::new);
        ALL.put("__complete", CompleteCommand::new);
        ALL.put("help", HelpCommand::new);
    }

    /**
     * Every class whose picocli model the build compiles ({@link CommandModels}): the root, the
     * global options and each verb (their own subcommands come with them). Build time only.
     */
    public static List<Class<?>> modelClasses() {
        List<Class<?>> out = new ArrayList<>(List.of(RootCommand.class, GlobalOptions.class));
        for (Supplier<Object> s : ALL.values()) {
            out.add(s.get().getClass());
        }
        return out;
    }

    /** First arguments of runs that send nothing and parse nothing: help, version, completion scripts. */
    private static final java.util.Set<String> OFFLINE = java.util.Set.of("--help", "-h", "--version", "-V", "help",
        "completion", "options", "explain");

    /**
     * Whether a run with these arguments surely sends nothing, judged before any parsing: by the first
     * argument, or a help flag anywhere before {@code --} ({@code mgmt get project -h}). A wrong guess (an
     * option's value spelled {@code -h}) only costs a warm-up. The launcher makes the same guess to pick its
     * small start-up cache (less "explain"; MgmtJarIT compares the two).
     */
    public static boolean offline(String[] args) {
        return args.length == 0 || OFFLINE.contains(args[0]) || helpFlag(args);
    }

    /** {@code -h} or {@code --help} before the end of options. */
    private static boolean helpFlag(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("-h") || a.equals("--help")) {
                return true;
            }
        }
        return false;
    }

    /** Commands that look at the whole tree. */
    private static final java.util.Set<String> NEED_ALL = java.util.Set.of("help", "completion");

    private Subcommands() {
    }

    /** Adds what a run with these arguments needs. */
    public static void register(CommandLine root, String[] args) {
        int at = commandWordIndex(root, args);
        String verb = at < 0 ? null : args[at];
        String topic = "help".equals(verb) && at + 1 < args.length ? args[at + 1] : null;
        if (verb != null && ALL.containsKey(verb) && !NEED_ALL.contains(verb)) {
            add(root, verb);
        } else if (topic != null && ALL.containsKey(topic) && !NEED_ALL.contains(topic)) {
            // "mgmt help get": the help of one command needs only that command's tree.
            add(root, "help");
            add(root, topic);
        } else if (verb == null && versionOnly(args)) {
            return;
        } else if (verb == null && rootHelp(args)) {
            for (Map.Entry<String, Supplier<Object>> e : ALL.entrySet()) {
                root.addSubcommand(e.getKey(), new CommandLine(CommandModels.outlineOf(e.getValue().get())));
            }
        } else {
            registerAll(root);
        }
    }

    /** Adds every command (for help, completion scripts, suggestions). */
    public static void registerAll(CommandLine root) {
        for (String name : ALL.keySet()) {
            if (!root.getSubcommands().containsKey(name)) {
                add(root, name);
            }
        }
    }

    private static void add(CommandLine root, String name) {
        CommandLine sub = new CommandLine(CommandModels.specOf(ALL.get(name).get()));
        root.addSubcommand(name, sub);
        if (name.equals("sandbox")) {
            SandboxCommand.addFaultHelp(sub);
        } else if (name.equals("help")) {
            // picocli's own command: its examples are added here, as every mgmt command has some.
            sub.getCommandSpec().usageMessage().footerHeading("%nExamples:%n")
                .footer("  mgmt help get", "  mgmt help config set-context");
        }
    }

    /** No command word, and help asked for or nothing at all: the root's help, which lists the verbs only. */
    private static boolean rootHelp(String[] args) {
        // Without a command word, a "--" can only be the last argument: nothing after it to miss.
        return args.length == 0 || helpFlag(args);
    }

    private static boolean versionOnly(String[] args) {
        for (String a : args) {
            if (a.equals("-V") || a.equals("--version")) {
                return true;
            }
            if (a.equals("-h") || a.equals("--help")) {
                return false;
            }
        }
        return false;
    }

    /** Where the first argument that is not a global option or an option's value is; -1 when there is none. */
    private static int commandWordIndex(CommandLine root, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return i + 1 < args.length ? i + 1 : -1;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                return i;
            }
            if (a.contains("=")) {
                continue;
            }
            OptionSpec o = root.getCommandSpec().findOption(a);
            if (o != null && o.arity().max() > 0 && !o.type().isArray()) {
                i++;
            }
        }
        return -1;
    }
}
