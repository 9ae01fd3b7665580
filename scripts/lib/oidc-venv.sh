#!/usr/bin/env bash
# Installs the OpenID Connect provider the sign-in tests start (oidc-provider-mock from PyPI)
# into .venv-oidc, once. The Swift tests and the browser test only run it: no network at test time.
set -euo pipefail
cd "$(dirname "$0")/../.."
if .venv-oidc/bin/python -c "import oidc_provider_mock" 2>/dev/null; then exit 0; fi
echo "Installing oidc-provider-mock into .venv-oidc"
python3 -m venv .venv-oidc
.venv-oidc/bin/pip install -q "oidc-provider-mock>=0.3,<0.4"
