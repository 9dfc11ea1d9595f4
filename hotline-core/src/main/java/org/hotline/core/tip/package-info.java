/**
 * The vocabulary of the tip record and its referrals: every choice list, declared once as an enum of
 * {@link org.hotline.core.tip.Choice}. The dispatch screen offers these lists, the tips API validates against
 * them, the database stores their codes, and the reports group by them.
 */
package org.hotline.core.tip;
