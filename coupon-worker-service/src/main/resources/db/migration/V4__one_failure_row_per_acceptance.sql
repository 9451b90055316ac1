-- One failure row per acceptance. The dead-letter processor and reconciliation can both give up on
-- the same acceptance, under different event ids (the outbox entry's, and reconciliation's own);
-- the acceptance itself (coupon, member, accepted_at) is what they share. Rows written before this
-- column existed keep NULL, which a unique key never counts as equal.
ALTER TABLE failed_coupon_issues ADD COLUMN accepted_at DATETIME(3) NULL AFTER event_id;
ALTER TABLE failed_coupon_issues
    ADD UNIQUE KEY uk_failed_coupon_issues_acceptance (coupon_id, member_id, accepted_at);
