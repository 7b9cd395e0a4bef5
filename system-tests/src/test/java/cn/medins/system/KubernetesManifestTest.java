package cn.medins.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Kubernetes manifests run each service on its port with its health probes and a Service. */
class KubernetesManifestTest {

    private static List<JsonNode> documents() throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(Path.of("../deploy/kubernetes/medins.yaml").toFile())) {
            mapper.readValues(parser, JsonNode.class).forEachRemaining(docs::add);
        }
        return docs;
    }

    private static JsonNode find(String kind, String name) throws IOException {
        return documents().stream().filter(d -> kind.equals(d.path("kind").asText())
                && name.equals(d.at("/metadata/name").asText())).findFirst().orElseThrow(() ->
                new AssertionError(kind + " " + name + " is missing"));
    }

    @ParameterizedTest
    @CsvSource({"account-service,8081", "reimbursement-service,8082", "remote-care-service,8083", "nhsa-gateway,8084"})
    void eachServiceHasADeploymentWithProbesAndAService(String name, int port) throws IOException {
        JsonNode container = find("Deployment", name).at("/spec/template/spec/containers/0");
        assertEquals(port, container.at("/ports/0/containerPort").asInt());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals(port, container.at("/readinessProbe/httpGet/port").asInt());
        List<String> env = new ArrayList<>();
        container.path("env").forEach(e -> env.add(e.path("name").asText()));
        assertTrue(env.containsAll(List.of("DB_URL", "DB_USER", "DB_PASSWORD")), env.toString());
        assertEquals(port, find("Service", name).at("/spec/ports/0/port").asInt());
    }
}
