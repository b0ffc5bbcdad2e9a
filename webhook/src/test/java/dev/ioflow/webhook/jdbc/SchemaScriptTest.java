package dev.ioflow.webhook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.webhook.jdbc.JdbcDialect;
import dev.ioflow.webhook.internal.jdbc.SchemaScript;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped DDL files: one per dialect, kept in step, renamed by the table prefix. */
class SchemaScriptTest {

    @Test
    void aTablePrefixRenamesEveryTableAndIndex() {
        List<String> statements = SchemaScript.load(JdbcDialect.POSTGRESQL, "shop_").statements();

        assertThat(statements).hasSize(18).noneMatch(sql -> sql.contains("ioflow_"));
        assertThat(statements).anyMatch(sql -> sql.startsWith("CREATE TABLE IF NOT EXISTS shop_outbox ("))
                .anyMatch(sql -> sql.startsWith("CREATE INDEX IF NOT EXISTS shop_outbox_ordering_idx ON shop_outbox"))
                .anyMatch(sql -> sql.startsWith("CREATE TABLE IF NOT EXISTS shop_version_marker ("))
                .anyMatch(sql -> sql.startsWith("CREATE TABLE IF NOT EXISTS shop_schema_version ("));
    }

    @Test
    void bothDialectsDefineTheSameTablesAndColumns() {
        assertThat(shape(JdbcDialect.H2)).isEqualTo(shape(JdbcDialect.POSTGRESQL));
    }

    /**
     * The first word of every line of the shared tables: statement keywords, column names and constraints, without
     * the types. Indexes differ on purpose (PostgreSQL's are partial), and only H2 has the lock stripe table.
     */
    private static List<String> shape(JdbcDialect dialect) {
        return SchemaScript.load(dialect, "ioflow_").statements().stream()
                .filter(sql -> sql.startsWith("CREATE TABLE") && !sql.contains("outbox_lock"))
                .flatMap(sql -> Arrays.stream(sql.split("\n")))
                .map(line -> line.strip().split("\\s+")[0])
                .toList();
    }
}
