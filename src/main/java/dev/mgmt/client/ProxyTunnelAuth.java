package dev.mgmt.client;

/**
 * java.net.http will not answer a proxy's Basic challenge on a CONNECT tunnel (HTTPS through a
 * proxy) unless {@value #PROPERTY} leaves Basic out; it reads the property once, when its classes
 * first load. mgmt only answers with the credentials the user put in HTTPS_PROXY, as curl does.
 */
public final class ProxyTunnelAuth {
    static final String PROPERTY = "jdk.http.auth.tunneling.disabledSchemes";

    private ProxyTunnelAuth() {
    }

    /** Call before the first HTTP client is built; a value the user set with -D stays. */
    public static void allowBasic() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "");
        }
    }
}
