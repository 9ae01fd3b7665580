"""oidc-provider-mock with PKCE enforced, for Bewaar's sign-in tests.

oidc-provider-mock (0.3) accepts `code_challenge` and ignores it: a token request with any
`code_verifier`, or none, gets its tokens. This starts the same provider with authlib's own
RFC 7636 check added to its authorization code grant: a code asked for with a challenge is
traded only with the verifier whose S256 hash is that challenge (else `invalid_grant`). A code
asked for without a challenge works as before, so tests that fetch tokens by hand still can.

Run as `python oidc_provider_pkce.py --host 127.0.0.1 --port PORT` (the mock's own options).
With `--watch-stdin` first, it exits when its standard input closes (the Swift tests hold it).
"""
import os
import sys
import threading

import authlib.integrations.flask_oauth2 as flask_oauth2
from authlib.oauth2.rfc7636 import CodeChallenge
from oidc_provider_mock import _app

# The challenge and method each code was issued with (the mock's codes are frozen records).
_challenges = {}
_issue_code = _app.AuthorizationCodeGrant.save_authorization_code


def _save_authorization_code(self, code, request):
    _issue_code(self, code, request)
    data = request.payload.data
    _challenges[code] = (data.get("code_challenge"), data.get("code_challenge_method"))


class _Challenge(CodeChallenge):
    def get_authorization_code_challenge(self, authorization_code):
        return _challenges.get(authorization_code.code, (None, None))[0]

    def get_authorization_code_challenge_method(self, authorization_code):
        return _challenges.get(authorization_code.code, (None, None))[1]


_register = flask_oauth2.AuthorizationServer.register_grant


def _register_grant(self, grant_cls, extensions=None):
    if grant_cls is _app.AuthorizationCodeGrant:
        extensions = list(extensions or []) + [_Challenge(required=False)]
    return _register(self, grant_cls, extensions)


_app.AuthorizationCodeGrant.save_authorization_code = _save_authorization_code
flask_oauth2.AuthorizationServer.register_grant = _register_grant

if __name__ == "__main__":
    if sys.argv[1:2] == ["--watch-stdin"]:
        del sys.argv[1]
        threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    from oidc_provider_mock.__main__ import run

    run()
