package dev.ioflow.odata;

import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller of the inbound services: a user name and the groups it belongs to. Access rights are
 * granted to names or groups ({@link InboundSecurity.Builder#grant}).
 *
 * @since 1.0
 */
public final class InboundPrincipal {
    private final String name;
    private final Set<String> groups;

    private InboundPrincipal(String name, Set<String> groups) {
        this.name = Objects.requireNonNull(name, "name");
        this.groups = Set.copyOf(groups);
    }

    /** A principal called {@code name} in {@code groups}. */
    public static InboundPrincipal of(String name, String... groups) {
        return new InboundPrincipal(name, Set.of(groups));
    }

    /** A principal called {@code name} in {@code groups}. */
    public static InboundPrincipal of(String name, Set<String> groups) {
        return new InboundPrincipal(name, groups);
    }

    /** The user name. */
    public String name() {
        return name;
    }

    /** The groups (SAP's integration groups or your own). */
    public Set<String> groups() {
        return groups;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InboundPrincipal p && p.name.equals(name) && p.groups.equals(groups);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, groups);
    }

    @Override
    public String toString() {
        return "InboundPrincipal[" + name + ", groups=" + groups + "]";
    }
}
