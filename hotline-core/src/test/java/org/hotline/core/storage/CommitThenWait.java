package org.hotline.core.storage;

import static org.hotline.core.db.Tables.CALLS;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import org.hotline.core.config.Settings;

/**
 * Child process for {@link DurabilityTest}: commits calls one by one and prints "committed N" after each
 * commit returns, then keeps going until it is killed.
 */
public final class CommitThenWait {
    private CommitThenWait() {
    }

    public static void main(String[] args) {
        Database database = Database.open(StorageConfig.from(Settings.defaultSettings().with(
                Map.of("data.dir", Path.of(args[0]).toString()))));
        for (int i = 0; ; i++) {
            database.dsl().insertInto(CALLS).set(CALLS.ID, "call-" + i).set(CALLS.ASTERISK_UNIQUE_ID, "u-" + i)
                    .set(CALLS.ENTERED_AT, OffsetDateTime.now()).set(CALLS.STEP, "entered").execute();
            System.out.println("committed " + i);
            System.out.flush();
        }
    }
}
