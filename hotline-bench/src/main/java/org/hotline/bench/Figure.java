package org.hotline.bench;

/**
 * One row of the summary table: | figure | ours | stock baseline | ratio | goal |.
 *
 * @param goal the goal and whether ours meets it, or empty for figures given for context
 */
record Figure(String figure, String ours, String stock, String ratio, String goal) {
}
