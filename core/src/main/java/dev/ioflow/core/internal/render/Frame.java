package dev.ioflow.core.internal.render;

/**
 * One item on the path from the root to the item being written, kept only for recursive plans so that an item
 * met again on its own path (a cycle closed by a reference) is written in reference form instead of forever.
 */
record Frame(Object item, Frame parent) {

    /** Whether {@code item} (the same instance) is on the path ending at {@code path}. */
    static boolean contains(Frame path, Object item) {
        for (Frame f = path; f != null; f = f.parent) {
            if (f.item == item) {
                return true;
            }
        }
        return false;
    }
}
