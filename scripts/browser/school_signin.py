"""Sign-in with the school's accounts (OpenID Connect) in headless Chromium, end to end.

A real provider (oidc-provider-mock from PyPI, in .venv-oidc) runs on loopback; `bewaar serve`
is started with --oidc-issuer pointing at it and the client secret in its environment. The
mentor clicks "Inloggen met uw schoolaccount", signs in on the provider's own page and lands on
her cases: Bewaar found her account by the verified e-mail address the beheerder set, and gave
her role. She signs out: Bewaar's session ends and the browser goes on to the provider's
sign-out page with her sign-in's ID token (id_token_hint), and from there back to Bewaar. Then
someone the school knows but Bewaar does not (a provider that sends no verified address) gets the
Dutch page that says to ask the beheerder, with the issuer, the subject and the command; the
beheerder runs that command in a shell, and the next sign-in lands on her cases. Screenshots
24-25 in docs/screenshots/. The provider runs with PKCE enforced (scripts/lib/oidc_provider_pkce.py).
"""
import json, os, shutil, subprocess, sys, tempfile, urllib.parse, urllib.request

os.environ["SE_OFFLINE"] = "true"
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pagecheck import page_checks, wait_for
import server as bewaar_server

BEWAAR = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHOTS = os.path.join(ROOT, "docs", "screenshots")
PROVIDER_PYTHON = os.path.join(ROOT, ".venv-oidc", "bin", "python")
PROVIDER_PKCE = os.path.join(ROOT, "scripts", "lib", "oidc_provider_pkce.py")
os.makedirs(SHOTS, exist_ok=True)
work = tempfile.mkdtemp(prefix="bewaar-school-")
store = os.path.join(work, "store")
failures = []
# An Entra-style subject: 43 characters, fixed, per application.
SMIT = "AAAAAAAAAAAAAAAAAAAAAKsmit3cVoorbeeldcollege"


def bewaar(*args, stdin=None):
    r = subprocess.run([BEWAAR, *args, "--store", store], input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"bewaar {' '.join(args)} failed: {r.stderr}")
    return r.stdout


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def set_user(sub, claims):
    """The provider's claims for `sub` (its PUT /users/{sub})."""
    req = urllib.request.Request(f"{issuer}/users/{sub}", data=json.dumps(claims).encode(), method="PUT",
                                 headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=10).read()


if not os.access(PROVIDER_PYTHON, os.X_OK):
    raise SystemExit("oidc-provider-mock is not installed: scripts/test-browser makes .venv-oidc")

case_id = bewaar("case", "new", "--title", "Pesten in groepsapp klas 2B", "--victim", "Sanne de Vries",
                 "--suspect", "Daan Jansen", "--mentor", "J. Bakker", "--by", "J. Bakker").strip().split()[0]
bewaar("user", "add", "J. Bakker", "--role", "mentor", stdin="browser-test-wachtwoord\n")
bewaar("user", "email", "J. Bakker", "j.bakker@voorbeeldcollege.example.org")
bewaar("access", "grant", case_id, "--account", "J. Bakker", "--reason", "mentor van klas 2B")
bewaar("user", "add", "K. Smit", "--role", "mentor", stdin="browser-test-wachtwoord\n")
bewaar("access", "grant", case_id, "--account", "K. Smit", "--reason", "tweede mentor van klas 2B")

