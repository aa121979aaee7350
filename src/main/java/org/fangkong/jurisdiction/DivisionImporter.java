package org.fangkong.jurisdiction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On first start, loads the Shandong division tree ({@code divisions/shandong_divisions.csv}, NBS
 * 2023 edition; see {@code divisions/SOURCE.md}) with COPY, in one transaction. Runs once: a
 * second start finds the province and imports nothing; an advisory lock keeps two instances from
 * importing at the same time. Runs while the context starts (after Flyway, before the web server
 * opens), so no request ever sees an empty tree.
 */
@Component
class DivisionImporter implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DivisionImporter.class);
    static final String RESOURCE = "divisions/shandong_divisions.csv";
    private static final long LOCK_KEY = 0x4A55524953L; // "JURIS"
    /** County-level codes whose 5th digit is 7 are functional zones (开发区, 新区). */
    private static final Pattern DEV_ZONE = Pattern.compile("\\d{4}7\\d");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    DivisionImporter(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void afterPropertiesSet() {
        importIfEmpty();
    }

    void importIfEmpty() {
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query().singleRow();
            long existing = jdbc.sql("select count(*) from jurisdiction where level <> 'GRID'").query(Long.class).single();
            if (existing > 0) {
                log.info("Jurisdiction tree present ({} divisions); nothing to import", existing);
                return;
            }
            try {
                long started = System.nanoTime();
                jdbc.sql("set local fangkong.bulk_import = 'on'").update();
                long rows = importCsv();
                jdbc.sql("set local fangkong.bulk_import = 'off'").update();
                jdbc.sql("select jurisdiction_recount()").query().singleRow();
                log.info("Imported {} divisions in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("division import failed", e);
            }
        });
    }

    private long importCsv() throws IOException, SQLException {
        StringBuilder copy = new StringBuilder(4 << 20);
        Map<String, String> paths = new HashMap<>(70_000);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (!"code,name,level,parent_code".equals(header)) {
                throw new IOException("unexpected header in " + RESOURCE + ": " + header);
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String[] f = line.split(",", -1);
                if (f.length != 4) {
                    throw new IOException(RESOURCE + " line " + lineNo + ": expected 4 fields");
                }
                String code = f[0];
                String parent = f[3];
                String parentPath = parent.isEmpty() ? null : paths.get(parent);
                if (!parent.isEmpty() && parentPath == null) {
                    throw new IOException(RESOURCE + " line " + lineNo + ": parent " + parent + " not seen before");
                }
                if (!code.startsWith(parent)) { // DivisionCodes: every code begins with its ancestors' codes
                    throw new IOException(RESOURCE + " line " + lineNo + ": code " + code + " does not begin with its parent's");
                }
                String path = parentPath == null ? code : parentPath + "." + code;
                paths.put(code, path);
                Level level = Level.valueOf(f[2].toUpperCase());
                boolean devZone = level == Level.COUNTY && DEV_ZONE.matcher(code).matches();
                copy.append(code).append('\t').append(f[1]).append('\t').append(level.name()).append('\t')
                        .append(parent.isEmpty() ? "\\N" : parent).append('\t').append(path).append('\t')
                        .append(devZone ? 't' : 'f').append('\n');
            }
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy jurisdiction (code, name, level, parent_code, path, dev_zone) from stdin",
                    new StringReader(copy.toString()));
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
