package io.cxloop.engine.campaign;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "Campaigns", description = "Reconnect campaigns and their outcomes")
public class CampaignController {

    private final CampaignService service;

    public CampaignController(CampaignService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "A customer's campaigns, newest first")
    public List<Campaign> list(@RequestParam String customerId) {
        return service.ofCustomer(customerId);
    }

    @GetMapping("/{campaignId}")
    @Operation(summary = "A campaign")
    public Campaign get(@PathVariable String campaignId) {
        return service.get(campaignId);
    }
}
