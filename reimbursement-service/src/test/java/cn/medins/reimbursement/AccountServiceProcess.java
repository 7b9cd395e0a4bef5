package cn.medins.reimbursement;

import cn.medins.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts the real, packaged account-service (its built jar) as a process beside the tests, against
 * the same PostgreSQL, on a free port, and points the REST client at it.
 */
public class AccountServiceProcess implements QuarkusTestResourceLifecycleManager {

    static final Path JAR = Path.of("..", "account-service", "target", "quarkus-app", "quarkus-run.jar");

    private Process process;
    private static String url;

    public static String url() {
        return url;
    }

    @Override
    public Map<String, String> start() {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("The account-service jar is not built: run ./mvnw verify from the root "
                    + "(it builds account-service first), or ./mvnw -pl account-service package.");
        }
        PostgresResource.Database db = PostgresResource.localOrConfigured();
        int port = freePort();
        try {
            File log = Files.createTempFile("account-service-", ".log").toFile();
            process = new ProcessBuilder(List.of(javaBin(), "-Dquarkus.http.port=" + port,
                    "-Dquarkus.datasource.jdbc.url=" + db.url(), "-Dquarkus.datasource.username=" + db.user(),
                    "-Dquarkus.datasource.password=" + db.password(), "-jar", JAR.toString()))
                    .redirectErrorStream(true).redirectOutput(log).start();
            url = "http://127.0.0.1:" + port;
            waitUntilReady(log);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start account-service", e);
        }
        return Map.of("quarkus.rest-client.account-service.url", url);
    }

    private void waitUntilReady(File log) throws IOException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("account-service stopped while starting:\n" + Files.readString(log.toPath()));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url + "/q/health/ready").toURL().openConnection();
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("account-service was not ready within 60 s; log: " + log);
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
