# syntax=docker/dockerfile:1
# Builds the runtime from source and runs it on a JRE. The database comes from SPRING_DATASOURCE_URL; without it the
# runtime falls back to its embedded PostgreSQL under RUNTIME_DATA_DIR.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Only sources and build files are copied, so local target/ folders and data/ never reach the image.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY runtime-core/pom.xml runtime-core/pom.xml
COPY runtime-core/src runtime-core/src
COPY realm-content/pom.xml realm-content/pom.xml
COPY realm-content/src realm-content/src
COPY runtime-api/pom.xml runtime-api/pom.xml
COPY runtime-api/src runtime-api/src
# The cache keeps Maven and the dependencies between builds.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package

FROM eclipse-temurin:17-jre
# PostgreSQL refuses to run as root, and the embedded fallback cannot map users inside a container, so the runtime
# runs as an unprivileged user that owns its data directory.
RUN useradd --system --create-home --home-dir /app --uid 10001 runtime \
    && mkdir /data \
    && chown runtime /data
WORKDIR /app
COPY --from=build /src/runtime-api/target/runtime-api.jar /app/runtime-api.jar
ENV RUNTIME_DATA_DIR=/data
USER runtime
EXPOSE 8080
# The heap the runtime needs under its heaviest load (bench/RESULTS.md), as the README's run command gives it.
ENTRYPOINT ["java", "-Xmx512m", "-jar", "/app/runtime-api.jar"]
