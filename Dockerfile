# syntax=docker/dockerfile:1.7
# Image of either service. The build argument SERVICE names its module, PORT and MANAGEMENT_PORT the
# ports it listens on unless told otherwise (its application.yml's). Build from the repository root,
# which holds the parent pom and shared-events:
#   docker build --build-arg SERVICE=coupon-gateway-service --build-arg PORT=8080 --build-arg MANAGEMENT_PORT=8082 -t coupon-gateway-service .
#   docker build --build-arg SERVICE=coupon-worker-service --build-arg PORT=8081 --build-arg MANAGEMENT_PORT=8083 -t coupon-worker-service .
# (docker compose builds them that way).

FROM maven:3.9.11-eclipse-temurin-21-noble AS build
ARG SERVICE
WORKDIR /src
# The whole reactor is copied (.dockerignore drops build output and local state): Maven needs every
# module the root pom lists, and a new module must not break the image build.
COPY . .
# The Maven repository is a cache mount, so dependencies are downloaded once, not on every change.
RUN --mount=type=cache,target=/root/.m2 \
    : "${SERVICE:?build with --build-arg SERVICE=coupon-gateway-service or coupon-worker-service}" \
    && mvn -B -ntp -q -pl "${SERVICE}" -am package -DskipTests

FROM eclipse-temurin:21.0.9_10-jre-noble AS layers
ARG SERVICE
WORKDIR /layers
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:21.0.9_10-jre-noble
ARG PORT
ARG MANAGEMENT_PORT
RUN groupadd --system --gid 10001 coupon \
    && useradd --system --uid 10001 --gid coupon --no-create-home --shell /usr/sbin/nologin coupon
WORKDIR /app
# Spring Boot's layers, least often changed first: a code change rebuilds only the last layer.
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER coupon:coupon
# PORT: the API; MANAGEMENT_PORT: the actuator (health, readiness, metrics), for Prometheus and probes only.
EXPOSE ${PORT} ${MANAGEMENT_PORT}
ENV ACTUATOR_PORT=${MANAGEMENT_PORT}
# Readiness, not liveness: healthy means the stores it needs answer, which is what depends_on waits for.
# Asked on the management port, where the actuator listens: the one the container's environment gives the
# service (the gateway reads GATEWAY_MANAGEMENT_PORT, the worker WORKER_MANAGEMENT_PORT), else the image's.
# bash's /dev/tcp, so the check needs no HTTP client.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${GATEWAY_MANAGEMENT_PORT:-${WORKER_MANAGEMENT_PORT:-$ACTUATOR_PORT}} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
