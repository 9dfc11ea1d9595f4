package org.hotline.dispatch.api;

/**
 * A request the API refuses, with the HTTP status and a message meant for the person at the screen. Carries no
 * stack trace: it is an answer, not a fault. Never put tip content in the message.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String field;
    private final java.util.List<ApiError> problems;

    private ApiError(int status, String message, String field) {
        this(status, message, field, java.util.List.of());
    }

    private ApiError(int status, String message, String field, java.util.List<ApiError> problems) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.problems = java.util.List.copyOf(problems);
    }

    /**
     * 400 for a form with several fields wrong at once, so the screen can mark every one of them in one go. The
     * first problem gives the message and field, as a single refusal would.
     */
    public static ApiError invalid(java.util.List<ApiError> problems) {
        ApiError first = problems.getFirst();
        String message = problems.size() == 1 ? first.getMessage()
                : problems.size() + " fields need attention: " + first.getMessage();
        return new ApiError(400, message, first.field(), problems);
    }

    /** 400: {@code field} (a JSON path such as {@code referrals[1].service}) is missing or not allowed. */
    public static ApiError badRequest(String field, String message) {
        return new ApiError(400, message, field);
    }

    public static ApiError forbidden(String message) {
        return new ApiError(403, message, null);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, message, null);
    }

    /** 409: the request contradicts the stored state, for example an invalid status change. */
    public static ApiError conflict(String message) {
        return new ApiError(409, message, null);
    }

    /** 409 pointing at {@code field}: what must be added to the request for the stored state to allow it. */
    public static ApiError conflict(String field, String message) {
        return new ApiError(409, message, field);
    }

    /**
     * 503: the request is right but cannot be answered yet, for example a tip for a call whose assignment routing
     * is still recording. Trying again shortly succeeds.
     */
    public static ApiError notYet(String message) {
        return new ApiError(503, message, null);
    }

    public int status() {
        return status;
    }

    /** Every field refused at once, by {@link #invalid}; empty for a single refusal. */
    public java.util.List<ApiError> problems() {
        return problems;
    }

    /** The offending field, or null. */
    public String field() {
        return field;
    }
}
