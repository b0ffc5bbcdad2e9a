package dev.ioflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.NonNull;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.NullUnmarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Which attributes {@link JavaTypeSystem} makes mandatory: nullness annotations and the builder option. */
class JavaTypeSystemMandatoryTest {

    /** Null-marked through the package ({@code dev.ioflow.core} is {@code @NullMarked}). */
    record Marked(String code, @Nullable String nickname, Optional<String> note, int rank, Integer score, List<String> tags) {
    }

    /** Not null-marked: only what is annotated is mandatory. */
    @NullUnmarked
    static final class Unmarked {
        record Plain(@NonNull String code, String name, @NotNull Integer score) {
        }

        /** Null-marked again, nearer than the enclosing {@code @NullUnmarked}. */
        @NullMarked
        record Remarked(String code, @Nullable String name) {
        }

        /** A bean annotated on a getter and on the field behind another. */
        public static class Bean {
            @NotNull
            private String email;
            private String code;
            private String name;

            public String getEmail() {
                return email;
            }

            public void setEmail(String email) {
                this.email = email;
            }

            public @NonNull String getCode() {
                return code;
            }

            public void setCode(String code) {
                this.code = code;
            }

            public String getName() {
                return name;
            }

            public void setName(String name) {
                this.name = name;
            }
        }
    }

    private static Map<String, Boolean> mandatory(TypeSystem types, String code) {
        return types.require(code).attributes().stream()
                .collect(Collectors.toMap(AttributeDescriptor::name, AttributeDescriptor::mandatory));
    }

    @Test
    void nullMarkedCodeMakesEveryReferenceTypedAttributeMandatoryExceptNullableAndOptionalOnes() {
        assertThat(mandatory(JavaTypeSystem.of(Marked.class), "Marked")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "code", true, "nickname", false, "note", false, "rank", false, "score", true, "tags", true));
    }

    @Test
    void outsideNullMarkedCodeJSpecifyNonNullAndJakartaNotNullMakeAnAttributeMandatory() {
        JavaTypeSystem types = JavaTypeSystem.of(Unmarked.Plain.class, Unmarked.Remarked.class, Unmarked.Bean.class);

        assertThat(mandatory(types, "Plain")).containsExactlyInAnyOrderEntriesOf(Map.of("code", true, "name", false, "score", true));
        assertThat(mandatory(types, "Remarked")).containsExactlyInAnyOrderEntriesOf(Map.of("code", true, "name", false));
        assertThat(mandatory(types, "Bean")).containsExactlyInAnyOrderEntriesOf(Map.of("email", true, "code", true, "name", false));
    }

    @Test
    void theBuilderMarksAttributesOfClassesWithoutAnnotationsMandatory() {
        JavaTypeSystem types = JavaTypeSystem.builder().type(Unmarked.Bean.class).mandatory(Unmarked.Bean.class, "name").build();

        assertThat(mandatory(types, "Bean")).containsEntry("name", true);
    }

    @Test
    void theBuilderRefusesAClassOrAttributeTheTypeSystemDoesNotHave() {
        assertThatThrownBy(() -> JavaTypeSystem.builder().type(Unmarked.Bean.class).mandatory(Unmarked.Bean.class, "nmae").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no attribute 'nmae' to make mandatory").hasMessageContaining("email");
        assertThatThrownBy(() -> JavaTypeSystem.builder().type(Unmarked.Bean.class).mandatory(Marked.class, "code").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Marked.class.getName() + " is given mandatory attributes [code] but is not an item type");
    }
}
