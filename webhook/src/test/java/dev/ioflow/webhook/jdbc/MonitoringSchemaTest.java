package dev.ioflow.webhook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.webhook.internal.jdbc.SchemaScript;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped monitoring DDL: one file per dialect, kept in step, renamed by the table prefix. */
class MonitoringSchemaTest {

    @Test
    void aTablePrefixRenamesTheTableAndEveryIndex() {
        List<String> statements = SchemaScript.loadMonitoring(JdbcDialect.POSTGRESQL, "shop_").statements();

        assertThat(statements).hasSize(7).noneMatch(sql -> sql.contains("ioflow_"))
                .allMatch(sql -> sql.startsWith("CREATE TABLE IF NOT EXISTS shop_outbound_request (")
                        || sql.startsWith("CREATE INDEX IF NOT EXISTS shop_outreq_"));
    }

    @Test
    void bothDialectsDefineTheSameColumnsAndIndexes() {
        assertThat(shape(JdbcDialect.H2)).isEqualTo(shape(JdbcDialect.POSTGRESQL));
    }

    /** The first word of every line: statement keywords and column names, without the types. */
    private static List<String> shape(JdbcDialect dialect) {
        return SchemaScript.loadMonitoring(dialect, "ioflow_").statements().stream()
                .flatMap(sql -> Arrays.stream(sql.split("\n")))
                .map(line -> line.strip().startsWith("CREATE INDEX") ? line.strip() : line.strip().split("\\s+")[0])
                .toList();
    }
}
