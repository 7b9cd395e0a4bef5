package cn.medins.common.security;

import cn.medins.common.config.MedinsConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token's signature once and remembers the verified token until it expires, so
 * that a client sending the same token again (a counter system, another service) costs a map
 * look-up instead of an RSA check. Only tokens that passed every check are remembered, keyed by the
 * whole token text, so a changed byte is a different key; an entry leaves the cache when its token
 * expires ({@code exp}), and the cache holds at most {@code medins.security.token-cache.size}.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser extends DefaultJWTParser {

    private final Cache<String, JsonWebToken> verified;

    public CachingJwtParser(MedinsConfig config) {
        this.verified = Caffeine.newBuilder().maximumSize(config.security().tokenCache().size()).expireAfter(new UntilTokenExpiry()).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken jwt = super.parse(token);
        requireClaimTypes(jwt);
        if (jwt.getExpirationTime() > 0) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /**
     * The suite's own claims have one type each: {@code personId} a whole number, {@code institutionCode}
     * text. A token with {@code "personId": "12"} is refused (401), not read as person 12.
     */
    static void requireClaimTypes(JsonWebToken jwt) throws ParseException {
        Object person = jwt.getClaim("personId");
        if (person != null && !(person instanceof JsonNumber n && n.isIntegral())
                && !(person instanceof Long || person instanceof Integer)) {
            throw new ParseException("the personId claim must be a whole number");
        }
        Object institution = jwt.getClaim("institutionCode");
        if (institution != null && !(institution instanceof String || institution instanceof JsonString)) {
            throw new ParseException("the institutionCode claim must be text");
        }
    }

    /** An entry lives exactly as long as its token is valid. */
    private static final class UntilTokenExpiry implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
            long left = TimeUnit.SECONDS.toNanos(jwt.getExpirationTime()) - System.currentTimeMillis() * 1_000_000L;
            return Math.max(0, left);
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
