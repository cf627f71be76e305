#!/usr/bin/env bash
# CI step for the end-to-end and botocore tests: apt packages (libkrb5-dev, ripgrep, chromium, python3-botocore)
# when missing, and for each VS Code target (scripts/e2e/vscodeTargets.mjs: the lowest supported and the newest) its
# Node from the npm registry and its code-server, in .vscode-test/ (reused when already there). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/../.."
node scripts/e2e/install-code-server.mjs --test-packages --target all
