package dev.ioflow.destinations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the secret references of a destination file, {@code ${scheme:name}}: {@code ${env:EMARSYS_SECRET}}
 * reads an environment variable, {@code ${file:/run/secrets/emarsys}} a file (trailing line breaks stripped,
 * as written by {@code echo} or Kubernetes secrets; at most {@link #MAX_FILE_BYTES}, UTF-8). Inject your own to
 * test or to read a vault.
 *
 * <pre>{@code
 * SecretResolver fake = SecretResolver.withEnvironment(Map.of("EMARSYS_SECRET", "s3cret"));
 * DestinationRegistry registry = DestinationRegistry.load(Path.of("destinations.json"), fake);
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface SecretResolver {

    /**
     * The largest secret file {@link #system()} reads: 64 KiB. Larger ones ({@code ${file:/dev/zero}}) are refused
     * without reading them to the end.
     *
     * @since 1.0
     */
    int MAX_FILE_BYTES = 64 * 1024;

    /**
     * Resolves one reference.
     *
     * @param scheme the part before the colon, e.g. {@code env} or {@code file}
     * @param name the part after it, e.g. {@code EMARSYS_SECRET} or {@code /run/secrets/emarsys}
     * @return the secret; null when the reference cannot be resolved (unknown scheme, variable not set,
     *         file not readable)
     * @throws DestinationConfigException to say why a reference cannot be resolved (its problems are reported
     *         with the field; they must never contain the secret)
     */
    @Nullable String resolve(String scheme, String name);

    /**
     * The default: {@code env} from {@link System#getenv(String)}, {@code file} from the file system.
     *
     * @return the resolver
     */
    static SecretResolver system() {
        return withEnvironment(System::getenv);
    }

    /**
     * {@code env} from the given map, {@code file} from the file system.
     *
     * @param environment the variables
     * @return the resolver
     */
    static SecretResolver withEnvironment(Map<String, String> environment) {
        return withEnvironment(environment::get);
    }

    private static SecretResolver withEnvironment(Function<String, @Nullable String> environment) {
        return (scheme, name) -> switch (scheme) {
            case "env" -> environment.apply(name);
            case "file" -> readFile(name);
            default -> null;
        };
    }

    private static @Nullable String readFile(String name) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(Path.of(name))) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new DestinationConfigException("secret file is larger than " + MAX_FILE_BYTES / 1024 + " KiB");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString().stripTrailing();
        } catch (CharacterCodingException e) {
            throw new DestinationConfigException("secret file is not UTF-8 text");
        }
    }
}
