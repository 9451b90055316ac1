package com.flashsale.coupon.worker.admin;

import jakarta.validation.constraints.NotNull;

record CampaignStatusChange(@NotNull CampaignStatus status) {
}
