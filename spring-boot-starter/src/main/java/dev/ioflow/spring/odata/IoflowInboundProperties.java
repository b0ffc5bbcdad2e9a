package dev.ioflow.spring.odata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The inbound OData services' settings under {@code ioflow.inbound}.
 *
 * <pre>{@code
 * ioflow:
 *   inbound:
 *     users:                                  # only without Spring Security (which then authenticates)
 *       cpi:
 *         password: ${CPI_PASSWORD}
 *         groups: integrationcreategroup
 * }</pre>
 *
 * @since 1.0
 */
@ConfigurationProperties("ioflow.inbound")
public class IoflowInboundProperties {
    /** Whether the integration objects are served as OData services at /odata2webservices/* (needs ioflow-odata). */
    private boolean enabled = true;

    /**
     * Basic-authentication users of the services when the application has no Spring Security, by name. With Spring
     * Security, its authenticated user is trusted instead and its authorities (without a ROLE_ prefix) are the
     * user's groups.
     */
    private Map<String, User> users = new LinkedHashMap<>();

    /** Creates the settings with their defaults. */
    public IoflowInboundProperties() {
    }

    /** Whether the services are served. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Sets whether the services are served. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The users by name. */
    public Map<String, User> getUsers() {
        return users;
    }

    /** Sets the users by name. */
    public void setUsers(Map<String, User> users) {
        this.users = users;
    }

    /** One Basic-authentication user. */
    public static class User {
        /** The password (from any property source; only a salted hash is kept, never logged). */
        private @Nullable String password;

        /**
         * The user's groups: SAP's integrationadmingroup, integrationcreategroup, integrationviewgroup,
         * integrationdeletegroup.
         */
        private List<String> groups = new ArrayList<>();

        /** Creates an empty user. */
        public User() {
        }

        /** The password. */
        public @Nullable String getPassword() {
            return password;
        }

        /** Sets the password. */
        public void setPassword(@Nullable String password) {
            this.password = password;
        }

        /** The groups. */
        public List<String> getGroups() {
            return groups;
        }

        /** Sets the groups. */
        public void setGroups(List<String> groups) {
            this.groups = groups;
        }

        @Override
        public String toString() {
            return "User[groups=" + groups + "]";
        }
    }
}
