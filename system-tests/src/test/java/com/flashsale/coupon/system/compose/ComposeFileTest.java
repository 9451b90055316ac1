package com.flashsale.coupon.system.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and docker-compose.ha.yml cannot be started on these machines (no Docker engine),
 * so they are checked against what they wire together: the variables and ports the services read in
 * their application.yml, the Dockerfile they are built from, .env, and the Prometheus, Grafana, nginx and Redis Cluster
 * files they mount. The files are interpolated with .env the way compose does it.
 */
class ComposeFileTest {

    private static final String BASE = "docker-compose.yml";
    private static final String HA = "docker-compose.ha.yml";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");
    private static final Pattern YML_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final Set<String> SPRING_SERVICES = Set.of("gateway", "worker");
    /** Variables Spring or the JVM read themselves, not through application.yml. */
    private static final Set<String> PLATFORM_VARIABLES = Set.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS");
    private static final List<String> REDIS_NODES = List.of("redis-1", "redis-2", "redis-3", "redis-4", "redis-5", "redis-6");
    private static final List<String> BROKERS = List.of("kafka-1", "kafka-2", "kafka-3");
    private static final List<String> GATEWAYS = List.of("gateway-1", "gateway-2");

    private static Path root;
    private static Map<String, String> dotEnv;
    private static final Map<String, ComposeFile> files = new TreeMap<>();
    // docker-compose.yml, which most checks of one file read.
    private static Map<String, Map<String, Object>> services;
    private static Map<String, Object> compose;

    @BeforeAll
    static void readComposeFiles() throws IOException {
        root = findRoot();
        dotEnv = readDotEnv(root.resolve(".env"));
        for (String name : List.of(BASE, HA)) {
            String text = Files.readString(root.resolve(name));
            Map<String, Object> interpolated = map(interpolate(new Yaml().load(text), dotEnv));
            Map<String, Map<String, Object>> byName = new TreeMap<>();
            map(interpolated.get("services")).forEach((service, definition) -> byName.put(service, map(definition)));
            files.put(name, new ComposeFile(name, text, interpolated, byName));
        }
        compose = files.get(BASE).compose();
        services = files.get(BASE).services();
    }

    private record ComposeFile(String name, String text, Map<String, Object> compose, Map<String, Map<String, Object>> services) {

        Map<String, Object> service(String service) {
            assertThat(services).as(name).containsKey(service);
            return services.get(service);
        }

        Map<String, String> env(String service) {
            Map<String, String> env = new TreeMap<>();
            Object environment = service(service).get("environment");
            assertThat(environment).as(name + " " + service + ": environment as a map").isInstanceOf(Map.class);
            map(environment).forEach((key, value) -> env.put(key, String.valueOf(value)));
            return env;
        }

        /** Services built from the Dockerfile (the gateway's and the worker's images), by service name. */
        Map<String, Path> dockerfiles() {
            Map<String, Path> dockerfiles = new TreeMap<>();
            services.forEach((service, definition) -> {
                if (definition.get("build") != null) {
                    Map<String, Object> build = map(definition.get("build"));
                    assertThat(build.get("context")).as(service + " builds from the repository root").isEqualTo(".");
                    Path dockerfile = root.resolve((String) build.get("dockerfile"));
                    assertThat(dockerfile).isRegularFile();
                    dockerfiles.put(service, dockerfile);
                }
            });
            return dockerfiles;
        }

        /** The build arguments of a service built from the Dockerfile. */
        Map<String, String> buildArgs(String service) {
            Map<String, String> args = new TreeMap<>();
            Object given = map(service(service).get("build")).get("args");
            assertThat(given).as(name + " " + service + ": build args as a map").isInstanceOf(Map.class);
            map(given).forEach((key, value) -> args.put(key, String.valueOf(value)));
            return args;
        }

        /** The module the image of SERVICE is built from: its build argument SERVICE. */
        Path module(String service) {
            Path module = root.resolve(buildArgs(service).get("SERVICE"));
            assertThat(module.resolve("pom.xml")).as(name + " " + service + " builds a module of the reactor").isRegularFile();
            return module;
        }

        /** gateway or worker: which of the two services SERVICE runs. */
        String springService(String service) {
            return module(service).getFileName().toString().replace("coupon-", "").replace("-service", "");
        }

        Path applicationYml(String service) {
            return module(service).resolve("src/main/resources/application.yml");
        }

