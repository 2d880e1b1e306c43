package dev.mgmt.cli;

import dev.mgmt.process.OwnResources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The root's help as the build printed it ({@code dev.mgmt.CompileData}): 80 columns without colour, the form
 * every pipe, file and CI log gets. Rendering it at run time costs an outline of every verb and picocli's
 * layout, about 30 ms of a 100 ms run; printing the compiled text costs one resource read. A terminal of
 * another width, or colour, still gets it rendered for that terminal.
 */
public final class RootHelp {
    public static final String RESOURCE = "root-help.txt";
    /** The width the text was laid out for; {@code MgmtCli} gives pipes and files this width. */
    public static final int WIDTH = 80;

    private RootHelp() {
    }

    /**
     * Only the bare requests: {@code mgmt}, {@code mgmt --help}, {@code mgmt -h}. With any other argument
     * picocli decides what to print (an unknown option next to --help is a usage error).
     */
    public static boolean bare(String[] args) {
        return args.length == 0 || args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
    }

    /** The compiled text, or null when the classes were compiled outside Maven and the build wrote none. */
    public static String compiled() {
        try (InputStream in = OwnResources.open(RootHelp.class, RESOURCE)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
