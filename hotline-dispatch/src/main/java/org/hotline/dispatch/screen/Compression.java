package org.hotline.dispatch.screen;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Which responses may be compressed. The server compresses (gzip, when the browser asks), but answers that carry
 * secrets next to something a request put there (tips, sessions, forms) are sent as they are, so their compressed
 * length cannot leak the secret (BREACH). Static files and the fixed pages carry neither and are compressed.
 */
public final class Compression {
    private Compression() {
    }

    /** Every response starts uncompressed: Vert.x leaves a response whose encoding is {@code identity} alone. */
    static void refuseByDefault(RoutingContext context) {
        context.response().headers().set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        context.next();
    }

    /** Lets this response be compressed. */
    public static void allow(RoutingContext context) {
        context.response().headers().remove(HttpHeaders.CONTENT_ENCODING);
    }
}
