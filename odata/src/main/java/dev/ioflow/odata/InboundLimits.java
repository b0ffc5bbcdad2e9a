package dev.ioflow.odata;

/**
 * Limits that protect the inbound services, with SAP's defaults where SAP has them
 * ({@code odata2services.batch.limit} 200, {@code odata2services.page.size.default} 10,
 * {@code odata2services.page.size.max} 1000).
 *
 * <pre>{@code
 * InboundLimits limits = InboundLimits.builder().maxBodyBytes(1 << 20).build();
 * }</pre>
 *
 * @since 1.0
 */
public final class InboundLimits {
    private final long maxBodyBytes;
    private final int maxExpandDepth;
    private final int batchLimit;
    private final int defaultPageSize;
    private final int maxPageSize;

    private InboundLimits(Builder b) {
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxExpandDepth = b.maxExpandDepth;
        this.batchLimit = b.batchLimit;
        this.defaultPageSize = b.defaultPageSize;
        this.maxPageSize = b.maxPageSize;
    }

    /** The defaults: 10 MiB bodies, {@code $expand} 3 levels deep, 200 batch operations, pages of 10 up to 1000. */
    public static InboundLimits defaults() {
        return builder().build();
    }

    /** Starts a builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder newBuilder() {
        return new Builder().maxBodyBytes(maxBodyBytes).maxExpandDepth(maxExpandDepth).batchLimit(batchLimit)
                .defaultPageSize(defaultPageSize).maxPageSize(maxPageSize);
    }

    /** Largest request body accepted; larger ones are answered 413 {@code payload_too_large}. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Deepest {@code $expand} path accepted ({@code a/b/c} is 3); deeper ones are answered 400 {@code invalid_query_parameter}. */
    public int maxExpandDepth() {
        return maxExpandDepth;
    }

    /** Most operations in one {@code $batch}; more are answered 400 {@code batch_limit_exceeded}. */
    public int batchLimit() {
        return batchLimit;
    }

    /** Page size of a collection GET without {@code $top}. */
    public int defaultPageSize() {
        return defaultPageSize;
    }

    /** Largest page; a larger {@code $top} is capped and answered with a {@code __next} link. */
    public int maxPageSize() {
        return maxPageSize;
    }

    /** Builds {@link InboundLimits}. */
    public static final class Builder {
        private long maxBodyBytes = 10L * 1024 * 1024;
        private int maxExpandDepth = 3;
        private int batchLimit = 200;
        private int defaultPageSize = 10;
        private int maxPageSize = 1000;

        private Builder() {
        }

        /** Largest request body in bytes. */
        public Builder maxBodyBytes(long bytes) {
            this.maxBodyBytes = positive(bytes, "maxBodyBytes");
            return this;
        }

        /** Deepest $expand path. */
        public Builder maxExpandDepth(int depth) {
            this.maxExpandDepth = (int) positive(depth, "maxExpandDepth");
            return this;
        }

        /** Most operations in one $batch. */
        public Builder batchLimit(int operations) {
            this.batchLimit = (int) positive(operations, "batchLimit");
            return this;
        }

        /** Page size without $top. */
        public Builder defaultPageSize(int size) {
            this.defaultPageSize = (int) positive(size, "defaultPageSize");
            return this;
        }

        /** Largest page size. */
        public Builder maxPageSize(int size) {
            this.maxPageSize = (int) positive(size, "maxPageSize");
            return this;
        }

        /** The limits; fails when the default page size exceeds the maximum. */
        public InboundLimits build() {
            if (defaultPageSize > maxPageSize) {
                throw new IllegalArgumentException("defaultPageSize " + defaultPageSize + " exceeds maxPageSize " + maxPageSize);
            }
            return new InboundLimits(this);
        }

        private static long positive(long value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
