-- Written for both MySQL 8.0 (compose) and MariaDB 10.11 (local machines): keep to the syntax both accept.
-- All DATETIME columns hold UTC.

CREATE TABLE members (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    name       VARCHAR(100) NOT NULL,
    email      VARCHAR(255) NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    created_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_members_email (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE coupons (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    code       VARCHAR(64)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    quantity   INT          NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    starts_at  DATETIME(3)  NOT NULL,
    -- NULL: the campaign has no end.
    ends_at    DATETIME(3)  NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    created_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_coupons_code (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per coupon granted by the Redis ledger. The unique key is what makes redelivered events harmless.
CREATE TABLE coupon_issues (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    coupon_id   BIGINT       NOT NULL,
    member_id   BIGINT       NOT NULL,
    event_id    VARCHAR(200) NOT NULL,
    status      VARCHAR(20)  NOT NULL DEFAULT 'ISSUED',
    accepted_at DATETIME(3)  NOT NULL,
    created_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_coupon_issues_coupon_member (coupon_id, member_id),
    KEY idx_coupon_issues_member (member_id),
    CONSTRAINT fk_coupon_issues_coupon FOREIGN KEY (coupon_id) REFERENCES coupons (id),
    CONSTRAINT fk_coupon_issues_member FOREIGN KEY (member_id) REFERENCES members (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Issuances that could never be persisted. No foreign keys on purpose: the failure may be exactly
-- that the member or coupon does not exist.
CREATE TABLE failed_coupon_issues (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    coupon_id  BIGINT        NOT NULL,
    member_id  BIGINT        NOT NULL,
    event_id   VARCHAR(200)  NOT NULL,
    reason     VARCHAR(1000) NULL,
    status     VARCHAR(20)   NOT NULL DEFAULT 'FAILED',
    created_at DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_failed_coupon_issues_event (event_id),
    KEY idx_failed_coupon_issues_coupon (coupon_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
