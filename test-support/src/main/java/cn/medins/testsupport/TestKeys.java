package cn.medins.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;

/**
 * The tests' token issuer: an RSA key pair made for this test run (never committed), written to a
 * temporary folder so the services under test verify and sign with it, and tokens for every role.
 * Also a test resource that configures a @QuarkusTest application with it.
 */
public class TestKeys implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://medins.test/issuer";
    private static final KeyPair KEYS = generate();
    private static final Path DIR = write();

    @Override
    public Map<String, String> start() {
        return config();
    }

    @Override
    public void stop() {
        // the folder is reused by every application of this test run
    }

    /** The settings that make a service verify and sign with the test keys. */
    public static Map<String, String> config() {
        return Map.of("mp.jwt.verify.publickey.location", DIR.resolve("public.pem").toString(),
                "mp.jwt.verify.issuer", ISSUER,
                "smallrye.jwt.sign.key.location", DIR.resolve("private.pem").toString());
    }

    public static String agency() {
        return token(claims("agency-staff-1", "agency"));
    }

    public static String insured(long personId) {
        return token(claims("person-" + personId, "insured").claim("personId", personId));
    }

    public static String institution(String code) {
        return token(claims("counter-" + code, "institution").claim("institutionCode", code));
    }

    public static String service() {
        return token(claims("some-service", "service"));
    }

    public static JwtClaimsBuilder claims(String subject, String role) {
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(role).expiresIn(3600);
    }

    public static String token(JwtClaimsBuilder claims) {
        return claims.sign(KEYS.getPrivate());
    }

    /** Signed with a key the services do not know. */
    public static String signedByAnotherKey(JwtClaimsBuilder claims) {
        PrivateKey other = generate().getPrivate();
        return claims.sign(other);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write() {
        try {
            Path dir = Files.createTempDirectory("medins-test-keys");
            Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", KEYS.getPublic().getEncoded()));
            Files.writeString(dir.resolve("private.pem"), pem("PRIVATE KEY", KEYS.getPrivate().getEncoded()));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
