package dev.ioflow.core;

import java.util.HexFormat;
import java.util.Objects;

/**
 * A 128-bit hash of a payload's canonical form (object keys sorted, so independent of attribute or map
 * iteration order), the same across runs and JVMs. Delta detection compares it with the hash last delivered.
 *
 * @param high the first 64 bits
 * @param low  the last 64 bits
 * @since 0.1
 */
public record PayloadHash(long high, long low) {

    /** Parses the 32-character lowercase or uppercase hex form written by {@link #toHex()}. */
    public static PayloadHash fromHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != 32) {
            throw new IllegalArgumentException("a payload hash has 32 hex characters, got " + hex.length() + ": '" + hex + "'");
        }
        // parseUnsignedLong alone would also take a '+' sign, so that text which toHex() never writes would parse.
        if (!hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("not a hex payload hash: '" + hex + "'");
        }
        return new PayloadHash(Long.parseUnsignedLong(hex, 0, 16, 16), Long.parseUnsignedLong(hex, 16, 32, 16));
    }

    /** 32 lowercase hex characters. */
    public String toHex() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(high) + hex.toHexDigits(low);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
