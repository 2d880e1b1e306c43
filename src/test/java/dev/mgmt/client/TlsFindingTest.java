package dev.mgmt.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TlsFindingTest {
    @Test
    void jdkMessagesLoseTheirClassNames() {
        assertEquals("the certificate chain does not lead to a trusted CA", TlsFinding.plain("PKIX path building failed: "
            + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path "
            + "to requested target"));
        assertEquals("Received fatal alert: handshake_failure",
            TlsFinding.plain("javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure"));
        assertEquals("the handshake was refused", TlsFinding.plain(null));
    }
}
