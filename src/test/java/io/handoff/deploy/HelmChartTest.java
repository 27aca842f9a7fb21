package io.handoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.handoff.testing.Helm;
import io.handoff.testing.KubernetesDocuments;

/**
 * The Helm chart {@code helm/handoff}, rendered by the real helm CLI and read with the fabric8 Kubernetes model:
 * it lints strictly, its Deployment is probed, locked down and sized, credentials only ever come from the existing
 * Secret, the schema rejects values of the wrong type, and the plain manifests in {@code manifests/kubernetes} are the
 * chart's defaults.
 */
class HelmChartTest {
    private static final Path CHART = Path.of("helm/handoff");
    private static final Path FULL_VALUES = Path.of("src/test/resources/helm/full-values.yaml");
    private static final Path MANIFESTS = Path.of("manifests/kubernetes");
    private static final List<String> SECRET_VARIABLES = List.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET",
            "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_APP_TOKEN", "MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD",
            "MICROSOFT_APP_TENANT_ID", "HANDOFF_ADMIN_TOKEN", "HANDOFF_LINK_SECRET", "REDIS_URL",
            "HANDOFF_ENCRYPTION_KEY", "HANDOFF_ENCRYPTION_KEY_PREVIOUS");

    private static Helm helm;

    @BeforeAll
    static void helmIsInstalled() {
        helm = Helm.require();
    }

    private static KubernetesDocuments render(String release, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of("template", release, CHART.toString(), "--namespace", "bots"));
        arguments.addAll(List.of(extraArguments));
        return KubernetesDocuments.parse(helm.run(arguments.toArray(String[]::new)).output());
    }

    private static KubernetesDocuments defaults() {
        return render("handoff");
    }

    private static KubernetesDocuments full() {
        return render("prod", "--values", FULL_VALUES.toString());
    }

    private static Container container(Deployment deployment) {
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Map<String, EnvVar> env(Container container) {
        Map<String, EnvVar> byName = new LinkedHashMap<>();
        container.getEnv().forEach(variable -> assertThat(byName.put(variable.getName(), variable))
                .as("%s set twice", variable.getName()).isNull());
        return byName;
    }

    @Test
    void lintsStrictlyWithDefaultAndFullValues() {
        assertThat(helm.run("lint", "--strict", CHART.toString()).output()).contains("0 chart(s) failed");
        assertThat(helm.run("lint", "--strict", CHART.toString(), "--values", FULL_VALUES.toString()).output())
                .contains("0 chart(s) failed");
    }

    @Test
    void defaultsRenderTheCoreResourcesOnly() {
        assertThat(defaults().kinds())
                .containsExactly("ConfigMap", "Deployment", "PodDisruptionBudget", "Service", "ServiceAccount");
    }

    @Test
    void theDeploymentIsProbedOnTheManagementPort() {
        Container container = container(defaults().one(Deployment.class));

        assertThat(container.getPorts()).extracting(p -> p.getName() + ":" + p.getContainerPort())
                .containsExactly("http:8080", "management:9090");
        assertHttpProbe(container.getLivenessProbe(), "/actuator/health/liveness");
        assertHttpProbe(container.getReadinessProbe(), "/actuator/health/readiness");
        assertHttpProbe(container.getStartupProbe(), "/actuator/health/liveness");
        Probe startup = container.getStartupProbe();
        assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold()).as("startup budget in seconds")
                .isBetween(60, 300);
    }

    private static void assertHttpProbe(Probe probe, String path) {
        assertThat(probe).as(path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
        assertThat(probe.getTimeoutSeconds()).isPositive();
    }

    @Test
    void theDeploymentRunsLockedDownAsANonRootUserWithAWritableTmpOnly() {
        Deployment deployment = defaults().one(Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = container(deployment);

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getEnableServiceLinks()).as("no HANDOFF_PORT=tcp://… from a Service named handoff").isFalse();
        assertThat(container.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(container.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getVolumeMounts()).singleElement()
                .satisfies(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
        assertThat(pod.getVolumes()).singleElement().satisfies(volume -> {
            assertThat(volume.getName()).isEqualTo(container.getVolumeMounts().get(0).getName());
            assertThat(volume.getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("256Mi"));
        });
    }

    @Test
    void theDeploymentIsSizedSpreadAndDrainsGracefully() {
        Deployment deployment = defaults().one(Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = container(deployment);

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits().get("memory")).isEqualTo(new Quantity("768Mi"));
        assertThat(Quantity.getAmountInBytes(container.getResources().getRequests().get("memory")))
                .isEqualByComparingTo(Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")));
        assertThat(container.getLifecycle().getPreStop().getExec().getCommand()).containsExactly("sleep", "10");
        assertThat(pod.getTerminationGracePeriodSeconds()).as("preStop sleep + 30 s of graceful shutdown")
                .isGreaterThanOrEqualTo(10 + 30L);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(pod.getTopologySpreadConstraints())
                .extracting(c -> c.getTopologyKey())
                .containsExactly("kubernetes.io/hostname", "topology.kubernetes.io/zone");
        assertThat(pod.getTopologySpreadConstraints()).allSatisfy(constraint -> {
            assertThat(constraint.getWhenUnsatisfiable()).isEqualTo("ScheduleAnyway");
            assertThat(podLabels).containsAllEntriesOf(constraint.getLabelSelector().getMatchLabels());
        });
    }

    @Test
    void everyCredentialIsAnOptionalKeyOfTheExistingSecretAndRedisUrlIsRequired() {
        KubernetesDocuments rendered = defaults();
        Map<String, EnvVar> env = env(container(rendered.one(Deployment.class)));

        assertThat(env.keySet()).containsExactlyInAnyOrderElementsOf(SECRET_VARIABLES);
        for (String name : SECRET_VARIABLES) {
            EnvVar variable = env.get(name);
            assertThat(variable.getValue()).as(name).isNull();
            SecretKeySelector secret = variable.getValueFrom().getSecretKeyRef();
            assertThat(secret.getName()).as(name).isEqualTo("handoff-secrets");
            assertThat(secret.getKey()).as(name).isEqualTo(name);
            assertThat(secret.getOptional()).as(name + " optional").isEqualTo(!name.equals("REDIS_URL"));
        }
        assertThat(rendered.one(ConfigMap.class).getData()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PORT", "8080", "MANAGEMENT_SERVER_PORT", "9090", "HANDOFF_DEMO_MODE", "never",
                "HANDOFF_LOG_FORMAT", "ecs"));
        assertThat(container(rendered.one(Deployment.class)).getEnvFrom()).singleElement()
                .satisfies(from -> assertThat(from.getConfigMapRef().getName())
                        .isEqualTo(rendered.one(ConfigMap.class).getMetadata().getName()));
    }

    @Test
    void fullValuesRenderEveryOptionalResourceWiredToTheDeployment() {
        KubernetesDocuments rendered = full();
        Deployment deployment = rendered.one(Deployment.class);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Service service = rendered.one(Service.class);

        assertThat(rendered.kinds()).containsExactly("ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress",
                "PodDisruptionBudget", "Service", "ServiceAccount", "ServiceMonitor");
        assertThat(rendered.all()).allSatisfy(resource -> assertThat(resource.getMetadata().getNamespace()).isNull());
        assertThat(deployment.getSpec().getReplicas()).as("the autoscaler owns the replica count").isNull();
        assertThat(container(deployment).getImage()).isEqualTo("registry.example.com/team/handoff@sha256:"
                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("handoff-bot");
        assertThat(rendered.one(ServiceAccount.class).getMetadata().getName()).isEqualTo("handoff-bot");
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());

        HorizontalPodAutoscaler hpa = rendered.one(HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(10);
        assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(metric ->
                assertThat(metric.getResource().getTarget().getAverageUtilization()).isEqualTo(60));

        PodDisruptionBudget pdb = rendered.one(PodDisruptionBudget.class);
        assertThat(pdb.getSpec().getMinAvailable().getStrVal()).isEqualTo("50%");
        assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());

        Ingress ingress = rendered.one(Ingress.class);
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getHosts()).containsExactly("handoff.example.com");
            assertThat(tls.getSecretName()).isEqualTo("handoff-example-tls");
        });
        IngressRule rule = ingress.getSpec().getRules().get(0);
        assertThat(rule.getHost()).isEqualTo("handoff.example.com");
        assertThat(rule.getHttp().getPaths()).allSatisfy(path -> {
            assertThat(path.getBackend().getService().getName()).isEqualTo(service.getMetadata().getName());
            assertThat(path.getBackend().getService().getPort().getName()).as("never the management port")
                    .isEqualTo("http");
        });

        GenericKubernetesResource monitor = rendered.custom("ServiceMonitor");
        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
        Map<String, Object> endpoint = monitor.<List<Map<String, Object>>>get("spec", "endpoints").get(0);
        assertThat(endpoint).containsEntry("path", "/actuator/prometheus").containsEntry("port", "management")
                .containsEntry("interval", "15s");
        assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName).contains("management");
        Map<String, String> monitorSelector = monitor.get("spec", "selector", "matchLabels");
        assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(monitorSelector);
    }

    @Test
    void fullValuesTakeAPasswordlessRedisUrlFromTheConfigMapAndKeepSecretsInTheSecret() {
        KubernetesDocuments rendered = full();
        ConfigMap config = rendered.one(ConfigMap.class);
        Map<String, EnvVar> env = env(container(rendered.one(Deployment.class)));

        assertThat(config.getData()).containsEntry("REDIS_URL",
                        "redis-sentinel://sentinel-0.redis:26379,sentinel-1.redis:26379,sentinel-2.redis:26379/handoff")
                .containsEntry("HANDOFF_PUBLIC_URL", "https://handoff.example.com")
                .containsEntry("HANDOFF_LOG_FORMAT", "logstash")
                .containsEntry("SLACK_API_URL", "https://slack.com/api/");
        assertThat(env).doesNotContainKey("REDIS_URL");
        assertThat(env.values()).allSatisfy(variable -> {
            assertThat(variable.getValue()).as(variable.getName()).isNull();
            assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("handoff-prod");
        });
        assertThat(rendered.kinds()).doesNotContain("Secret");
        assertThat(config.getData().keySet()).doesNotContainAnyElementsOf(
                SECRET_VARIABLES.stream().filter(name -> !name.equals("REDIS_URL")).toList());
    }

    @Test
    void aSingleReplicaGetsNoDisruptionBudgetThatWouldBlockEveryDrain() {
        assertThat(render("handoff", "--set", "replicaCount=1").kinds()).doesNotContain("PodDisruptionBudget");
        assertThat(render("handoff", "--set", "replicaCount=1", "--set", "autoscaling.enabled=true")
                .one(PodDisruptionBudget.class).getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    }

    @Test
    void aRedisUrlWithAPasswordInValuesIsRefused() {
        Helm.Result result = helm.run("template", "handoff", CHART.toString(), "--set",
                "redis.url=redis://:hunter2@redis.example:6379");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("redis.url holds credentials").doesNotContain("hunter2");
    }

    @Test
    void theSchemaRejectsValuesOfTheWrongType(@TempDir Path dir) throws IOException {
        Map<String, String> wrongValues = Map.of(
                "replicaCount: two\n", "replicaCount",
                "resources:\n  requests: {cpu: 250m, memory: 640Mi}\n  limits: {memory: true}\n", "resources.limits.memory",
                "ingress:\n  enabled: \"yes\"\n", "ingress.enabled",
                "config:\n  demoMode: sometimes\n", "config.demoMode",
                "service:\n  port: 80000\n", "service.port",
                "existingSecret: \"\"\n", "existingSecret",
                "redis:\n  url: localhost:6379\n", "redis.url",
                "replicas: 3\n", "replicas");
        for (Map.Entry<String, String> wrong : wrongValues.entrySet()) {
            Path values = Files.writeString(dir.resolve("wrong-" + wrong.getValue() + ".yaml"), wrong.getKey());

            Helm.Result result = helm.run("template", "handoff", CHART.toString(), "--values", values.toString());

            assertThat(result.exitCode()).as(wrong.getKey()).isNotZero();
            assertThat(result.stderr()).as(wrong.getKey()).contains("values don't meet the specifications of the schema")
                    .contains(wrong.getValue());
        }
    }

    @Test
    void theNotesTellTheSlackAndTeamsUrlsToConfigure(@TempDir Path dir) throws IOException {
        // helm template does not render NOTES.txt; render it through a ConfigMap in a copy of the chart.
        Path chart = copyChart(dir);
        Files.copy(chart.resolve("templates/NOTES.txt"), chart.resolve("notes-under-test.txt"));
        Files.writeString(chart.resolve("templates/notes-under-test.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: notes-under-test
                data:
                  notes: {{ tpl (.Files.Get "notes-under-test.txt") . | toJson }}
                """);

        String withIngress = KubernetesDocuments.parse(helm.run("template", "prod", chart.toString(), "--values",
                        FULL_VALUES.toString(), "--show-only", "templates/notes-under-test.yaml").output())
                .one(ConfigMap.class).getData().get("notes");
        String withoutPublicUrl = KubernetesDocuments.parse(helm.run("template", "handoff", chart.toString(),
                        "--show-only", "templates/notes-under-test.yaml").output())
                .one(ConfigMap.class).getData().get("notes");

        assertThat(withIngress).contains("https://handoff.example.com/slack/events",
                "https://handoff.example.com/slack/oauth_redirect", "https://handoff.example.com/slack/install",
                "https://handoff.example.com/api/messages", "handoff-prod");
        assertThat(withoutPublicUrl).contains("https://HOST/slack/events", "https://HOST/api/messages",
                "kubectl -n default port-forward svc/handoff");
    }

    private static Path copyChart(Path dir) throws IOException {
        Path target = dir.resolve("handoff");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
                Path copy = target.resolve(CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        return target;
    }

    @Test
    void thePlainManifestsAreTheChartDefaults() throws IOException {
        Map<String, Map<String, Object>> fromChart = comparable(defaults().all());
        Map<String, Map<String, Object>> plain = comparable(plainManifests(kustomizationResources()).all());

        assertThat(plain.keySet()).containsExactlyInAnyOrderElementsOf(fromChart.keySet());
        plain.forEach((name, resource) -> assertThat(resource).as(name).isEqualTo(fromChart.get(name)));
    }

    @Test
    void theOptionalPlainIngressIsTheChartsIngressForItsExampleHost() throws IOException {
        Map<String, Map<String, Object>> fromChart = comparable(render("handoff", "--set", "ingress.enabled=true",
                "--set", "ingress.host=handoff.example.com", "--show-only", "templates/ingress.yaml").all());

        assertThat(comparable(plainManifests(List.of("ingress.yaml")).all())).isEqualTo(fromChart);
        assertThat(Files.readString(MANIFESTS.resolve("kustomization.yaml"))).contains("# - ingress.yaml");
    }

    private static List<String> kustomizationResources() throws IOException {
        GenericKubernetesResource kustomization = KubernetesDocuments.parse(
                Files.readString(MANIFESTS.resolve("kustomization.yaml"))).custom("Kustomization");
        List<String> resources = kustomization.get("resources");
        assertThat(resources).isNotEmpty().allSatisfy(file -> assertThat(MANIFESTS.resolve(file)).isRegularFile());
        return resources;
    }

    private static KubernetesDocuments plainManifests(List<String> files) throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (String file : files) {
            yaml.append(Files.readString(MANIFESTS.resolve(file))).append("\n---\n");
        }
        KubernetesDocuments documents = KubernetesDocuments.parse(yaml.toString());
        assertThat(documents.all()).allSatisfy(resource -> assertThat(resource.getMetadata().getNamespace())
                .as("plain manifests are namespace-less").isNull());
        return documents;
    }

    /** Resources by kind/name as maps, without what only Helm adds (chart and manager labels, config checksum). */
    private static Map<String, Map<String, Object>> comparable(List<HasMetadata> resources) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (HasMetadata resource : resources) {
            Map<String, Object> map = KubernetesDocuments.asMap(resource);
            stripHelmMetadata(map);
            byName.put(resource.getKind() + "/" + resource.getMetadata().getName(), map);
        }
        return byName;
    }

    @SuppressWarnings("unchecked")
    private static void stripHelmMetadata(Map<String, Object> node) {
        for (Map.Entry<String, Object> entry : node.entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> child) {
                stripHelmMetadata((Map<String, Object>) child);
            }
        }
        if (node.get("labels") instanceof Map<?, ?> labels) {
            labels.keySet().removeAll(Set.of("helm.sh/chart", "app.kubernetes.io/managed-by"));
        }
        if (node.get("annotations") instanceof Map<?, ?> annotations) {
            annotations.remove("checksum/config");
            if (annotations.isEmpty()) {
                node.remove("annotations");
            }
        }
    }
}
