# One image recipe for all four services; docker-compose.yml passes MODULE.
# The build stage does not depend on MODULE, so Docker builds it once and reuses it for every service.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true package \
        -pl campaign-service,donation-service,notification-service,gateway -am

FROM eclipse-temurin:17-jre
ARG MODULE
WORKDIR /app
COPY --from=build /src/${MODULE}/target/${MODULE}-exec.jar /app/app.jar
USER 1000:1000
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-jar", "/app/app.jar"]