        /** Host path of each bind mount, by container path. */
        Map<String, String> mounts() {
            Map<String, String> mounts = new LinkedHashMap<>();
            services.forEach((service, definition) -> {
                for (Object volume : list(definition.getOrDefault("volumes", List.of()))) {
                    String[] parts = String.valueOf(volume).split(":");
                    if (parts[0].startsWith("./")) {
                        mounts.put(parts[1], parts[0]);
                    }
                }
            });
            return mounts;
        }
    }

    // ---- docker-compose.yml ---------------------------------------------------------------------

    @Test
    void composeRunsTheWholeSystemAndK6OnlyUnderItsProfile() {
        assertThat(services).containsOnlyKeys("mysql", "redis", "kafka", "worker", "gateway", "prometheus", "grafana", "k6");
        assertOnlyK6HasAProfile(files.get(BASE));
        assertThat(compose.toString()).as("KRaft: no ZooKeeper anywhere").doesNotContainIgnoringCase("zookeeper");
        assertThat(env("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        assertThat(list(services.get("redis").get("command"))).containsSequence("--appendonly", "yes");
        assertThat(services.get("mysql").get("image")).asString().startsWith("mysql:8.0.");
        assertThat(map(services.get("worker").get("deploy")).get("replicas")).as("worker replicas").isEqualTo(3);
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
            assertThat(dockerfile).as(what + " builds the module its build argument names").contains("-pl \"${SERVICE}\"");
            assertThat(files.get(BASE).springService(entry.getKey())).as(entry.getKey() + ": image of its own service").isEqualTo(entry.getKey());
        }
    }

    @Test
    void theGatewayWaitsForItsStoresAndTheWorker() {
        assertThat(map(services.get("gateway").get("depends_on"))).containsKeys("redis", "kafka", "worker");
        assertThat(map(services.get("worker").get("depends_on"))).containsKeys("mysql", "redis", "kafka");
    }

    @Test
    void replicasGetAFreeHostPortEach() {
        assertThat(services.get("worker").get("ports")).as("replicas get a free host port each").isEqualTo(List.of("127.0.0.1::8081"));
        assertThat(env("worker").get("SERVER_PORT")).isEqualTo("8081");
        assertThat(env("gateway").get("GATEWAY_PORT")).isEqualTo("8080");
    }

    @Test
    void connectionSettingsNameTheServicesThatProvideThem() {
        for (String name : SPRING_SERVICES) {
            Map<String, String> env = env(name);
            assertThat(env).as(name).containsEntry("REDIS_HOST", "redis").containsEntry("REDIS_PORT", "6379");
            String[] kafka = env.get("KAFKA_BOOTSTRAP_SERVERS").split(":");
            assertThat(services).containsKey(kafka[0]);
            assertThat(Integer.parseInt(kafka[1])).as(name + " uses Kafka's container listener").isEqualTo(kafkaListenerPort(files.get(BASE), "kafka", "PLAINTEXT"));
            assertThat(env.get("SPRING_PROFILES_ACTIVE")).as(name + " profile").isEqualTo(dotEnv.get("COUPON_PROFILE"));
        }
        assertWorkerUsesMySqlsSettings(files.get(BASE));
        assertThat(env("k6").get("BASE_URL")).isEqualTo("http://gateway:" + env("gateway").get("GATEWAY_PORT"));
        assertThat(env("k6").get("WORKER_URL")).isEqualTo("http://worker:" + env("worker").get("SERVER_PORT"));
    }

    @Test
    void theDevelopmentPublicKeyIsTheOneMakeUpCreates() throws IOException {
        assertThat(dotEnv.get("COUPON_PROFILE")).as("compose never runs the trusted local profile").isNotEqualTo("local");
        assertThat(dotEnv.get("AUTH_MODE")).isEqualTo("jwt");
        assertThat(dotEnv.get("AUTH_PUBLIC_KEY_FILE")).isEqualTo("./.local/auth/public.pem");
        assertThat(Files.readString(root.resolve("make/load.mk"))).containsPattern("(?m)^up: dev-keys");
        assertThat(Files.readString(root.resolve("scripts/dev-keys.sh"))).contains("DIR=${AUTH_KEY_DIR:-$ROOT/.local/auth}",
                "\"$DIR/public.pem\"");
    }

    @Test
    void workerTopicsAndPartitionsAgreeWithTheGatewayAndCoverEveryConsumer() {
        assertTopicsAgree(files.get(BASE), "gateway");
    }

    @Test
    void prometheusGrafanaAndK6MountsMatchWhatTheyExpect() throws IOException {
        Map<String, String> mounts = files.get(BASE).mounts();
        String prometheus = Files.readString(root.resolve("prometheus/prometheus.yml"));
        for (String name : SPRING_SERVICES) {
            assertThat(prometheus).as("Prometheus scrapes every %s replica by its service name, on its management port", name)
                    .containsPattern(prometheusScrapes(name, managementPort(files.get(BASE), name)));
        }
        assertGrafanaAndK6Mounts(files.get(BASE), mounts);
    }

    @Test
    void dotEnvDocumentsEveryVariableWithTheComposeFilesDefault() {
        Set<String> used = new HashSet<>();
        for (ComposeFile file : files.values()) {
            Map<String, String> defaults = defaults(file);
            assertThat(dotEnv).as(".env holds every variable of " + file.name()).containsKeys(defaults.keySet().toArray(String[]::new));
            defaults.forEach((name, fallback) -> assertThat(dotEnv.get(name)).as(".env and the default of %s in %s", name, file.name())
                    .isEqualTo(fallback));
            used.addAll(defaults.keySet());
        }
        for (String name : dotEnv.keySet()) {
            assertThat(name.startsWith("COMPOSE_") || used.contains(name)).as(name + " in .env is used by a compose file").isTrue();
        }
    }

    // ---- both files -----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {BASE, HA})
    void everyImageAndBaseImageIsPinned(String name) throws IOException {
        ComposeFile file = files.get(name);
        SoftAssertions softly = new SoftAssertions();
        file.services().forEach((service, definition) -> {
            if (definition.containsKey("build")) {
                return;
            }
            softly.assertThat((String) definition.get("image")).as(name + " " + service).matches("[a-z0-9./_-]+:v?\\d+(\\.\\d+)+.*");
        });
        for (Path dockerfile : file.dockerfiles().values()) {
            Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(Files.readString(dockerfile));
            while (from.find()) {
                softly.assertThat(from.group(1)).as(dockerfile.toString()).matches("[a-z0-9./_-]+:\\d+(\\.\\d+)+[-_.a-z0-9]*");
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, HA})
    void everyDependencyWaitsUntilItsTargetIsHealthyOrAOneShotHasFinished(String name) {
        ComposeFile file = files.get(name);
        Map<String, Path> dockerfiles = file.dockerfiles();
        file.services().forEach((service, definition) -> {
            boolean oneShot = "no".equals(String.valueOf(definition.get("restart")));
            if (!service.equals("k6") && !oneShot) {
                assertThat(definition.containsKey("healthcheck") || dockerfiles.containsKey(service))
                        .as(name + " " + service + " has a healthcheck (compose or its Dockerfile)").isTrue();
            }
            Object dependsOn = definition.get("depends_on");
            if (dependsOn == null) {
                return;
            }
            assertThat(dependsOn).as(service + ": depends_on in the long form, with conditions").isInstanceOf(Map.class);
            map(dependsOn).forEach((target, condition) -> {
                assertThat(file.services()).as(service + " depends on a service that exists").containsKey(target);
                boolean targetIsOneShot = "no".equals(String.valueOf(file.services().get(target).get("restart")));
                assertThat(map(condition)).as(name + ": " + service + " -> " + target)
                        .containsEntry("condition", targetIsOneShot ? "service_completed_successfully" : "service_healthy");
            });
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, HA})
    void everyHostPortIsBoundToLoopbackAndEveryContainerPortIsOneTheServiceListensOn(String name) throws IOException {
        ComposeFile file = files.get(name);
        for (Map.Entry<String, Map<String, Object>> service : file.services().entrySet()) {
            for (Object port : list(service.getValue().getOrDefault("ports", List.of()))) {
                String mapping = String.valueOf(port);
                assertThat(mapping).as(name + " " + service.getKey() + " publishes on loopback only").startsWith("127.0.0.1:");
                assertThat(Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1))).as(name + " " + service.getKey() + " container port")
                        .isEqualTo(listeningPort(file, service.getKey()));
            }
        }
        // The image exposes its ports and health-checks the actuator's, unless the environment names another.
        for (String service : file.dockerfiles().keySet()) {
            Map<String, String> args = file.buildArgs(service);
            assertThat(args.get("PORT")).as(name + " " + service + ": the port its image exposes")
                    .isEqualTo(String.valueOf(listeningPort(file, service)));
            assertThat(args.get("MANAGEMENT_PORT")).as(name + " " + service + ": the actuator port its image exposes")
                    .isEqualTo(managementPort(file, service));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, HA})
    void servicesAreGivenOnlyVariablesTheyReadAndEveryOneTheyNeed(String name) throws IOException {
        ComposeFile file = files.get(name);
        assertThat(file.dockerfiles()).as(name + " runs the gateway and the worker").isNotEmpty();
        for (String service : file.dockerfiles().keySet()) {
            String applicationYml = Files.readString(file.applicationYml(service));
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
            for (String variable : file.env(service).keySet()) {
                boolean read = placeholders.contains(variable) || PLATFORM_VARIABLES.contains(variable)
                        || properties.contains(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
                assertThat(read).as("%s %s reads %s (a ${%s} in its application.yml, or a property it binds by relaxed binding)",
                        name, service, variable, variable).isTrue();
            }
            for (String variable : required) {
                assertThat(file.env(service)).as("%s %s needs %s: its yml has no default for it (prod profile)", name, service, variable)
                        .containsKey(variable);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, HA})
    void everyMountedFileExistsAndEveryVolumeIsDeclared(String name) {
        ComposeFile file = files.get(name);
        Set<String> namedVolumes = map(file.compose().get("volumes")).keySet();
        file.services().forEach((service, definition) -> {
            for (Object volume : list(definition.getOrDefault("volumes", List.of()))) {
                String[] parts = String.valueOf(volume).split(":");
                if (parts[0].startsWith("./.local/")) {
                    // Local state that `make up` creates first (the development key pair): not in a clean clone.
                    continue;
                }
                if (parts[0].startsWith("./")) {
                    assertThat(root.resolve(parts[0])).as(name + " " + service + " mounts " + parts[0]).exists();
                } else {
                    assertThat(namedVolumes).as(name + " " + service + " uses a declared volume").contains(parts[0]);
                }
            }
        });
        assertThat(file.mounts()).containsEntry("/etc/prometheus", "./prometheus");
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, HA})
    void dockerComposeAcceptsTheFile(String name) throws Exception {
        Optional<List<String>> composeCommand = composeCommand();
        assertThat(composeCommand).as("neither 'docker compose' nor 'docker-compose' is installed:"
                + " scripts/infra/install.sh (run by 'make test') installs Debian's docker-compose").isPresent();
        List<String> command = new ArrayList<>(composeCommand.get());
        command.addAll(List.of("-f", root.resolve(name).toString(), "config", "-q"));
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s config of %s:%n%s", String.join(" ", composeCommand.get()), name, output).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {BASE, HA})
    void composeAsksForTokensAndOnlyTheLocalProfileTrustsTheRequest(String name) throws IOException {
        ComposeFile file = files.get(name);
        Map<String, Path> dockerfiles = file.dockerfiles();
        String first = dockerfiles.keySet().iterator().next();
        for (String service : dockerfiles.keySet()) {
            for (Object document : new Yaml().loadAll(Files.readString(file.applicationYml(service)))) {
                Map<String, Object> doc = map(document);
                Object profile = path(doc, "spring", "config", "activate", "on-profile");
                Object mode = path(doc, "coupon", "auth", "mode");
                if (profile == null) {
                    assertThat(mode).as(name + " " + service + ": tokens by default").isEqualTo("${AUTH_MODE:jwt}");
                } else if (mode != null) {
                    assertThat(profile).as(name + " " + service + ": only the local profile trusts the request").isEqualTo("local");
                }
            }
            for (String variable : List.of("AUTH_MODE", "AUTH_PUBLIC_KEY_LOCATION", "AUTH_JWK_SET_URI", "AUTH_ISSUER_URI",
                    "AUTH_ISSUER", "AUTH_AUDIENCES")) {
                assertThat(file.env(service).get(variable)).as(name + " " + variable + ": one operator token serves every service")
                        .isEqualTo(file.env(first).get(variable));
            }
            assertThat(file.env(service).get("AUTH_MODE")).as(name + " " + service).isEqualTo("jwt");
            String keyLocation = file.env(service).get("AUTH_PUBLIC_KEY_LOCATION");
            assertThat(keyLocation).startsWith("file:");
            assertThat(list(file.service(service).get("volumes"))).as(name + " " + service + " mounts the public key where it reads it")
                    .anySatisfy(volume -> assertThat(String.valueOf(volume)).endsWith(":" + keyLocation.substring("file:".length()) + ":ro"));
            String management = managementPort(file, service);
            assertThat(management).as(name + " " + service + "'s management port").isNotNull()
                    .isNotEqualTo(String.valueOf(listeningPort(file, service)));
        }
        assertThat(file.env("k6").get("ADMIN_TOKEN")).as(name + ": k6 resets the sale with an operator's token")
                .isEqualTo(dotEnv.get("OPERATOR_TOKEN"));
        assertThat(file.env("k6").get("MEMBER_TOKENS")).as(name + ": k6 sends each member's own token, from the file .env names")
                .isEqualTo(dotEnv.get("MEMBER_TOKENS"));
    }

    // ---- docker-compose.ha.yml ------------------------------------------------------------------

    @Test
    void haRunsARedisClusterThreeBrokersTwoGatewaysBehindALoadBalancerAndTheWorkers() {
        ComposeFile ha = files.get(HA);
        Set<String> expected = new TreeSet<>(List.of("mysql", "redis-cluster-init", "worker", "lb", "prometheus", "grafana", "k6"));
        expected.addAll(REDIS_NODES);
        expected.addAll(BROKERS);
        expected.addAll(GATEWAYS);
        assertThat(ha.services().keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertOnlyK6HasAProfile(ha);
        assertThat(ha.compose().toString()).as("KRaft: no ZooKeeper anywhere").doesNotContainIgnoringCase("zookeeper");
        assertThat(((Number) map(ha.service("worker").get("deploy")).get("replicas")).intValue()).as("worker replicas").isGreaterThan(1);
        assertThat(ha.service("worker").get("ports")).isEqualTo(List.of("127.0.0.1::8081"));
        for (String shared : List.of("mysql", "prometheus", "grafana")) {
            assertThat(ha.service(shared).get("image")).as(shared + ": the image of docker-compose.yml").isEqualTo(services.get(shared).get("image"));
        }
    }

    @Test
    void haRedisNodesFormOneClusterWithAReplicaPerPrimaryAndAnAppendOnlyFileEach() throws IOException {
        ComposeFile ha = files.get(HA);
        Set<String> volumes = new HashSet<>();
        for (String node : REDIS_NODES) {
            Map<String, Object> service = ha.service(node);
            assertThat(service.get("image")).as(node + ": the Redis image of docker-compose.yml").isEqualTo(services.get("redis").get("image"));
            String command = String.join(" ", list(service.get("command")).stream().map(String::valueOf).toList());
            assertThat(command).as(node).contains("--port 6379", "--cluster-enabled yes", "--cluster-node-timeout 2000",
                    "--appendonly yes", "--appendfsync everysec");
            assertThat(service.get("hostname")).as(node + " announces its own name").isEqualTo(node);
            List<Object> nodeVolumes = list(service.get("volumes"));
            assertThat(nodeVolumes).as(node + " keeps /data (AOF, nodes.conf) in a volume of its own").hasSize(1);
            assertThat(String.valueOf(nodeVolumes.get(0))).endsWith(":/data");
            volumes.add(String.valueOf(nodeVolumes.get(0)));
        }
        assertThat(volumes).hasSize(REDIS_NODES.size());

        Map<String, Object> init = ha.service("redis-cluster-init");
        assertThat(init.get("restart")).as("runs once").isEqualTo("no");
        assertThat(map(init.get("depends_on")).keySet()).containsExactlyInAnyOrderElementsOf(REDIS_NODES);
        List<String> command = list(init.get("command")).stream().map(String::valueOf).toList();
        assertThat(command.subList(command.size() - REDIS_NODES.size(), command.size())).isEqualTo(REDIS_NODES);
        String script = command.stream().filter(part -> part.endsWith(".sh")).findFirst().orElseThrow();
        String source = ha.mounts().get(script);
        assertThat(source).as(script + " is mounted from the repository").isNotNull();
        assertThat(Files.readString(root.resolve(source))).contains("redis-cli --cluster create", "--cluster-replicas 1",
                "cluster_state:ok", "cluster_known_nodes");
    }

    @Test
    void haBrokersShareOneQuorumAndReplicateEveryTopicThreeTimes() {
        ComposeFile ha = files.get(HA);
        Set<String> nodeIds = new HashSet<>();
        Set<String> volumes = new HashSet<>();
        List<String> voters = new ArrayList<>();
        for (String broker : BROKERS) {
            Map<String, String> env = ha.env(broker);
            assertThat(ha.service(broker).get("image")).isEqualTo(services.get("kafka").get("image"));
            assertThat(env).as(broker)
                    .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                    .containsEntry("CLUSTER_ID", dotEnv.get("KAFKA_CLUSTER_ID"))
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
                    .containsEntry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "2")
                    .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                    .containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + broker + ":" + kafkaListenerPort(ha, broker, "PLAINTEXT"));
            nodeIds.add(env.get("KAFKA_NODE_ID"));
            voters.add(env.get("KAFKA_NODE_ID") + "@" + broker + ":" + kafkaListenerPort(ha, broker, "CONTROLLER"));
            volumes.add(String.valueOf(list(ha.service(broker).get("volumes")).get(0)));
        }
        assertThat(nodeIds).as("a node id each").hasSize(BROKERS.size());
        assertThat(volumes).as("a log directory each").hasSize(BROKERS.size());
        for (String broker : BROKERS) {
            assertThat(Arrays.asList(ha.env(broker).get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(",")))
                    .as(broker + ": every broker is a voter, at its controller listener").containsExactlyInAnyOrderElementsOf(voters);
        }
    }

    @Test
    void haServicesReachEveryRedisNodeAndBrokerAndCreateTopicsWithThreeReplicas() throws IOException {
        ComposeFile ha = files.get(HA);
        Set<String> redisNodes = REDIS_NODES.stream().map(node -> node + ":6379").collect(Collectors.toSet());
        Set<String> brokers = BROKERS.stream().map(broker -> broker + ":" + kafkaListenerPort(ha, broker, "PLAINTEXT")).collect(Collectors.toSet());
        for (String service : ha.dockerfiles().keySet()) {
            Map<String, String> env = ha.env(service);
            assertThat(Set.of(env.get("REDIS_CLUSTER_NODES").split(","))).as(service).isEqualTo(redisNodes);
            assertThat(Set.of(env.get("KAFKA_BOOTSTRAP_SERVERS").split(","))).as(service).isEqualTo(brokers);
            assertThat(env).as(service).containsEntry("KAFKA_REPLICATION_FACTOR", "3")
                    .containsEntry("SPRING_PROFILES_ACTIVE", dotEnv.get("COUPON_PROFILE") + ",redis-cluster");
            List<Map<String, Object>> cluster = profileDocuments(ha.applicationYml(service), "redis-cluster");
            assertThat(cluster).as(service + " has a redis-cluster profile").hasSize(1);
            assertThat(String.valueOf(path(cluster.get(0), "spring", "data", "redis", "cluster", "nodes")))
                    .as(service + ": the profile reads the nodes from REDIS_CLUSTER_NODES").startsWith("${REDIS_CLUSTER_NODES");
        }
        assertWorkerUsesMySqlsSettings(ha);
        assertTopicsAgree(ha, GATEWAYS.get(0));
    }

    @Test
    void haLoadBalancerSendsToBothGatewaysAndPrometheusScrapesBoth() throws IOException {
        ComposeFile ha = files.get(HA);
        assertThat(ha.dockerfiles().keySet().stream().filter(service -> ha.springService(service).equals("gateway")))
                .as("the gateway replicas").containsExactlyInAnyOrderElementsOf(GATEWAYS);
        for (String gateway : GATEWAYS) {
            assertThat(ha.service(gateway)).as(gateway + ": reached through the load balancer only").doesNotContainKey("ports");
            assertThat(ha.env(gateway)).as("both replicas alike").isEqualTo(ha.env(GATEWAYS.get(0)));
            assertThat(map(ha.service("lb").get("depends_on"))).containsKey(gateway);
        }
        String config = Files.readString(nginxConfig(ha));
        Matcher upstream = Pattern.compile("upstream\\s+(\\S+)\\s*\\{([^}]*)}").matcher(config);
        assertThat(upstream.find()).as("nginx.conf has an upstream").isTrue();
        Set<String> servers = new HashSet<>();
        Matcher server = Pattern.compile("(?m)^\\s*server\\s+([^:\\s]+):(\\d+)").matcher(upstream.group(2));
        while (server.find()) {
            servers.add(server.group(1) + ":" + server.group(2));
        }
        Set<String> gateways = GATEWAYS.stream().map(gateway -> gateway + ":" + ha.env(gateway).get("GATEWAY_PORT")).collect(Collectors.toSet());
        assertThat(servers).as("the load balancer sends to both gateways at their port").isEqualTo(gateways);
        assertThat(config).as("requests go to that upstream").contains("proxy_pass http://" + upstream.group(1) + ";");
        assertThat(ha.env("k6").get("BASE_URL")).as("k6 goes through the load balancer").isEqualTo("http://lb:" + listeningPort(ha, "lb"));

        // prometheus/prometheus.yml looks the replicas up by name: both gateways answer to "gateway".
        for (String gateway : GATEWAYS) {
            Object aliases = path(ha.service(gateway), "networks", "default", "aliases");
            assertThat(list(aliases)).as(gateway + " is found by Prometheus under the name gateway").contains("gateway");
        }
        String prometheus = Files.readString(root.resolve(ha.mounts().get("/etc/prometheus")).resolve("prometheus.yml"));
        assertThat(prometheus).containsPattern(prometheusScrapes("gateway", ha.env(GATEWAYS.get(0)).get("GATEWAY_MANAGEMENT_PORT")));
        assertThat(prometheus).containsPattern(prometheusScrapes("worker", ha.env("worker").get("WORKER_MANAGEMENT_PORT")));
        assertGrafanaAndK6Mounts(ha, ha.mounts());
    }

    // ---- shared checks --------------------------------------------------------------------------

    private static void assertOnlyK6HasAProfile(ComposeFile file) {
        assertThat(file.service("k6").get("profiles")).isEqualTo(List.of("load"));
        file.services().forEach((name, service) -> {
            if (!name.equals("k6")) {
                assertThat(service).as(file.name() + " " + name + " starts with a plain `docker compose up`").doesNotContainKey("profiles");
            }
        });
    }

    private static void assertWorkerUsesMySqlsSettings(ComposeFile file) {
        Map<String, String> worker = file.env("worker");
        Map<String, String> mysql = file.env("mysql");
        assertThat(worker.get("MYSQL_HOST")).isEqualTo("mysql");
        assertThat(worker.get("MYSQL_PORT")).isEqualTo("3306");
        for (String variable : List.of("MYSQL_DATABASE", "MYSQL_USER", "MYSQL_PASSWORD")) {
            assertThat(worker.get(variable)).as(variable + " of the worker and of MySQL").isEqualTo(mysql.get(variable));
        }
    }

    private static void assertTopicsAgree(ComposeFile file, String gatewayService) {
        Map<String, String> gateway = file.env(gatewayService);
        Map<String, String> worker = file.env("worker");
        assertThat(worker.get("COUPON_KAFKA_ISSUEDTOPIC")).isEqualTo(gateway.get("COUPON_ISSUED_TOPIC"));
        assertThat(worker.get("COUPON_KAFKA_DEADLETTERTOPIC")).isEqualTo(gateway.get("COUPON_ISSUED_TOPIC") + ".DLQ");
        assertThat(worker.get("COUPON_KAFKA_PARTITIONS")).isEqualTo(gateway.get("COUPON_ISSUED_PARTITIONS"));
        int replicas = ((Number) map(file.service("worker").get("deploy")).get("replicas")).intValue();
        int consumers = replicas * Integer.parseInt(worker.get("COUPON_KAFKA_CONCURRENCY"));
        assertThat(consumers).as("replicas x concurrency <= partitions, or consumers sit idle")
                .isLessThanOrEqualTo(Integer.parseInt(gateway.get("COUPON_ISSUED_PARTITIONS")));
    }

    private static void assertGrafanaAndK6Mounts(ComposeFile file, Map<String, String> mounts) throws IOException {
        String provider = Files.readString(root.resolve("grafana/provisioning/dashboards").resolve(onlyYml("grafana/provisioning/dashboards")));
        Matcher path = Pattern.compile("(?m)^\\s+path:\\s*(\\S+)").matcher(provider);
        assertThat(path.find()).isTrue();
        assertThat(mounts).as("the dashboards are mounted where the provider reads them").containsEntry(path.group(1), "./grafana/dashboards");
        String datasource = Files.readString(root.resolve("grafana/provisioning/datasources").resolve(onlyYml("grafana/provisioning/datasources")));
        assertThat(datasource).as("Grafana reaches Prometheus by its service name").contains("url: http://prometheus:9090");
        assertThat(file.services()).containsKey("prometheus");
        assertThat(mounts).containsKeys("/etc/grafana/provisioning/datasources", "/etc/grafana/provisioning/dashboards");

        List<Object> k6Command = list(file.service("k6").get("command"));
        String script = String.valueOf(k6Command.get(k6Command.size() - 1));
        assertThat(script).startsWith("/scripts/");
        assertThat(root.resolve(mounts.get("/scripts")).resolve(script.substring("/scripts/".length()))).isRegularFile();
        assertThat(mounts).containsEntry(file.env("k6").get("SUMMARY_DIR"), "./k6/results");
        assertThat(file.env("k6").get("WORKER_URL")).isEqualTo("http://worker:" + file.env("worker").get("SERVER_PORT"));
    }

    /** The management port (actuator) compose gives the gateway's or the worker's service. */
    private static String managementPort(ComposeFile file, String service) {
        String gateway = service.startsWith("gateway") ? service : null;
        return gateway != null ? file.env(gateway).get("GATEWAY_MANAGEMENT_PORT") : file.env(service).get("WORKER_MANAGEMENT_PORT");
    }

    private static String prometheusScrapes(String name, String port) {
        return "names:\\s*\\[\\s*" + name + "\\s*]\\s*\\n\\s*type:\\s*A\\s*\\n\\s*port:\\s*" + port;
    }

    /** The port a service of FILE listens on inside its container. */
    private static int listeningPort(ComposeFile file, String service) throws IOException {
        return switch (service) {
            case "mysql" -> 3306;
            case "redis" -> 6379;
            case "kafka" -> kafkaListenerPort(file, service, "HOST");
            case "prometheus" -> 9090;
            case "grafana" -> 3000;
            case "lb" -> {
                Matcher listen = Pattern.compile("(?m)^\\s*listen\\s+(\\d+);").matcher(Files.readString(nginxConfig(file)));
                assertThat(listen.find()).as("nginx.conf listens on a port").isTrue();
                yield Integer.parseInt(listen.group(1));
            }
            default -> {
                assertThat(file.dockerfiles()).as(file.name() + ": a port of " + service + " is known").containsKey(service);
                yield Integer.parseInt(file.springService(service).equals("gateway")
                        ? file.env(service).get("GATEWAY_PORT") : file.env(service).get("SERVER_PORT"));
            }
        };
    }

    private static Path nginxConfig(ComposeFile file) {
        String source = file.mounts().get("/etc/nginx/nginx.conf");
        assertThat(source).as(file.name() + ": the load balancer's configuration is mounted from the repository").isNotNull();
        Path config = root.resolve(source);
        assertThat(config).isRegularFile();
        return config;
    }

    private static Map<String, String> defaults(ComposeFile file) {
        Map<String, String> defaults = new TreeMap<>();
        Matcher variable = VARIABLE.matcher(file.text());
        while (variable.find()) {
            assertThat(variable.group(2)).as("${%s} in %s has a default, so the file works without .env", variable.group(1), file.name()).isNotNull();
            String previous = defaults.put(variable.group(1), variable.group(2));
            assertThat(previous == null || previous.equals(variable.group(2))).as("one default for " + variable.group(1)).isTrue();
        }
        return defaults;
    }

    private static List<Map<String, Object>> profileDocuments(Path applicationYml, String profile) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(applicationYml))) {
            Map<String, Object> doc = map(document);
            if (profile.equals(path(doc, "spring", "config", "activate", "on-profile"))) {
                documents.add(doc);
            }
        }
        return documents;
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

