package org.hotline.agi;

/**
 * The contract between the IVR and the dialplan: every channel variable the {@code hotline} script leaves
 * for {@code extensions.conf}, and every one {@code hotline-end} reads back. The dialplan test checks
 * {@code asterisk-conf/extensions.conf} against these names.
 */
public final class ChannelVariables {
    /** Set to {@code 1} only when the IVR finished normally. Unset means "send the caller to a human". */
    public static final String IVR_DONE = "HOTLINE_IVR_DONE";
    /** What the dialplan does next when {@link #IVR_DONE} is set: {@link #NEXT_DIAL}, {@link #NEXT_HANGUP} or
     * {@link #NEXT_ONCALL}. */
    public static final String NEXT = "HOTLINE_NEXT";
    /** The operator's dial string, for example {@code PJSIP/1001}; set with {@link #NEXT_DIAL}. */
    public static final String TARGET = "HOTLINE_TARGET";
    /** Our call id, so {@code hotline-end} can close the right call. */
    public static final String CALL_ID = "HOTLINE_CALL_ID";
    /** The caller's language code (prs, ps, tg, tk, uz, ur), for the dialplan's own prompts. */
    public static final String LANGUAGE = "HOTLINE_LANGUAGE";

    /** {@link #NEXT} value: bridge the caller to {@link #TARGET}. */
    public static final String NEXT_DIAL = "dial";
    /** {@link #NEXT} value: the script already played its last words (voice message saved, or "call again"). */
    public static final String NEXT_HANGUP = "hangup";
    /**
     * {@link #NEXT} value: the on-call duty person who acknowledged an escalation waits in the call's room; the
     * dialplan puts the caller there ({@code [hotline-callcontrol] caller}).
     */
    public static final String NEXT_ONCALL = "oncall";

    /**
     * Read by {@code hotline-end} run directly on the caller's channel (an older dialplan, tests): set by
     * Asterisk's Dial().
     */
    public static final String DIAL_STATUS = "DIALSTATUS";

    /*
     * The end-of-call report. The dialplan's hangup handler does not run hotline-end itself (an AGI on the dead
     * caller channel has no time limit); it originates a Local channel that runs it, passing these.
     */

    /** Our call id ({@link #CALL_ID} of the caller's channel). */
    public static final String END_CALL_ID = "HOTLINE_END_CALL_ID";
    /** The caller channel's DIALSTATUS (empty if Dial never ran). */
    public static final String END_DIAL_STATUS = "HOTLINE_END_DIAL_STATUS";
    /** The caller channel's uniqueid: the report runs on another channel, with a uniqueid of its own. */
    public static final String END_UNIQUE_ID = "HOTLINE_END_UNIQUE_ID";
    /** Epoch milliseconds when the operator answered (stamped as Dial's G() enters the conference); empty if none. */
    public static final String END_ANSWERED_MS = "HOTLINE_END_ANSWERED_MS";
    /** Epoch milliseconds when the caller's channel hung up. Talk time is this minus {@link #END_ANSWERED_MS}. */
    public static final String END_ENDED_MS = "HOTLINE_END_ENDED_MS";

    /*
     * Live call control ([hotline-callcontrol]). Set by the dialplan before Dial and by hotline-callcontrol's AMI
     * Originate (AmiActions.ROOM_VARIABLE and SPY_VARIABLE spell the same names: that module does not depend on
     * this one), never by the IVR.
     */

    /** The call's ConfBridge conference, {@code hotline-<call id>}. */
    public static final String ROOM = "HOTLINE_ROOM";
    /** For a supervisor's ChanSpy: the uniqueid of the operator channel to listen to or whisper on. */
    public static final String SPY = "HOTLINE_SPY";
    /**
     * On-call paging ({@code [hotline-oncall]}, AmiActions.WAITING_VARIABLE): what is waiting, {@code call},
     * {@code message} or {@code declined}; the page says it.
     */
    public static final String WAITING = "HOTLINE_WAITING";
    /**
     * On-call paging of an emergency voice message (AmiActions.MESSAGE_VARIABLE): the recording's name in the
     * voicemail directory without its extension (our call id, as VoicemailRecorder names it).
     */
    public static final String MESSAGE = "HOTLINE_MESSAGE";

    private ChannelVariables() {
    }
}
