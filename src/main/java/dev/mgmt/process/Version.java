package dev.mgmt.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version stamped into the jar at build time, and the User-Agent every request carries. */
public final class Version {
    private Version() {
    }

    public static String number() {
        try (InputStream in = OwnResources.open(Version.class, "/dev/mgmt/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    public static String userAgent() {
        return "mgmt/" + number();
    }
}
