package org.hotline.dispatch.tips;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hotline.dispatch.apitest.ApiServer;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.apitest.TipForms;
import org.hotline.dispatch.operators.Role;

/**
 * Child process for {@link TipDurabilityTest}: the tips API over HTTP, with several operators submitting tips
 * (each with a referral) as fast as they can, printing "acknowledged <id>" for every 201 received. It runs until
 * it is killed.
 */
public final class TipStorm {
    private static final int OPERATORS = 4;

    private TipStorm() {
    }

    public static void main(String[] args) {
        ApiServer api = ApiServer.start(Path.of(args[0]));
        ExecutorService senders = Executors.newFixedThreadPool(OPERATORS);
        for (int i = 0; i < OPERATORS; i++) {
            Person operator = api.signIn("storm-" + i, Role.OPERATOR);
            senders.execute(() -> {
                while (true) {
                    String id = TipForms.newId();
                    Reply reply = operator.client().post("/api/tips", TipForms.withTwoReferrals(id));
                    if (reply.status() == 201) {
                        acknowledge(id);
                    }
                }
            });
        }
    }

    private static synchronized void acknowledge(String id) {
        System.out.println("acknowledged " + id);
        System.out.flush();
    }
}
