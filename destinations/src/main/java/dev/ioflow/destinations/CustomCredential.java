package dev.ioflow.destinations;

import okhttp3.Interceptor;

/**
 * The hook for authentication schemes ioflow does not know, such as Emarsys' WSSE header: the
 * {@link #interceptor()} is added to the destination's OkHttp client as a <em>network</em> interceptor and
 * may add headers to (or sign) every transmission, including OkHttp's transparent retries after a broken
 * pooled connection, so nonces are never replayed. Like every network interceptor it must call
 * {@code chain.proceed} exactly once and keep the request's host and port. Implementations must keep their
 * secrets out of {@code toString()}.
 *
 * <pre>{@code
 * record HmacCredential(Secret key) implements CustomCredential {
 *     public Interceptor interceptor() {
 *         return chain -> chain.proceed(chain.request().newBuilder()
 *                 .header("X-Signature", sign(chain.request(), key.reveal()))
 *                 .build());
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public non-sealed interface CustomCredential extends Credential {

    /**
     * The OkHttp interceptor that authenticates each transmission of a request (installed as a network interceptor).
     *
     * @return the interceptor; may be called once per destination client
     */
    Interceptor interceptor();
}
