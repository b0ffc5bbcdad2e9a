package dev.ioflow.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The example application: {@code java -jar examples-spring-boot/target/ioflow-examples-spring-boot.jar}, then
 * {@code curl -H 'Content-Type: application/json' -d '{"customerID":"c1","contactEmail":"c1@example.com",
 * "firstName":"Ada","lastName":"Lovelace","acceptTerms":true}' http://localhost:8080/customers}.
 */
@SpringBootApplication
public class CustomerSignUpApplication {

    /** Created by Spring. */
    public CustomerSignUpApplication() {
    }

    /**
     * Starts the application.
     *
     * @param args Spring Boot arguments, e.g. {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.run(CustomerSignUpApplication.class, args);
    }
}
