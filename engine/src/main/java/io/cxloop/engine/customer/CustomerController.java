package io.cxloop.engine.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers")
public class CustomerController {

    /** Customer ids as other systems send them: letters, digits and {@code . _ : -}. */
    public static final String ID_PATTERN = "[A-Za-z0-9._:-]{1,64}";

    private final CustomerService service;

    public CustomerController(CustomerService service) {
        this.service = service;
    }

    @PutMapping("/{customerId}")
    @Operation(
            summary = "Create or update a customer with contact points and consents (201 when new, 200 when updated)")
    public ResponseEntity<Customer> put(
            @PathVariable @Pattern(regexp = ID_PATTERN) String customerId,
            @Valid @RequestBody CustomerRequest request) {
        CustomerService.Saved saved = service.save(customerId, request);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(saved.customer());
    }

    @GetMapping("/{customerId}")
    @Operation(summary = "A customer")
    public Customer get(@PathVariable String customerId) {
        return service.get(customerId);
    }
}
