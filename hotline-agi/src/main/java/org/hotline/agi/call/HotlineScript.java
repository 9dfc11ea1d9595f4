package org.hotline.agi.call;

import java.util.UUID;
import org.hotline.core.prompts.PromptPlayback;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.agi.menu.IvrRoute;
import org.hotline.agi.pseudonym.CallerPseudonym;
import org.slf4j.MDC;

/**
 * The {@code hotline} entry script. One instance serves every call, so it holds no per-call state: each call
 * gets its own {@link CallFlow}. The caller's number is pseudonymised here, at the edge, and the raw number
 * and caller-ID name go no further.
 */
public final class HotlineScript implements AgiScript {
    private final IvrServices ivr;
    private final PromptPlayback recordings;

    public HotlineScript(IvrServices ivr) {
        this(ivr, PromptPlayback.placeholdersOnly());
    }

    /** @param recordings the approved recordings the IVR plays over the placeholders */
    public HotlineScript(IvrServices ivr, PromptPlayback recordings) {
        this.ivr = ivr;
        this.recordings = recordings;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        String callId = UUID.randomUUID().toString();
        MDC.put("call", callId);
        try {
            IvrRoute route = ivr.routes().forCall(request.getDnid(), request.getExtension())
                    .withChannelLanguage(request.getLanguage());
            CallerPseudonym caller = ivr.pseudonymizer().pseudonymize(request.getCallerIdNumber(), route.country());
            // The raw number is read again from the request only if the caller accepts a callback (into the vault).
            new CallFlow(ivr, new Caller(channel, recordings), callId, AsteriskIds.uniqueId(request, callId), route,
                    request::getCallerIdNumber)
                    .entered(caller)
                    .run();
        } finally {
            MDC.remove("call");
        }
    }
}
