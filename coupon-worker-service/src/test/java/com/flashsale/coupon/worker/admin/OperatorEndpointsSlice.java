package com.flashsale.coupon.worker.admin;

import com.flashsale.coupon.worker.campaign.CampaignAdministration;
import com.flashsale.coupon.worker.campaign.CampaignStatus;
import com.flashsale.coupon.worker.campaign.CampaignView;
import com.flashsale.coupon.worker.deadletter.FailedIssuanceReplay;
import com.flashsale.coupon.worker.issuance.IssuanceQueries;
import com.flashsale.coupon.worker.reconciliation.ReconciliationRunner;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A {@code @WebMvcTest} slice of the worker's operator endpoints: every controller with the real
 * security chain, the envelope and strict JSON, and the features behind the controllers as mocks each
 * test programs. No server, no MySQL, no Redis. With tokens unless the test runs the {@code local}
 * profile; a test that sends tokens extends {@link TokenVerifyingSlice}.
 */
@WebMvcTest
@Import(OperatorSecurityConfig.class)
abstract class OperatorEndpointsSlice {

    static final CampaignView SPRING25 = new CampaignView(4, "SPRING25", "Spring sale", 500,
            CampaignStatus.ACTIVE, Instant.parse("2026-12-01T09:00:00Z"), null, 3, null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CampaignAdministration campaigns;

    @MockitoBean
    IssuanceQueries issuances;

    @MockitoBean
    FailedIssuanceReplay replay;

    @MockitoBean
    MemberAdministration members;

    @MockitoBean
    SaleReset reset;

    @MockitoBean
    ReconciliationRunner reconciliation;
}
