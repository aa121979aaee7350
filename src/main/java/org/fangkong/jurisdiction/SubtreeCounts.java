package org.fangkong.jurisdiction;

/** How many nodes of each level lie under a node (the node itself not counted). */
public record SubtreeCounts(long cities, long counties, long townships, long villages, long grids) {

    public long of(Level level) {
        return switch (level) {
            case CITY -> cities;
            case COUNTY -> counties;
            case TOWNSHIP -> townships;
            case VILLAGE -> villages;
            case GRID -> grids;
            case PROVINCE -> 0;
        };
    }
}
