package cn.medins.common.openapi;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The descriptions of the published schemas, with the national term where the domain has one
 * ({@code Account}: 个人账户). They live in one {@code META-INF/openapi-glossary.properties} per module
 * (common's and the service's), read as UTF-8, rather than on the records, because some of the
 * schemas are the pure calculation's records, which carry no framework annotation.
 */
final class Glossary {

    static final String RESOURCE = "META-INF/openapi-glossary.properties";

    private Glossary() {
    }

    /** Gives each schema without a description the glossary's. */
    static void describe(Map<String, Schema> schemas) {
        Properties terms = load();
        schemas.forEach((name, schema) -> {
            if (schema.getDescription() == null && terms.containsKey(name)) {
                schema.setDescription(terms.getProperty(name));
            }
        });
    }

    private static Properties load() {
        Properties terms = new Properties();
        try {
            for (URL url : Collections.list(Thread.currentThread().getContextClassLoader().getResources(RESOURCE))) {
                try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
                    terms.load(reader);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return terms;
    }
}
