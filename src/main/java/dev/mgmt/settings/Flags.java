package dev.mgmt.settings;

/**
 * The global flags as typed on the command line (null or false when absent). The command layer
 * parses them; everything below reads them through this view, so no lower package depends on
 * how the command line is built.
 */
public interface Flags {
    String url();

    String token();

    String tokenFile();

    String context();

    String config();

    String project();

    String environment();

    String output();

    String query();

    /** --sort-by FIELD, or null. */
    default String sortBy() {
        return null;
    }

    int verbosity();

    boolean curl();

    String retries();

    String retryMaxTime();

    boolean noRetry();

    boolean retryNonIdempotent();

    String timeout();

    String connectTimeout();

    boolean insecure();

    String cacert();

    String color();

    boolean quiet();

    boolean sandbox();

    /** --no-headers: tables print no header line. */
    boolean noHeaders();
}
