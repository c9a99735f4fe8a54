package io.cxloop.engine.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.scripting.xmltags.DynamicSqlSource;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Camunda's mappings parsed ahead are the mappings Camunda parses itself, for the databases cxloop runs on. */
class CamundaMappingsTest {

    @ParameterizedTest
    @CsvSource({"h2,''", "postgres,''", "postgres,cxloop."})
    void theMappingsParsedAheadAreCamundasOwn(String databaseType, String tablePrefix) throws Exception {
        Configuration ahead = CamundaMappings.parse(databaseType, tablePrefix);
        Configuration camundas = parsedByCamunda(databaseType, tablePrefix);

        assertThat(camundas.getVariables()).containsEntry("prefix", tablePrefix).containsKey("limitAfter");
        assertThat(statements(camundas)).hasSizeGreaterThan(500);
        assertThat(differences(statements(ahead), statements(camundas))).isEmpty();
        assertThat(differences(resultMaps(ahead), resultMaps(camundas))).isEmpty();
        // statements whose includes MyBatis resolves when they are first used, as Camunda leaves them
        assertThat(ahead.getIncompleteStatements()).hasSameSizeAs(camundas.getIncompleteStatements());
    }

    @Test
    void theMappingsAreTakenOnceAndOnlyForTheTypeAndPrefixTheyWereParsedFor() {
        CamundaMappings mappings = CamundaMappings.parseInBackground("h2", "");

        assertThat(mappings.take("postgres", "")).isNull();
        assertThat(mappings.take("h2", "other.")).isNull();
        assertThat(mappings.taken()).isFalse();
        assertThat(mappings.take("h2", null)).isNotNull(); // Camunda's prefix is null when none is set
        assertThat(mappings.taken()).isTrue();
        assertThat(mappings.take("h2", "")).isNull();
    }

    /**
     * What a configuration holds as parsed: its public accessors would first build the statements it left incomplete,
     * and its maps hold each entry under its full and (unless ambiguous) short id.
     */
    private static <T> Set<T> parsed(Configuration configuration, String field, Class<T> type)
            throws ReflectiveOperationException {
        Field parsed = Configuration.class.getDeclaredField(field);
        parsed.setAccessible(true);
        Set<T> values = new HashSet<>();
        for (Object value : ((Map<?, ?>) parsed.get(configuration)).values()) {
            if (type.isInstance(value)) {
                values.add(type.cast(value));
            }
        }
        return values;
    }

    /** The ids whose entries differ, each with both sides. */
    private static List<String> differences(Map<String, String> ahead, Map<String, String> camundas) {
        Set<String> ids = new TreeSet<>(ahead.keySet());
        ids.addAll(camundas.keySet());
        return ids.stream()
                .filter(id -> !Objects.equals(ahead.get(id), camundas.get(id)))
                .map(id -> id + ": ahead " + ahead.get(id) + " / Camunda " + camundas.get(id))
                .toList();
    }

    /** What {@code initSqlSessionFactory} makes, as Camunda makes it for an engine. */
    private static Configuration parsedByCamunda(String type, String prefix) {
        // (the anonymous class's own fields would hide parameters named like them)
        StandaloneProcessEngineConfiguration engine = new StandaloneProcessEngineConfiguration() {
            {
                setDatabaseType(type);
                setDatabaseTablePrefix(prefix);
                setDataSource(new JdbcDataSource());
                transactionFactory = new JdbcTransactionFactory();
                initSqlSessionFactory();
            }
        };
        return engine.getSqlSessionFactory().getConfiguration();
    }

    /** Every statement by id: its kind, maps and, where it does not depend on parameters, its SQL. */
    private static Map<String, String> statements(Configuration configuration) throws ReflectiveOperationException {
        Map<String, String> statements = new TreeMap<>();
        for (MappedStatement statement : parsed(configuration, "mappedStatements", MappedStatement.class)) {
            String sql = statement.getSqlSource() instanceof DynamicSqlSource
                    ? "dynamic"
                    : statement.getBoundSql(null).getSql();
            statements.put(
                    statement.getId(),
                    statement.getSqlCommandType() + " "
                            + statement.getParameterMap().getId() + " "
                            + statement.getResultMaps().stream()
                                    .map(ResultMap::getId)
                                    .toList() + " " + sql);
        }
        return statements;
    }

    private static Map<String, String> resultMaps(Configuration configuration) throws ReflectiveOperationException {
        Map<String, String> resultMaps = new TreeMap<>();
        for (ResultMap resultMap : parsed(configuration, "resultMaps", ResultMap.class)) {
            resultMaps.put(
                    resultMap.getId(),
                    resultMap.getType() + " " + resultMap.getResultMappings().size());
        }
        return resultMaps;
    }
}
