package org.hotline.dispatch.tips;

import org.hotline.dispatch.screen.SignedIn;

/**
 * Who may see and do what with a tip, checked on the server for every object: operators only their own tips,
 * managers and admins every tip. The rules are separate methods because they may part ways (for example, a
 * role that sees tips but not their summaries).
 */
final class TipAccess {
    private TipAccess() {
    }

    static boolean canOpen(SignedIn who, String authorId) {
        return who.role().canManage() || who.operatorId().equals(authorId);
    }

    /** The free-text summary: the author and managers or admins only. */
    static boolean canSeeSummary(SignedIn who, String authorId) {
        return who.role().canManage() || who.operatorId().equals(authorId);
    }

    /** Moving a referral along: whoever may work on the tip. */
    static boolean canChangeReferrals(SignedIn who, String authorId) {
        return canOpen(who, authorId);
    }
}
