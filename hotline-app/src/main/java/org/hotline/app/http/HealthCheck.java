package org.hotline.app.http;

import java.util.function.BooleanSupplier;

/**
 * What {@code /health} looks at. The database probe blocks, so the HTTP server runs it on a worker thread.
 *
 * @param database blocking probe of the database
 * @param telephony whether the FastAGI server is accepting calls
 */
public record HealthCheck(BooleanSupplier database, BooleanSupplier telephony) {
}
