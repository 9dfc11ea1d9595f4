package org.hotline.dispatch.partners;

import java.util.List;

/** The partner directory, seeded by migration from partners.csv. Blocking: worker or virtual threads only. */
interface PartnerDirectory {

    /** Partners matching every given criterion, by country then name. */
    List<Partner> search(PartnerQuery query);
}
