package com.flashsale.coupon.worker.admin;

import static com.flashsale.coupon.worker.admin.ErrorCode.FORBIDDEN;
import static com.flashsale.coupon.worker.admin.ErrorCode.INTERNAL_ERROR;
import static com.flashsale.coupon.worker.admin.ErrorCode.INVALID_REQUEST;
import static com.flashsale.coupon.worker.admin.ErrorCode.MEMBER_NOT_FOUND;
import static com.flashsale.coupon.worker.admin.ErrorCode.PAYLOAD_TOO_LARGE;
import static com.flashsale.coupon.worker.admin.ErrorCode.STORE_UNAVAILABLE;
import static com.flashsale.coupon.worker.admin.ErrorCode.UNAUTHENTICATED;

import com.flashsale.coupon.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "members")
record MemberAdminController(MemberAdministration members) {

    @PutMapping("/api/v1/admin/members/{memberId}/status")
    @Operation(summary = "Activate or deactivate a member",
            description = "Changed in MySQL, then in the ledger. A member made active is answered by it on the next "
                    + "request; one made inactive within a gateway's coupon.members.mirror-refresh (1 s), the time its "
                    + "copy of the active members takes to see the change.")
    @Refusals({ INVALID_REQUEST, PAYLOAD_TOO_LARGE, MEMBER_NOT_FOUND, STORE_UNAVAILABLE, INTERNAL_ERROR, UNAUTHENTICATED,
            FORBIDDEN })
    ApiResponse<MemberStatusChanged> changeStatus(@PathVariable @Positive long memberId,
            @RequestBody @Valid MemberStatusChange change) {
        return ApiResponse.ok(members.changeStatus(memberId, change.status()));
    }
}
