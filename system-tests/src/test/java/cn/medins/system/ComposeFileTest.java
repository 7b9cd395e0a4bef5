package cn.medins.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so the compose file is checked against what the services need: every
 * service, port, environment variable, dependency and healthcheck, consistent with each service's
 * application.properties.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..");
    /** Environment variables naming another service, and the compose service they must point at. */
    private static final Map<String, String> DOWNSTREAM = Map.of(
            "ACCOUNT_SERVICE_URL", "account-service", "REMOTE_CARE_SERVICE_URL", "remote-care-service",
            "REIMBURSEMENT_SERVICE_URL", "reimbursement-service");

    private static JsonNode compose;

    @BeforeAll
    static void read() throws IOException {
        compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    /** The service's settings: the shared ones (common's microprofile-config.properties), then its own. */
    private static Properties properties(String module) throws IOException {
        Properties p = new Properties();
        for (String file : new String[] {"common/src/main/resources/META-INF/microprofile-config.properties",
                                         module + "/src/main/resources/application.properties"}) {
            try (Reader r = Files.newBufferedReader(ROOT.resolve(file))) {
                p.load(r);
            }
        }
        return p;
    }

    /** {@code ${VAR:default}} -> VAR and default. */
    private static Matcher placeholder(String value) {
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+):([^}]*)}").matcher(value);
        assertTrue(m.find(), "expected a ${VAR:default} placeholder in " + value);
        return m;
    }

    @Test
    void postgresHasANamedVolumeAHealthcheckAndTheSchemaInit() throws IOException {
        JsonNode pg = compose.at("/services/postgres");
        assertTrue(pg.path("image").asText().startsWith("postgres:"));
        assertTrue(pg.at("/healthcheck/test").toString().contains("pg_isready"));
        String volume = pg.path("volumes").get(0).asText().split(":")[0];
        assertTrue(compose.path("volumes").has(volume), "named volume " + volume + " is declared");
        String init = pg.path("volumes").get(1).asText().split(":")[0];
        String script = Files.readString(ROOT.resolve(init));
        for (String schema : new String[] {"account", "reimbursement", "remote_care", "nhsa"}) {
            assertTrue(script.contains("create schema " + schema + " authorization"), schema);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"account-service", "reimbursement-service", "remote-care-service", "nhsa-gateway"})
    void eachServiceIsBuiltRunAndConfiguredAsItsPropertiesSay(String module) throws IOException {
        JsonNode service = compose.path("services").path(module);
        assertTrue(service.isObject(), module + " is in the compose file");
        Properties props = properties(module);

        Path dockerfile = ROOT.resolve(service.at("/build/dockerfile").asText());
        assertTrue(Files.exists(dockerfile), dockerfile + " exists");
        String image = Files.readString(dockerfile);
        assertTrue(image.contains("/target/quarkus-app/quarkus/ /deployments/quarkus/"), "fast-jar layout");
        assertTrue(image.contains("COPY deploy/run-java.sh") && image.contains("ENTRYPOINT [\"/deployments/run-java.sh\""),
                "started as bin/run starts it");
        assertTrue(image.contains("RUN AOT=train /deployments/run-java.sh /deployments"),
                "the image carries its AOT cache, made at build time");
        assertTrue(Files.readString(ROOT.resolve("deploy/run-java.sh")).contains("-jar \"$APP_DIR/quarkus-run.jar\""),
                "deploy/run-java.sh runs the fast-jar");

        String port = placeholder(props.getProperty("quarkus.http.port")).group(2);
        assertEquals(port + ":" + port, service.path("ports").get(0).asText(), "published port");
        assertTrue(Files.readString(dockerfile).contains("EXPOSE " + port));

        JsonNode env = service.path("environment");
        for (String key : new String[] {"quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                                        "quarkus.datasource.password"}) {
            String variable = placeholder(props.getProperty(key)).group(1);
            assertTrue(env.has(variable), module + " sets " + variable);
        }
        assertTrue(env.path("DB_URL").asText().contains("//postgres:5432/"), "the compose database");
        for (Object value : props.values()) {
            Matcher jwt = Pattern.compile("\\$\\{(JWT_[A-Z_]+):").matcher(value.toString());
            while (jwt.find()) {
                assertTrue(env.has(jwt.group(1)), module + " sets " + jwt.group(1));
            }
        }
        String schema = props.getProperty("quarkus.hibernate-orm.database.default-schema");
        String user = env.path("DB_USER").asText();
        String init = Files.readString(ROOT.resolve("deploy/postgres/init-schemas.sh"));
        assertTrue(init.contains("create schema " + schema + " authorization " + user),
                user + " owns schema " + schema);
        assertEquals("service_healthy", service.at("/depends_on/postgres/condition").asText());

        for (Map.Entry<String, String> downstream : DOWNSTREAM.entrySet()) {
            boolean used = props.values().stream().anyMatch(v -> v.toString().contains("${" + downstream.getKey() + ":"));
            if (used) {
                String target = downstream.getValue();
                String targetPort = placeholder(properties(target).getProperty("quarkus.http.port")).group(2);
                assertEquals("http://" + target + ":" + targetPort, env.path(downstream.getKey()).asText());
                assertNotNull(service.at("/depends_on/" + target).get("condition"), module + " waits for " + target);
            }
        }
    }
}
