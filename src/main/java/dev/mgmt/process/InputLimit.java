package dev.mgmt.process;

/**
 * The documented size limit of each kind of input mgmt reads whole (README, "Size limits"). Each is
 * far above any real file of its kind and far below what fills the heap, so {@code /dev/zero} or a
 * wrong path is refused in milliseconds instead of ending in an out-of-memory error.
 */
public enum InputLimit {
    SECRET("a token or password", 64 * 1024),
    CONFIG("a config file", 1024 * 1024),
    CA_BUNDLE("a CA bundle", 1024 * 1024),
    SCENARIO("a scenario", 16 * 1024 * 1024),
    SANDBOX_DATA("sandbox data", 16 * 1024 * 1024),
    BODY("a request body", 64 * 1024 * 1024);

    private final String what;
    private final int bytes;

    InputLimit(String what, int bytes) {
        this.what = what;
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** "64 KiB", "16 MiB": the limits are whole binary units, as the README states them. */
    public String human() {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }

    /** "is larger than 64 KiB, the limit for a token": the rest of a sentence that names the input. */
    public String overBy() {
        return "is larger than " + human() + ", the limit for " + what;
    }
}
