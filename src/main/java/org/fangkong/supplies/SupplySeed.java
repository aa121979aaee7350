package org.fangkong.supplies;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holders every installation starts with, once the tree is loaded: the province's emergency
 * reserve, each city's, and the external destinations Shandong supported in 2020 (黄冈's five
 * counties and the 大别山 regional medical centre). Idempotent: a holder that exists stays as it is.
 */
@Component
class SupplySeed {

    private static final Logger log = LoggerFactory.getLogger(SupplySeed.class);

    private final JdbcClient jdbc;

    SupplySeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void seed() {
        int n = jdbc.sql("""
                insert into stock_holder (name, kind, jurisdiction_code, place, created_by)
                select name || '应急物资储备库', 'WAREHOUSE', code, '', 'system' from jurisdiction where level in ('PROVINCE', 'CITY')
                union all
                select x.name, 'EXTERNAL', p.code, x.place, 'system'
                from jurisdiction p cross join (values ('团风县（黄冈）', '湖北省黄冈市团风县'), ('浠水县（黄冈）', '湖北省黄冈市浠水县'),
                                                       ('蕲春县（黄冈）', '湖北省黄冈市蕲春县'), ('武穴市（黄冈）', '湖北省黄冈市武穴市'),
                                                       ('黄梅县（黄冈）', '湖北省黄冈市黄梅县'), ('大别山区域医疗中心', '湖北省黄冈市黄州区')) x(name, place)
                where p.level = 'PROVINCE'
                on conflict (jurisdiction_code, name) do nothing
                """).update();
        if (n > 0) {
            log.info("Supplies: {} stock holders seeded", n);
        }
    }
}
