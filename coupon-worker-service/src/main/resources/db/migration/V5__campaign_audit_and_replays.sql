-- Every change an operator makes through the worker's operator API, one row each: who, what, the
-- campaign (or failed issuance) before and after as JSON, and when. Rows are only ever added.
CREATE TABLE campaign_audit (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    coupon_id     BIGINT       NOT NULL,
    operator_name VARCHAR(200) NOT NULL,
    action        VARCHAR(40)  NOT NULL,
    -- NULL for a creation: there was nothing before.
    before_state  TEXT         NULL,
    after_state   TEXT         NOT NULL,
    changed_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_campaign_audit_coupon (coupon_id, id),
    CONSTRAINT fk_campaign_audit_coupon FOREIGN KEY (coupon_id) REFERENCES coupons (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A failed issuance an operator re-drives: when it was last tried, by whom, and how often. Its status
-- becomes REPLAYED (persisted by the replay) or SUPERSEDED (the member holds a coupon of the campaign
-- anyway); otherwise it keeps its status and takes the new reason.
ALTER TABLE failed_coupon_issues
    ADD COLUMN replay_attempts INT          NOT NULL DEFAULT 0,
    ADD COLUMN replayed_at     DATETIME(3)  NULL,
    ADD COLUMN replayed_by     VARCHAR(200) NULL;
ALTER TABLE failed_coupon_issues ADD KEY idx_failed_coupon_issues_coupon_status (coupon_id, status, id);
