package dev.mgmt.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body with file parts, as curl -F builds it. */
public final class Multipart {
    private final String boundary = "mgmt-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public Multipart file(String field, String filename, String contentType, byte[] content) {
        write("--" + boundary + "\r\n");
        write("Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename.replace("\"", "") + "\"\r\n");
        write("Content-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        write("\r\n");
        return this;
    }

    public Multipart text(String field, String contentType, String value) {
        write("--" + boundary + "\r\n");
        write("Content-Disposition: form-data; name=\"" + field + "\"\r\n");
        write("Content-Type: " + contentType + "\r\n\r\n");
        write(value);
        write("\r\n");
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] bytes() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(body.toByteArray());
        copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return copy.toByteArray();
    }

    private void write(String s) {
        body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
