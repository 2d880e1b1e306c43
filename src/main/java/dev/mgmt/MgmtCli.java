package dev.mgmt;

import dev.mgmt.cli.PrintedFormats;
import dev.mgmt.cli.RootCommand;
import dev.mgmt.cli.RootHelp;
import dev.mgmt.cli.model.CommandModels;
import dev.mgmt.cli.Subcommands;
import dev.mgmt.errors.OutputFailure;
import dev.mgmt.output.CheckedOutput;
import dev.mgmt.process.Env;
import dev.mgmt.run.ExceptionHandler;
import dev.mgmt.run.Invocation;
import dev.mgmt.output.JsonQuery;
import dev.mgmt.settings.ColorMode;
import dev.mgmt.settings.FieldPath;
import dev.mgmt.settings.Flags;
import dev.mgmt.settings.OutputFormat;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one factory for mgmt's CommandLine: streams, exception handling, exit codes, and the run's
 * {@link Invocation}. {@link Main} and every test go through it, so tests exercise the real wiring.
 */
public final class MgmtCli {
    private MgmtCli() {
    }

    /** Builds the command line; {@code execute(args)} runs one command and closes what it opened. */
    public static CommandLine create(Env env) {
        return create(env, dev.mgmt.cli.SandboxSupport.launcher());
    }

    public static CommandLine create(Env process, Invocation.SandboxLauncher sandbox) {
        Env env = process.withStdout(new CheckedOutput(process.stdout(), "stdout"));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(env.stdout(), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(env.stderr(), StandardCharsets.UTF_8), true);
        RootCommand root = new RootCommand();
        LazyCommandLine cmd = new LazyCommandLine(root);
        root.addTo(cmd);
        Invocation invocation = new Invocation(env, root.options(), out, err, sandbox);
        root.attach(invocation);
        ExceptionHandler handler = new ExceptionHandler(invocation);
        cmd.configurer = c -> configure(c, out, err, invocation, handler, env);
        cmd.compiledHelp = () -> compiledHelp(out, invocation, handler);
        return cmd;
    }

    /** Registers only the subcommands a run needs before executing (see {@link Subcommands}). */
    private static final class LazyCommandLine extends CommandLine {
        java.util.function.Consumer<CommandLine> configurer;
        java.util.function.Supplier<Integer> compiledHelp;

        LazyCommandLine(RootCommand root) {
            super(CommandModels.specOf(root));
        }

        @Override
        public int execute(String... args) {
            if (RootHelp.bare(args)) {
                Integer done = compiledHelp.get();
                if (done != null) {
                    return done;
                }
            }
            Subcommands.register(this, args);
            // After the subcommands: picocli's setters reach only the subcommands that exist.
            configurer.accept(this);
            return super.execute(args);
        }
    }

    private static void configure(CommandLine cmd, PrintWriter out, PrintWriter err, Invocation invocation,
                                  ExceptionHandler handler, Env env) {
        cmd.setOut(out)
            .setErr(err)
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setAbbreviatedOptionsAllowed(false)
            // "-d @file" is mgmt's own syntax; picocli must not expand @files itself.
            .setExpandAtFiles(false)
            .setExecutionExceptionHandler(handler)
            .setParameterExceptionHandler(handler)
            .setUsageHelpWidth(helpWidth(invocation))
            .setHelpFactory(dev.mgmt.cli.CommandHelp.FACTORY)
            .setColorScheme(CommandLine.Help.defaultColorScheme(
                invocation.colorOnStdout() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF))
            .setExecutionStrategy(parseResult -> run(parseResult, invocation, handler, env));
    }

    /** Prints the build's root help when this run would lay it out the same way; null when it would not. */
    private static Integer compiledHelp(PrintWriter out, Invocation invocation, ExceptionHandler handler) {
        if (helpWidth(invocation) != RootHelp.WIDTH || invocation.colorOnStdout()) {
            return null;
        }
        String text = RootHelp.compiled();
        if (text == null) {
            return null;
        }
        out.print(text);
        return closed(0, invocation, handler);
    }

    /**
     * Help fits the terminal it is read on (within what stays readable); elsewhere it keeps 80
     * columns, so piped and saved help is the same everywhere.
     */
    static int helpWidth(Invocation invocation) {
        int columns = invocation.tableWidth();
        return columns <= 0 ? 80 : Math.max(55, Math.min(columns, 160));
    }

    private static int run(ParseResult parseResult, Invocation invocation, ExceptionHandler handler, Env env) {
        try {
            Integer help = CommandLine.executeHelpRequest(parseResult);
            if (help != null) {
                return closed(help, invocation, handler);
            }
            OutputFormat typed = validateEarly(invocation.options(), env);
            List<CommandLine> parsed = parseResult.asCommandLineList();
            CommandLine.Model.CommandSpec command = parsed.get(parsed.size() - 1).getCommandSpec();
            PrintedFormats.of(command).check(invocation.options().output(), typed, command);
            return closed(new CommandLine.RunLast().execute(parseResult), invocation, handler);
        } catch (CommandLine.ExecutionException e) {
            return closed(handler.handle(e.getCause() == null ? e : e.getCause()), invocation, handler);
        } catch (RuntimeException e) {
            return closed(handler.handle(e), invocation, handler);
        }
    }

    /** The last flush of stdout can fail too (full disk): a run that wrote nothing whole is not a success. */
    private static int closed(int code, Invocation invocation, ExceptionHandler handler) {
        try {
            invocation.close();
            return code;
        } catch (OutputFailure e) {
            return code == 0 ? handler.handle(e) : code;
        }
    }

    /**
     * Options every command uses for output are checked before any work starts.
     *
     * @return the format the -o flag names; null when no -o was typed (MGMT_OUTPUT is only checked)
     */
    private static OutputFormat validateEarly(Flags options, Env env) {
        if (options.color() != null) {
            ColorMode.parse(options.color());
        }
        String typed = options.output();
        String raw = typed != null ? typed : env.var("MGMT_OUTPUT");
        OutputFormat format = raw == null ? null : OutputFormat.parse(raw, typed != null ? "-o" : "MGMT_OUTPUT");
        if (format == OutputFormat.JSONPATH) {
            JsonQuery.compile(JsonQuery.Expr.jsonpath(OutputFormat.argument(raw)));
        }
        if (options.sortBy() != null) {
            FieldPath.parse(options.sortBy(), "--sort-by");
        }
        return typed != null ? format : null;
    }
}
