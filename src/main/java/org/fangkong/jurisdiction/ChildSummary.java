package org.fangkong.jurisdiction;

/** A child of a node with the counts of its own subtree, for the tree page. */
public record ChildSummary(Jurisdiction node, SubtreeCounts counts) {
}