    private static int kafkaListenerPort(ComposeFile file, String broker, String listener) {
        Matcher port = Pattern.compile(listener + "://[^:,]*:(\\d+)").matcher(file.env(broker).get("KAFKA_LISTENERS"));
        assertThat(port.find()).as("%s has a %s listener", broker, listener).isTrue();
        return Integer.parseInt(port.group(1));
    }

    private static Map<String, Path> dockerfiles() {
        return files.get(BASE).dockerfiles();
    }

    private static String onlyYml(String folder) throws IOException {
        try (var files = Files.list(root.resolve(folder))) {
            List<String> yml = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yml")).toList();
            assertThat(yml).as(folder).hasSize(1);
            return yml.get(0);
        }
    }

    private static Map<String, String> env(String service) {
        return files.get(BASE).env(service);
    }

    private static void flatten(String prefix, Object node, Set<String> properties) {
        if (node instanceof Map<?, ?> children) {
            children.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, properties));
        } else if (!prefix.isEmpty()) {
            // Relaxed binding's canonical form: lower case, no dashes (coupon.kafka.issued-topic -> coupon.kafka.issuedtopic).
            properties.add(prefix.toLowerCase(Locale.ROOT).replace("-", ""));
        }
    }

    /** Compose's interpolation of the forms these files use: ${NAME}, ${NAME:-default}, ${NAME-default}, $$. */
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
