"""The pupil's upload link of issue 15 in headless Chromium, end to end.

The mentor makes two links on the case page for the pupil on the case: one for the standard 72
hours, with its instruction sheet, and one valid for a minute. In a phone-sized window
(390 x 844) the pupil opens the link, sees the instructions and nothing of the case, uploads the
sample chat and screenshot and gets the receipt with each file's SHA-256. The mentor sees the
files under the pupil's name "via uploadlink", revokes the link, and the link refuses; the
one-minute link refuses once its minute is over. Screenshots 20-22 in docs/screenshots/.
"""
import hashlib, os, shutil, subprocess, sys, tempfile, time

os.environ["SE_OFFLINE"] = "true"
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pagecheck
from pagecheck import page_checks, no_sideways_scroll
import server as bewaar_server

BEWAAR = sys.argv[1]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHOTS = os.path.join(ROOT, "docs", "screenshots")
SAMPLES = os.path.join(ROOT, "samples", "evidence")
PASSWORD = "browser-test-wachtwoord"
os.makedirs(SHOTS, exist_ok=True)
work = tempfile.mkdtemp(prefix="bewaar-pupil-")
store = os.path.join(work, "store")
downloads = os.path.join(work, "downloads")
os.makedirs(downloads)
failures = []
CASE_WORDS = ["Pesten in groepsapp", "Sanne", "Daan", "Bakker"]


def bewaar(*args, stdin=None):
    r = subprocess.run([BEWAAR, *args, "--store", store], input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"bewaar {' '.join(args)} failed: {r.stderr}")
    return r.stdout


case_id = bewaar("case", "new", "--title", "Pesten in groepsapp klas 2B", "--victim", "Sanne de Vries",
                 "--suspect", "Daan Jansen", "--mentor", "J. Bakker", "--by", "J. Bakker").strip().split()[0]
bewaar("user", "add", "J. Bakker", "--role", "mentor", stdin=PASSWORD + "\n")
bewaar("access", "grant", case_id, "--account", "J. Bakker", "--reason", "mentor van klas 2B")
chat = os.path.join(SAMPLES, "WhatsApp-chat met Klas 2B.txt")
screenshot = os.path.join(SAMPLES, "schermafbeelding-groepsapp.png")

server, base = bewaar_server.start(BEWAAR, store)


def browser(size, phone=False):
    o = webdriver.ChromeOptions()
    o.binary_location = shutil.which("chromium")
    for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", f"--window-size={size}", "--no-first-run",
              "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=nl-NL"]:
        o.add_argument(a)
    if phone:   # a window cannot be narrower than 500 px: the phone's viewport is emulated
        o.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 1.0}})
    o.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    b = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=o)
    b.implicitly_wait(10)
    b.set_page_load_timeout(60)
    return b


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


wait_for = pagecheck.wait_for  # the one shared helper (pagecheck.py)


def make_link(amount, unit):
    """The mentor makes a link for Sanne on the case page; returns the link the answer shows once."""
    d.get(base + f"/zaken/{case_id}#uploadlinks")
    check(not d.find_elements(By.CSS_SELECTOR, ".nieuwe-link"), "the case page shows no link: the store does not keep them")
    before = set()
    Select(d.find_element(By.ID, "uploadlink-persoon")).select_by_visible_text("Sanne de Vries (slachtoffer)")
    field = d.find_element(By.ID, "uploadlink-geldig")
    field.clear(); field.send_keys(amount)
    Select(d.find_element(By.ID, "uploadlink-eenheid")).select_by_value(unit)
    d.find_element(By.CSS_SELECTOR, "form[action$='/uploadlinks'] button").click()
    wait_for(lambda: len(d.find_elements(By.CSS_SELECTOR, ".nieuwe-link input[type=text]")) > len(before))
    new = [e.get_attribute("value") for e in d.find_elements(By.CSS_SELECTOR, ".nieuwe-link input[type=text]") if e.get_attribute("value") not in before]
    check(len(new) == 1 and "/aanleveren/" in new[0], f"the answer to the form shows the new link ({amount} {unit})")
    return new[0] if new else base + "/aanleveren/ontbreekt"


def refused(b, url, what):
    b.get(url)
    ok = wait_for(lambda: "Deze link werkt niet" in b.page_source)
    check(ok and not any(w in b.page_source for w in CASE_WORDS), what)
    b.get_log("browser")   # the refusal's own 404 is expected


