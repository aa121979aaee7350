package org.fangkong.jurisdiction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.fangkong.common.Like;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.common.web.PageResult;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the tree. Every method that takes a {@code scopePath} filters in SQL with
 * {@code path <@ scope}: a node outside the caller's subtree is simply not found.
 */
@Service
@Transactional(readOnly = true)
public class Jurisdictions {

    static final String COLUMNS = """
            j.code, j.name, j.level, j.parent_code, j.path::text as path, j.dev_zone,
            j.sub_cities, j.sub_counties, j.sub_townships, j.sub_villages, j.sub_grids,
            (select count(*) from jurisdiction c where c.parent_code = j.code) as child_count
            """;

    static final RowMapper<Jurisdiction> MAPPER = Jurisdictions::map;

    private final JdbcClient jdbc;

    Jurisdictions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A node, if it exists and lies in the scope. */
    public Optional<Jurisdiction> find(String code, String scopePath) {
        return jdbc.sql("select " + COLUMNS + " from jurisdiction j where j.code = :code and j.path <@ cast(:scope as ltree)")
                .param("code", code).param("scope", scopePath)
                .query(MAPPER).optional();
    }

    /** A node in the scope, or {@link NotFoundException}. */
    public Jurisdiction require(String code, String scopePath) {
        return find(code, scopePath).orElseThrow(() -> new NotFoundException("jurisdiction"));
    }

    /** The node asked for, or the caller's own scope node when none is; 404 outside the scope. */
    public Jurisdiction nodeOrScope(String code, Actor actor) {
        return require(code == null || code.isBlank() ? actor.scopeCode() : code.strip(), actor.scopePath());
    }

    /** A node regardless of scope: for resolving a user's own scope node. */
    public Optional<Jurisdiction> findUnscoped(String code) {
        return jdbc.sql("select " + COLUMNS + " from jurisdiction j where j.code = :code")
                .param("code", code).query(MAPPER).optional();
    }

    /** The root of the tree (the province). */
    public Jurisdiction root() {
        return jdbc.sql("select " + COLUMNS + " from jurisdiction j where j.parent_code is null order by j.code limit 1")
                .query(MAPPER).optional().orElseThrow(() -> new IllegalStateException("jurisdiction tree not imported"));
    }

    /** Direct children of a node in scope, ordered by code. */
    public List<Jurisdiction> children(String code, String scopePath) {
        require(code, scopePath);
        return jdbc.sql("select " + COLUMNS + " from jurisdiction j where j.parent_code = :code order by j.code")
                .param("code", code).query(MAPPER).list();
    }

    /** Children of a node in scope, each with the size of its own subtree, in one query. */
    public List<ChildSummary> childrenWithCounts(String code, String scopePath) {
        return children(code, scopePath).stream().map(c -> new ChildSummary(c, c.subtree())).toList();
    }

    /** Size of the subtree under a node in scope. */
    public SubtreeCounts counts(String code, String scopePath) {
        return require(code, scopePath).subtree();
    }

    /** The ancestors of a node and the node itself, from the province down. */
    public List<Crumb> breadcrumbs(String code, String scopePath) {
        Jurisdiction node = require(code, scopePath);
        return jdbc.sql("""
                        select a.code, a.name, a.level, a.path <@ cast(:scope as ltree) as in_scope
                        from jurisdiction a where a.path @> cast(:path as ltree) order by nlevel(a.path)
                        """)
                .param("scope", scopePath).param("path", node.path())
                .query((rs, i) -> new Crumb(rs.getString("code"), rs.getString("name"),
                        Level.valueOf(rs.getString("level")), rs.getBoolean("in_scope")))
                .list();
    }

    /**
     * Nodes in scope whose name contains {@code q}, shallow levels first. One scan: the total comes
     * from a window count over the same matches.
     */
    public PageResult<SearchHit> search(String q, String scopePath, int page, int size) {
        String pattern = Like.contains(q);
        return PageResult.query(jdbc.sql("select " + COLUMNS + """
                        , count(*) over () as total_rows
                        , (select string_agg(a.name, ' › ' order by nlevel(a.path)) from jurisdiction a
                           where a.path @> j.path) as full_name
                        from jurisdiction j
                        where j.path <@ cast(:scope as ltree) and j.name like :q
                        order by nlevel(j.path), j.code
                        limit :size offset :offset
                        """)
                .param("scope", scopePath).param("q", pattern),
                (rs, i) -> new SearchHit(map(rs, i), rs.getString("full_name")), page, size);
    }

    /** Codes of every node of one level in a subtree, by code: e.g. the villages of a city. */
    public List<String> codesAt(Level level, String scopePath) {
        return jdbc.sql("select code from jurisdiction where level = :level and path <@ cast(:scope as ltree) order by code")
                .param("level", level.name()).param("scope", scopePath).query(String.class).list();
    }

    /** The nodes of one level at or below a node in scope, by code: e.g. the counties of a city, for its map. */
    public List<Jurisdiction> at(Level level, String code, String scopePath) {
        Jurisdiction node = require(code, scopePath);
        return jdbc.sql("select " + COLUMNS + " from jurisdiction j where j.level = :level and j.path <@ cast(:path as ltree) order by j.code")
                .param("level", level.name()).param("path", node.path()).query(MAPPER).list();
    }

    /** True when {@code code} lies in the subtree at {@code scopePath}. */
    public boolean within(String code, String scopePath) {
        return find(code, scopePath).isPresent();
    }

    static Jurisdiction map(ResultSet rs, int i) throws SQLException {
        return new Jurisdiction(rs.getString("code"), rs.getString("name"), Level.valueOf(rs.getString("level")),
                rs.getString("parent_code"), rs.getString("path"), rs.getInt("child_count"), rs.getBoolean("dev_zone"),
                new SubtreeCounts(rs.getLong("sub_cities"), rs.getLong("sub_counties"), rs.getLong("sub_townships"),
                        rs.getLong("sub_villages"), rs.getLong("sub_grids")));
    }
}
