package org.hotline.callcontrol;

import java.util.Optional;

/**
 * Which operator a phone endpoint belongs to (hotline-app answers from dispatch's operator directory). Blocking:
 * call control calls it on a virtual thread.
 */
@FunctionalInterface
public interface OperatorLookup {
    Optional<String> operatorOf(String endpoint);
}
