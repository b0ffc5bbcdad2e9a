package dev.ioflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
    @TempDir
    Path dir;
    private Path definition;
    private Path item;

    @BeforeEach
    void files() {
        definition = Definitions.write(dir, "ioCustomer.json", Definitions.CUSTOMER_JSON);
        item = Definitions.write(dir, "c1.json",
                "{\"customerID\":\"c1\",\"contactEmail\":\"c1@example.com\",\"defaultAddress\":{\"town\":\"Berlin\"}}");
    }

    private CliRun render(String... extra) {
        String[] base = {"render", "--definition", definition.toString(), "--io", "ioCustomer", "--item", item.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void printsThePrettyPayloadWithNestedItemsAndIntegrationKeys() {
        CliRun run = render();

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("\"customerID\": \"c1\"")
                .contains("\"contactEmail\": \"c1@example.com\"")
                .contains("\"town\": \"Berlin\"")
                .contains("\"integrationKey\": \"c1\"")
                .doesNotContain("hash:");
    }

    @Test
    void hashPrintsThePayloadHashOnTheLineAfterThePayload() {
        CliRun run = render("--hash");

        String[] lines = run.out().split("\\R");
        assertThat(run.exitCode()).isZero();
        assertThat(lines[lines.length - 2]).isEqualTo("}");
        assertThat(lines[lines.length - 1]).matches("hash: [0-9a-f]{32}");
    }

    @Test
    void theHashDoesNotDependOnTheItemFilesKeyOrder() {
        String first = render("--hash").out();
        item = Definitions.write(dir, "c1-reordered.json",
                "{\"defaultAddress\":{\"town\":\"Berlin\"},\"contactEmail\":\"c1@example.com\",\"customerID\":\"c1\"}");

        String second = render("--hash").out();

        assertThat(second.lines().reduce((a, b) -> b)).isEqualTo(first.lines().reduce((a, b) -> b));
    }

    @Test
    void acceptsTheSapStyleInAnyCase() {
        CliRun run = render("--style", "SAP");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"integrationKey\": \"c1\"");
    }

    @Test
    void anItemWithoutItsKeyValueExitsOneNamingTheAttributePath() {
        item = Definitions.write(dir, "nokey.json", "{\"contactEmail\":\"c1@example.com\"}");

        CliRun run = render();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(item + ": ioCustomer/Customer/customerID: key attribute has no value");
    }

    @Test
    void aMalformedItemExitsOneWithLineAndColumn() {
        item = Definitions.write(dir, "bad.json", "{\n  \"customerID\": \"c1\",\n  oops\n}");

        CliRun run = render();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith(item + ":3:").contains("malformed JSON");
    }

    @Test
    void anItemThatIsNotAnObjectExitsOne() {
        item = Definitions.write(dir, "list.json", "[1, 2]");

        CliRun run = render();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(item + ": $: an item is a JSON object, but the file holds a JSON array");
    }

    @Test
    void anUnknownIntegrationObjectExitsOneListingTheDefinedOnes() {
        CliRun run = CliRun.of("render", "--definition", definition.toString(), "--io", "ioProduct", "--item", item.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(definition + ": no integration object 'ioProduct' (defined: ioCustomer)");
    }

    @Test
    void aMissingItemFileExitsTwo() {
        item = dir.resolve("missing.json");

        CliRun run = render();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(item + ": no such file");
    }

    @Test
    void anInvalidDefinitionExitsOneWithItsProblems() {
        definition = Definitions.write(dir, "ioBroken.json", Definitions.INVALID_JSON);

        CliRun run = CliRun.of("render", "--definition", definition.toString(), "--io", "ioBroken", "--item", item.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(definition + ": ioBroken/items");
    }

    @Test
    void aMissingRequiredOptionIsAUsageErrorWithExitTwo() {
        CliRun run = CliRun.of("render", "--definition", definition.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required options");
    }
}
