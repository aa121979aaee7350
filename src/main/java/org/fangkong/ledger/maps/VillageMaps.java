package org.fangkong.ledger.maps;

import java.awt.Dimension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.fangkong.common.security.Actor;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.ledger.internal.LedgerScope;
import org.fangkong.ledger.residents.HouseholdColours;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一图: the plan of a village or compound, its households placed on it and coloured by status
 * ({@link HouseholdColours}: docs/rules.md red, yellow, green).
 */
@Service
public class VillageMaps {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final String SELECT = """
            select m.id, m.jurisdiction_code, j.name as jurisdiction_name, m.name, m.width, m.height, m.uploaded_by,
                   m.uploaded_at
            from layout_map m join jurisdiction j on j.code = m.jurisdiction_code
            """;
    private static final RowMapper<LayoutMap> MAPPER = (rs, n) -> new LayoutMap(rs.getLong("id"),
            rs.getString("jurisdiction_code"), rs.getString("jurisdiction_name"), rs.getString("name"), rs.getInt("width"),
            rs.getInt("height"), rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());

    /** The plan image with its type. */
    public record Image(byte[] bytes, String contentType) {
    }

    private final JdbcClient jdbc;
    private final LedgerScope scope;
    private final HouseholdColours colours;

    VillageMaps(JdbcClient jdbc, LedgerScope scope, HouseholdColours colours) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.colours = colours;
    }

    /** Uploads a plan (PNG or JPEG, at most 5 MB) for a village, community or grid in scope. */
    @Transactional
    public LayoutMap upload(String jurisdiction, String name, byte[] image, Actor actor) {
        LedgerScope.requireWrite(actor);
        Jurisdiction place = scope.place(jurisdiction, actor, "jurisdiction");
        if (image == null || image.length == 0) {
            throw new FieldException("image", "validation.map.image");
        }
        if (image.length > MAX_BYTES) {
            throw new FieldException("image", "validation.map.tooLarge");
        }
        String type = contentType(image);
        Dimension size = size(image);
        String title = name == null || name.isBlank() ? place.name() : name.strip();
        long id = jdbc.sql("""
                        insert into layout_map (jurisdiction_code, name, image, content_type, width, height, uploaded_by)
                        values (:j, :name, :image, :type, :w, :h, :by) returning id
                        """)
                .param("j", place.code()).param("name", title.length() > 100 ? title.substring(0, 100) : title)
                .param("image", image).param("type", type).param("w", size.width).param("h", size.height)
                .param("by", actor.username()).query(Long.class).single();
        return map(id, actor);
    }

    private static String contentType(byte[] b) {
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        throw new FieldException("image", "validation.map.image");
    }

    /** The image's size from its header, without decoding the pixels. */
    private static Dimension size(byte[] image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in != null && readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in);
                    return new Dimension(reader.getWidth(0), reader.getHeight(0));
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through: not a readable image
        }
        throw new FieldException("image", "validation.map.image");
    }

    /** Plans of the places in scope. */
    @Transactional(readOnly = true)
    public List<LayoutMap> maps(Actor actor) {
        LedgerScope.requireRead(actor);
        return jdbc.sql(SELECT + " where j.path <@ cast(:scope as ltree) order by j.path, m.name, m.id")
                .param("scope", actor.scopePath()).query(MAPPER).list();
    }

    @Transactional(readOnly = true)
    public LayoutMap map(long id, Actor actor) {
        LedgerScope.requireRead(actor);
        return jdbc.sql(SELECT + " where m.id = :id and j.path <@ cast(:scope as ltree)")
                .param("id", id).param("scope", actor.scopePath()).query(MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("map"));
    }

    @Transactional(readOnly = true)
    public Image image(long id, Actor actor) {
        map(id, actor);
        return jdbc.sql("select image, content_type from layout_map where id = :id").param("id", id)
                .query((rs, n) -> new Image(rs.getBytes(1), rs.getString(2))).single();
    }

    /** Every household of the map's place (placed or not) with its colour, in one query. */
    @Transactional(readOnly = true)
    public List<MapHousehold> households(long mapId, Actor actor) {
        map(mapId, actor);
        List<MapHousehold> households = jdbc.sql("""
                        select h.id, h.building, h.address, pin.x, pin.y,
                               (select count(*) from resident r where r.household_id = h.id and r.moved_out_on is null) as members
                        from layout_map m
                        join jurisdiction mj on mj.code = m.jurisdiction_code
                        join jurisdiction j on j.path <@ mj.path
                        join household h on h.jurisdiction_code = j.code
                        left join layout_pin pin on pin.map_id = m.id and pin.household_id = h.id
                        where m.id = :m
                        order by h.building, h.address, h.id
                        """)
                .param("m", mapId)
                .query((rs, n) -> new MapHousehold(rs.getLong("id"), rs.getString("building"), rs.getString("address"),
                        rs.getInt("members"), "GREEN", rs.getBigDecimal("x"), rs.getBigDecimal("y")))
                .list();
        Map<Long, String> colour = colours.of(households.stream().map(MapHousehold::id).toList());
        return households.stream().map(h -> new MapHousehold(h.id(), h.building(), h.address(), h.members(),
                colour.getOrDefault(h.id(), "GREEN"), h.x(), h.y())).toList();
    }

    /**
     * Places (or moves) a household on the plan at a fraction of its width and height. The
     * household must belong to the map's place.
     */
    @Transactional
    public void place(long mapId, long householdId, double x, double y, Actor actor) {
        LedgerScope.requireWrite(actor);
        map(mapId, actor);
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
            throw new FieldException("x", "validation.map.position");
        }
        boolean belongs = jdbc.sql("""
                        select exists (select 1 from household h join jurisdiction j on j.code = h.jurisdiction_code,
                                       layout_map m join jurisdiction mj on mj.code = m.jurisdiction_code
                                       where h.id = :h and m.id = :m and j.path <@ mj.path)
                        """).param("h", householdId).param("m", mapId).query(Boolean.class).single();
        if (!belongs) {
            throw new FieldException("household", "validation.map.household");
        }
        jdbc.sql("""
                        insert into layout_pin (map_id, household_id, x, y) values (:m, :h, :x, :y)
                        on conflict (map_id, household_id) do update set x = excluded.x, y = excluded.y
                        """)
                .param("m", mapId).param("h", householdId)
                .param("x", BigDecimal.valueOf(x).setScale(4, RoundingMode.HALF_UP))
                .param("y", BigDecimal.valueOf(y).setScale(4, RoundingMode.HALF_UP)).update();
    }

    @Transactional
    public void unplace(long mapId, long householdId, Actor actor) {
        LedgerScope.requireWrite(actor);
        map(mapId, actor);
        jdbc.sql("delete from layout_pin where map_id = :m and household_id = :h").param("m", mapId).param("h", householdId)
                .update();
    }
}