port = bewaar_server.free_port()
# "localhost" is another site than Bewaar's 127.0.0.1: the way back from the provider is a
# cross-site navigation, as from a school's real sign-in service (the session cookie is SameSite=Strict).
issuer = f"http://localhost:{port}"
provider = subprocess.Popen([PROVIDER_PYTHON, PROVIDER_PKCE, "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "NO_COLOR": "1"})
server = None
d = None
try:
    if not wait_for(lambda: urllib.request.urlopen(issuer + "/.well-known/openid-configuration", timeout=1).status == 200, 30):
        raise SystemExit("oidc-provider-mock did not start")
    set_user("bakker-2b", {"email": "j.bakker@voorbeeldcollege.example.org", "email_verified": True})
    # Entra-style without xms_edov: an address and a user name, nothing that says the address was verified.
    set_user(SMIT, {"email": "k.smit@voorbeeldcollege.example.org", "preferred_username": "k.smit@voorbeeldcollege.example.org"})
    env = {**os.environ, "BEWAAR_OIDC_CLIENT_SECRET": "geheim-van-de-browsertest"}
    server, base = bewaar_server.start(BEWAAR, store, ["--oidc-issuer", issuer, "--oidc-client-id", "bewaar-browsertest"], env)

    o = webdriver.ChromeOptions()
    o.binary_location = shutil.which("chromium")
    for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1200,900", "--no-first-run",
              "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=nl-NL"]:
        o.add_argument(a)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=o)
    d.implicitly_wait(10)
    d.set_page_load_timeout(60)

    def sign_in_at_school(sub):
        d.delete_all_cookies()
        d.get(base + "/inloggen")
        d.find_element(By.ID, "schoolaccount").click()
        check(wait_for(lambda: d.current_url.startswith(issuer + "/oauth2/authorize")), f"{sub}: the button leads to the school's sign-in page")
        field = d.find_element(By.NAME, "sub")
        field.send_keys(sub)
        field.submit()

    d.get(base + "/inloggen")
    check("Inloggen met uw schoolaccount" in d.page_source, "the login page offers the school account")
    check(len(d.find_elements(By.ID, "wachtwoord")) == 1, "and still the password form")
    d.save_screenshot(os.path.join(SHOTS, "24-inloggen-schoolaccount.png"))
    page_checks(d, check, "24-inloggen-schoolaccount")

    sign_in_at_school("bakker-2b")
    check(wait_for(lambda: d.current_url == base + "/zaken"), "the mentor lands on her cases after the school's page")
    check("Pesten in groepsapp klas 2B" in d.page_source, "she sees the case she has access to (her role comes from Bewaar)")

    # Signing out ends Bewaar's session and goes on to the provider's sign-out page with her ID token.
    d.find_element(By.CSS_SELECTOR, "form.uit button").click()
    check(wait_for(lambda: d.current_url.startswith(issuer + "/oauth2/end_session?")), "signing out goes on to the school's sign-out page")
    sent = urllib.parse.parse_qs(urllib.parse.urlparse(d.current_url).query)
    hint = sent.get("id_token_hint", [""])[0]
    check(hint.count(".") == 2 and hint in d.page_source, "with her sign-in's ID token as id_token_hint, which the provider received")
    check(sent.get("post_logout_redirect_uri") == [base + "/"], "and Bewaar's public address to come back to")
    d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    check(wait_for(lambda: d.current_url == base + "/inloggen"), "the provider sends her back to Bewaar's login page")
    d.get(base + "/zaken")
    check(d.current_url == base + "/inloggen", "her Bewaar session has ended")

    sign_in_at_school(SMIT)
    check(wait_for(lambda: "geen account in Bewaar" in d.page_source),
          "someone the school knows but Bewaar does not gets the page that says to ask the beheerder")
    check("U bent bij uw school aangemeld, maar heeft geen account in Bewaar; vraag de beheerder." in d.page_source, "in those words")
    check(d.find_element(By.ID, "issuer").text == issuer and d.find_element(By.ID, "subject").text == SMIT,
          "the page shows the issuer and the subject")
    command = d.find_element(By.ID, "koppelopdracht").text
    check(command == f"bewaar user subject NAAM --issuer '{issuer}' --subject '{SMIT}'", f"and the command for the beheerder: {command}")
    d.save_screenshot(os.path.join(SHOTS, "25-schoolaccount-onbekend.png"))
    d.get_log("browser")   # the page's own 403 is expected
    page_checks(d, check, "25-schoolaccount-onbekend")
    accounts = bewaar("user", "list")
    check(SMIT not in accounts and accounts.count("\n") == 2, "no account was made, and the unverified address linked nothing")
    # The beheerder pastes the command into a shell, with the account's name for NAAM.
    linked = subprocess.run(["/bin/sh", "-c", command.replace("bewaar user subject NAAM", '"$0" user subject "$1"', 1) + ' --store "$2"',
                             BEWAAR, "K. Smit", store], capture_output=True, text=True)
    check(linked.returncode == 0 and "K. Smit is gekoppeld" in linked.stdout, f"the beheerder links the account: {linked.stdout}{linked.stderr}")
    sign_in_at_school(SMIT)
    check(wait_for(lambda: d.current_url == base + "/zaken"), "after that she lands on her cases")
    check("Pesten in groepsapp klas 2B" in d.page_source, "and sees the case she has access to")
finally:
    if d is not None:
        d.quit()
    if server is not None:
        bewaar_server.stop(server)
    provider.terminate()
    provider.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)

print()
if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("school sign-in flow: all checks passed")
