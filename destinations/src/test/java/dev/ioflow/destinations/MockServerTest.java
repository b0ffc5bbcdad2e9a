package dev.ioflow.destinations;

import java.io.IOException;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the tests that talk to one {@link MockWebServer}, started before and closed after each test. */
abstract class MockServerTest {
    protected final MockWebServer server = new MockWebServer();

    @BeforeEach
    void startServer() throws IOException {
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
