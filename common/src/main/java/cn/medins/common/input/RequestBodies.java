package cn.medins.common.input;

import cn.medins.common.config.MedinsConfig;
import cn.medins.common.problem.ProblemMappers;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
        Reads reads = Reads.of(resource.getResourceMethod());
        Optional<Response> unsupported = reads.unsupported(request);
        if (unsupported.isPresent()) {
            return unsupported;
        }
        if (length != null && !withinLimit(length, reads.limit())) {
            throw BodyTooLargeException.over(reads.limit(), length + " bytes long", reads.holds());
        }
        long weight = length == null ? reads.limit() : Long.parseLong(length.trim());
        if (weight > LARGE && !admitted(weight, rc)) {
            Response busy = ProblemMappers.respond(503, "SERVER_BUSY", "This instance is reading as many large bodies "
                    + "as its memory holds; nothing was done. Retry in a moment.", null, null);
            return Optional.of(Response.fromResponse(busy).header("Retry-After", ProblemMappers.RETRY_AFTER_SECONDS)
                    .build());
        }
        request.setEntityStream(new LimitedInputStream(request.getEntityStream(), reads.limit(), reads.holds()));
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

    /** Whether the operation reads a body of any type (it answers a wrong one itself). */
    public static boolean readsAnyType(Method method) {
        return Reads.of(method).types().isEmpty();
    }

    /**
     * What an operation reads, read once from its annotations: its limit, what that holds, and the types
     * of body it reads (its own {@code @Consumes}, its resource's, else JSON, the suite's default; none:
     * any type).
     */
    record Reads(long limit, String holds, List<MediaType> types, String expected) {

        private static final Map<Method, Reads> OF = new ConcurrentHashMap<>();

        static Reads of(Method method) {
            return method == null ? read(null) : OF.computeIfAbsent(method, Reads::read);
        }

        private static Reads read(Method method) {
            BodyLimit declared = method == null ? null : method.getAnnotation(BodyLimit.class);
            Consumes consumes = method == null ? null : method.getAnnotation(Consumes.class);
            if (consumes == null && method != null) {
                consumes = method.getDeclaringClass().getAnnotation(Consumes.class);
            }
            List<String> names = consumes == null || consumes.value().length == 0 ? List.of(MediaType.APPLICATION_JSON)
                    : List.of(consumes.value());
            List<MediaType> types = names.equals(List.of(MediaType.WILDCARD)) ? List.of()
                    : names.stream().map(MediaType::valueOf).toList();
            return new Reads(declared == null ? DEFAULT_LIMIT : declared.bytes(), declared == null ? "" : declared.holds(),
                    types, String.join(" or ", names));
        }

        /** A 415 when the body's type is missing, not one the operation reads, or JSON in another charset than UTF-8. */
        Optional<Response> unsupported(ContainerRequestContext request) {
            if (types.isEmpty()) {
                return Optional.empty();
            }
            MediaType type;
            try {
                type = request.getMediaType();
            } catch (IllegalArgumentException e) {
                return refuse("The Content-Type is not a media type");
            }
            if (type == null) {
                return refuse("The body has no Content-Type");
            }
            if (types.stream().noneMatch(accepted -> accepted.isCompatible(type) || (accepted.getSubtype().equals("json")
                    && type.getType().equals("application") && type.getSubtype().endsWith("+json")))) {
                return refuse("The body is " + type.getType() + "/" + type.getSubtype());
            }
            // JSON is UTF-8 (RFC 8259); a CSV is checked as UTF-8 byte by byte where it is read
            String charset = type.getSubtype().endsWith("json") ? type.getParameters().get(MediaType.CHARSET_PARAMETER)
                    : null;
            if (charset != null && !List.of("utf-8", "utf8").contains(charset.replace("\"", "").toLowerCase(Locale.ROOT))) {
                return Optional.of(refusal("The body is declared in " + charset + "; this operation reads UTF-8 only."));
            }
            return Optional.empty();
        }

        private Optional<Response> refuse(String what) {
            return Optional.of(refusal(what + "; this operation reads " + expected + "."));
        }
    }

    private static Response refusal(String detail) {
        return ProblemMappers.respond(415, "UNSUPPORTED_MEDIA_TYPE", detail + " Nothing was done.", null, null);
    }
}
