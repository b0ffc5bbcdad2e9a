package dev.ioflow.emarsys;

/**
 * A {@link ContactMapping} cannot be used: a field name unknown to the account, a mapped attribute missing from
 * the integration object, or a payload without a key value or with a value a converter cannot handle. The message
 * names the payload attribute and, where known, the integration object or integration key.
 *
 * @since 0.1
 */
public class EmarsysMappingException extends EmarsysException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message naming the attribute at fault. */
    public EmarsysMappingException(String message) {
        super(message);
    }
}
