package dev.mgmt.client;

import dev.mgmt.errors.NetworkException.Kind;
import dev.mgmt.errors.NetworkException;
import dev.mgmt.http.ApiRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpTransportClassifyTest {
    static final ApiRequest REQ = ApiRequest.get(URI.create("https://mgr.example.com/apiops/projects/"));

    private static NetworkException classify(IOException e) {
        return HttpTransport.classify(e, REQ);
    }

    @Test
    void should_report_dns_even_when_wrapped_in_a_connect_exception() {
        ConnectException wrapped = new ConnectException();
        wrapped.initCause(new UnresolvedAddressException());
        NetworkException e = classify(wrapped);
        assertEquals(Kind.DNS, e.kind());
        assertEquals("cannot resolve host 'mgr.example.com'", e.getMessage());
        assertEquals(10, e.exitCode());
        assertEquals(Kind.DNS, classify(new IOException(new UnknownHostException("mgr.example.com"))).kind());
    }

    @Test
    void should_report_refused_with_host_and_default_port() {
        NetworkException e = classify(new ConnectException());
        assertEquals(Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("mgr.example.com:443") && e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void should_tell_connect_timeouts_from_request_timeouts() {
        assertEquals(Kind.CONNECT_TIMEOUT, classify(new HttpConnectTimeoutException("x")).kind());
        assertEquals(Kind.TIMEOUT, classify(new HttpTimeoutException("request timed out")).kind());
    }

    @Test
    void should_report_tls_failures_with_a_cacert_hint() {
        NetworkException e = classify(new IOException(new SSLHandshakeException("PKIX path building failed: "
            + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path "
            + "to requested target")));
        assertEquals(Kind.TLS, e.kind());
        assertEquals("TLS handshake with mgr.example.com:443 failed: the certificate chain does not lead to a trusted CA",
            e.getMessage());
        assertTrue(e.details().get(0).contains("--cacert"), e.details().toString());
    }

    @Test
    void should_report_resets_and_early_closes() {
        assertEquals(Kind.RESET, classify(new IOException("Connection reset")).kind());
        assertEquals(Kind.RESET, classify(new IOException("HTTP/1.1 header parser received no bytes")).kind());
        assertEquals(Kind.RESET, classify(new IOException("EOF reached while reading")).kind());
        assertEquals(Kind.OTHER, classify(new IOException("something else")).kind());
    }
}
