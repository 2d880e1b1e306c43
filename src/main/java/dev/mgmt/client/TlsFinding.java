package dev.mgmt.client;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/**
 * Why a server's certificate was refused, named from the certificates themselves: expired (with the
 * date), not for this host, self-signed, signed by an untrusted CA, or sent without its intermediate.
 * The client's headline and doctor's TLS step both say it this way.
 */
public record TlsFinding(String cause, String hint) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final String AUTHORITY_INFO_ACCESS = "1.3.6.1.5.5.7.1.1";
    /** Java class names and the PKIX jargon the JDK puts in its messages. */
    private static final Pattern JAVA_NAMES = Pattern.compile(
        "\\b(?:sun|javax?|jdk|com\\.sun)\\.[\\w.$]+(?:Exception|Error)?:?\\s*");

    /** The finding for a TLS failure, or null when no certificate was refused (a protocol failure). */
    public static TlsFinding of(Throwable failure, String host, Instant now) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateRefused) {
                return of((CertificateRefused) t, host, now);
            }
        }
        return null;
    }

    static TlsFinding of(CertificateRefused refused, String host, Instant now) {
        X509Certificate[] chain = refused.chain();
        X509Certificate leaf = chain[0];
        for (X509Certificate c : chain) {
            String which = c == leaf ? "the server's certificate" : "the CA certificate " + name(c.getSubjectX500Principal());
            if (c.getNotAfter().toInstant().isBefore(now)) {
                return new TlsFinding(which + " expired on " + DAY.format(c.getNotAfter().toInstant())
                    + (c == leaf ? " (" + name(c.getSubjectX500Principal()) + ")" : ""),
                    "The certificate must be renewed on the server; --insecure would only hide this.");
            }
            if (c.getNotBefore().toInstant().isAfter(now)) {
                return new TlsFinding(which + " is not valid before " + DAY.format(c.getNotBefore().toInstant())
                    + (c == leaf ? " (" + name(c.getSubjectX500Principal()) + ")" : ""),
                    "Check this machine's clock, or the certificate's start date on the server.");
            }
        }
        if (!refused.chainTrusted()) {
            return untrusted(chain, refused.extraCas());
        }
        List<String> names = names(leaf);
        if (!names.isEmpty() && !matchesHost(leaf, host)) {
            return new TlsFinding("the certificate is for " + String.join(", ", names) + ", not " + host,
                "Use a host name the certificate names in --url, or have the certificate issued for " + host + ".");
        }
        return new TlsFinding("the server's certificate (" + name(leaf.getSubjectX500Principal())
            + ") was refused: " + plain(refused.getMessage()), null);
    }

    private static TlsFinding untrusted(X509Certificate[] chain, boolean extraCas) {
        X509Certificate leaf = chain[0];
        X509Certificate top = chain[chain.length - 1];
        if (chain.length == 1 && selfIssued(leaf)) {
            return new TlsFinding("the server's certificate (" + name(leaf.getSubjectX500Principal())
                + ") is self-signed, which this machine does not trust; pass --cacert FILE with that certificate",
                "--cacert FILE takes the certificate as PEM; --insecure skips verification (not for production).");
        }
        // A lone leaf whose issuer is not trusted: either an unknown CA or a server that left out the
        // intermediate. A --cacert that did not help, or a leaf pointing at its issuer (AIA), says the latter.
        boolean leafOnly = chain.length == 1 && leaf.getBasicConstraints() < 0;
        if (leafOnly && (extraCas || leaf.getNonCriticalExtensionOIDs() != null
            && leaf.getNonCriticalExtensionOIDs().contains(AUTHORITY_INFO_ACCESS))) {
            return new TlsFinding("the server sent its certificate without the intermediate CA "
                + name(leaf.getIssuerX500Principal()) + " that signed it: fix the server's chain; --cacert with the root"
                + " will not help",
                "The server must send its certificate followed by the intermediate (for nginx: ssl_certificate"
                    + " holds both, leaf first).");
        }
        String issuer = name(top.getIssuerX500Principal());
        return new TlsFinding("the server's certificate (" + name(leaf.getSubjectX500Principal()) + ") is signed by "
            + issuer + ", which this machine does not trust; pass --cacert FILE with that CA",
            "--cacert FILE takes the CA certificate of " + issuer + " as PEM (ask whoever runs the manager);"
                + " --insecure skips verification (not for production).");
    }

    /** A JDK message without class names: "PKIX path building failed: sun.security..." says nothing to a user. */
    public static String plain(String message) {
        if (message == null || message.isBlank()) {
            return "the handshake was refused";
        }
        String m = JAVA_NAMES.matcher(message).replaceAll("");
        m = m.replace("PKIX path building failed: ", "").replace("PKIX path validation failed: ", "")
            .replace("unable to find valid certification path to requested target",
                "the certificate chain does not lead to a trusted CA");
        return m.isBlank() ? "the handshake was refused" : m.strip();
    }

    private static boolean selfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    /** "CN=localhost", or the whole name when it has no CN. */
    static String name(X500Principal p) {
        String dn = p.getName(X500Principal.RFC2253);
        for (String part : dn.split(",")) {
            if (part.trim().toUpperCase(Locale.ROOT).startsWith("CN=")) {
                return part.trim();
            }
        }
        return dn;
    }

    /** The host names and addresses a certificate is for: its SANs, else its CN. */
    static List<String> names(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if ((type == 2 || type == 7) && san.get(1) instanceof String) {
                        out.add((String) san.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return out;
        }
        if (out.isEmpty()) {
            String cn = name(cert.getSubjectX500Principal());
            if (cn.startsWith("CN=")) {
                out.add(cn.substring(3));
            }
        }
        return out;
    }

    /** Whether the certificate names the host, a wildcard covering one label included. */
    public static boolean matchesHost(X509Certificate cert, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        for (String n : names(cert)) {
            String pattern = n.toLowerCase(Locale.ROOT);
            if (pattern.startsWith("*.")) {
                int dot = h.indexOf('.');
                if (dot > 0 && h.substring(dot + 1).equals(pattern.substring(2))) {
                    return true;
                }
            } else if (pattern.equals(h)) {
                return true;
            }
        }
        return false;
    }
}
