package io.handoff.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Kubernetes YAML (helm output or plain manifests) read with the fabric8 Kubernetes model, strictly: every document
 * must be a known kind (or a custom resource, read generically), and no field may be unknown to the model — a
 * misspelt {@code readinesProbe} would otherwise pass unnoticed into {@code additionalProperties}.
 */
public final class KubernetesDocuments {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Pattern SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    private final List<HasMetadata> resources;

    private KubernetesDocuments(List<HasMetadata> resources) {
        this.resources = List.copyOf(resources);
    }

    /** Parses every non-empty YAML document of {@code yaml}. */
    public static KubernetesDocuments parse(String yaml) {
        List<HasMetadata> parsed = new ArrayList<>();
        for (String document : SEPARATOR.split(yaml)) {
            if (document.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
                continue;
            }
            Object resource = SERIALIZATION.unmarshal(document);
            if (!(resource instanceof HasMetadata metadata)) {
                throw new AssertionError("not a Kubernetes resource: " + document);
            }
            if (!(resource instanceof GenericKubernetesResource)) {
                List<String> unknown = new ArrayList<>();
                collectUnknownFields(resource, metadata.getKind(), unknown, new IdentityHashMap<>());
                if (!unknown.isEmpty()) {
                    throw new AssertionError("fields the Kubernetes model does not know: " + unknown + " in\n" + document);
                }
            }
            parsed.add(metadata);
        }
        return new KubernetesDocuments(parsed);
    }

    public List<HasMetadata> all() {
        return resources;
    }

    /** The one resource of this type; fails when there is none or several. */
    public <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = every(type);
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + type.getSimpleName() + ", found " + found.size());
        }
        return found.get(0);
    }

    public <T extends HasMetadata> Optional<T> optional(Class<T> type) {
        List<T> found = every(type);
        return found.isEmpty() ? Optional.empty() : Optional.of(one(type));
    }

    public <T extends HasMetadata> List<T> every(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A custom resource (no model class here) by kind. */
    public GenericKubernetesResource custom(String kind) {
        return resources.stream().filter(r -> r instanceof GenericKubernetesResource && kind.equals(r.getKind()))
                .map(GenericKubernetesResource.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " among " + kinds()));
    }

    public List<String> kinds() {
        return resources.stream().map(HasMetadata::getKind).sorted().toList();
    }

    /** A model object as plain maps and lists (for comparing two resources field by field). */
    public static Map<String, Object> asMap(Object resource) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = SERIALIZATION.convertValue(resource, Map.class);
        return map;
    }

    private static void collectUnknownFields(Object node, String path, List<String> unknown, Map<Object, Object> seen) {
        if (node == null || seen.put(node, node) != null) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collectUnknownFields(value, path + "." + key, unknown, seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            String field = path + "." + decapitalise(getter.getName().substring(3));
            if (getter.getName().equals("getAdditionalProperties") && value instanceof Map<?, ?> extra) {
                extra.keySet().forEach(key -> unknown.add(path + "." + key));
            } else if (!SKIPPED_VALUE_TYPES.contains(getter.getReturnType())) {
                collectUnknownFields(value, field, unknown, seen);
            }
        }
    }

    private static final Set<Class<?>> SKIPPED_VALUE_TYPES = Set.of(String.class, Integer.class, Long.class,
            Boolean.class, Class.class);

    private static String decapitalise(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
