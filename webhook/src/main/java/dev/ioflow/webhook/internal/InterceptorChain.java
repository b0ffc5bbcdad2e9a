package dev.ioflow.webhook.internal;

import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.spi.DeliveryInterceptor;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import java.util.List;

/** One target call through the {@link DeliveryInterceptor}s, the first outermost. */
final class InterceptorChain implements DeliveryInterceptor.Chain {
    private final List<DeliveryInterceptor> interceptors;
    private final int index;
    private final Route route;
    private final List<Delivery> batch;

    private InterceptorChain(List<DeliveryInterceptor> interceptors, int index, Route route, List<Delivery> batch) {
        this.interceptors = interceptors;
        this.index = index;
        this.route = route;
        this.batch = batch;
    }

    /** Delivers {@code batch} to the route's target through every interceptor. */
    static List<DeliveryOutcome> call(List<DeliveryInterceptor> interceptors, Route route, List<Delivery> batch) {
        return interceptors.isEmpty() ? route.target().deliver(batch)
                : interceptors.get(0).intercept(new InterceptorChain(interceptors, 0, route, batch));
    }

    @Override
    public String webhookId() {
        return route.id();
    }

    @Override
    public List<Delivery> batch() {
        return batch;
    }

    @Override
    public List<DeliveryOutcome> proceed(List<Delivery> changes) {
        if (changes.size() != batch.size()) {
            throw new IllegalArgumentException("interceptor " + interceptors.get(index) + " passed on "
                    + changes.size() + " changes of a batch of " + batch.size() + " for webhook " + route.id());
        }
        List<Delivery> copy = List.copyOf(changes);
        int next = index + 1;
        return next == interceptors.size() ? route.target().deliver(copy)
                : interceptors.get(next).intercept(new InterceptorChain(interceptors, next, route, copy));
    }
}
