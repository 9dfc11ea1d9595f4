package org.hotline.dispatch.tips;

import java.util.Objects;
import java.util.stream.Stream;
import org.hotline.core.tip.Country;
import org.hotline.core.tip.Region;

/**
 * Where the situation is, and for cross-border cases where the victims come from, pass through and are taken to.
 * Any part may be unknown (null).
 */
record Place(Country country, Region region, Country origin, Country transit, Country destination) {
    static final Place UNKNOWN = new Place(null, null, null, null, null);

    /** Derived, never entered: the situation touches more than one country. */
    boolean crossBorder() {
        return Stream.of(country, origin, transit, destination).filter(Objects::nonNull).distinct().count() > 1;
    }
}
