package dev.mgmt.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgmt.client.ApiClient;
import dev.mgmt.client.FetchAhead;
import dev.mgmt.errors.ApiError;
import dev.mgmt.errors.ApiException;
import dev.mgmt.errors.ExitCodes;
import dev.mgmt.errors.FailureDetector;
import dev.mgmt.errors.MgmtException;
import dev.mgmt.errors.NotFoundAnswer;
import dev.mgmt.http.ApiRequest;
import dev.mgmt.http.ApiResponse;
import dev.mgmt.output.EachSink;
import dev.mgmt.output.ItemSink;
import dev.mgmt.text.NameMatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads resources for commands: streams lists into a sink, fetches one by name (through the
 * API's get endpoint, or by picking it out of the list where the API only lists), and says
 * which names come closest when a name is not there.
 */
public final class ResourceReader {
    private static final int MAX_NAMES_KEPT = 10_000;

    private final ApiClient client;

    public ResourceReader(ApiClient client) {
        this.client = client;
    }

    /**
     * Streams every item of the target's list into the sink; returns the count. A list read one type at a
     * time (connections) sends the first type's request alone, so that a manager that is down or refuses the
     * token answers once, and the other types' side by side while the first is read ({@link FetchAhead}).
     */
    public long list(Target target, ItemSink sink) {
        ItemSink into = PipelineItems.wrap(target.kind(), sink);
        List<ApiRequest> requests = new ArrayList<>();
        for (String path : target.listPaths()) {
            requests.add(client.request("GET", client.base().resolve(path), List.of(), null));
        }
        ApiClient.BodyReader<ListReader.Envelope> reader = (in, head) -> {
            ListReader.Envelope e = ListReader.read(in, into::item, into.fields());
            failIfReported(head, e);
            return e;
        };
        long n = client.stream(requests.get(0), reader).items();
        if (requests.size() > 1) {
            try (FetchAhead ahead = new FetchAhead(client, requests.subList(1, requests.size()))) {
                for (int i = 1; i < requests.size(); i++) {
                    ApiClient.Downloaded body = ahead.take(i - 1);
                    n += (body != null ? client.read(body, reader) : client.stream(requests.get(i), reader)).items();
                }
            }
        }
        into.finish();
        return into == sink ? n : into.count();
    }

    private static void failIfReported(ApiResponse head, ListReader.Envelope e) {
        ApiError failure = FailureDetector.inspect(head.status(), e.fields());
        if (failure != null) {
            throw new ApiException(ExitCodes.REPORTED_FAILURE, failure, head, 1);
        }
    }

    /** Writes the named item(s) to the sink, or fails with exit 6 and suggestions. */
    public void get(Target target, String name, ItemSink sink) {
        Kind kind = target.kind();
        if (kind.hasGet()) {
            ApiRequest request = client.request("GET", client.base().resolve(target.getPath(name)), List.of(), null);
            try {
                client.stream(request, (in, head) -> {
                    ListReader.Envelope e = ListReader.read(in, sink::item, sink.fields());
                    failIfReported(head, e);
                    if (!e.hadList()) {
                        sink.item(e.fields());
                    }
                    return e;
                });
            } catch (ApiException ex) {
                if (ex.error().status() == 404) {
                    throw withSuggestions(ex, target, name);
                }
                throw ex.error().status() == 400 ? missing(target, name, ex) : ex;
            }
            if (sink.count() == 0) {
                throw notFound(target, name, suggestions(target, name), null);
            }
            sink.finish();
            return;
        }
        List<String> names = new ArrayList<>();
        Picker picker = new Picker(name, keyOf(kind, name), sink, names);
        list(target, picker);
        if (picker.count() == 0) {
            throw notFound(target, name, NameMatcher.closest(name, names, 3), null);
        }
        sink.finish();
    }

    /** Fails as {@link #get} does when the named item is not there; reads it and drops it otherwise. */
    public void require(Target target, String name) {
        // Nothing is shown: the caller only needs to know it is there.
        get(target, name, new EachSink(item -> { }));
    }

    /**
     * The failure for {@code answer} when it is the API's 400 for "{@code name} is not found" (exit 6, with
     * did-you-mean as {@link #get} gives it); {@code answer} itself otherwise.
     */
    public MgmtException missing(Target target, String name, ApiException answer) {
        if (answer.error().status() != 400 || !NotFoundAnswer.names(answer, name)) {
            return answer;
        }
        return notFound(target, name, suggestions(target, name), "the manager answered 400 "
            + (answer.error().code() == null ? "" : answer.error().code() + " ") + "to "
            + answer.request().method() + " " + client.relative(answer.request().uri()) + ": "
            + answer.error().description());
    }

    /** Every name in the list at {@code target}; throws as {@link #list} does. */
    public List<String> names(Target target) {
        List<String> names = new ArrayList<>();
        list(target, new Picker(null, keyOf(target.kind(), null), null, names));
        return names;
    }

    /**
     * What {@code wanted} is compared with: an identity with key values before the name (an endpoint's
     * "GET /pets", as {@link NameArgument#shown()} gives it) whole, so did-you-mean offers the same form;
     * a name alone with each object's name (a path matches every method).
     */
    private static Identity.Key keyOf(Kind kind, String wanted) {
        return wanted == null || wanted.indexOf(' ') < 0 ? Identity.plain(kind) : Identity.whole(kind);
    }

    private List<String> suggestions(Target target, String name) {
        if (!target.kind().listable()) {
            return List.of();
        }
        try {
            return NameMatcher.closest(name, names(target), 3);
        } catch (MgmtException e) {
            return List.of();
        }
    }

    private MgmtException withSuggestions(ApiException ex, Target target, String name) {
        List<String> close = suggestions(target, name);
        if (close.isEmpty()) {
            return ex;
        }
        ApiException hinted = ex.withHint("did you mean '" + close.get(0) + "'?");
        if (close.size() == 1) {
            return hinted;
        }
        ApiError e = ex.error();
        List<String> notes = new ArrayList<>(e.notes());
        notes.add(didYouMean(target.kind(), close));
        return hinted.withError(new ApiError(e.status(), e.code(), e.description(), e.validationErrors(),
            e.retryAfter(), e.origin(), notes));
    }

    /** {@code answer}: how the server said so, when it did; null when mgmt found out from the list. */
    private static MgmtException notFound(Target target, String name, List<String> close, String answer) {
        Kind kind = target.kind();
        String list = "mgmt get " + kind.plural() + WriteChecks.flags(target);
        List<String> details = new ArrayList<>();
        if (answer != null) {
            details.add(answer);
        }
        if (close.size() > 1) {
            details.add(didYouMean(kind, close));
        } else if (kind.listable()) {
            details.add("List them with: " + list);
        }
        return new MgmtException(ExitCodes.NOT_FOUND, "no " + kind.singular() + " '" + name + "'" + target.where()
            + (close.isEmpty() ? "" : "; did you mean '" + close.get(0) + "'?"), details, null);
    }

    private static String didYouMean(Kind kind, List<String> close) {
        return "closest " + (close.size() == 1 ? kind.singular() : kind.plural()) + ": '" + String.join("', '", close)
            + "' (names are case-sensitive)";
    }

    /** Forwards the items whose name is {@code wanted} and keeps (a bounded number of) the other names. */
    private static final class Picker implements ItemSink {
        private final String wanted;
        private final Identity.Key key;
        private final ItemSink matches;
        private final List<String> others;
        private long matched;

        Picker(String wanted, Identity.Key key, ItemSink matches, List<String> others) {
            this.wanted = wanted;
            this.key = key;
            this.matches = matches;
            this.others = others;
        }

        @Override
        public void item(JsonNode item) {
            String name = key.of().apply(item);
            if (name.equals(wanted)) {
                matches.item(item);
                matched++;
            } else if (others.size() < MAX_NAMES_KEPT) {
                others.add(name);
            }
        }

        @Override
        public void finish() {
            // The caller finishes the real sink once it knows there was a match.
        }

        @Override
        public java.util.Set<String> fields() {
            java.util.Set<String> forMatches = matches == null ? java.util.Set.of() : matches.fields();
            if (forMatches == null) {
                return null;
            }
            java.util.Set<String> all = new java.util.HashSet<>(forMatches);
            all.addAll(key.fields());
            return all;
        }

        @Override
        public long count() {
            return matched;
        }
    }
}
