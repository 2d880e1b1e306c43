package dev.mgmt.cli;

import dev.mgmt.run.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** What every leaf command shares: --help, and access to the run's {@link Invocation}. */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
public abstract class BaseCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    protected Invocation invocation() {
        return ((RootCommand) spec.root().userObject()).invocation();
    }

    /** The -o formats this command prints; an -o flag outside them is refused before it runs. */
    PrintedFormats printedFormats() {
        return PrintedFormats.TEXT;
    }

    /** The parsed global options themselves, for the few commands that adjust them before use. */
    protected GlobalOptions options() {
        return ((RootCommand) spec.root().userObject()).options();
    }
}
