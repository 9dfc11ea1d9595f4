package org.hotline.callcontrol;

/**
 * One person of the on-call duty list. The duty phone is staff data, but still only for Asterisk: it goes into
 * the Originate's Channel and nowhere else, which is why {@link #toString()} leaves it out.
 */
public record DutyPerson(String id, String name, String phone) {
    @Override
    public String toString() {
        return "DutyPerson[id=" + id + ", name=" + name + "]";
    }
}
