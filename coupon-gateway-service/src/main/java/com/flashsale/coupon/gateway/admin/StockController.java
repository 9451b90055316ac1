package com.flashsale.coupon.gateway.admin;

import static com.flashsale.coupon.gateway.web.ErrorCode.COUPON_NOT_FOUND;
import static com.flashsale.coupon.gateway.web.ErrorCode.FORBIDDEN;
import static com.flashsale.coupon.gateway.web.ErrorCode.INTERNAL_ERROR;
import static com.flashsale.coupon.gateway.web.ErrorCode.INVALID_REQUEST;
import static com.flashsale.coupon.gateway.web.ErrorCode.LEDGER_UNAVAILABLE;
import static com.flashsale.coupon.gateway.web.ErrorCode.UNAUTHENTICATED;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.gateway.redis.RedisConnections;
import com.flashsale.coupon.gateway.web.ErrorCode;
import com.flashsale.coupon.gateway.web.Refusals;
import com.flashsale.coupon.web.ApiResponse;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's stock read, for operators: what the ledger says about one coupon right now. Stock
 * init and reset live in the worker, which owns provisioning and MySQL.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "operator")
record StockController(RedisConnections redis) {

    @GetMapping("/api/v1/coupons/stock/{couponCode}")
    @Operation(summary = "What the ledger holds for one coupon", description = "Quantity, stock left, members "
            + "issued and the outbox backlog, read from Redis now.", security = @SecurityRequirement(name = "operator"))
    @Refusals({ INVALID_REQUEST, COUPON_NOT_FOUND, LEDGER_UNAVAILABLE, INTERNAL_ERROR, UNAUTHENTICATED, FORBIDDEN })
    ResponseEntity<ApiResponse<StockView>> stock(@Parameter(example = "FLASH100") @PathVariable String couponCode) {
        if (!LedgerKeys.isValidCouponCode(couponCode)) {
            return ApiResponse.failure(ErrorCode.INVALID_REQUEST, "couponCode must be 1-64 letters, digits, '-' or '_'");
        }
        LedgerKeys keys = LedgerKeys.forCoupon(couponCode);
        RedisClusterCommands<String, String> commands = redis.requests();
        String quantity = commands.hget(keys.campaign(), LedgerKeys.CampaignFields.QUANTITY);
        if (quantity == null) {
            return ApiResponse.failure(ErrorCode.COUPON_NOT_FOUND);
        }
        String stock = commands.get(keys.stock());
        return ResponseEntity.ok(ApiResponse.ok(new StockView(couponCode, Long.parseLong(quantity),
                stock == null ? 0 : Long.parseLong(stock), commands.zcard(keys.issued()), commands.xlen(keys.outbox()))));
    }

    /** {@code outboxBacklog}: accepted issuances not yet acknowledged by Kafka. */
    record StockView(@Schema(example = "FLASH100") String couponCode, @Schema(example = "100") long quantity,
            @Schema(example = "42") long stock, @Schema(example = "58") long issued,
            @Schema(example = "0") long outboxBacklog) {
    }
}
