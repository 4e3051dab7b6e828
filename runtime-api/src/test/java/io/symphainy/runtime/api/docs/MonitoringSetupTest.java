package io.symphainy.runtime.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the compose monitoring set-up without a Docker engine: Prometheus scrapes the runtime's
 * endpoint with the token the runtime is given, Grafana is provisioned with that Prometheus and the dashboard, and
 * every file the services mount exists.
 */
class MonitoringSetupTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final YAMLMapper YAML = new YAMLMapper();

    private final JsonNode services = read("docker-compose.yml").path("services");

    @Test
    void prometheusScrapesTheRuntimeWithTheTokenTheRuntimeIsGiven() {
        JsonNode prometheus = services.path("prometheus");
        JsonNode runtime = services.path("runtime");
        JsonNode scrape = read("monitoring/prometheus/prometheus.yml").path("scrape_configs").get(0);

        assertThat(prometheus.path("profiles").toString()).contains("monitoring");
        assertThat(scrape.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
        assertThat(scrape.path("static_configs").get(0).path("targets").get(0).asText())
                .isEqualTo("runtime:" + runtime.path("ports").get(0).asText().split(":")[1].replace("\"", ""));
        assertThat(scrape.path("authorization").path("type").asText()).isEqualTo("Bearer");
        String tokenFile = scrape.path("authorization").path("credentials_file").asText();
        assertThat(prometheus.path("entrypoint").toString()).contains("> " + tokenFile)
                .contains("--config.file=/etc/prometheus/prometheus.yml");
        assertThat(prometheus.path("environment").path("SCRAPE_TOKEN").asText())
                .isEqualTo(runtime.path("environment").path("RUNTIME_METRICS_SCRAPE_TOKEN").asText())
                .startsWith("${RUNTIME_METRICS_SCRAPE_TOKEN:-");
        assertThat(mountTarget(prometheus, "./monitoring/prometheus/prometheus.yml"))
                .isEqualTo("/etc/prometheus/prometheus.yml");
    }

    @Test
    void grafanaIsProvisionedWithThatPrometheusAndTheDashboard() throws IOException {
        JsonNode grafana = services.path("grafana");
        JsonNode datasource = read("monitoring/grafana/provisioning/datasources/prometheus.yml").path("datasources")
                .get(0);
        JsonNode provider = read("monitoring/grafana/provisioning/dashboards/symphainy.yml").path("providers").get(0);
        JsonNode dashboard = new ObjectMapper().readTree(
                Files.readString(PROJECT.resolve("monitoring/grafana/dashboards/symphainy-runtime.json")));

        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:9090");
        assertThat(services.path("prometheus").path("ports").get(0).asText()).endsWith(":9090");
        assertThat(mountTarget(grafana, "./monitoring/grafana/provisioning")).isEqualTo("/etc/grafana/provisioning");
        assertThat(mountTarget(grafana, "./monitoring/grafana/dashboards"))
                .isEqualTo(provider.path("options").path("path").asText());
        JsonNode datasourceVariable = dashboard.path("templating").path("list").get(0);
        assertThat(datasourceVariable.path("current").path("value").asText())
                .isEqualTo(datasource.path("uid").asText());
        List<String> panelSources = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panelSources.add(panel.path("datasource").path("uid").asText()));
        assertThat(panelSources).isNotEmpty().allMatch(uid -> uid.equals("${datasource}"));
        assertThat(dashboard.path("uid").asText()).isNotBlank();
    }

    @Test
    void everyFileTheServicesMountExists() {
        List<String> sources = new ArrayList<>();
        services.forEach(service -> service.path("volumes").forEach(volume -> {
            String source = volume.asText().split(":")[0];
            if (source.startsWith("./")) {
                sources.add(source);
            }
        }));

        assertThat(sources).contains("./monitoring/prometheus/prometheus.yml", "./monitoring/grafana/dashboards");
        assertThat(sources).allMatch(source -> Files.exists(PROJECT.resolve(source)), "exists in the repository");
    }

    private static String mountTarget(JsonNode service, String source) {
        for (JsonNode volume : service.path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts[0].equals(source)) {
                return parts[1];
            }
        }
        return null;
    }

    private static JsonNode read(String file) {
        try {
            return YAML.readTree(Files.readString(PROJECT.resolve(file)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
