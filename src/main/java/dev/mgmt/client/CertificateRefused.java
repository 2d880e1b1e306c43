package dev.mgmt.client;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Thrown by mgmt's trust managers in place of the JDK's own refusal: it keeps the chain the server
 * presented, which the JDK's exception does not, so the cause can be named from the certificates.
 */
public final class CertificateRefused extends CertificateException {
    private final transient X509Certificate[] chain;
    private final boolean chainTrusted;
    private final boolean extraCas;

    /**
     * @param chainTrusted the chain itself is trusted (only the host name or a constraint failed)
     * @param extraCas     the user gave CAs with --cacert
     */
    CertificateRefused(X509Certificate[] chain, boolean chainTrusted, boolean extraCas, CertificateException cause) {
        super(cause.getMessage(), cause);
        this.chain = chain.clone();
        this.chainTrusted = chainTrusted;
        this.extraCas = extraCas;
    }

    public X509Certificate[] chain() {
        return chain.clone();
    }

    public boolean chainTrusted() {
        return chainTrusted;
    }

    public boolean extraCas() {
        return extraCas;
    }
}
