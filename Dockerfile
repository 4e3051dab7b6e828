# syntax=docker/dockerfile:1
# Builds the runtime from source and runs it on a JRE, on Linux x86_64. The database comes from SPRING_DATASOURCE_URL;
# without it the runtime falls back to its embedded PostgreSQL under RUNTIME_DATA_DIR. The image carries only what
# Linux x86_64 needs (docs/image.md): the linux-x86_64 profile keeps that platform's embedded PostgreSQL alone, and
# docker/image-layers.sh removes the other platforms' native libraries from the jars that carry several.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends zip unzip && rm -rf /var/lib/apt/lists/*
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
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests -Plinux-x86_64 package
COPY docker/image-layers.sh docker/image-layers.sh
RUN sh docker/image-layers.sh runtime-api/target/runtime-api.jar /layers

FROM eclipse-temurin:17-jre
# PostgreSQL refuses to run as root, and the embedded fallback cannot map users inside a container, so the runtime
# runs as an unprivileged user that owns its data directory.
RUN useradd --system --create-home --home-dir /app --uid 10001 runtime \
    && mkdir /data \
    && chown runtime /data
WORKDIR /app
# Spring Boot's layers, those that change least first, so a rebuild after a code change reuses the dependencies.
COPY --from=build /layers/dependencies/ /app/
COPY --from=build /layers/spring-boot-loader/ /app/
COPY --from=build /layers/snapshot-dependencies/ /app/
COPY --from=build /layers/application/ /app/
ENV RUNTIME_DATA_DIR=/data
USER runtime
EXPOSE 8080
# The heap the runtime needs under its heaviest load (bench/RESULTS.md), as the README's run command gives it.
ENTRYPOINT ["java", "-Xmx512m", "-jar", "/app/runtime-api.jar"]
