package dev.mgmt.diagnose;

import dev.mgmt.http.ApiRequest;
import dev.mgmt.report.CheckResult;

import java.util.List;

/**
 * The seam for a local check of a request body against the endpoint's schema, run after a 400.
 * {@link #NONE} finds nothing to say; a schema-aware implementation is passed to {@link Troubleshooter}.
 */
@FunctionalInterface
public interface SchemaCheck {
    List<CheckResult> check(ApiRequest request);

    SchemaCheck NONE = request -> List.of();
}
