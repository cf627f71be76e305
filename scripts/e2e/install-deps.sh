#!/usr/bin/env bash
# CI step for the end-to-end and botocore tests: apt packages (libkrb5-dev, ripgrep, chromium, python3-botocore)
# when missing, the ripgrep cache seed, and code-server in .vscode-test/code-server/ (reused when already there).
# Idempotent.
set -euo pipefail
cd "$(dirname "$0")/../.."
node scripts/e2e/install-code-server.mjs --test-packages
