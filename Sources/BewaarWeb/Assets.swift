/// The stylesheet and the small progressive-enhancement script, served from /static/.
/// Contrast is at least 4.5:1 everywhere; sizes in rem so 200% zoom reflows.
enum Assets {
    static let css = """
        :root { --ink: #1b1b1b; --paper: #ffffff; --accent: #0b4f8a; --muted: #4a4a4a; --line: #8a8a8a; --warn: #8a1c00; --ok: #155724; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: "DejaVu Sans", Arial, sans-serif; font-size: 1rem; line-height: 1.5; color: var(--ink); background: var(--paper); }
        header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .5rem 1rem; background: #0b3a63; color: #fff; }
        header a, header span, header strong { color: #fff; }
        .merk { font-weight: bold; font-size: 1.25rem; }
        nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
        .zaaknav { padding: .5rem 1rem; background: #e8eef5; }
        .zaaknav a { color: #0b3a63; font-weight: bold; }
        a[aria-current="page"] { text-decoration: underline 3px; }
        .uit { margin-left: auto; display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
        main { padding: 1rem; max-width: 70rem; overflow-wrap: anywhere; }
        footer { padding: 1rem; color: var(--muted); border-top: 1px solid var(--line); font-size: .9rem; }
        .skip { position: absolute; left: -999rem; }
        .skip:focus { left: 1rem; top: 1rem; background: #fff; color: #000; padding: .5rem; z-index: 10; }
        a { color: var(--accent); }
        :focus-visible { outline: 3px solid #c75000; outline-offset: 2px; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
        th { background: #eef1f4; overflow-wrap: normal; }
        td { overflow-wrap: anywhere; }
        /* Narrow screens and 200% zoom: tables become stacked blocks, never sideways scrolling. */
        @media (max-width: 44rem) {
            table, thead, tbody, tr, th, td { display: block; width: auto; }
            thead { position: absolute; left: -999rem; }
            tr { border: 1px solid var(--line); margin: .5rem 0; }
            td { border: none; border-bottom: 1px solid var(--line); }
            caption { display: block; text-align: left; }
            /* Each stacked cell keeps its column's name. */
            td[data-kop]::before { content: attr(data-kop) ": "; font-weight: bold; }
            h1 { overflow-wrap: normal; word-break: normal; }
            input[type=text], input[type=password], input[type=date], input[type=search], select, textarea { width: 100%; }
        }
        label { display: block; font-weight: bold; margin-top: .5rem; }
        label.keuze { display: inline; font-weight: normal; }
        input[type=text], input[type=password], input[type=date], input[type=search], select, textarea { font: inherit; padding: .3rem; border: 1px solid #555; max-width: 100%; width: 30rem; }
        textarea { min-height: 4rem; }
        button { font: inherit; padding: .35rem .9rem; background: var(--accent); color: #fff; border: 2px solid var(--accent); border-radius: 3px; cursor: pointer; margin-top: .5rem; }
        button.licht { background: #fff; color: var(--accent); }
        fieldset { border: 1px solid var(--line); margin: 1rem 0; padding: .5rem 1rem 1rem; }
        legend { font-weight: bold; }
        .stap { border: 1px solid var(--line); padding: .5rem 1rem; margin: .75rem 0; }
        .stap h3 { margin: .25rem 0; }
        .status-gedaan { color: var(--ok); font-weight: bold; }
        .status-open { color: var(--warn); font-weight: bold; }
        .melding { padding: .5rem 1rem; border-left: 5px solid var(--warn); background: #fff4ef; }
        .goed { padding: .5rem 1rem; border-left: 5px solid var(--ok); background: #eef8f0; }
        .uitleg { color: var(--muted); }
        .bericht { white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }
        td, li, h1, .bron { unicode-bidi: isolate; }
        form.inline { display: inline; }
        .bron { white-space: pre-wrap; overflow-wrap: anywhere; font-family: "DejaVu Sans Mono", monospace; background: #f4f4f4; padding: .5rem; border: 1px solid var(--line); }
        tr.beweerd td { color: var(--muted); font-style: italic; }
        mark { background: #ffe066; color: #000; }
        .sleepvlak { border: 2px dashed #555; padding: 1rem; margin: .5rem 0; }
        .sleepvlak.boven { background: #e8eef5; }
        progress { width: 100%; height: 1.25rem; }
        .verborgen { display: none; }
        .let-op { padding: .5rem 1rem; border-left: 5px solid #8a5a00; background: #fff8e5; }
        .volgende { padding: .5rem 1rem; border: 2px solid var(--accent); margin: .5rem 0 1rem; }
        .volgende h2 { margin: 0 0 .25rem; font-size: 1.1rem; }
        nav.secties ul { gap: .25rem 1rem; padding: .25rem 0 .75rem; border-bottom: 1px solid var(--line); }
        section { scroll-margin-top: 1rem; }
        a.knop { display: inline-block; padding: .35rem .9rem; background: var(--accent); color: #fff; border-radius: 3px; text-decoration: none; }
        .nieuw { background: #8a1c00; color: #fff; padding: 0 .4rem; border-radius: 3px; font-size: .9rem; }
        textarea.magister { width: 100%; min-height: 8rem; font-family: "DejaVu Sans Mono", monospace; }
        tr.teruggetrokken td { color: var(--muted); text-decoration: line-through; }
        tr.teruggetrokken td p { text-decoration: none; }
        details { margin: .5rem 0; }
        summary { cursor: pointer; color: var(--accent); font-weight: bold; }
        fieldset.leerling { max-width: 32rem; }
        .kolommen { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
        /* Evidence: a chat as bubbles (the own side on the right), system lines quiet, an e-mail, a saved page's text, bytes in hex. */
        .gesprek { list-style: none; margin: .75rem 0; padding: .75rem; background: #efeae2; display: flex; flex-direction: column; gap: .4rem; }
        .bubbel { max-width: 80%; min-width: 8rem; padding: .4rem .7rem; border-radius: .6rem; background: #fff; border: 1px solid #b8b1a5; align-self: flex-start; }
        .bubbel.rechts { align-self: flex-end; background: #d9fdd3; }
        .bubbel.gemarkeerd { border: 3px solid var(--warn); }
        .bubbel p { margin: 0; }
        .afzender { font-weight: bold; color: var(--accent); font-size: .9rem; }
        .soort { font-size: .9rem; color: var(--muted); font-style: italic; }
        .bericht.verwijderd { font-style: italic; color: var(--muted); }
        .bubbel .meta { margin-top: .2rem; font-size: .85rem; color: var(--muted); text-align: right; }
        .markering { font-weight: bold; color: var(--warn); font-size: .9rem; }
        .systeem { align-self: center; max-width: 90%; text-align: center; font-size: .85rem; color: var(--muted); padding: .1rem .5rem; }
        .systeem p { margin: 0; }
        .systeem.gemarkeerd { border: 2px solid var(--warn); background: #fff; }
        .dag { align-self: center; font-size: .85rem; font-weight: bold; background: #fff; color: var(--ink); padding: .1rem .6rem; border-radius: .4rem; }
        .plaatje img { display: block; max-width: 100%; max-height: 20rem; height: auto; margin: .3rem 0; }
        img.bewijsbeeld { max-width: 100%; height: auto; border: 1px solid var(--line); }
        /* Screenshots: the picture with the messages read outlined, beside their list; a bubble cut out; the OCR mark. */
        .naast { display: grid; grid-template-columns: minmax(12rem, 2fr) 3fr; gap: 1rem; align-items: start; }
        svg.schermbeeld { display: block; max-width: 100%; max-height: 90vh; width: auto; height: auto; border: 1px solid var(--line); }
        svg.uitsnede { display: block; max-width: 100%; height: auto; border: 2px solid #c8102e; }
        ol.gelezen { list-style: none; padding: 0; display: flex; flex-direction: column; gap: .4rem; }
        li.gelezen { border: 1px solid #b8b1a5; border-radius: .5rem; padding: .3rem .6rem; background: #fff; }
        li.gelezen.kant-rechts { background: #d9fdd3; margin-left: 2rem; }
        li.gelezen.kant-midden { text-align: center; color: var(--muted); }
        li.gelezen.gemarkeerd { border: 3px solid var(--warn); }
        li.gelezen p { margin: 0; }
        li.gelezen .meta { font-size: .85rem; color: var(--muted); }
        .nummer { float: left; font-weight: bold; color: #c8102e; margin-right: .5rem; }
        .ocr { font-style: italic; }
        .ocr.laag { color: var(--warn); font-weight: bold; }
        .aangenomen { font-weight: normal; font-style: italic; color: var(--muted); }
        @media (max-width: 50rem) { .naast { grid-template-columns: 1fr; } }
        .gesprek.blokken { background: none; padding: 0; }
        .gesprek.blokken .bubbel { max-width: 100%; align-self: stretch; border-radius: 0; }
        .hex { overflow-x: auto; white-space: pre; font-family: "DejaVu Sans Mono", monospace; font-size: .85rem; background: #f4f4f4; padding: .5rem; border: 1px solid var(--line); }
        details > summary { cursor: pointer; font-weight: bold; margin: .5rem 0; }
        dl.kop { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
        dl.kop dt { font-weight: bold; }
        dl.kop dd { margin: 0; }
        .redenen label { display: block; font-weight: normal; margin: .3rem 0; }
        .kant select { width: auto; }
        a.knop { display: inline-block; padding: .35rem .9rem; background: var(--accent); color: #fff; border-radius: 3px; text-decoration: none; }
        .mail { border-top: 2px solid var(--line); margin-top: 1rem; }
        .mailtekst { border: 1px solid var(--line); padding: .5rem; }
        .klein { font-size: .9rem; }
        @media (max-width: 30rem) { dl.kop { grid-template-columns: 1fr; } .bubbel { max-width: 92%; } }
        """

