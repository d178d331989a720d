package org.dbb.console.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The SQL the store sends must also be T-SQL: nothing that only H2 (or only standard SQL) understands. */
class MonitoringSqlTest {

    /** H2, MySQL or PostgreSQL syntax that SQL Server and the Fabric Warehouse reject. */
    private static final List<Pattern> NOT_TSQL = List.of(
            word("LIMIT"), word("AUTO_INCREMENT"), word("SERIAL"), word("BIGSERIAL"), word("ILIKE"),
            word("RETURNING"), word("BOOLEAN"), word("CLOB"), word("TEXT"), word("NOW"), word("SEQUENCE"),
            word("IF NOT EXISTS"), word("FETCH FIRST"), word("MERGE INTO .* KEY"), word("GENERATED"),
            word("TIMESTAMP WITH TIME ZONE"), word("NVARCHAR"), word("NCHAR"), word("DATETIME(?!2)"),
            word("TINYINT"), Pattern.compile("\\|\\|"), Pattern.compile("`"), Pattern.compile("\""),
            Pattern.compile("::"));

    static List<String> statements() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Field field : MonitoringSql.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                field.setAccessible(true);
                try {
                    texts.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        try (InputStream in = MonitoringSqlTest.class.getClassLoader()
                .getResourceAsStream(MonitoringStores.MIGRATIONS + "/V1__monitoring_integration.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            script.lines().filter(l -> !l.strip().startsWith("--")).forEach(texts::add);
        }
        return texts;
    }

    @ParameterizedTest
    @MethodSource("statements")
    void containsNoSyntaxOutsideTsql(String sql) {
        String upper = sql.toUpperCase(Locale.ROOT);
        for (Pattern banned : NOT_TSQL) {
            assertThat(banned.matcher(upper).find()).as("%s in: %s", banned, sql).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("statements")
    void pagesWithAParenthesisedTop(String sql) {
        if (sql.toUpperCase(Locale.ROOT).contains("TOP")) {
            assertThat(sql).contains("TOP (?)");
        }
    }

    private static Pattern word(String regex) {
        return Pattern.compile("\\b" + regex + "\\b");
    }
}
