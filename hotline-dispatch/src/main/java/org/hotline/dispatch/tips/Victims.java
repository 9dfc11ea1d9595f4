package org.hotline.dispatch.tips;

/**
 * The potential victims: how many, whether minors are among them, and how many are female, male or of another or
 * unknown gender. Every part may be unknown (null); known parts never add up to more than the count.
 */
record Victims(Integer count, Boolean minors, Integer female, Integer male, Integer otherGender) {
    static final Victims UNKNOWN = new Victims(null, null, null, null, null);
}
