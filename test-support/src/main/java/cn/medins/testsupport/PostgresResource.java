package cn.medins.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Chooses the real PostgreSQL the tests run against, in this order:
 * <ol>
 *   <li>the server named by {@code MEDINS_TEST_DB_URL} (a JDBC URL; user and password from
 *       {@code MEDINS_TEST_DB_USER} / {@code MEDINS_TEST_DB_PASSWORD}, default {@code postgres});</li>
 *   <li>a Testcontainers {@code postgres} container, where a Docker engine is available;</li>
 *   <li>a server answering on 127.0.0.1:5432 (database {@code medins_test}, created when missing);</li>
 * </ol>
 * otherwise it stops the run at once, saying how to provide one. Each service's tests then clean and
 * migrate their own schema with Flyway, so every run starts from clean schemas.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    static final String LOCAL_HOST = "127.0.0.1";
    static final int LOCAL_PORT = 5432;
    static final String TEST_DATABASE = "medins_test";

    private PostgreSQLContainer container;

    @Override
    public Map<String, String> start() {
        Database db = choose();
        return Map.of("quarkus.datasource.jdbc.url", db.url(),
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
    }

    /** The database the tests use; also used by tests that start packaged services themselves. */
    public static Database localOrConfigured() {
        return new PostgresResource().choose();
    }

    private Database choose() {
        String url = System.getenv("MEDINS_TEST_DB_URL");
        String user = env("MEDINS_TEST_DB_USER", "postgres");
        String password = env("MEDINS_TEST_DB_PASSWORD", "postgres");
        if (url != null && !url.isBlank()) {
            return new Database(url, user, password);
        }
        if (dockerAvailable()) {
            container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        if (answers(LOCAL_HOST, LOCAL_PORT)) {
            String admin = "jdbc:postgresql://" + LOCAL_HOST + ":" + LOCAL_PORT + "/postgres";
            createDatabaseIfMissing(admin, user, password);
            return new Database("jdbc:postgresql://" + LOCAL_HOST + ":" + LOCAL_PORT + "/" + TEST_DATABASE, user, password);
        }
        throw new IllegalStateException("""
                No PostgreSQL for the tests. Provide one of:
                  - MEDINS_TEST_DB_URL=jdbc:postgresql://host:5432/db (with MEDINS_TEST_DB_USER / MEDINS_TEST_DB_PASSWORD),
                  - a running Docker engine (Testcontainers starts postgres:16-alpine),
                  - a PostgreSQL server on 127.0.0.1:5432 accepting user 'postgres'
                    (on Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start).""");
    }

    private static boolean dockerAvailable() {
        boolean hinted = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        try {
            return hinted && DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void createDatabaseIfMissing(String adminUrl, String user, String password) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, TEST_DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database " + TEST_DATABASE);
                }
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created meanwhile by a parallel run
                throw new IllegalStateException("Cannot prepare database " + TEST_DATABASE + ": " + e.getMessage(), e);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Where the tests' PostgreSQL is. */
    public record Database(String url, String user, String password) {
    }
}
