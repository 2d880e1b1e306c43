package dev.mgmt.client;

import dev.mgmt.errors.UsageException;
import dev.mgmt.process.BoundedRead;
import dev.mgmt.process.InputLimit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** SSL contexts for --insecure and --cacert; null means "the JDK default". */
public final class TlsContexts {
    /** Said once per run by whoever sets up the run's client with --insecure. */
    public static final String INSECURE_WARNING = "warning: --insecure: TLS certificates and host names are not verified";

    private TlsContexts() {
    }

    /**
     * The context for a run: trust everything with --insecure, the system's CAs plus a bundle with
     * --cacert, a context that refuses TLS for plain http:// (no trust store to load), else the
     * system's CAs; a refusal keeps the server's chain so the cause can be named.
     */
    public static SSLContext choose(boolean insecure, String cacert, boolean plainHttp) {
        return insecure ? trustingEverything()
            : cacert != null ? withExtraCas(cacert)
            : plainHttp ? unusedForPlainHttp() : systemTrust();
    }

    /** The system's CAs, refusing with a {@link CertificateRefused} that keeps the chain. */
    public static SSLContext systemTrust() {
        try {
            return context(new Recording(trustManager(null), false));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SSLContext trustingEverything() {
        return context(new TrustAll());
    }

    /**
     * For a plain http:// manager: java.net.http wants an SSL context even when it never speaks TLS,
     * and building a real one loads the security providers and the system trust store at start-up.
     * This one is an empty shell: it answers for default parameters and refuses any TLS work, which
     * never comes because mgmt does not follow redirects to https://.
     */
    public static SSLContext unusedForPlainHttp() {
        return new SSLContext(new NoTlsSpi(), null, "none") {
        };
    }

    private static final class NoTlsSpi extends javax.net.ssl.SSLContextSpi {
        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("TLS is not set up for a plain http:// manager URL");
        }

        @Override
        protected void engineInit(javax.net.ssl.KeyManager[] km, TrustManager[] tm, java.security.SecureRandom sr) {
        }

        @Override
        protected javax.net.ssl.SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected javax.net.ssl.SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected javax.net.ssl.SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected javax.net.ssl.SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }

        @Override
        protected javax.net.ssl.SSLParameters engineGetDefaultSSLParameters() {
            return new javax.net.ssl.SSLParameters();
        }

        @Override
        protected javax.net.ssl.SSLParameters engineGetSupportedSSLParameters() {
            return new javax.net.ssl.SSLParameters();
        }
    }

