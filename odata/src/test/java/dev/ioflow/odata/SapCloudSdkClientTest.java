package dev.ioflow.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Compatibility with a client ioflow did not write: SAP Cloud SDK for JavaScript (the SAP tooling for OData V2
 * clients) generates a typed client from ioflow's live {@code $metadata}, and {@code src/test/node/sap-cloud-sdk/client.js}
 * drives the service with it: create (plain, with a reference, deep with a nested item), get by key with
 * {@code $expand}, {@code $filter} over a navigation property, {@code $orderby}, {@code $top}, {@code $skip},
 * {@code /$count}, update (the SDK's PATCH, after its {@code HEAD} CSRF-token probe), {@code $batch} with a change set
 * and a read, and delete; over a second service, an enum as SAP models it (an entity with a unique {@code code})
 * written deep, expanded and filtered by code. The script prints what the client saw as JSON; this test asserts on it.
 *
 * <p>Needs {@code node} and {@code npm} on the PATH and the npm registry for {@code npm ci} (once per
 * {@code target/}); it is skipped when either is missing, or with {@code -Dioflow.skipNodeClients=true}. Generation
 * and TypeScript compilation take a minute or two.
 */
class SapCloudSdkClientTest {
    private static final Path SOURCES = Path.of("src/test/node/sap-cloud-sdk");
    private static final Path WORK = Path.of("target/sap-cloud-sdk");
    private static final List<String> IOS = List.of("InboundProduct", "InboundB2BCustomer");

    @Test
    void clientGeneratedBySapCloudSdkFromOurMetadataReadsAndWrites() throws Exception {
        assumeThat(Boolean.getBoolean("ioflow.skipNodeClients")).as("-Dioflow.skipNodeClients").isFalse();
        assumeThat(run(Path.of("."), 60, "node", "--version").exitCode).as("node on the PATH").isZero();
        assumeThat(run(Path.of("."), 60, "npm", "--version").exitCode).as("npm on the PATH").isZero();
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "client.js")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(WORK.resolve("node_modules/@sap-cloud-sdk/generator"))) {
            Result install = run(WORK, 600, "npm", "ci", "--no-audit", "--no-fund");
            assumeThat(install.exitCode).as("npm ci (needs the npm registry):%n%s", install.output).isZero();
        }

        InboundMonitor monitor = InboundMonitor.builder().build();
        InboundService service = InboundService.builder()
                .integrationObject(Fixtures.inboundProduct(), Fixtures.productTypes())
                .integrationObject(Fixtures.inboundB2BCustomer(), Fixtures.b2bTypes())
                .security(Fixtures.security()).monitor(monitor).build();
        try (InboundServer server = InboundServer.builder(service).port(0).start()) {
            Path edmx = WORK.resolve("edmx");
            Files.createDirectories(edmx);
            List<String> options = new ArrayList<>();
            for (String io : IOS) {
                Files.writeString(edmx.resolve(io + ".edmx"), new HttpClientSupport(server.url(io)).get("$metadata").body(),
                        StandardCharsets.UTF_8);
                options.add("\"edmx/" + io + ".edmx\":{\"directoryName\":\"" + io + "\",\"basePath\":\"/odata2webservices/"
                        + io + "\",\"packageName\":\"" + io.toLowerCase(java.util.Locale.ROOT) + "\"}");
            }
            Files.writeString(WORK.resolve("options-per-service.json"), "{" + String.join(",", options) + "}", StandardCharsets.UTF_8);

            Result generated = run(WORK, 900, "node_modules/.bin/generate-odata-client", "--input", "edmx",
                    "--outputDir", "generated", "--optionsPerService", "options-per-service.json", "--transpile",
                    "--clearOutputDir");
            assertThat(generated.exitCode).as("SAP Cloud SDK generator on ioflow's $metadata:%n%s", generated.output).isZero();

            String origin = server.url(IOS.get(0)).resolve("/").toString().replaceAll("/$", "");
            Result client = run(WORK, 300, Map.of("IOFLOW_ORIGIN", origin, "IOFLOW_USER", Fixtures.ADMIN,
                    "IOFLOW_PASSWORD", Fixtures.PASSWORD,
                    "IOFLOW_CLIENT", WORK.resolve("generated/InboundProduct").toAbsolutePath().toString(),
                    "IOFLOW_CLIENT_B2B", WORK.resolve("generated/InboundB2BCustomer").toAbsolutePath().toString()),
                    "node", "client.js");
            JsonNode results = lastJsonLine(client.output);
            assertThat(results.has("fatal")).as("client run:%n%s", client.output).isFalse();
            assertThat(client.output).as("the SDK warns about nothing ioflow answers (CSRF probes included)")
                    .doesNotContain("Failed to get CSRF token");
            results.properties().forEach(step ->
                    assertThat(step.getValue().path("ok").asBoolean()).as("step %s: %s", step.getKey(), step.getValue()).isTrue());

            assertThat(results.at("/createCatalogVersionReferencingCatalog/integrationKey").asText()).isEqualTo("Staged|Default");
            assertThat(results.at("/createUnitWithLocalizedName/name").asText()).isEqualTo("Pieces");
            JsonNode deep = results.get("deepCreateProduct");
            assertThat(deep.get("integrationKey").asText()).isEqualTo("Staged|Default|sdk-1");
            assertThat(deep.get("sapEan").asText()).isEqualTo("4006381333931");
            assertThat(deep.get("sapBaseUnitConversion").asDouble()).isEqualTo(2.5);
            assertThat(deep.get("sapBlockedDate").asText()).isEqualTo("2026-03-01T10:00:00.000Z");
            JsonNode read = results.get("getByKeyWithExpand");
            assertThat(read.get("code").asText()).isEqualTo("sdk-1");
            assertThat(read.get("sapBlocked").asBoolean(true)).isFalse();
            assertThat(texts(read.get("prices"))).containsExactly("9.99");
            assertThat(texts(read.get("priceUnits"))).containsExactly("pieces");
            assertThat(read.get("catalogVersion").asText()).isEqualTo("Staged");
            assertThat(texts(results.at("/filterTopOrderBy/codes"))).containsExactly("sdk-4", "sdk-2");
            assertThat(texts(results.at("/topSkipOrderBy/codes"))).containsExactly("sdk-2", "sdk-3");
            assertThat(results.at("/count/count").asInt()).isEqualTo(4);
            JsonNode updated = results.get("update");
            assertThat(updated.get("sapEan").asText()).isEqualTo("changed");
            assertThat(updated.get("sapBlocked").asBoolean()).isTrue();
            assertThat(results.at("/batch/parts").toString())
                    .isEqualTo("[{\"kind\":\"changeset\",\"statuses\":[201,201]},{\"kind\":\"read\",\"status\":200,\"codes\":[\"sdk-batch\"]}]");
            assertThat(results.at("/delete/goneAfterDelete").asBoolean()).isTrue();
            JsonNode enums = results.get("enumAsCodeEntity");
            assertThat(enums.get("integrationKey").asText()).isEqualTo("c1|u1");
            assertThat(enums.get("gender").asText()).isEqualTo("FEMALE");
            assertThat(texts(enums.get("males"))).containsExactly("a2");
        }
        List<String> methods = monitor.requests().stream().map(r -> r.method() + " " + r.httpStatus()).toList();
        assertThat(methods).as("what the SDK sent, as monitored").contains("POST 201", "PATCH 200", "DELETE 200", "POST 202")
                .noneMatch(m -> m.startsWith("HEAD"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(e -> result.add(e.asText()));
        return result;
    }

    private static JsonNode lastJsonLine(String output) throws IOException {
        String[] lines = output.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith("{")) {
                return JsonMapper.builder().build().readTree(lines[i]);
            }
        }
        throw new AssertionError("the client printed no JSON result:\n" + output);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path dir, int timeoutSeconds, String... command) throws InterruptedException {
        return run(dir, timeoutSeconds, Map.of(), command);
    }

    private static Result run(Path dir, int timeoutSeconds, Map<String, String> env, String... command) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path log;
        Process process;
        try {
            log = Files.createTempFile("ioflow-node", ".log");
            process = builder.redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            return new Result(-1, command[0] + " cannot be started: " + e.getMessage());
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Result(-2, String.join(" ", command) + " did not finish within " + timeoutSeconds + " s:\n" + read(log));
            }
            return new Result(process.exitValue(), read(log));
        } finally {
            delete(log);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    private static void delete(Path log) {
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temp file left behind is harmless
        }
    }
}
