package dev.mgmt.diagnose;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.process.OwnResources;
import dev.mgmt.report.CheckResult;
import dev.mgmt.report.Result;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The troubleshooting catalog ({@code catalog.yaml}): topics (one per status family, plus network,
 * no-token and doctor), each with its meaning, its checks in order and the next steps; and the
 * API's error codes, each pointing at a topic. Read once; immutable.
 */
public final class Catalog {

    /** One check of a topic: {@code id} selects the code that runs it, {@code label} is shown. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String id, String label) {
    }

    /**
     * A next step, shown after the checks unless the check named by {@code unless} passed, or the one named by
     * {@code unlessFailed} failed: a hint that a check has already ruled out (a context path when the URL works,
     * listing names when the URL does not lead to the API at all) would contradict the lines above it.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Next(String text, String unless, String unlessFailed) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Next always(String text) {
            return new Next(text, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static Next of(@JsonProperty("text") String text, @JsonProperty("unless") String unless,
                       @JsonProperty("unlessFailed") String unlessFailed) {
            return new Next(text, unless, unlessFailed);
        }

        boolean ruledOut(Map<String, CheckResult> done) {
            return has(done, unless, Result.PASS) || has(done, unlessFailed, Result.FAIL);
        }

        private static boolean has(Map<String, CheckResult> done, String check, Result result) {
            CheckResult r = check == null ? null : done.get(check);
            return r != null && r.result() == result;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Topic(String id, List<Integer> statuses, int exit, String title, String meaning, List<Item> checks,
                        @JsonProperty("next") List<Next> steps) {
        public Topic {
            statuses = statuses == null ? List.of() : List.copyOf(statuses);
            checks = checks == null ? List.of() : List.copyOf(checks);
            steps = steps == null ? List.of() : List.copyOf(steps);
        }

        /** Every next step, for explain. */
        public List<String> next() {
            return steps.stream().map(Next::text).toList();
        }

        /** The next steps that the checks' results leave meaningful. */
        public List<String> nextAfter(Map<String, CheckResult> done) {
            List<String> out = new ArrayList<>();
            for (Next n : steps) {
                if (!n.ruledOut(done)) {
                    out.add(n.text());
                }
            }
            return out;
        }

        public Item item(String itemId) {
            for (Item i : checks) {
                if (i.id().equals(itemId)) {
                    return i;
                }
            }
            return new Item(itemId, itemId);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Code(String code, Integer status, String topic, String meaning) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(List<Topic> topics, List<Code> codes) {
    }

    /** Loaded on first use, so that the build step can read the YAML without touching a stale compiled form. */
    private static final class Holder {
        static final Catalog INSTANCE = load();
    }

    private final List<Topic> topics;
    private final List<Code> codes;

    private Catalog(List<Topic> topics, List<Code> codes) {
        this.topics = List.copyOf(topics);
        this.codes = List.copyOf(codes);
    }

    public static Catalog get() {
        return Holder.INSTANCE;
    }

    /**
     * Reads {@link CatalogData#RESOURCE}, which the build compiles from {@code catalog.yaml}: parsing the
     * YAML here would load a YAML mapper and generate annotation proxies on every failure (docs/startup.md).
     * Classes compiled outside Maven have no compiled form, so the YAML is read instead.
     */
    private static Catalog load() {
        try (InputStream in = OwnResources.open(Catalog.class, CatalogData.RESOURCE)) {
            if (in != null) {
                return CatalogData.read(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the troubleshooting catalog", e);
        }
        return fromYaml();
    }

    /** The catalog as written in {@code catalog.yaml}: the source, read at build time and in tests. */
    static Catalog fromYaml() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try (InputStream in = Catalog.class.getResourceAsStream("catalog.yaml")) {
            if (in == null) {
                throw new IllegalStateException("catalog.yaml missing from the build");
            }
            Data d = yaml.readValue(in, Data.class);
            return new Catalog(d.topics(), d.codes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the troubleshooting catalog", e);
        }
    }

    /** The name of the compiled catalog, next to this class. */
    public static final String COMPILED = CatalogData.RESOURCE;

    /** Compiles {@code catalog.yaml} into {@link #COMPILED}: the build step ({@code dev.mgmt.CompileData}). */
    public static void compile(OutputStream out) throws IOException {
        CatalogData.write(fromYaml(), out);
    }

    static Catalog of(List<Topic> topics, List<Code> codes) {
        return new Catalog(topics, codes);
    }

    public List<Topic> topics() {
        return topics;
    }

    public List<Code> codes() {
        return codes;
    }

    public Topic topic(String id) {
        for (Topic t : topics) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no catalog topic " + id);
    }

    /** The topic for an HTTP status: its own, or the 5xx family; null for statuses the catalog does not cover. */
    public Topic forStatus(int status) {
        for (Topic t : topics) {
            if (t.statuses().contains(status)) {
                return t;
            }
        }
        return status >= 500 && status <= 599 ? topic("5xx") : null;
    }

    public Code code(String code) {
        String c = code.toLowerCase(Locale.ROOT);
        for (Code k : codes) {
            if (k.code().equals(c)) {
                return k;
            }
        }
        return null;
    }

    /** The topic a code belongs to. */
    public Topic topicOf(Code code) {
        return code.topic() != null ? topic(code.topic()) : forStatus(code.status());
    }

    /** The codes listed under a topic's statuses (or pointing at it). */
    public List<Code> codesOf(Topic topic) {
        List<Code> out = new ArrayList<>();
        for (Code c : codes) {
            if (topicOf(c) == topic) {
                out.add(c);
            }
        }
        return out;
    }

    /** Every word {@code explain} accepts, for did-you-mean. */
    public List<String> words() {
        List<String> words = new ArrayList<>();
        for (Code c : codes) {
            words.add(c.code());
        }
        for (Topic t : topics) {
            words.add(t.id());
            for (Integer s : t.statuses()) {
                if (!words.contains(String.valueOf(s))) {
                    words.add(String.valueOf(s));
                }
            }
        }
        return words;
    }

    static int exitFor(Topic t) {
        return t == null ? ExitCodes.UNEXPECTED_RESPONSE : t.exit();
    }
}
