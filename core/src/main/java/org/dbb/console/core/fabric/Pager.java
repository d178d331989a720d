package org.dbb.console.core.fabric;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import okhttp3.HttpUrl;

import org.dbb.console.core.fabric.http.ApiCall;
import org.dbb.console.core.fabric.http.ApiRequest;
import org.dbb.console.core.fabric.http.ApiResponse;
import org.dbb.console.core.fabric.http.ApiTransport;
import org.dbb.console.core.fabric.http.FabricApiException;

/**
 * Walks a Fabric paginated list: follows {@code continuationUri} verbatim when it points into the configured Fabric
 * base, otherwise re-issues the first request with {@code continuationToken}; stops when both are absent.
 * Stateless.
 */
final class Pager {

    /** Far beyond any real workspace; only a service that keeps answering with new tokens gets here. */
    private static final int MAX_PAGES = 10_000;

    private Pager() {
    }

    static <D, P extends FabricDtos.Page<D>> List<D> collect(ApiTransport transport, ApiCall call, HttpUrl first,
            Class<P> pageType) {
        List<D> all = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        HttpUrl url = first;
        for (int page = 1; ; page++) {
            ApiResponse response = transport.execute(ApiRequest.to(call, url));
            P body = transport.json().read(response, pageType);
            if (body.value() != null) {
                all.addAll(body.value());
            }
            Optional<HttpUrl> next = next(transport, call, first, url, body);
            if (next.isEmpty()) {
                return all;
            }
            if (!visited.add(next.get().toString()) || page >= MAX_PAGES) {
                throw FabricApiException.of(call, "PaginationLoop",
                        "the service keeps returning pages (" + page + " so far, a continuation repeated or too many)");
            }
            url = next.get();
        }
    }

    private static Optional<HttpUrl> next(ApiTransport transport, ApiCall call, HttpUrl first, HttpUrl current,
            FabricDtos.Page<?> body) {
        String token = body.continuationToken();
        String uri = body.continuationUri();
        if (uri != null && !uri.isBlank()) {
            HttpUrl resolved = current.resolve(uri.trim());
            if (resolved != null && transport.isServiceUrl(call.service(), resolved)) {
                return Optional.of(resolved);
            }
            if (token == null || token.isBlank()) {
                throw FabricApiException.of(call, "UntrustedContinuationUri", "the next page is at "
                        + (resolved == null ? "an unreadable address" : "host " + resolved.host())
                        + ", outside the configured endpoint; the bearer token is not sent there");
            }
        }
        if (token != null && !token.isBlank()) {
            return Optional.of(first.newBuilder().setQueryParameter("continuationToken", token).build());
        }
        return Optional.empty();
    }
}
