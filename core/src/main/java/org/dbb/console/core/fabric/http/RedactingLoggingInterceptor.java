package org.dbb.console.core.fabric.http;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every HTTP exchange at DEBUG (method, path, status, duration, request id) and its headers at TRACE, with
 * {@code Authorization}, token-like query values and webhook URLs masked by {@link Redaction}. Bodies are never
 * logged. Install as a network interceptor so each wire attempt (including the 401 re-send) is logged.
 * Thread-safe.
 */
public final class RedactingLoggingInterceptor implements Interceptor {

    private final Logger log;

    public RedactingLoggingInterceptor() {
        this(LoggerFactory.getLogger(RedactingLoggingInterceptor.class));
    }

    public RedactingLoggingInterceptor(Logger log) {
        this.log = log;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!log.isDebugEnabled()) {
            return chain.proceed(request);
        }
        String target = request.method() + " " + Redaction.pathAndQuery(request.url());
        if (log.isTraceEnabled()) {
            log.trace("{} request headers: {}", target, Redaction.headers(request.headers()));
        }
        long started = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            log.debug("{} failed after {} ms: {}", target, elapsedMs(started), Redaction.text(e.toString()));
            throw e;
        }
        String requestId = ErrorBodies.requestIdFromHeaders(response.headers()).orElse("none");
        log.debug("{} -> {} in {} ms (request id {})", target, response.code(), elapsedMs(started), requestId);
        if (log.isTraceEnabled()) {
            log.trace("{} response headers: {}", target, Redaction.headers(response.headers()));
        }
        return response;
    }

    private static long elapsedMs(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