    /// Progressive enhancement only: drag-and-drop onto the upload field and a progress bar.
    /// Without it the plain form posts the same way. Its messages come from the form's `data-`
    /// attributes, in the page's language.
    static let js = """
        "use strict";
        document.addEventListener("DOMContentLoaded", function () {
          document.querySelectorAll("form.upload").forEach(function (form) {
            var input = form.querySelector("input[type=file]");
            var zone = form.querySelector(".sleepvlak");
            var bar = form.querySelector("progress");
            var status = form.querySelector(".voortgang");
            if (zone && input) {
              zone.addEventListener("dragover", function (e) { e.preventDefault(); zone.classList.add("boven"); });
              zone.addEventListener("dragleave", function () { zone.classList.remove("boven"); });
              zone.addEventListener("drop", function (e) {
                e.preventDefault(); zone.classList.remove("boven");
                if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; }
              });
            }
            form.addEventListener("submit", function (e) {
              if (!window.XMLHttpRequest || !window.FormData) { return; }
              e.preventDefault();
              var xhr = new XMLHttpRequest();
              // Once the bytes are sent, the server reads the files; where the form names a
              // progress address, ask it how far that has come (by an id made up here).
              var id = "", timer = null;
              if (form.dataset.voortgang && window.crypto && window.crypto.getRandomValues) {
                var bytes = new Uint8Array(16);
                window.crypto.getRandomValues(bytes);
                bytes.forEach(function (b) { id += (b < 16 ? "0" : "") + b.toString(16); });
              }
              var ask = function () {
                var poll = new XMLHttpRequest();
                poll.open("GET", form.dataset.voortgang + "?id=" + id);
                poll.addEventListener("load", function () {
                  if (poll.status !== 200 || !status || xhr.readyState === 4) { return; }
                  try {
                    var answer = JSON.parse(poll.responseText);
                    status.textContent = answer.tekst;
                    if (answer.klaar && timer) { window.clearInterval(timer); timer = null; }
                  } catch (err) {}
                });
                poll.send();
              };
              xhr.open("POST", form.action + (id ? "?voortgang=" + id : ""));
              if (bar) { bar.classList.remove("verborgen"); bar.value = 0; }
              xhr.upload.addEventListener("progress", function (p) {
                if (p.lengthComputable && bar) {
                  bar.value = Math.round(100 * p.loaded / p.total);
                  if (status) { status.textContent = bar.value + (form.dataset.sent || "%"); }
                }
              });
              xhr.upload.addEventListener("load", function () {
                if (id && !timer) { timer = window.setInterval(ask, 700); }
              });
              xhr.addEventListener("loadend", function () { if (timer) { window.clearInterval(timer); timer = null; } });
              xhr.addEventListener("load", function () {
                if (xhr.status >= 200 && xhr.status < 300) { window.location.href = xhr.responseURL; }
                else { if (status) { status.textContent = (form.dataset.failed || "{status}").replace("{status}", String(xhr.status)); } }
              });
              xhr.addEventListener("error", function () { if (status) { status.textContent = form.dataset.broken || ""; } });
              xhr.send(new FormData(form));
            });
          });
          // Copy buttons (the Magister text): copy the named field, say so.
          document.querySelectorAll("button.kopieer").forEach(function (button) {
            button.addEventListener("click", function () {
              var field = document.getElementById(button.dataset.doel);
              if (!field) { return; }
              field.select();
              var done = function () { button.textContent = button.dataset.gekopieerd || button.textContent; };
              if (navigator.clipboard && navigator.clipboard.writeText) { navigator.clipboard.writeText(field.value).then(done, done); }
              else { try { document.execCommand("copy"); } catch (e) {} done(); }
            });
          });
          // Forms that remove or end something ask first (the question is in data-bevestig).
          document.querySelectorAll("form[data-bevestig]").forEach(function (form) {
            form.addEventListener("submit", function (e) {
              if (!window.confirm(form.dataset.bevestig)) { e.preventDefault(); }
            });
          });
        });
        """
}
