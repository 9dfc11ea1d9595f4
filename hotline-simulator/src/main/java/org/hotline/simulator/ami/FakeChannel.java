package org.hotline.simulator.ami;

import java.util.LinkedHashMap;
import java.util.Map;

/** One channel in the fake Asterisk: where it is in the dialplan, and which conference it sits in. */
final class FakeChannel {
    final String name;
    final String uniqueId;
    final String callerIdNum;
    /** What was dialled to make it (an Originate's Channel), which a trunk channel's name does not show. */
    String dialled;
    final Map<String, String> variables = new LinkedHashMap<>();
    String context;
    String exten;
    /** The ConfBridge conference it is in, or null. */
    String room;
    boolean marked;
    boolean muted;
    boolean up = true;

    FakeChannel(String name, String uniqueId, String callerIdNum, String context, String exten) {
        this.name = name;
        this.uniqueId = uniqueId;
        this.callerIdNum = callerIdNum;
        this.context = context;
        this.exten = exten;
    }

    /** The channel-state block every channel event carries (main/manager_channels.c). */
    AmiMessage describe(AmiMessage event) {
        return event.with("Channel", name).with("ChannelState", 6).with("ChannelStateDesc", "Up")
                .with("CallerIDNum", callerIdNum).with("CallerIDName", "<unknown>")
                .with("ConnectedLineNum", "<unknown>").with("ConnectedLineName", "<unknown>")
                .with("Language", "en").with("AccountCode", "").with("Context", context).with("Exten", exten)
                .with("Priority", 1).with("Uniqueid", uniqueId).with("Linkedid", uniqueId);
    }
}
