package com.flashsale.coupon.system.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be started on these machines (no Docker engine), so it is checked
 * against what it wires together: the variables and ports the services read in their
 * application.yml, their Dockerfiles, .env, and the Prometheus and Grafana files it mounts. The
 * file is interpolated with .env the way compose does it.
 */
class ComposeFileTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");
    private static final Pattern YML_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final Set<String> SPRING_SERVICES = Set.of("gateway", "worker");
    /** Variables Spring or the JVM read themselves, not through application.yml. */
    private static final Set<String> PLATFORM_VARIABLES = Set.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS");

    private static Path root;
    private static String composeText;
    private static Map<String, String> dotEnv;
    private static Map<String, Map<String, Object>> services;
    private static Map<String, Object> compose;

    @BeforeAll
    static void readComposeFile() throws IOException {
        root = findRoot();
        composeText = Files.readString(root.resolve("docker-compose.yml"));
        dotEnv = readDotEnv(root.resolve(".env"));
        compose = map(interpolate(new Yaml().load(composeText), dotEnv));
        services = new TreeMap<>();
        map(compose.get("services")).forEach((name, service) -> services.put(name, map(service)));
    }

    @Test
    void composeRunsTheWholeSystemAndK6OnlyUnderItsProfile() {
        assertThat(services).containsOnlyKeys("mysql", "redis", "kafka", "worker", "gateway", "prometheus", "grafana", "k6");
        assertThat(services.get("k6").get("profiles")).isEqualTo(List.of("load"));
        services.forEach((name, service) -> {
            if (!name.equals("k6")) {
                assertThat(service).as(name + " starts with a plain `docker compose up`").doesNotContainKey("profiles");
            }
        });
        assertThat(compose.toString()).as("KRaft: no ZooKeeper anywhere").doesNotContainIgnoringCase("zookeeper");
        assertThat(env("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        assertThat(list(services.get("redis").get("command"))).containsSequence("--appendonly", "yes");
        assertThat(services.get("mysql").get("image")).asString().startsWith("mysql:8.0.");
        assertThat(map(services.get("worker").get("deploy")).get("replicas")).as("worker replicas").isEqualTo(3);
    }

    @Test
    void everyImageAndBaseImageIsPinned() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        services.forEach((name, service) -> {
            if (service.containsKey("build")) {
                return;
            }
            String image = (String) service.get("image");
            softly.assertThat(image).as(name).matches("[a-z0-9./_-]+:v?\\d+(\\.\\d+)+.*");
        });
        for (Path dockerfile : dockerfiles().values()) {
            Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(Files.readString(dockerfile));
            while (from.find()) {
                softly.assertThat(from.group(1)).as(dockerfile.toString()).matches("[a-z0-9./_-]+:\\d+(\\.\\d+)+[-_.a-z0-9]*");
            }
        }
        softly.assertAll();
    }

    @Test
    void serviceImagesAreMultiStageLayeredNonRootAndHealthChecked() throws IOException {
        assertThat(dockerfiles()).containsOnlyKeys("gateway", "worker");
        for (Map.Entry<String, Path> entry : dockerfiles().entrySet()) {
            String dockerfile = Files.readString(entry.getValue());
            String what = entry.getValue().toString();
            assertThat(Pattern.compile("(?m)^FROM ").matcher(dockerfile).results().count()).as(what + " stages").isGreaterThanOrEqualTo(2);
            assertThat(dockerfile).as(what).contains("-Djarmode=tools", "extract --layers",
                    "org.springframework.boot.loader.launch.JarLauncher");
            for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
                assertThat(dockerfile).as(what + " copies layer " + layer).contains("/extracted/" + layer + "/");
            }
            Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
            assertThat(user.find()).as(what + " has a USER").isTrue();
            assertThat(user.group(1)).as(what + " runs as").doesNotStartWith("root").doesNotStartWith("0");
            assertThat(dockerfile).as(what).containsPattern("(?m)^HEALTHCHECK .*\\n?.*actuator/health/readiness");
            Path module = root.resolve((String) map(services.get(entry.getKey()).get("build")).get("dockerfile")).getParent();
            assertThat(dockerfile).as(what + " builds its own module").contains("-pl " + module.getFileName());
        }
    }

    @Test
    void everyDependencyWaitsUntilItsTargetIsHealthy() throws IOException {
        Map<String, Path> dockerfiles = dockerfiles();
        services.forEach((name, service) -> {
            if (!name.equals("k6")) {
                assertThat(service.containsKey("healthcheck") || dockerfiles.containsKey(name))
                        .as(name + " has a healthcheck (compose or its Dockerfile)").isTrue();
            }
            Object dependsOn = service.get("depends_on");
            if (dependsOn == null) {
                return;
            }
            assertThat(dependsOn).as(name + ": depends_on in the long form, with conditions").isInstanceOf(Map.class);
            map(dependsOn).forEach((target, condition) -> {
                assertThat(services).as(name + " depends on a service that exists").containsKey(target);
                assertThat(map(condition)).as(name + " -> " + target).containsEntry("condition", "service_healthy");
            });
        });
        assertThat(map(services.get("gateway").get("depends_on"))).containsKeys("redis", "kafka", "worker");
        assertThat(map(services.get("worker").get("depends_on"))).containsKeys("mysql", "redis", "kafka");
    }

    @Test
    void everyHostPortIsBoundToLoopbackAndEveryContainerPortIsOneTheServiceListensOn() {
        Map<String, Integer> listening = new LinkedHashMap<>();
        listening.put("mysql", 3306);
        listening.put("redis", 6379);
        listening.put("kafka", kafkaListenerPort("HOST"));
        listening.put("worker", Integer.parseInt(env("worker").get("SERVER_PORT")));
        listening.put("gateway", Integer.parseInt(env("gateway").get("GATEWAY_PORT")));
        listening.put("prometheus", 9090);
        listening.put("grafana", 3000);
        services.forEach((name, service) -> {
            for (Object port : list(service.getOrDefault("ports", List.of()))) {
                String mapping = String.valueOf(port);
                assertThat(mapping).as(name + " publishes on loopback only").startsWith("127.0.0.1:");
                assertThat(Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1))).as(name + " container port")
                        .isEqualTo(listening.get(name));
            }
        });
        assertThat(services.get("worker").get("ports")).as("replicas get a free host port each")
                .isEqualTo(List.of("127.0.0.1::8081"));
        assertThat(env("worker").get("SERVER_PORT")).isEqualTo("8081");
        assertThat(env("gateway").get("GATEWAY_PORT")).isEqualTo("8080");
    }

    @Test
    void servicesAreGivenOnlyVariablesTheyReadAndEveryOneTheyNeed() throws IOException {
        for (String name : SPRING_SERVICES) {
            String applicationYml = Files.readString(applicationYml(name));
            Set<String> placeholders = new HashSet<>();
            Set<String> required = new HashSet<>();
            Matcher placeholder = YML_PLACEHOLDER.matcher(applicationYml);
            while (placeholder.find()) {
                placeholders.add(placeholder.group(1));
                if (placeholder.group(2) == null) {
                    required.add(placeholder.group(1));
                }
            }
            Set<String> properties = new HashSet<>();
            for (Object document : new Yaml().loadAll(applicationYml)) {
                flatten("", document, properties);
            }
            for (String variable : env(name).keySet()) {
                boolean read = placeholders.contains(variable) || PLATFORM_VARIABLES.contains(variable)
                        || properties.contains(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
                assertThat(read).as("%s reads %s (a ${%s} in its application.yml, or a property it binds by relaxed binding)",
                        name, variable, variable).isTrue();
            }
            for (String variable : required) {
                assertThat(env(name)).as("%s needs %s: its yml has no default for it (prod profile)", name, variable)
                        .containsKey(variable);
            }
        }
    }

    @Test
    void connectionSettingsNameTheServicesThatProvideThem() {
        for (String name : SPRING_SERVICES) {
            Map<String, String> env = env(name);
            assertThat(env).as(name).containsEntry("REDIS_HOST", "redis").containsEntry("REDIS_PORT", "6379");
            String[] kafka = env.get("KAFKA_BOOTSTRAP_SERVERS").split(":");
            assertThat(services).containsKey(kafka[0]);
            assertThat(Integer.parseInt(kafka[1])).as(name + " uses Kafka's container listener").isEqualTo(kafkaListenerPort("PLAINTEXT"));
            assertThat(env.get("SPRING_PROFILES_ACTIVE")).as(name + " profile").isEqualTo(dotEnv.get("COUPON_PROFILE"));
        }
        for (String variable : List.of("AUTH_MODE", "AUTH_PUBLIC_KEY_LOCATION", "AUTH_JWK_SET_URI", "AUTH_ISSUER_URI", "AUTH_ISSUER",
                "AUTH_AUDIENCES")) {
            assertThat(env("worker").get(variable)).as(variable + ": one operator token serves both services")
                    .isEqualTo(env("gateway").get(variable));
        }
        Map<String, String> worker = env("worker");
        Map<String, String> mysql = env("mysql");
        assertThat(worker.get("MYSQL_HOST")).isEqualTo("mysql");
        assertThat(worker.get("MYSQL_PORT")).isEqualTo("3306");
        for (String variable : List.of("MYSQL_DATABASE", "MYSQL_USER", "MYSQL_PASSWORD")) {
            assertThat(worker.get(variable)).as(variable + " of the worker and of MySQL").isEqualTo(mysql.get(variable));
        }
        assertThat(env("k6").get("ADMIN_TOKEN")).isEqualTo(dotEnv.get("OPERATOR_TOKEN"));
        assertThat(env("k6").get("BASE_URL")).isEqualTo("http://gateway:" + env("gateway").get("GATEWAY_PORT"));
        assertThat(env("k6").get("WORKER_URL")).isEqualTo("http://worker:" + worker.get("SERVER_PORT"));
    }

    @Test
    void composeAsksForTokensAndOnlyTheLocalProfileTrustsTheRequest() throws IOException {
        assertThat(dotEnv.get("COUPON_PROFILE")).as("compose never runs the trusted local profile").isNotEqualTo("local");
        assertThat(dotEnv.get("AUTH_MODE")).isEqualTo("jwt");
        for (String name : SPRING_SERVICES) {
            for (Object document : new Yaml().loadAll(Files.readString(applicationYml(name)))) {
                Map<String, Object> doc = map(document);
                Object profile = path(doc, "spring", "config", "activate", "on-profile");
                Object mode = path(doc, "coupon", "auth", "mode");
                if (profile == null) {
                    assertThat(mode).as(name + ": tokens by default").isEqualTo("${AUTH_MODE:jwt}");
                } else if (mode != null) {
                    assertThat(profile).as(name + ": only the local profile trusts the request by default").isEqualTo("local");
                }
            }
            String keyLocation = env(name).get("AUTH_PUBLIC_KEY_LOCATION");
            assertThat(keyLocation).startsWith("file:");
            assertThat(list(services.get(name).get("volumes"))).as(name + " mounts the public key where it reads it")
                    .anySatisfy(volume -> assertThat(String.valueOf(volume)).endsWith(":" + keyLocation.substring("file:".length()) + ":ro"));
        }
    }

    @Test
    void theDevelopmentPublicKeyIsTheOneMakeUpCreates() throws IOException {
        assertThat(dotEnv.get("AUTH_PUBLIC_KEY_FILE")).isEqualTo("./.local/auth/public.pem");
        assertThat(Files.readString(root.resolve("make/load.mk"))).containsPattern("(?m)^up: dev-keys");
        assertThat(Files.readString(root.resolve("scripts/dev-keys.sh"))).contains("DIR=${AUTH_KEY_DIR:-$ROOT/.local/auth}",
                "\"$DIR/public.pem\"");
    }

    @Test
    void workerTopicsAndPartitionsAgreeWithTheGatewayAndCoverEveryConsumer() {
        Map<String, String> gateway = env("gateway");
        Map<String, String> worker = env("worker");
        assertThat(worker.get("COUPON_KAFKA_ISSUEDTOPIC")).isEqualTo(gateway.get("COUPON_ISSUED_TOPIC"));
        assertThat(worker.get("COUPON_KAFKA_DEADLETTERTOPIC")).isEqualTo(gateway.get("COUPON_ISSUED_TOPIC") + ".DLQ");
        assertThat(worker.get("COUPON_KAFKA_PARTITIONS")).isEqualTo(gateway.get("COUPON_ISSUED_PARTITIONS"));
        int replicas = (Integer) map(services.get("worker").get("deploy")).get("replicas");
        int consumers = replicas * Integer.parseInt(worker.get("COUPON_KAFKA_CONCURRENCY"));
        assertThat(consumers).as("replicas x concurrency <= partitions, or consumers sit idle")
                .isLessThanOrEqualTo(Integer.parseInt(gateway.get("COUPON_ISSUED_PARTITIONS")));
    }

    @Test
    void mountsExistAndMatchWhatPrometheusGrafanaAndK6Expect() throws IOException {
        Set<String> namedVolumes = map(compose.get("volumes")).keySet();
        Map<String, String> mounts = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            for (Object volume : list(service.getOrDefault("volumes", List.of()))) {
                String[] parts = String.valueOf(volume).split(":");
                if (parts[0].startsWith("./.local/")) {
                    // Local state that `make up` creates first (the development key pair): not in a clean clone.
                    mounts.put(parts[1], parts[0]);
                } else if (parts[0].startsWith("./")) {
                    assertThat(root.resolve(parts[0])).as(name + " mounts " + parts[0]).exists();
                    mounts.put(parts[1], parts[0]);
                } else {
                    assertThat(namedVolumes).as(name + " uses a declared volume").contains(parts[0]);
                }
            }
        });
        assertThat(mounts).containsEntry("/etc/prometheus", "./prometheus");
        String prometheus = Files.readString(root.resolve("prometheus/prometheus.yml"));
        for (String name : SPRING_SERVICES) {
            String port = name.equals("gateway") ? env(name).get("GATEWAY_MANAGEMENT_PORT") : env(name).get("WORKER_MANAGEMENT_PORT");
            assertThat(port).as(name + "'s management port").isNotNull().isNotEqualTo(name.equals("gateway")
                    ? env(name).get("GATEWAY_PORT") : env(name).get("SERVER_PORT"));
            assertThat(prometheus).as("Prometheus scrapes every %s replica by its service name, on its management port", name)
                    .containsPattern("names:\\s*\\[\\s*" + name + "\\s*]\\s*\\n\\s*type:\\s*A\\s*\\n\\s*port:\\s*" + port);
        }
        String provider = Files.readString(root.resolve("grafana/provisioning/dashboards").resolve(onlyYml("grafana/provisioning/dashboards")));
        Matcher path = Pattern.compile("(?m)^\\s+path:\\s*(\\S+)").matcher(provider);
        assertThat(path.find()).isTrue();
        assertThat(mounts).as("the dashboards are mounted where the provider reads them").containsEntry(path.group(1), "./grafana/dashboards");
        String datasource = Files.readString(root.resolve("grafana/provisioning/datasources").resolve(onlyYml("grafana/provisioning/datasources")));
        assertThat(datasource).as("Grafana reaches Prometheus by its service name").contains("url: http://prometheus:9090");
        assertThat(mounts).containsKeys("/etc/grafana/provisioning/datasources", "/etc/grafana/provisioning/dashboards");

        List<Object> k6Command = list(services.get("k6").get("command"));
        String script = String.valueOf(k6Command.get(k6Command.size() - 1));
        assertThat(script).startsWith("/scripts/");
        assertThat(root.resolve(mounts.get("/scripts")).resolve(script.substring("/scripts/".length()))).isRegularFile();
        assertThat(mounts).containsEntry(env("k6").get("SUMMARY_DIR"), "./k6/results");
    }

    @Test
    void dotEnvDocumentsEveryVariableWithTheComposeFilesDefault() {
        Map<String, String> defaults = new TreeMap<>();
        Matcher variable = VARIABLE.matcher(composeText);
        while (variable.find()) {
            assertThat(variable.group(2)).as("${%s} has a default, so the file works without .env", variable.group(1)).isNotNull();
            String previous = defaults.put(variable.group(1), variable.group(2));
            assertThat(previous == null || previous.equals(variable.group(2))).as("one default for " + variable.group(1)).isTrue();
        }
        assertThat(dotEnv).as(".env holds every variable of docker-compose.yml").containsKeys(defaults.keySet().toArray(String[]::new));
        defaults.forEach((name, fallback) -> assertThat(dotEnv.get(name)).as(".env and the compose default of " + name).isEqualTo(fallback));
        for (String name : dotEnv.keySet()) {
            assertThat(name.startsWith("COMPOSE_") || defaults.containsKey(name)).as(name + " in .env is used by compose").isTrue();
        }
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Optional<List<String>> composeCommand = composeCommand();
        assertThat(composeCommand).as("neither 'docker compose' nor 'docker-compose' is installed:"
                + " scripts/infra/install.sh (run by 'make test') installs Debian's docker-compose").isPresent();
        List<String> command = new ArrayList<>(composeCommand.get());
        command.addAll(List.of("-f", root.resolve("docker-compose.yml").toString(), "config", "-q"));
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s config:%n%s", String.join(" ", composeCommand.get()), output).isZero();
    }

    private static Optional<List<String>> composeCommand() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            try {
                Process probe = new ProcessBuilder(concat(candidate, "version")).redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return Optional.of(candidate);
                }
            } catch (IOException | InterruptedException e) {
                // not installed: try the next one
            }
        }
        return Optional.empty();
    }

    private static List<String> concat(List<String> command, String argument) {
        List<String> all = new ArrayList<>(command);
        all.add(argument);
        return all;
    }

    private static int kafkaListenerPort(String listener) {
        Matcher port = Pattern.compile(listener + "://[^:,]*:(\\d+)").matcher(env("kafka").get("KAFKA_LISTENERS"));
        assertThat(port.find()).as("Kafka has a %s listener", listener).isTrue();
        return Integer.parseInt(port.group(1));
    }

    private static Map<String, Path> dockerfiles() {
        Map<String, Path> dockerfiles = new TreeMap<>();
        services.forEach((name, service) -> {
            if (service.get("build") != null) {
                Map<String, Object> build = map(service.get("build"));
                assertThat(build.get("context")).as(name + " builds from the repository root").isEqualTo(".");
                Path dockerfile = root.resolve((String) build.get("dockerfile"));
                assertThat(dockerfile).isRegularFile();
                dockerfiles.put(name, dockerfile);
            }
        });
        return dockerfiles;
    }

    private static Path applicationYml(String service) {
        Path dockerfile = dockerfiles().get(service);
        return dockerfile.getParent().resolve("src/main/resources/application.yml");
    }

    private static String onlyYml(String folder) throws IOException {
        try (var files = Files.list(root.resolve(folder))) {
            List<String> yml = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yml")).toList();
            assertThat(yml).as(folder).hasSize(1);
            return yml.get(0);
        }
    }

    private static Map<String, String> env(String service) {
        Map<String, String> env = new TreeMap<>();
        Object environment = services.get(service).get("environment");
        assertThat(environment).as(service + ": environment as a map").isInstanceOf(Map.class);
        map(environment).forEach((key, value) -> env.put(key, String.valueOf(value)));
        return env;
    }

    private static void flatten(String prefix, Object node, Set<String> properties) {
        if (node instanceof Map<?, ?> children) {
            children.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, properties));
        } else if (!prefix.isEmpty()) {
            // Relaxed binding's canonical form: lower case, no dashes (coupon.kafka.issued-topic -> coupon.kafka.issuedtopic).
            properties.add(prefix.toLowerCase(Locale.ROOT).replace("-", ""));
        }
    }

    /** Compose's interpolation of the forms this file uses: ${NAME}, ${NAME:-default}, ${NAME-default}, $$. */
    private static Object interpolate(Object node, Map<String, String> variables) {
        if (node instanceof Map<?, ?> children) {
            Map<String, Object> result = new LinkedHashMap<>();
            children.forEach((key, value) -> result.put(String.valueOf(key), interpolate(value, variables)));
            return result;
        }
        if (node instanceof List<?> items) {
            return items.stream().map(item -> interpolate(item, variables)).toList();
        }
        if (node instanceof String text) {
            String escaped = text.replace("$$", "\u0000");
            Matcher variable = VARIABLE.matcher(escaped);
            StringBuilder result = new StringBuilder();
            while (variable.find()) {
                String value = variables.get(variable.group(1));
                if (value == null || value.isEmpty() && variable.group(0).contains(":-")) {
                    value = variable.group(2) == null ? "" : variable.group(2);
                }
                variable.appendReplacement(result, Matcher.quoteReplacement(value));
            }
            variable.appendTail(result);
            String interpolated = result.toString().replace("\u0000", "$");
            // Compose turns "${WORKER_REPLICAS:-3}" into the number where the schema wants one.
            return interpolated.matches("\\d+") && !text.equals(interpolated) ? Integer.valueOf(interpolated) : interpolated;
        }
        return node;
    }

    private static Map<String, String> readDotEnv(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            assertThat(equals).as(".env line '%s' is NAME=value", line).isPositive();
            values.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
        }
        return values;
    }

    private static Object path(Map<String, Object> node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> children)) {
                return null;
            }
            current = children.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<Object>) node;
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No docker-compose.yml above " + Path.of("").toAbsolutePath());
    }
}
