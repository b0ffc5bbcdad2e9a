package dev.ioflow.examples.boot;

import dev.ioflow.webhook.WebhookService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers customers: the customer row, the change for Emarsys and the sign-up record are written in one
 * transaction. When the database refuses the sign-up (terms not accepted), everything rolls back, the change
 * included: nothing is sent for a customer that was never stored.
 */
@Service
public class SignUpService {
    private final JdbcTemplate jdbc;
    private final WebhookService webhooks;

    /**
     * A service writing through {@code jdbc} and recording changes with {@code webhooks}.
     *
     * @param jdbc     the application's database
     * @param webhooks ioflow's webhook service (auto-configured from application.yml)
     */
    public SignUpService(JdbcTemplate jdbc, WebhookService webhooks) {
        this.jdbc = jdbc;
        this.webhooks = webhooks;
    }

    /**
     * Registers the customer.
     *
     * @param request the sign-up
     * @throws org.springframework.dao.DataIntegrityViolationException when the database refuses it (rolled back)
     */
    @Transactional
    public void signUp(SignUpRequest request) {
        Customer customer = request.customer();
        jdbc.update("INSERT INTO customer (customer_id, contact_email, first_name, last_name) VALUES (?, ?, ?, ?)",
                customer.customerID(), customer.contactEmail(), customer.firstName(), customer.lastName());
        webhooks.saved(customer); // written into this transaction: delivered only after the commit
        jdbc.update("INSERT INTO sign_up (customer_id, terms_accepted) VALUES (?, ?)", customer.customerID(),
                request.acceptTerms());
    }
}
