package org.fangkong.dashboard;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangkong.testsupport.FangkongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped county shapes against the division tree: every county-level division but the
 * development zones has exactly one shape under its own code and name, and nothing else has one;
 * the table that maps the source's older names (tools/geo/county-codes.csv) names real codes.
 */
@FangkongTest
class GeoShapesTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyCountyOfTheTreeDevZonesAsideHasOneShape() throws Exception {
        JsonNode geo;
        try (InputStream in = new ClassPathResource("static/geo/shandong-counties.json").getInputStream()) {
            geo = JsonMapper.builder().build().readTree(in);
        }
        Map<String, String> shapes = new HashMap<>();
        for (JsonNode f : geo.get("features")) {
            String code = f.get("properties").get("code").asString();
            assertThat(shapes.put(code, f.get("properties").get("name").asString())).as("one shape for %s", code).isNull();
            assertThat(f.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
            assertThat(f.get("geometry").get("coordinates").size()).isPositive();
        }
        Map<String, String> counties = new HashMap<>();
        jdbc.sql("select code, name from jurisdiction where level = 'COUNTY' and not dev_zone")
                .query((rs, n) -> counties.put(rs.getString(1), rs.getString(2))).list();
        assertThat(counties).hasSize(136);
        assertThat(shapes).containsExactlyInAnyOrderEntriesOf(counties);
        // the zones left out are the tree's development zones, 15 of the 151 county-level codes
        assertThat(jdbc.sql("select count(*) from jurisdiction where level = 'COUNTY' and dev_zone").query(Long.class).single())
                .isEqualTo(15L);
    }

    @Test
    void theMappingTableNamesCodesOfTheTree() throws Exception {
        List<String> rows = Files.readAllLines(Path.of("tools/geo/county-codes.csv"), StandardCharsets.UTF_8);
        assertThat(rows.get(0).strip()).isEqualTo("source_file,source_name,code,name,change");
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.strip().split(",", 5);
            String name = jdbc.sql("select name from jurisdiction where code = :c and level = 'COUNTY'")
                    .param("c", cells[2]).query(String.class).optional().orElse(null);
            assertThat(name).as("tree name of %s (%s)", cells[2], cells[1]).isEqualTo(cells[3]);
            // a name that differs from the source's must say what changed
            if (!cells[1].equals(cells[3])) {
                assertThat(cells[4]).as("change for %s", cells[1]).isNotBlank();
            }
        }
        assertThat(rows).hasSize(1 + 137);
    }
}
