package dev.ioflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    private static final String DEFINITION = """
            {"integrationObjects":[{"code":"InboundCustomer","items":[
              {"code":"Customer","root":true,"attributes":[{"name":"customerId","unique":true},{"name":"email"}]}]}]}
            """;

    @Test
    void servesEveryIntegrationObjectAndPrintsItsUrl(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("customer.json"), DEFINITION);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(IoflowCli.execute(new PrintWriter(out), new PrintWriter(err),
                "serve", file.toString(), "--port", "0", "--user", "cpi:secret")));
        serving.start();
        for (int i = 0; i < 600 && !out.toString().contains("user:"); i++) {
            Thread.sleep(50);
        }
        String url = out.toString().lines().filter(l -> l.startsWith("http://127.0.0.1:")).findFirst()
                .orElseThrow(() -> new AssertionError("no URL printed; out: " + out + " err: " + err + " at "
                        + java.util.Arrays.toString(serving.getStackTrace())));
        assertThat(url).endsWith("/odata2webservices/InboundCustomer/");
        String auth = "Basic " + Base64.getEncoder().encodeToString("cpi:secret".getBytes(StandardCharsets.UTF_8));
        HttpURLConnection post = (HttpURLConnection) URI.create(url + "Customers").toURL().openConnection();
        post.setRequestMethod("POST");
        post.setDoOutput(true);
        post.setRequestProperty("Authorization", auth);
        post.setRequestProperty("Content-Type", "application/json");
        post.setRequestProperty("Accept", "application/json");
        post.getOutputStream().write("{\"customerId\":\"c1\",\"email\":\"a@x.org\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(post.getResponseCode()).isEqualTo(201);
        HttpURLConnection get = (HttpURLConnection) URI.create(url + "Customers('c1')").toURL().openConnection();
        get.setRequestProperty("Authorization", auth);
        get.setRequestProperty("Accept", "application/json");
        assertThat(new String(get.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("\"email\":\"a@x.org\"");
        serving.interrupt();
        serving.join(5000);
        assertThat(exit.get()).isZero();
    }

    @Test
    void rejectsAMalformedUser(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("customer.json"), DEFINITION);
        CliRun run = CliRun.of("serve", file.toString(), "--port", "0", "--user", "nopassword");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--user must be NAME:PASSWORD");
    }
}
