package org.hotline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Signs simulated operators in a few at a time: each sign-in checks an Argon2id hash (deliberately slow), so one
 * at a time would take minutes for a full floor, and all at once would only queue on the server's workers.
 */
final class SignIns {
    private static final int AT_ONCE = 4;

    interface Connect {
        OperatorClient connect(int index) throws Exception;
    }

    private SignIns() {
    }

    /** Operators 0 to count-1, connected, in order; the first failure is thrown after all have been tried. */
    static List<OperatorClient> all(int count, Connect connect) throws Exception {
        List<Future<OperatorClient>> pending = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE)) {
            for (int i = 0; i < count; i++) {
                int index = i;
                pending.add(pool.submit(() -> connect.connect(index)));
            }
        }
        List<OperatorClient> clients = new ArrayList<>();
        Exception first = null;
        for (Future<OperatorClient> future : pending) {
            try {
                clients.add(future.get());
            } catch (java.util.concurrent.ExecutionException e) {
                first = first == null && e.getCause() instanceof Exception cause ? cause : first;
            }
        }
        if (first != null) {
            clients.forEach(OperatorClient::close);
            throw first;
        }
        return clients;
    }
}
