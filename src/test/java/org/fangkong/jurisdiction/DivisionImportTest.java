package org.fangkong.jurisdiction;

import java.util.Map;
import java.util.stream.Collectors;

import org.fangkong.testsupport.FangkongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** First start imports the real Shandong tree, exactly once. */
@FangkongTest
class DivisionImportTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DivisionImporter importer;
    @Autowired
    Jurisdictions jurisdictions;

    @Test
    void importsEveryLevelWithOfficialCounts() {
        Map<String, Long> perLevel = jdbc.sql("select level, count(*) from jurisdiction where level <> 'GRID' group by level")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(perLevel).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PROVINCE", 1L, "CITY", 16L, "COUNTY", 151L, "TOWNSHIP", 1853L, "VILLAGE", 62074L));
        long devZones = jdbc.sql("select count(*) from jurisdiction where dev_zone").query(Long.class).single();
        assertThat(devZones).isEqualTo(15);
    }

    @Test
    void keepsOfficialCodesNamesAndPaths() {
        Jurisdiction lixia = jurisdictions.findUnscoped("370102").orElseThrow();
        assertThat(lixia.name()).isEqualTo("历下区");
        assertThat(lixia.level()).isEqualTo(Level.COUNTY);
        assertThat(lixia.parentCode()).isEqualTo("3701");
        assertThat(lixia.path()).isEqualTo("37.3701.370102");
        assertThat(lixia.devZone()).isFalse();
        assertThat(jurisdictions.findUnscoped("370176").orElseThrow().devZone()).isTrue();
        assertThat(jurisdictions.findUnscoped("370102001002").orElseThrow().path())
                .isEqualTo("37.3701.370102.370102001.370102001002");
        // every node's path ends in its own code and extends its parent's path
        long broken = jdbc.sql("""
                select count(*) from jurisdiction c join jurisdiction p on p.code = c.parent_code
                where c.path <> p.path || text2ltree(c.code)
                """).query(Long.class).single();
        assertThat(broken).isZero();
    }

    @Test
    void runningTheImportAgainImportsNothing() throws Exception {
        long before = jdbc.sql("select count(*) from jurisdiction").query(Long.class).single();
        importer.importIfEmpty();
        long after = jdbc.sql("select count(*) from jurisdiction").query(Long.class).single();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void subtreeCountsComeFromThePath() {
        SubtreeCounts province = jurisdictions.counts("37", "37");
        assertThat(province.cities()).isEqualTo(16);
        assertThat(province.counties()).isEqualTo(151);
        assertThat(province.townships()).isEqualTo(1853);
        assertThat(province.villages()).isEqualTo(62074);
        var cities = jurisdictions.childrenWithCounts("37", "37");
        assertThat(cities).hasSize(16);
        assertThat(cities.stream().mapToLong(c -> c.counts().villages()).sum()).isEqualTo(62074);
        assertThat(cities.stream().mapToLong(c -> c.counts().townships()).sum()).isEqualTo(1853);
        long jinanVillages = jdbc.sql("select count(*) from jurisdiction where code like '3701%' and level = 'VILLAGE'")
                .query(Long.class).single();
        assertThat(cities.get(0).node().code()).isEqualTo("3701");
        assertThat(cities.get(0).counts().villages()).isEqualTo(jinanVillages);
    }

    @Test
    void countsKeptByTheTriggerMatchAFullRecount() {
        long before = jurisdictions.counts("370102", "37").grids();
        jdbc.sql("""
                insert into jurisdiction (code, name, level, parent_code, path)
                values ('370102002002901', '触发器网格', 'GRID', '370102002002', '37.3701.370102.370102002.370102002002.370102002002901')
                """).update();
        assertThat(jurisdictions.counts("370102", "37").grids()).isEqualTo(before + 1);
        assertThat(jurisdictions.counts("37", "37").grids()).isGreaterThanOrEqualTo(1);
        String snapshot = "select md5(string_agg(code || ':' || sub_cities || ',' || sub_counties || ',' || sub_townships"
                + " || ',' || sub_villages || ',' || sub_grids, ';' order by code)) from jurisdiction";
        String kept = jdbc.sql(snapshot).query(String.class).single();
        jdbc.sql("select jurisdiction_recount()").query().singleRow();
        assertThat(jdbc.sql(snapshot).query(String.class).single()).isEqualTo(kept);
        jdbc.sql("delete from jurisdiction where code = '370102002002901'").update();
        assertThat(jurisdictions.counts("370102", "37").grids()).isEqualTo(before);
    }
}
