package dev.mgmt.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the files the build put beside mgmt's classes (the command model, the root help, the catalog, the
 * version). Run from its jar, mgmt opens the jar itself: {@code Class.getResourceAsStream} would first ask
 * the JDK's module image, then build a {@code jar:} URL and open the jar through a URL connection, which
 * with every class coming from the start-up cache is the only reason a run opens the jar at all
 * (docs/startup.md). Run from class directories (tests, an IDE) it asks the class loader as usual.
 */
public final class OwnResources {
    private OwnResources() {
    }

    /** Like {@code anchor.getResourceAsStream(name)}: a name without a leading '/' is in the anchor's package. */
    public static InputStream open(Class<?> anchor, String name) throws IOException {
        return open(Jar.FILE, anchor, name);
    }

    /** From {@code jar} when it holds the name, else from the class loader; jar may be null. */
    static InputStream open(ZipFile jar, Class<?> anchor, String name) throws IOException {
        if (jar != null) {
            ZipEntry e = jar.getEntry(absolute(anchor, name));
            if (e != null) {
                return jar.getInputStream(e);
            }
        }
        return anchor.getResourceAsStream(name);
    }

    static String absolute(Class<?> anchor, String name) {
        if (name.startsWith("/")) {
            return name.substring(1);
        }
        String pkg = anchor.getPackageName();
        return pkg.isEmpty() ? name : pkg.replace('.', '/') + '/' + name;
    }

    /** The jar, when the class path is one jar (java -jar); opened once and kept for the whole run. */
    private static final class Jar {
        static final ZipFile FILE = open(System.getProperty("java.class.path", ""));

        private static ZipFile open(String classPath) {
            if (!classPath.endsWith(".jar") || classPath.indexOf(File.pathSeparatorChar) >= 0) {
                return null;
            }
            try {
                return new ZipFile(classPath);
            } catch (IOException | SecurityException e) {
                return null; // the class loader still knows where the classes came from
            }
        }
    }
}
