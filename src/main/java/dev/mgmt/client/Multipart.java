package dev.mgmt.client;

import dev.mgmt.http.ApiRequest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A multipart/form-data body with file parts, as curl -F builds it. */
public final class Multipart {
    private final String boundary = "mgmt-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    private final List<ApiRequest.FormPart> parts = new ArrayList<>();

    /** A file part: {@code path} is the file as the user named it; the body carries its file name only. */
    public Multipart file(String field, Path path, String contentType, byte[] content) {
        parts.add(new ApiRequest.FormPart(field, path.toString(), null, contentType));
        String filename = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        write("--" + boundary + "\r\n");
        write("Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename.replace("\"", "") + "\"\r\n");
        write("Content-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        write("\r\n");
        return this;
    }

    /** A text part; {@code contentType} null writes none, as curl's plain {@code -F name=value} does. */
    public Multipart text(String field, String contentType, String value) {
        parts.add(new ApiRequest.FormPart(field, null, value, contentType));
        write("--" + boundary + "\r\n");
        write("Content-Disposition: form-data; name=\"" + field + "\"\r\n");
        write((contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n");
        write(value);
        write("\r\n");
        return this;
    }

    /** The parts, for a request's {@link ApiRequest#withForm}. */
    public List<ApiRequest.FormPart> parts() {
        return List.copyOf(parts);
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
