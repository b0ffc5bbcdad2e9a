package dev.ioflow.examples.boot;

import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The storefront's sign-up endpoint: {@code POST /customers} with a {@link SignUpRequest} as JSON. */
@RestController
public class SignUpController {
    private final SignUpService signUps;

    /**
     * An endpoint registering through {@code signUps}.
     *
     * @param signUps the sign-up service
     */
    public SignUpController(SignUpService signUps) {
        this.signUps = signUps;
    }

    /**
     * Registers a customer: 201 once the transaction committed.
     *
     * @param request the sign-up
     * @return 201 with the customer id
     */
    @PostMapping("/customers")
    public ResponseEntity<Map<String, String>> signUp(@RequestBody SignUpRequest request) {
        signUps.signUp(request);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("customerID", request.customerID()));
    }

    /**
     * A sign-up the database refused (terms not accepted, or the id is taken): 400, nothing stored or sent.
     *
     * @param e the refusal
     * @return 400 with the reason
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    public ResponseEntity<Map<String, String>> refused(DataIntegrityViolationException e) {
        return ResponseEntity.badRequest().body(Map.of("error",
                "sign-up refused: the terms must be accepted and the customer id must be new"));
    }
}
