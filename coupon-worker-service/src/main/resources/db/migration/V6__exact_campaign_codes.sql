-- A campaign's code is exact, as the Redis ledger and the gateway read it: FLASH100 and flash100 are
-- two codes. The default collation compared codes without case, so the worker found FLASH100 for
-- flash100 and then changed ledger keys that do not exist. utf8mb4_bin compares the bytes and exists
-- on both MySQL 8.0 and MariaDB 10.11; it still ignores trailing spaces (PAD SPACE), which no code can
-- hold: the operator API accepts only letters, digits, '-' and '_'. The unique key is rebuilt with the
-- column: codes that were unique without case are unique with it.
ALTER TABLE coupons MODIFY code VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
