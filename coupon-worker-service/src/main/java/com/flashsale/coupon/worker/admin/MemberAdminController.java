package com.flashsale.coupon.worker.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MemberAdminController {

    private final MemberAdministration members;

    MemberAdminController(MemberAdministration members) {
        this.members = members;
    }

    @PutMapping("/api/v1/admin/members/{memberId}/status")
    ApiResponse<MemberStatusChanged> changeStatus(@PathVariable @Positive long memberId,
            @RequestBody @Valid MemberStatusChange change) {
        return ApiResponse.ok(members.changeStatus(memberId, change.status()));
    }
}
