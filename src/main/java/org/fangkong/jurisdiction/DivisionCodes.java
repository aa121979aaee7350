package org.fangkong.jurisdiction;

/**
 * The coding of the tree (统计用区划代码): a node's code begins with the codes of all its ancestors —
 * province 2 digits, city 4, county 6, township 9, village 12, a grid the village's code and 3 more
 * (checked for all 64,095 divisions on import). So a subtree's rows keyed by unit code are one range
 * of an index, and a unit's county or township is a prefix of its code.
 */
public final class DivisionCodes {

    static final int CITY = 4;
    static final int COUNTY = 6;
    static final int TOWNSHIP = 9;

    private DivisionCodes() {
    }

    /**
     * The smallest code after every code that begins with {@code code} (for 3709 it is 370 and a
     * colon): a subtree is every code from {@code code} up to, not including, this one.
     */
    public static String after(String code) {
        return code.substring(0, code.length() - 1) + (char) (code.charAt(code.length() - 1) + 1);
    }

    /** The code of the county a node at or below county level lies in; a higher node's own code. */
    public static String countyOf(String code) {
        return code.length() > COUNTY ? code.substring(0, COUNTY) : code;
    }

    /** The code of the township a node at or below township level lies in. */
    public static String townshipOf(String code) {
        return code.substring(0, TOWNSHIP);
    }

    /** The code of the city a node at or below city level lies in. */
    public static String cityOf(String code) {
        return code.substring(0, CITY);
    }
}
