package dev.mgmt.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.OutputFailure;
import dev.mgmt.errors.UsageException;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.http.Bodies;
import dev.mgmt.http.HttpStatusText;
import dev.mgmt.json.Json;
import dev.mgmt.text.Redactor;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a successful response body to stdout (or a file) in the form that fits it. */
public final class ResultWriter {
    private final PrintWriter out;
    private final OutputStream rawOut;
    private final boolean stdoutTerminal;

    private final Redactor redactor;

    /**
     * @param redactor masks the token in pretty-printed JSON and text (a server that echoes it back
     *                 must not make mgmt print it); --raw and binary bodies stay byte-exact
     */
    public ResultWriter(PrintWriter out, OutputStream rawOut, boolean stdoutTerminal, Redactor redactor) {
        this.redactor = redactor;
        this.out = out;
        this.rawOut = rawOut;
        this.stdoutTerminal = stdoutTerminal;
    }

    public void write(ApiResponse response, boolean raw, String outputFile) {
        write(response, raw, outputFile, null, false);
    }

    /**
     * @param query a JSONPath expression (-q) applied to a JSON body before printing, or null
     * @param yaml  print a JSON body (or what the query selects) as YAML instead of JSON
     */
    public void write(ApiResponse response, boolean raw, String outputFile, String query, boolean yaml) {
        byte[] body = response.body();
        if (query != null && !response.isJson()) {
            throw new ApiException(ExitCodes.UNEXPECTED_RESPONSE, new ApiError(response.status(), null,
                "-q needs a JSON response, but the server sent "
                    + (response.header("Content-Type") == null ? "no Content-Type" : response.header("Content-Type")),
                List.of(), null, ApiError.Origin.UNDECODABLE, List.of("body starts: " + Bodies.excerpt(body, 200))),
                response, 1);
        }
        if (outputFile != null) {
            writeFile(body, outputFile);
            return;
        }
        if (body.length == 0) {
            return;
        }
        if (response.isJson()) {
            JsonNode json = Json.tryParse(body);
            if (json == null) {
                throw new ApiException(ExitCodes.UNEXPECTED_RESPONSE, new ApiError(response.status(), null,
                    "the server declared JSON (" + response.header("Content-Type") + ") but sent a body that is not valid JSON",
                    List.of(), null, ApiError.Origin.UNDECODABLE, List.of("body starts: " + Bodies.excerpt(body, 200))),
                    response, 1);
            }
            if (raw) {
                writeBytes(body);
            } else {
                JsonNode shown = query == null ? json : JsonQuery.apply(query, json);
                out.println(redactor.redactKnown(yaml ? yaml(shown) : Json.pretty(shown)));
                out.flush();
            }
            return;
        }
        if (Bodies.looksTextual(body, response.header("Content-Type"))) {
            if (raw) {
                writeBytes(body);
                return;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            text = redactor.redactKnown(text);
            out.print(text);
            if (stdoutTerminal && !text.endsWith("\n")) {
                out.println();
            }
            out.flush();
            return;
        }
        if (stdoutTerminal) {
            throw new UsageException("the response is binary (" + body.length + " bytes, "
                + (response.header("Content-Type") == null ? "no Content-Type" : response.header("Content-Type"))
                + ") and stdout is a terminal; not printing it",
                "Redirect stdout to a file (> file) or pass --output-file FILE");
        }
        writeBytes(body);
    }

    /**
     * -i: the status line and the response headers, then a blank line, as curl -i prints them. Header
     * values pass through the redactor, so a server that echoes the token does not make mgmt print it.
     */
    public void writeHead(ApiResponse response) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
            .append(HttpStatusText.of(response.status())).append('\n');
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                for (String v : values) {
                    head.append(name).append(": ").append(v).append('\n');
                }
            }
        });
        out.print(redactor.redact(head.toString()));
        out.println();
        out.flush();
    }

    private static String yaml(JsonNode node) {
        java.io.StringWriter text = new java.io.StringWriter();
        PrintWriter w = new PrintWriter(text);
        StructuredSink sink = StructuredSink.yaml(w, true);
        sink.item(node);
        sink.finish();
        w.flush();
        return text.toString().stripTrailing();
    }

    private void writeBytes(byte[] body) {
        out.flush();
        try {
            rawOut.write(body);
            rawOut.flush();
        } catch (IOException e) {
            throw OutputFailure.writing("stdout", e);
        }
    }

    private static void writeFile(byte[] body, String file) {
        try {
            Files.write(Path.of(file), body);
        } catch (IOException e) {
            throw OutputFailure.writing("--output-file '" + file + "'", e);
        }
    }
}
