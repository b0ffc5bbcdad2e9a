package dev.ioflow.core.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link UnitOfWork#query} returns: the items that match a filter, ordered, one page of them. Immutable.
 *
 * <pre>{@code
 * ItemQuery page = ItemQuery.builder()
 *         .filter(ItemFilter.compare("catalogVersion/version", ItemFilter.Operator.EQ, "Online"))
 *         .orderBy("name", true).orderBy("code", false)
 *         .skip(20).top(10)
 *         .build();
 * }</pre>
 *
 * @since 1.0
 */
public final class ItemQuery {
    private static final ItemQuery ALL = builder().build();

    private final @Nullable ItemFilter filter;
    private final List<Order> orderBy;
    private final int skip;
    private final @Nullable Integer top;

    private ItemQuery(Builder builder) {
        this.filter = builder.filter;
        this.orderBy = List.copyOf(builder.orderBy);
        this.skip = builder.skip;
        this.top = builder.top;
    }

    /** Every item, in the repository's order. */
    public static ItemQuery all() {
        return ALL;
    }

    /** Starts a query. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this query's settings. */
    public Builder newBuilder() {
        Builder builder = new Builder();
        builder.filter = filter;
        builder.orderBy.addAll(orderBy);
        builder.skip = skip;
        builder.top = top;
        return builder;
    }

    /** The condition; null for every item. */
    public @Nullable ItemFilter filter() {
        return filter;
    }

    /** The sort keys, most significant first; empty for the repository's own (stable) order. */
    public List<Order> orderBy() {
        return orderBy;
    }

    /** How many matching items to leave out first. */
    public int skip() {
        return skip;
    }

    /** At most how many items to return; null for all. */
    public @Nullable Integer top() {
        return top;
    }

    @Override
    public String toString() {
        return "ItemQuery[filter=" + filter + ", orderBy=" + orderBy + ", skip=" + skip + ", top=" + top + "]";
    }

    /**
     * One sort key.
     *
     * @param path       the attribute to sort by
     * @param descending whether larger values come first; nulls sort first ascending and last descending
     */
    public record Order(AttributePath path, boolean descending) {
        /** The path is required. */
        public Order {
            Objects.requireNonNull(path, "path");
        }
    }

    /** Builds an {@link ItemQuery}. */
    public static final class Builder {
        private @Nullable ItemFilter filter;
        private final List<Order> orderBy = new ArrayList<>();
        private int skip;
        private @Nullable Integer top;

        private Builder() {
        }

        /** The condition (default none: every item). */
        public Builder filter(@Nullable ItemFilter filter) {
            this.filter = filter;
            return this;
        }

        /** Adds a sort key. */
        public Builder orderBy(String path, boolean descending) {
            orderBy.add(new Order(AttributePath.parse(path), descending));
            return this;
        }

        /** Adds a sort key. */
        public Builder orderBy(Order order) {
            orderBy.add(Objects.requireNonNull(order, "order"));
            return this;
        }

        /** Leaves out the first {@code skip} matching items (default 0). */
        public Builder skip(int skip) {
            if (skip < 0) {
                throw new IllegalArgumentException("skip must not be negative: " + skip);
            }
            this.skip = skip;
            return this;
        }

        /** Returns at most {@code top} items (default: all). */
        public Builder top(@Nullable Integer top) {
            if (top != null && top < 0) {
                throw new IllegalArgumentException("top must not be negative: " + top);
            }
            this.top = top;
            return this;
        }

        /** The immutable query. */
        public ItemQuery build() {
            return new ItemQuery(this);
        }
    }
}
