#!/usr/bin/env bash
# Usage: scripts/dev-keys.sh [--print-env]   — creates, once, the development RSA key pair that signs local tokens:
#   .local/auth/private.pem  (PKCS#8, RS256 signing key: whoever holds it can mint any member's or operator's token)
#   .local/auth/public.pem   (X.509 SubjectPublicKeyInfo: what the services trust under AUTH=jwt and in compose)
# --print-env prints the settings under which the services trust that key (AUTH_MODE, AUTH_PUBLIC_KEY_LOCATION,
# AUTH_ISSUER, AUTH_AUDIENCES), one NAME=value per line, for scripts/services.sh.
# Never use this pair outside a development machine: production trusts its identity provider (docs/operations.md).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=${AUTH_KEY_DIR:-$ROOT/.local/auth}
# The development issuer and audience: tokens minted for a local run carry exactly these.
DEV_ISSUER=flash-sale-dev
DEV_AUDIENCE=coupon-api

if [ ! -s "$DIR/private.pem" ] || [ ! -s "$DIR/public.pem" ]; then
  command -v openssl >/dev/null || { echo "dev-keys: openssl is missing: install the 'openssl' package." >&2; exit 1; }
  mkdir -p "$DIR"
  # Written aside and moved in, so an interrupted run never leaves half a pair.
  tmp=$(mktemp -d "$DIR/.new.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/private.pem" 2>/dev/null)
  openssl pkey -in "$tmp/private.pem" -pubout -out "$tmp/public.pem"
  chmod 644 "$tmp/public.pem"
  mv "$tmp/private.pem" "$tmp/public.pem" "$DIR/"
  echo "dev-keys: created $DIR/private.pem and $DIR/public.pem (issuer $DEV_ISSUER, audience $DEV_AUDIENCE)" >&2
fi

if [ "${1:-}" = --print-env ]; then
  echo "AUTH_MODE=jwt"
  echo "AUTH_PUBLIC_KEY_LOCATION=file:$DIR/public.pem"
  echo "AUTH_ISSUER=$DEV_ISSUER"
  echo "AUTH_AUDIENCES=$DEV_AUDIENCE"
fi
