package dev.ioflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the tool's version from the {@code version.properties} the build fills in. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tool's version", e);
        }
        return new String[] {"ioflow " + properties.getProperty("version", "(unknown version)"),
                "Java " + System.getProperty("java.version")};
    }
}
