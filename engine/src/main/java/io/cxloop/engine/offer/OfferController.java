package io.cxloop.engine.offer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/offers")
@Tag(name = "Offers", description = "The offer catalogue the next-best-action decision arbitrates between")
public class OfferController {

    static final String LEVERS = "levers";

    private final OfferCatalogue catalogue;

    public OfferController(OfferCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "The offers of the catalogue")
    public List<CatalogueOffer> list() {
        return catalogue.list();
    }

    @GetMapping("/" + LEVERS)
    @Operation(summary = "The analysts' levers per offer kind, for every trigger or one; a kind without one has 1")
    public OfferLevers levers() {
        return catalogue.levers();
    }

    @PutMapping("/" + LEVERS)
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @Operation(
            summary = "Set the levers (all of them, replacing the ones before); the next decisions use them",
            description = "priority = propensity × value × weight × lever, where the lever is the one for the"
                    + " offer's kind in the deciding trigger, else the one for every trigger, else 1.")
    public OfferLevers setLevers(@Valid @RequestBody OfferLevers.Request request, Principal user) {
        return catalogue.setLevers(request, user.getName());
    }

    @GetMapping("/{offerId}")
    @Operation(summary = "An offer")
    public CatalogueOffer get(@PathVariable String offerId) {
        return catalogue.get(offerId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an offer to the catalogue")
    public CatalogueOffer create(@Valid @RequestBody OfferRequest request, Principal user) {
        return catalogue.create(request, user.getName());
    }

    @PutMapping("/{offerId}")
    @Operation(summary = "Change an offer; the next decisions see the change")
    public CatalogueOffer update(
            @PathVariable String offerId, @Valid @RequestBody OfferRequest request, Principal user) {
        return catalogue.update(offerId, request, user.getName());
    }

    @DeleteMapping("/{offerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an offer: decisions no longer make it; issued codes stay valid")
    public void delete(@PathVariable String offerId) {
        catalogue.delete(offerId);
    }
}