    /** The system trust store plus the CAs of a PEM bundle; host names are still verified. */
    public static SSLContext withExtraCas(String pemFile) {
        List<X509Certificate> cas = readPem(pemFile);
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                ks.setCertificateEntry("mgmt-cacert-" + i, cas.get(i));
            }
            X509ExtendedTrustManager extra = trustManager(ks);
            X509ExtendedTrustManager system = trustManager(null);
            return context(new Recording(new EitherTrust(system, extra), true));
        } catch (GeneralSecurityException | IOException e) {
            throw new UsageException("cannot use --cacert '" + pemFile + "': " + e.getMessage());
        }
    }

    static List<X509Certificate> readPem(String file) {
        // Read whole within its limit first: the certificate parser reads a device such as /dev/zero forever.
        try (InputStream in = new ByteArrayInputStream(BoundedRead.bytes(Path.of(file), InputLimit.CA_BUNDLE))) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : certs) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new UsageException("--cacert '" + file + "' holds no certificate (expected PEM blocks)");
            }
            return out;
        } catch (BoundedRead.TooLarge e) {
            throw new UsageException(e.about("--cacert '" + file + "'"));
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot read --cacert '" + file + "': no such file");
        } catch (CertificateException e) {
            throw new UsageException("--cacert '" + file + "' is not a PEM certificate bundle: " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException("cannot read --cacert '" + file + "': " + e.getMessage());
        }
    }

    private static X509ExtendedTrustManager trustManager(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager) {
                return (X509ExtendedTrustManager) tm;
            }
        }
        throw new GeneralSecurityException("no X509 trust manager available");
    }

    private static SSLContext context(TrustManager tm) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[]{tm}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accepts any chain and skips host name checks: only ever used behind --insecure. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] c, String a, Socket s) { }
        @Override public void checkServerTrusted(X509Certificate[] c, String a, Socket s) { }
        @Override public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) { }
        @Override public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) { }
        @Override public void checkClientTrusted(X509Certificate[] c, String a) { }
        @Override public void checkServerTrusted(X509Certificate[] c, String a) { }
        @Override public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** One way of asking a trust manager about a server chain (with an engine, a socket, or neither). */
    @FunctionalInterface
    private interface ServerCheck {
        void ask(X509ExtendedTrustManager tm) throws CertificateException;
    }

    /**
     * A trust manager that decides about server chains through {@link #verify}, whichever of the
     * JDK's three entry points is used; client chains go to {@code clients}.
     */
    private abstract static class ServerTrust extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager clients;

        ServerTrust(X509ExtendedTrustManager clients) {
            this.clients = clients;
        }

        /** @param hostChecked the check includes the host name (the two-argument one does not) */
        abstract void verify(ServerCheck check, X509Certificate[] chain, String authType, boolean hostChecked)
            throws CertificateException;

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
            verify(tm -> tm.checkServerTrusted(chain, authType, engine), chain, authType, true);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
            verify(tm -> tm.checkServerTrusted(chain, authType, socket), chain, authType, true);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            verify(tm -> tm.checkServerTrusted(chain, authType), chain, authType, false);
        }

        @Override public void checkClientTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
            clients.checkClientTrusted(c, a, s);
        }
        @Override public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) throws CertificateException {
            clients.checkClientTrusted(c, a, e);
        }
        @Override public void checkClientTrusted(X509Certificate[] c, String a) throws CertificateException {
            clients.checkClientTrusted(c, a);
        }
    }

    /**
     * Verifies through {@code trust}; a refusal becomes a {@link CertificateRefused} with the chain and
     * whether the chain alone is trusted (the two-argument check skips the host name).
     */
    private static final class Recording extends ServerTrust {
        private final X509ExtendedTrustManager trust;
        private final boolean extraCas;

        Recording(X509ExtendedTrustManager trust, boolean extraCas) {
            super(trust);
            this.trust = trust;
            this.extraCas = extraCas;
        }

        @Override
        void verify(ServerCheck check, X509Certificate[] chain, String authType, boolean hostChecked)
            throws CertificateException {
            try {
                check.ask(trust);
            } catch (CertificateException e) {
                throw new CertificateRefused(chain, hostChecked && chainTrusted(chain, authType), extraCas, e);
            }
        }

        private boolean chainTrusted(X509Certificate[] chain, String authType) {
            try {
                trust.checkServerTrusted(chain, authType);
                return true;
            } catch (CertificateException notTrusted) {
                return false;
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return trust.getAcceptedIssuers();
        }
    }

    /** Trusts a chain that either manager trusts; each one verifies the host name itself. */
    private static final class EitherTrust extends ServerTrust {
        private final X509ExtendedTrustManager first;
        private final X509ExtendedTrustManager second;

        EitherTrust(X509ExtendedTrustManager first, X509ExtendedTrustManager second) {
            super(first);
            this.first = first;
            this.second = second;
        }

        @Override
        void verify(ServerCheck check, X509Certificate[] chain, String authType, boolean hostChecked)
            throws CertificateException {
            try {
                check.ask(first);
            } catch (CertificateException e) {
                check.ask(second);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = first.getAcceptedIssuers();
            X509Certificate[] b = second.getAcceptedIssuers();
            X509Certificate[] all = new X509Certificate[a.length + b.length];
            System.arraycopy(a, 0, all, 0, a.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }
}
