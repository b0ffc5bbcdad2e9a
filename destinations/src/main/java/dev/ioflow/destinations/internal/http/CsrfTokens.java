package dev.ioflow.destinations.internal.http;

import dev.ioflow.destinations.CredentialException;
import dev.ioflow.destinations.Secret;
import dev.ioflow.destinations.internal.Urls;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.Cookie;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SAP-style CSRF protection (SAP Cloud Integration, SAP Gateway): before the first write, {@code HEAD} (then
 * {@code GET}) the CSRF URL with {@code X-CSRF-Token: Fetch}; keep the token and the session cookies of the
 * answer and send both with every write; when a write is answered 403 with {@code X-CSRF-Token: Required}, fetch
 * a new token once (unless another call already did) and send the write once more.
 *
 * <p>Thread-safe: one thread fetches while the others wait for its token. Installed after the origin guard and
 * before the destination's headers and credential, so the fetch is authenticated like the write.
 */
final class CsrfTokens implements Interceptor {
    static final String HEADER = "X-CSRF-Token";
    private static final Logger LOG = LoggerFactory.getLogger(CsrfTokens.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** A token and the cookies of the session it belongs to ({@code name=value; name=value}, maybe empty). */
    private record Session(Secret token, Secret cookies) {
    }

    private final String destinationId;
    private final HttpUrl csrfUrl;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile @Nullable Session current;

    CsrfTokens(String destinationId, HttpUrl csrfUrl) {
        this.destinationId = destinationId;
        this.csrfUrl = csrfUrl;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (SAFE_METHODS.contains(request.method())) {
            return chain.proceed(request);
        }
        Session session = session(chain, null);
        Response response = chain.proceed(withSession(request, session));
        RequestBody body = request.body();
        if (response.code() != 403 || !"Required".equalsIgnoreCase(response.header(HEADER))
                || (body != null && body.isOneShot())) {
            return response;
        }
        response.close();
        LOG.debug("Destination '{}' answered 403 with {}: Required; fetching a new CSRF token", destinationId, HEADER);
        return chain.proceed(withSession(request, session(chain, session)));
    }

    /** The cached session, or a new one when there is none or {@code rejected} is still the cached one. */
    private Session session(Chain chain, @Nullable Session rejected) throws IOException {
        Session session = current;
        if (session != null && session != rejected) {
            return session;
        }
        lock.lock();
        try {
            session = current;
            if (session == null || session == rejected) {
                session = fetch(chain);
                current = session;
            }
            return session;
        } finally {
            lock.unlock();
        }
    }

    private Session fetch(Chain chain) throws IOException {
        int status = 0;
        for (String method : List.of("HEAD", "GET")) {
            Request request = new Request.Builder().url(csrfUrl).method(method, null).header(HEADER, "Fetch").build();
            try (Response response = chain.proceed(request)) {
                status = response.code();
                String token = response.header(HEADER);
                if (response.isSuccessful() && token != null && !token.isBlank() && !token.equalsIgnoreCase("Required")) {
                    LOG.debug("Destination '{}' fetched a CSRF token from {} with {}", destinationId,
                            Urls.redacted(csrfUrl), method);
                    return new Session(Secret.of(token), Secret.of(cookies(response)));
                }
            }
        }
        throw new CredentialException("CSRF token fetch of destination '" + destinationId + "' from "
                + Urls.redacted(csrfUrl) + " brought no " + HEADER + " header (HEAD and GET; last answer HTTP " + status + ")",
                status, null, null);
    }

    private String cookies(Response response) {
        List<String> pairs = new ArrayList<>();
        for (String header : response.headers("Set-Cookie")) {
            Cookie cookie = Cookie.parse(csrfUrl, header);
            if (cookie != null) {
                pairs.add(cookie.name() + "=" + cookie.value());
            }
        }
        return String.join("; ", pairs);
    }

    private static Request withSession(Request request, Session session) {
        Request.Builder builder = request.newBuilder().header(HEADER, session.token().reveal());
        String cookies = session.cookies().reveal();
        if (!cookies.isEmpty()) {
            String own = request.header("Cookie");
            builder.header("Cookie", own == null ? cookies : own + "; " + cookies);
        }
        return builder.build();
    }
}
