"""Sign-in with the school's accounts (OpenID Connect) in headless Chromium, end to end.

A real provider (oidc-provider-mock from PyPI, in .venv-oidc) runs on loopback; `bewaar serve`
is started with --oidc-issuer pointing at it and the client secret in its environment. The
mentor clicks "Inloggen met uw schoolaccount", signs in on the provider's own page and lands on
her cases: Bewaar found her account by the verified e-mail address the beheerder set, and gave
her role. Then someone the school knows but Bewaar does not gets the Dutch page that says to
ask the beheerder, and no account. Screenshots 24-25 in docs/screenshots/.
"""
import json, os, shutil, subprocess, sys, tempfile, urllib.request

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
os.makedirs(SHOTS, exist_ok=True)
work = tempfile.mkdtemp(prefix="bewaar-school-")
store = os.path.join(work, "store")
failures = []


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

port = bewaar_server.free_port()
# "localhost" is another site than Bewaar's 127.0.0.1: the way back from the provider is a
# cross-site navigation, as from a school's real sign-in service (the session cookie is SameSite=Strict).
issuer = f"http://localhost:{port}"
provider = subprocess.Popen([PROVIDER_PYTHON, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "NO_COLOR": "1"})
server = None
d = None
try:
    if not wait_for(lambda: urllib.request.urlopen(issuer + "/.well-known/openid-configuration", timeout=1).status == 200, 30):
        raise SystemExit("oidc-provider-mock did not start")
    set_user("bakker-2b", {"email": "j.bakker@voorbeeldcollege.example.org", "email_verified": True})
    set_user("nieuw-3c", {"email": "nieuwe.collega@voorbeeldcollege.example.org", "email_verified": True})
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

    sign_in_at_school("nieuw-3c")
    check(wait_for(lambda: "geen account in Bewaar" in d.page_source),
          "someone the school knows but Bewaar does not gets the page that says to ask the beheerder")
    check("U bent bij uw school aangemeld, maar heeft geen account in Bewaar; vraag de beheerder." in d.page_source, "in those words")
    d.save_screenshot(os.path.join(SHOTS, "25-schoolaccount-onbekend.png"))
    d.get_log("browser")   # the page's own 403 is expected
    page_checks(d, check, "25-schoolaccount-onbekend")
    accounts = bewaar("user", "list")
    check("nieuw" not in accounts.lower() and accounts.count("\n") == 1, "no account was made for the unknown person")
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
