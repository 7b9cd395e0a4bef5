package cn.medins.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service of the suite started from its packaged jar ({@code <module>/target/quarkus-app}) as a
 * separate process, against the tests' PostgreSQL, on a free port; waits until it is ready.
 */
public final class PackagedService {

    private final String module;
    private final List<String> command;
    private final String url;
    private final List<java.nio.file.Path> logs = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Process process;

    private PackagedService(String module, List<String> command, String url) {
        this.module = module;
        this.command = command;
        this.url = url;
    }

    /** Starts {@code ../<module>} with the given extra system properties. */
    public static PackagedService start(String module, Map<String, String> properties) {
        return start(module, properties, false);
    }

    /**
     * Starts {@code ../<module>} as production starts it: through {@code deploy/run-java.sh}, with its JVM
     * settings (heap, {@code -XX:+ExitOnOutOfMemoryError}), on this JDK, without an AOT cache.
     */
    public static PackagedService startAsInProduction(String module, Map<String, String> properties) {
        return start(module, properties, true);
    }

    private static PackagedService start(String module, Map<String, String> properties, boolean production) {
        Path jar = Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(module + " is not built (" + jar + "): run ./mvnw verify from the root, "
                    + "which builds it before the modules whose tests start it.");
        }
        PostgresResource.Database db = PostgresResource.localOrConfigured();
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(production
                ? List.of("env", "JAVA=" + java, "AOT=off", "sh", Path.of("..", "deploy", "run-java.sh").toString(),
                        jar.getParent().toString())
                : List.of(java));
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.datasource.jdbc.url=" + db.url(),
                "-Dquarkus.datasource.username=" + db.user(), "-Dquarkus.datasource.password=" + db.password()));
        TestKeys.config().forEach((k, v) -> command.add("-D" + k + "=" + v));
        if (!properties.containsKey("medins.clock.start")) {
            command.add("-Dmedins.clock.start=" + TestData.CLOCK_START);
        }
        if (!properties.containsKey("quarkus.shutdown.delay")) {
            command.add("-Dquarkus.shutdown.delay=0s"); // the tests that stop a service want it gone at once
        }
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        if (!production) {
            command.addAll(List.of("-jar", jar.toString())); // run-java.sh adds its own
        }
        PackagedService service = new PackagedService(module, List.copyOf(command), "http://127.0.0.1:" + port);
        service.launch();
        return service;
    }

    private void launch() {
        try {
            File log = Files.createTempFile(module + "-", ".log").toFile();
            logs.add(log.toPath());
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
            waitUntilReady(log);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + module, e);
        }
    }

    /** Kills the process at once, as a crash would (no graceful shutdown). */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Starts the service again, on the same port, as an operator would after a crash. */
    public void restart() {
        launch();
    }

    public String url() {
        return url;
    }

    /** The process's id (run-java.sh execs the JVM, so this is the JVM's). */
    public long pid() {
        return process.pid();
    }

    /** What the process wrote, every run since it was first started (a restart writes a new log). */
    public String output() throws IOException {
        StringBuilder all = new StringBuilder();
        for (java.nio.file.Path log : logs) {
            all.append(Files.readString(log)).append('\n');
        }
        return all.toString();
    }

    public void stop() {
        process.destroy();
    }

    /** Sends SIGTERM, as Kubernetes does to a pod it stops, and waits until the process has exited. */
    public int terminate(java.time.Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(module + " did not stop within " + within + " of SIGTERM");
        }
        return process.exitValue();
    }

    private void waitUntilReady(File log) throws IOException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " stopped while starting:\n" + Files.readString(log.toPath()));
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
        process.destroy();
        throw new IllegalStateException(module + " was not ready within 60 s; its log: " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
