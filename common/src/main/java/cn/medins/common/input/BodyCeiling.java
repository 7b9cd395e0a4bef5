package cn.medins.common.input;

import cn.medins.common.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's own ceiling on any body ({@code quarkus.http.limits.max-body-size}), answered as a 413
 * problem document instead of Vert.x's empty 413: a route before Vert.x's own check refuses a declared
 * length over it before a byte is read. Each operation's own, lower limit is {@link RequestBodies}'s.
 */
@ApplicationScoped
public class BodyCeiling {

    /** Before Quarkus's upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    static final int ORDER = -3;

    void route(@Observes Router router,
               @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize ceiling) {
        long limit = ceiling.asLongValue();
        router.route().order(ORDER).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            if (length != null && over(length, limit)) {
                BodyTooLargeException e = BodyTooLargeException.over(limit, length + " bytes long", "");
                Problem problem = new Problem(Problem.typeOf(e.code()), "Request Entity Too Large", 413,
                        e.getMessage().replace("this operation reads", "this service reads"), rc.request().path(),
                        e.code(), null);
                rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(Json.encode(problem));
                return;
            }
            rc.next();
        });
    }

    private static boolean over(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
