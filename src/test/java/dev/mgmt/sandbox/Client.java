package dev.mgmt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Small test helper around java.net.http.HttpClient. */
final class Client {
    static final ObjectMapper M = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final URI base;
    String token;

    Client(Sandbox s, String token) {
        this.base = s.managerUrl().resolve("/apiops/");
        this.token = token;
    }

    record Res(int status, java.net.http.HttpHeaders headers, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return M.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }

        String header(String n) {
            return headers.firstValue(n).orElse(null);
        }
    }

    HttpRequest.Builder req(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    Res send(HttpRequest r) {
        try {
            HttpResponse<byte[]> resp = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
            return new Res(resp.statusCode(), resp.headers(), resp.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Res get(String path) {
        return send(req(path).GET().build());
    }

    Res delete(String path) {
        return send(req(path).DELETE().build());
    }

    Res json(String method, String path, String body) {
        return send(req(path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Res post(String path, String body) {
        return json("POST", path, body);
    }

    Res put(String path, String body) {
        return json("PUT", path, body);
    }

    Res form(String path, String body) {
        return send(req(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Res multipart(String method, String path, Object... nameFilenameBytes) {
        String boundary = "----sandboxtest" + System.nanoTime();
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        try {
            for (int i = 0; i < nameFilenameBytes.length; i += 3) {
                String name = (String) nameFilenameBytes[i];
                String fn = (String) nameFilenameBytes[i + 1];
                byte[] data = (byte[]) nameFilenameBytes[i + 2];
                bos.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                        + (fn == null ? "" : "; filename=\"" + fn + "\"") + "\r\n"
                        + (fn == null ? "" : "Content-Type: application/octet-stream\r\n") + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                bos.write(data);
                bos.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            bos.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return send(req(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bos.toByteArray())).build());
    }
}
