package org.fangkong.supplies;

/**
 * Who holds stock (物资储备单位): a warehouse of the province, a city or a county, a designated
 * hospital, a key producer, or an external destination (a supported county or hospital in Hubei),
 * each under the node of the tree whose staff manage it.
 */
public record StockHolder(long id, String name, Kind kind, String jurisdictionCode, String jurisdictionName, String place) {

    public enum Kind {
        WAREHOUSE, HOSPITAL, PRODUCER, EXTERNAL
    }
}
