package org.fangkong.supplies;

/** An item of the catalogue (物资目录): its code, names, category and the unit it is counted in. */
public record SupplyItem(int id, String code, String name, String nameEn, Category category, String unit, boolean active) {

    public enum Category {
        PROTECTION, DISINFECTION, DIAGNOSTICS, EQUIPMENT, VEHICLE, OTHER
    }
}
