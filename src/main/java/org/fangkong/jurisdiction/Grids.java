package org.fangkong.jurisdiction;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grids (网格) are made by officers under a village: code = village code + a 3-digit sequence, so
 * the code stays a prefix path like every other division code.
 */
@Service
public class Grids {

    static final int MAX_NAME = 60;

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final AuditTrail audit;

    Grids(JdbcClient jdbc, Jurisdictions jurisdictions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.audit = audit;
    }

    @Transactional
    public Jurisdiction create(String villageCode, String name, Actor actor) {
        Jurisdiction village = jurisdictions.require(villageCode, actor.scopePath());
        if (!(actor.is(Role.OFFICER) || actor.is(Role.ADMIN))) {
            throw new AccessDeniedException("only officers create grids");
        }
        if (village.level() != Level.VILLAGE) {
            throw new FieldException("parentCode", "validation.grid.parentNotVillage");
        }
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new FieldException("name", "validation.grid.nameRequired");
        }
        if (clean.length() > MAX_NAME) {
            throw new FieldException("name", "validation.grid.nameTooLong", MAX_NAME);
        }
        // serialise grid creation per village so two officers never get the same code
        jdbc.sql("select code from jurisdiction where code = :code for update").param("code", villageCode).query().singleRow();
        boolean taken = jdbc.sql("select exists(select 1 from jurisdiction where parent_code = :code and name = :name)")
                .param("code", villageCode).param("name", clean).query(Boolean.class).single();
        if (taken) {
            throw new ConflictException("name", "validation.grid.nameTaken");
        }
        int next = jdbc.sql("""
                        select coalesce(max(cast(substring(code from 13) as int)), 0) + 1
                        from jurisdiction where parent_code = :code
                        """)
                .param("code", villageCode).query(Integer.class).single();
        if (next > 999) {
            throw new FieldException("parentCode", "validation.grid.tooMany");
        }
        String code = villageCode + String.format("%03d", next);
        jdbc.sql("""
                        insert into jurisdiction (code, name, level, parent_code, path, created_by)
                        values (:code, :name, 'GRID', :parent, cast(:path as ltree), :by)
                        """)
                .param("code", code).param("name", clean).param("parent", villageCode)
                .param("path", village.path() + "." + code).param("by", actor.username())
                .update();
        audit.record(AuditActions.GRID_CREATED, "jurisdiction:" + code, null);
        return jurisdictions.require(code, actor.scopePath());
    }
}
