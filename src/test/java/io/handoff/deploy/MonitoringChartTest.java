package io.handoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.handoff.testing.Helm;
import io.handoff.testing.KubernetesDocuments;
import io.handoff.testing.TestAppProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Grafana dashboard and the Prometheus alerts that ship in the Helm chart: with their flags on, {@code helm
 * template} renders a ConfigMap that Grafana's dashboard sidecar picks up and a PrometheusRule with the four alerts;
 * and every metric a dashboard panel or an alert names is served by {@code /actuator/prometheus} of a running
 * Handoff (started here on a real redis-server with the management port of the chart), so no panel stays empty and
 * no alert watches a metric that does not exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MonitoringChartTest {
    private static final Path CHART = Path.of("helm/handoff");
    /** A metric name as PromQL writes it (Handoff's own ones; standard ones like up or jvm_ are not ours to check). */
    private static final Pattern METRIC = Pattern.compile("\\bhandoff_[a-z_]+\\b");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KubernetesDocuments rendered;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedisWithAdminToken(registry);
        registry.add("management.server.port", () -> "0");
    }

    @LocalManagementPort
    int managementPort;

    @BeforeAll
    static void render() {
        rendered = KubernetesDocuments.parse(Helm.require().run("template", "handoff", CHART.toString(),
                "--namespace", "bots", "--set", "grafanaDashboard.enabled=true",
                "--set", "prometheusRule.enabled=true").output());
    }

    @Test
    void theDashboardIsAConfigMapForGrafanasSidecarHoldingTheCommittedDashboard() throws Exception {
        ConfigMap dashboard = dashboardConfigMap();
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        JsonNode shipped = JSON.readTree(dashboard.getData().get("handoff.json"));
        assertThat(shipped).isEqualTo(JSON.readTree(Files.readString(CHART.resolve("dashboards/handoff.json"))));
        assertThat(shipped.path("uid").asText()).isEqualTo("handoff-overview");
        assertThat(panelTitles(shipped)).contains("Acknowledgement latency, 99th percentile",
                "Surveys completed per hour", "Messages sent, deferred, dropped", "Outbox depth",
                "Rate limited (429) and failed sends", "Dead letters", "Scheduler lag", "Redis round trip");
        for (JsonNode panel : shipped.path("panels")) {
            if (!"row".equals(panel.path("type").asText())) {
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
                panel.path("targets").forEach(target ->
                        assertThat(target.path("expr").asText()).as(panel.path("title").asText()).isNotBlank());
            }
        }
    }

    @Test
    void theRuleAlertsOnDeadLettersRateLimitsSchedulerLagAndRedisInTheReleasesNamespace() {
        Map<String, String> alerts = alerts();
        assertThat(alerts).containsOnlyKeys("HandoffDeadLettersGrowing", "HandoffRateLimitedSustained",
                "HandoffSchedulerLagHigh", "HandoffRedisUnreachable");
        assertThat(alerts.values()).allSatisfy(expr -> assertThat(expr).contains("namespace=\"bots\""));
        assertThat(alerts.get("HandoffRateLimitedSustained")).contains("reason=\"rate-limited\"").endsWith("> 0.2");
        assertThat(alerts.get("HandoffSchedulerLagHigh")).endsWith("> 300");
    }

    @Test
    void theyAreOffByDefault() {
        KubernetesDocuments defaults = KubernetesDocuments.parse(Helm.require().run("template", "handoff",
                CHART.toString()).output());
        assertThat(defaults.kinds()).doesNotContain("PrometheusRule");
        assertThat(defaults.every(ConfigMap.class)).hasSize(1);
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsNameIsServedByARunningApp() throws Exception {
        Set<String> named = new TreeSet<>();
        JsonNode dashboard = JSON.readTree(dashboardConfigMap().getData().get("handoff.json"));
        for (JsonNode panel : dashboard.path("panels")) {
            panel.path("targets").forEach(target -> named.addAll(metrics(target.path("expr").asText())));
        }
        named.addAll(metrics(dashboard.path("templating").toString()));
        alerts().values().forEach(expr -> named.addAll(metrics(expr)));
        assertThat(named).as("the dashboard and alerts name Handoff's metrics").hasSizeGreaterThan(10);

        Set<String> served = servedMetricNames();
        assertThat(named).allSatisfy(name -> assertThat(served).as("served by /actuator/prometheus").contains(name));
    }

    private Set<String> servedMetricNames() throws Exception {
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        return scrape.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> metrics(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private static ConfigMap dashboardConfigMap() {
        return rendered.every(ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().endsWith("-dashboard")).findFirst()
                .orElseThrow(() -> new AssertionError("no dashboard ConfigMap among " + rendered.kinds()));
    }

    private static Map<String, String> alerts() {
        GenericKubernetesResource rule = rendered.custom("PrometheusRule");
        assertThat(rule.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        List<Map<String, Object>> groups = rule.get("spec", "groups");
        Map<String, String> alerts = new java.util.LinkedHashMap<>();
        for (Map<String, Object> group : groups) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rules = (List<Map<String, Object>>) group.get("rules");
            for (Map<String, Object> one : rules) {
                alerts.put((String) one.get("alert"), String.valueOf(one.get("expr")).trim());
            }
        }
        return alerts;
    }

    private static List<String> panelTitles(JsonNode dashboard) {
        List<String> titles = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> titles.add(panel.path("title").asText()));
        return titles;
    }
}
