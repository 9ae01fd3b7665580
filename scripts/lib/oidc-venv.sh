#!/usr/bin/env bash
# Installs the OpenID Connect provider the sign-in tests start (oidc-provider-mock from PyPI)
# into .venv-oidc, once. The Swift tests and the browser test only run it: no network at test
# time. When it cannot be installed, this says why and the sign-in tests report themselves skipped.
set -uo pipefail
cd "$(dirname "$0")/../.."
if .venv-oidc/bin/python -c "import oidc_provider_mock" 2>/dev/null; then exit 0; fi
echo "Installing oidc-provider-mock into .venv-oidc"
if ! { python3 -m venv .venv-oidc && .venv-oidc/bin/pip install -q "oidc-provider-mock>=0.3,<0.4"; }; then
    rm -rf .venv-oidc
    echo "oidc-provider-mock could not be installed (python3 -m venv and PyPI needed); the school sign-in tests will be skipped" >&2
fi
exit 0
