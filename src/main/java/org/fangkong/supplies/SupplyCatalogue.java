package org.fangkong.supplies;

import java.util.List;
import java.util.Locale;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue (物资目录): seeded with the items of 2020, kept by the province's admins. */
@Service
public class SupplyCatalogue {

    /** An item as an admin enters it; {@code category} by name. */
    public record ItemForm(String code, String name, String nameEn, String category, String unit, Boolean active) {
    }

    static final RowMapper<SupplyItem> MAPPER = (rs, n) -> new SupplyItem(rs.getInt("id"), rs.getString("code"),
            rs.getString("name"), rs.getString("name_en"), SupplyItem.Category.valueOf(rs.getString("category")),
            rs.getString("unit"), rs.getBoolean("active"));

    private final JdbcClient jdbc;

    SupplyCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every item (the inactive ones last), for staff: the catalogue holds nobody's data. */
    @Transactional(readOnly = true)
    public List<SupplyItem> items() {
        return jdbc.sql("select * from supply_item order by not active, sort_order, id").query(MAPPER).list();
    }

    @Transactional(readOnly = true)
    public SupplyItem find(int id) {
        return jdbc.sql("select * from supply_item where id = :id").param("id", id).query(MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("supplyItem"));
    }

    /** An active item by id, or the field's error. */
    SupplyItem active(Integer id, String field) {
        return jdbc.sql("select * from supply_item where id = :id and active").param("id", id == null ? -1 : id).query(MAPPER)
                .optional().orElseThrow(() -> new FieldException(field, "validation.supplies.item"));
    }

    @Transactional
    public SupplyItem add(ItemForm form, Actor actor) {
        requireProvinceAdmin(actor);
        Checked c = check(form);
        if (jdbc.sql("select exists (select 1 from supply_item where code = :c)").param("c", c.code()).query(Boolean.class).single()) {
            throw new FieldException("code", "validation.supplies.codeTaken");
        }
        int id = jdbc.sql("""
                        insert into supply_item (code, name, name_en, category, unit, sort_order)
                        values (:code, :name, :en, :cat, :unit, (select coalesce(max(sort_order), 0) + 10 from supply_item))
                        returning id
                        """).param("code", c.code()).param("name", c.name()).param("en", c.nameEn()).param("cat", c.category().name())
                .param("unit", c.unit()).query(Integer.class).single();
        return find(id);
    }

    /** Names, category, unit and whether it is still used; the code stays (movements refer to it). */
    @Transactional
    public SupplyItem update(int id, ItemForm form, Actor actor) {
        SupplyItem item = find(id);
        requireProvinceAdmin(actor);
        Checked c = check(new ItemForm(item.code(), form.name(), form.nameEn(), form.category(), form.unit(), form.active()));
        jdbc.sql("update supply_item set name = :name, name_en = :en, category = :cat, unit = :unit, active = :active where id = :id")
                .param("id", id).param("name", c.name()).param("en", c.nameEn()).param("cat", c.category().name())
                .param("unit", c.unit()).param("active", form.active() == null || form.active()).update();
        return find(id);
    }

    private record Checked(String code, String name, String nameEn, SupplyItem.Category category, String unit) {
    }

    private static Checked check(ItemForm form) {
        String code = form.code() == null ? "" : form.code().strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9_]{2,40}")) {
            throw new FieldException("code", "validation.supplies.code");
        }
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 60) {
            throw new FieldException("name", "validation.supplies.itemName");
        }
        String en = form.nameEn() == null || form.nameEn().isBlank() ? name : form.nameEn().strip();
        SupplyItem.Category category;
        try {
            category = SupplyItem.Category.valueOf(form.category() == null ? "" : form.category().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldException("category", "validation.supplies.category");
        }
        String unit = form.unit() == null ? "" : form.unit().strip();
        if (unit.isEmpty() || unit.length() > 10) {
            throw new FieldException("unit", "validation.supplies.unit");
        }
        return new Checked(code, name, en.length() > 80 ? en.substring(0, 80) : en, category, unit);
    }

    /** The catalogue is one for the province: its admins keep it. */
    private static void requireProvinceAdmin(Actor actor) {
        if (!actor.is(Role.ADMIN) || actor.scopeCode().length() > 2) {
            throw new AccessDeniedException("the province's admins keep the catalogue");
        }
    }
}