d = browser("1200,900")
p = None
try:
    # The mentor makes a link of one minute (for the expiry check at the end) and one of 72 hours.
    d.get(base + "/inloggen")
    d.find_element(By.ID, "naam").send_keys("J. Bakker")
    d.find_element(By.ID, "wachtwoord").send_keys(PASSWORD + Keys.ENTER)
    check(wait_for(lambda: d.current_url.endswith("/zaken")), "the mentor is signed in")
    d.get(base + f"/zaken/{case_id}")
    check(d.find_element(By.ID, "uploadlink-geldig").get_attribute("value") == "72", "a link is valid for 72 hours unless the mentor says otherwise")
    link = make_link("72", "uren")
    panel = [e for e in d.find_elements(By.CSS_SELECTOR, ".nieuwe-link") if link in e.get_attribute("innerHTML")][0]
    qr = panel.find_element(By.TAG_NAME, "svg")
    check(qr.get_attribute("role") == "img" and qr.get_attribute("aria-label"), "the QR code is an inline SVG with a label")
    d.execute_script("document.querySelector('.nieuwe-link').scrollIntoView()")
    d.save_screenshot(os.path.join(SHOTS, "20-uploadlink-mentor.png"))
    page_checks(d, check, "20-uploadlink-mentor")
    if shutil.which("zbarimg"):
        png = os.path.join(work, "qr.png")
        qr.screenshot(png)
        read = subprocess.run(["zbarimg", "--quiet", "--raw", png], capture_output=True, text=True).stdout.strip()
        check(read == link, f"the QR code on the page reads back as the link ({read})")
    # The instruction sheet with the link.
    panel.find_element(By.XPATH, ".//button[contains(., 'Instructieblad')]").click()
    sheet = os.path.join(downloads, "uploadlink-instructies.pdf")
    check(wait_for(lambda: os.path.exists(sheet) and open(sheet, "rb").read(4) == b"%PDF"), "the instruction sheet (PDF) is downloaded")
    if shutil.which("pdftotext") and os.path.exists(sheet):
        text = subprocess.run(["pdftotext", sheet, "-"], capture_output=True, text=True).stdout
        check("WhatsApp op iPhone" in text and link in text and not any(w in text for w in CASE_WORDS),
              "the sheet has the instructions and the link, and nothing of the case")
    short = make_link("1", "minuten")
    short_made = time.time()

    # The pupil, on a phone, in a browser of their own.
    p = browser("390,844", phone=True)
    p.get(short)
    check(wait_for(lambda: "Bewijs inleveren" in p.page_source), "the one-minute link works at first")
    p.get(link)
    check(wait_for(lambda: "Bewijs inleveren" in p.title), "the pupil opens the link")
    width = p.execute_script("return window.innerWidth")
    check(width == 390, f"the pupil's window is 390 px wide ({width})")
    check(not any(w in p.page_source for w in CASE_WORDS + [case_id]), "the pupil's page shows nothing of the case")
    for guide in ["WhatsApp op Android", "WhatsApp op iPhone", "Instagram", "Snapchat", "TikTok", "Schermafbeeldingen", "E-mail"]:
        check(guide in p.page_source, f"the page explains {guide}")
    p.find_element(By.CSS_SELECTOR, "#whatsapp-iphone summary").click()
    check(wait_for(lambda: p.find_element(By.ID, "whatsapp-iphone").get_attribute("open") is not None), "a platform's steps open on a tap")
    no_sideways_scroll(p, check, "21-uploadlink-leerling at 390 px")
    p.save_screenshot(os.path.join(SHOTS, "21-uploadlink-leerling.png"))
    page_checks(p, check, "21-uploadlink-leerling")
    # Upload the chat and a screenshot (the progress-bar path), then the receipt.
    p.find_element(By.ID, "bestanden").send_keys(chat + "\n" + screenshot)
    p.find_element(By.CSS_SELECTOR, "form.upload button[type=submit]").click()
    check(wait_for(lambda: "/ontvangen" in p.current_url and "Ontvangen" in p.title, 30), "the pupil gets a receipt")
    receipt = p.page_source
    check("2 bestanden ontvangen" in receipt, "the receipt counts 2 files")
    for path in [chat, screenshot]:
        digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
        check(digest in receipt and os.path.basename(path) in receipt, f"the receipt names {os.path.basename(path)} with its SHA-256")
    check(not any(w in receipt for w in CASE_WORDS + [case_id]), "the receipt shows nothing of the case")
    no_sideways_scroll(p, check, "22-uploadlink-ontvangstbewijs at 390 px")
    p.save_screenshot(os.path.join(SHOTS, "22-uploadlink-ontvangstbewijs.png"))
    page_checks(p, check, "22-uploadlink-ontvangstbewijs")
    # The upload session reaches no case page.
    p.get(base + f"/zaken/{case_id}")
    check(wait_for(lambda: "/inloggen" in p.current_url), "the pupil's browser is sent to the login page for the case")

    # The mentor sees the files under the pupil's name, then revokes the link.
    d.get(base + f"/zaken/{case_id}")
    source = d.page_source
    check("Sanne de Vries (leerling) via uploadlink van J. Bakker" in source, "the evidence is stored under the pupil's name via the mentor's link")
    check("2 bestanden ontvangen" in source, "the mentor's list counts the files")
    form = [f for f in d.find_elements(By.CSS_SELECTOR, "form[action$='/uploadlinks/intrekken']")
            if "2 bestanden ontvangen" in f.find_element(By.XPATH, "..").text][0]
    form.find_element(By.TAG_NAME, "button").click()
    check(wait_for(lambda: d.switch_to.alert is not None), "revoking asks first")
    d.switch_to.alert.accept()
    check(wait_for(lambda: "ingetrokken door J. Bakker" in d.page_source), "the link is revoked")
    refused(p, link, "the revoked link refuses and shows nothing of the case")
    log = bewaar("log", "--case", case_id)
    check("upload-link-made" in log and "upload-link-used" in log and "upload-link-revoked" in log, "making, using and revoking are in the custody log")
    check(subprocess.run([BEWAAR, "check", "--store", store], capture_output=True).returncode == 0, "bewaar check: the store and its chains are intact")

    # The one-minute link has expired by now (or soon).
    time.sleep(max(0, short_made + 62 - time.time()))
    refused(p, short, "the one-minute link refuses once its minute is over")
finally:
    d.quit()
    if p: p.quit()
    bewaar_server.stop(server)
    shutil.rmtree(work, ignore_errors=True)

if failures:
    print(f"{len(failures)} browser check(s) failed")
    sys.exit(1)
print("pupil link browser test passed; screenshots 20-22 in docs/screenshots/")
