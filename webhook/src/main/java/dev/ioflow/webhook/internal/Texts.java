package dev.ioflow.webhook.internal;

/** Caps texts kept for monitoring and in the outbox. */
public final class Texts {
    /** SAP keeps up to 1 KiB of a response; so does ioflow. */
    public static final int MAX_DETAIL = 1024;

    private Texts() {
    }

    /** The text cut to {@link #MAX_DETAIL} characters (with a marker when cut), or null for null. */
    public static String cap(String text) {
        if (text == null || text.length() <= MAX_DETAIL) {
            return text;
        }
        String marker = "…[cut]";
        return text.substring(0, MAX_DETAIL - marker.length()) + marker;
    }

    /** A short description of an exception: its type and message, capped. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        return cap(e.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }
}
