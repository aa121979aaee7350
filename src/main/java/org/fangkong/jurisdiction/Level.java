package org.fangkong.jurisdiction;

/** The six levels of the tree (省 / 市 / 县 / 乡镇 / 村 / 网格). */
public enum Level {
    PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE, GRID;

    public Level child() {
        return this == GRID ? null : values()[ordinal() + 1];
    }
}
