package cn.medins.common.input;

import cn.medins.common.problem.ProblemMappers;
import cn.medins.common.config.MedinsConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every body is checked before it is read, the same in every service: its declared type must be one the
 * operation reads (JSON unless the operation says otherwise), JSON in UTF-8, else a 415 problem; its length
 * must be within the operation's {@link BodyLimit}, else a 413 problem naming the limit, before a byte is
 * read; and a body without a declared length (chunked) is read through a counter that stops it at the
 * limit. A body is then never held, parsed or turned into objects beyond what its operation can use.
 * Large bodies (over {@link #LARGE}) share a budget of bytes in flight
 * ({@code medins.limits.large-bodies-in-flight}), so that the memory they take is bounded whatever the
 * concurrency: the heap is sized for the budget, and a large body that finds no room is a 503.
 */
public class RequestBodies {

    /** What an operation without a {@link BodyLimit} reads: far more than any of its legitimate bodies. */
    public static final long DEFAULT_LIMIT = 1 << 20;

    /** A body larger than this takes its size from the large bodies' budget. */
    static final long LARGE = 1 << 20;

    private final Semaphore largeBodies;
    private final int budgetKib;

    public RequestBodies(MedinsConfig config) {
        budgetKib = (int) Math.max(1, config.limits().largeBodiesInFlight().asLongValue() >> 10);
        largeBodies = new Semaphore(budgetKib, true);
    }

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request, ResourceInfo resource, RoutingContext rc) {
        HttpServerRequest http = rc.request();
        String length = http.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = http.getHeader("Transfer-Encoding") != null;
        if (!chunked && (length == null || length.equals("0"))) {
            return Optional.empty();
        }
        Method method = resource.getResourceMethod();
        Optional<Response> unsupported = unsupportedType(request.getHeaderString(HttpHeaders.CONTENT_TYPE), method);
        if (unsupported.isPresent()) {
            return unsupported;
        }
        BodyLimit declared = method == null ? null : method.getAnnotation(BodyLimit.class);
        long limit = declared == null ? DEFAULT_LIMIT : declared.bytes();
        String holds = declared == null ? "" : declared.holds();
        if (length != null && !withinLimit(length, limit)) {
            throw BodyTooLargeException.over(limit, length + " bytes long", holds);
        }
        long weight = length == null ? limit : Long.parseLong(length.trim());
        if (weight > LARGE && !admitted(weight, rc)) {
            Response busy = ProblemMappers.respond(503, "SERVER_BUSY", "This instance is reading as many large bodies "
                    + "as its memory holds; nothing was done. Retry in a moment.", null, null);
            return Optional.of(Response.fromResponse(busy).header("Retry-After", ProblemMappers.RETRY_AFTER_SECONDS)
                    .build());
        }
        request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit, holds));
        return Optional.empty();
    }

    /** Room for a large body in the budget, waited for a second at most; given back when the answer is sent. */
    private boolean admitted(long weight, RoutingContext rc) {
        int kib = (int) Math.min(budgetKib, (weight + 1023) >> 10);
        try {
            // a worker thread may wait for room; the event loop never waits
            boolean room = io.vertx.core.Context.isOnEventLoopThread() ? largeBodies.tryAcquire(kib)
                    : largeBodies.tryAcquire(kib, 1, TimeUnit.SECONDS);
            if (!room) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        rc.addEndHandler(done -> largeBodies.release(kib));
        return true;
    }

    private static boolean withinLimit(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) <= limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A 415 when the body's type is missing, not one the operation reads, or in another charset than UTF-8. */
    static Optional<Response> unsupportedType(String contentType, Method method) {
        if (readsAnyType(method)) {
            return Optional.empty();
        }
        String[] reads = consumes(method);
        String expected = String.join(" or ", reads);
        if (contentType == null || contentType.isBlank()) {
            return Optional.of(unsupported("The body has no Content-Type; this operation reads " + expected + "."));
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            return Optional.of(unsupported("The Content-Type is not a media type; this operation reads " + expected + "."));
        }
        boolean readable = false;
        for (String r : reads) {
            MediaType accepted = MediaType.valueOf(r);
            readable |= accepted.isCompatible(type) || (accepted.getSubtype().equals("json")
                    && type.getType().equals("application") && type.getSubtype().endsWith("+json"));
        }
        if (!readable) {
            return Optional.of(unsupported("The body is " + type.getType() + "/" + type.getSubtype()
                    + "; this operation reads " + expected + "."));
        }
        // JSON is UTF-8 (RFC 8259); a CSV is checked as UTF-8 byte by byte where it is read
        String charset = type.getSubtype().endsWith("json") ? type.getParameters().get(MediaType.CHARSET_PARAMETER) : null;
        if (charset != null && !charset.replace("\"", "").equalsIgnoreCase(StandardCharsets.UTF_8.name())
                && !charset.replace("\"", "").equalsIgnoreCase("utf8")) {
            return Optional.of(unsupported("The body is declared in " + charset + "; this operation reads UTF-8 only."));
        }
        return Optional.empty();
    }

    /** Whether the operation reads a body of any type (it answers a wrong one itself). */
    public static boolean readsAnyType(Method method) {
        String[] reads = consumes(method);
        return reads.length == 1 && MediaType.WILDCARD.equals(reads[0]);
    }

    /** The types an operation reads: its own {@code @Consumes}, its resource's, else JSON (the suite's default). */
    private static String[] consumes(Method method) {
        Consumes consumes = method == null ? null : method.getAnnotation(Consumes.class);
        if (consumes == null && method != null) {
            consumes = method.getDeclaringClass().getAnnotation(Consumes.class);
        }
        return consumes == null || consumes.value().length == 0 ? new String[] {MediaType.APPLICATION_JSON}
                : consumes.value();
    }

    private static Response unsupported(String detail) {
        return ProblemMappers.respond(415, "UNSUPPORTED_MEDIA_TYPE", detail + " Nothing was done.", null, null);
    }
}
