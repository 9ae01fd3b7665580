#!/usr/bin/env bash
# Renders the image fixtures of BewaarImageTests and BewaarOCRTests (committed; run again only to
# change them): small chat-like screenshots drawn by headless Chromium from HTML written here, and
# the same picture as JPEG, WebP, GIF and HEIC, re-encoded, resized and cropped.
#   Tests/BewaarImageTests/Fixtures/render.sh            the fixtures
#   Tests/BewaarImageTests/Fixtures/render.sh --bench DIR N   N phone screenshots of 1170 × 2532
#                                                        (390 × 844 at 3×) for the OCR timing
# Needs chromium, ImageMagick, cwebp (webp) and heif-enc (libheif-examples): installed here when
# missing (as root), never at test time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ocr="$here/../../BewaarOCRTests/Fixtures"

need=()
command -v chromium >/dev/null || need+=(chromium)
[ -x /usr/bin/convert ] || need+=(imagemagick)
command -v cwebp >/dev/null || need+=(webp)
command -v heif-enc >/dev/null || need+=(libheif-examples)
if [ ${#need[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || { echo "needs: apt-get install ${need[*]}" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
# ImageMagick itself (a stand-in may shadow it on PATH).
convert=/usr/bin/convert
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# shot HTML PNG WIDTH HEIGHT SCALE
shot() {
    chromium --headless=new --no-sandbox --disable-dev-shm-usage --disable-gpu --hide-scrollbars \
        --force-device-scale-factor="$5" --window-size="$3,$4" --screenshot="$2" "file://$1" >/dev/null 2>&1
}

# A chat with three bubbles at fixed places (CSS pixels; ×2 in the PNG): the OCR tests know
# which words lie in which bubble.
chat_html() {
    cat <<'EOF'
<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font-family: "DejaVu Sans", sans-serif; font-size: 16px; color: #111; }
.b { position: absolute; box-sizing: border-box; padding: 8px 12px; border-radius: 12px; background: #ececec; }
#a { left: 12px; top: 16px; width: 300px; height: 64px; }
#b { left: 78px; top: 110px; width: 300px; height: 64px; background: #d9fdd3; }
#c { left: 12px; top: 210px; width: 300px; height: 40px; }
.t { position: absolute; right: 10px; bottom: 4px; font-size: 11px; color: #667; }
</style></head><body>
<div class="b" id="a">Ik zie je morgen bij de kantine, oké?</div>
<div class="b" id="b">Waarom doe je zo gemeen tegen haar?</div>
<div class="b" id="c">Dat is niet grappig meer.</div>
</body></html>
EOF
}

# Another picture altogether (for the hash: not near the chat).
other_html() {
    cat <<'EOF'
<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: linear-gradient(135deg, #123 0%, #3a6 60%, #fd4 100%); font-family: "DejaVu Serif", serif; }
h1 { color: #fff; font-size: 44px; margin: 40px 24px; }
.dot { position: absolute; border-radius: 50%; background: #f44; }
</style></head><body>
<h1>Rooster week 12</h1>
<div class="dot" style="left: 250px; top: 160px; width: 110px; height: 110px"></div>
<div class="dot" style="left: 30px; top: 200px; width: 60px; height: 60px; background: #24f"></div>
</body></html>
EOF
}

# A long chat at phone size, message texts varying with SEED.
phone_html() {
    python3 - "$1" <<'EOF'
import random, sys
r = random.Random(int(sys.argv[1]))
words = ("ik zie je morgen bij de kantine oké waarom doe je zo gemeen tegen haar dat is niet grappig "
         "meer wie heeft die foto gedeeld in de groep jullie moeten stoppen met dit zeg het tegen "
         "mentor ze heeft het gezien gisteren na school iedereen lacht erom echt waar").split()
rows = []
for i in range(14):
    side = r.choice(["in", "out"])
    text = " ".join(r.choice(words) for _ in range(r.randint(3, 14)))
    text = text[0].upper() + text[1:] + r.choice([".", "?", "!", ""])
    rows.append(f'<div class="m {side}">{text}<span class="t">{20 + i // 6}:{(i * 7) % 60:02d}</span></div>')
print("""<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #efeae2; font-family: "DejaVu Sans", sans-serif; font-size: 16px; color: #111; }
header { background: #075e54; color: #fff; padding: 14px 16px; font-size: 19px; }
.day { text-align: center; margin: 10px; } .day span { background: #fff; padding: 4px 10px; border-radius: 8px; font-size: 13px; }
.m { max-width: 270px; margin: 6px 12px; padding: 7px 10px 16px; border-radius: 10px; position: relative; clear: both; }
.in { background: #fff; float: left; } .out { background: #d9fdd3; float: right; }
.t { position: absolute; right: 8px; bottom: 2px; font-size: 11px; color: #667; }
</style></head><body><header>Klas 2B</header><div class="day"><span>VANDAAG</span></div>""" + "".join(rows) + "</body></html>")
EOF
}

if [ "${1:-}" = "--bench" ]; then
    out="$2" n="${3:-5}"
    mkdir -p "$out"
    for i in $(seq 1 "$n"); do
        phone_html "$i" >"$work/p$i.html"
        shot "$work/p$i.html" "$out/phone-$i.png" 390 844 3
    done
    exit 0
fi

mkdir -p "$ocr"
chat_html >"$work/chat.html"
other_html >"$work/other.html"
shot "$work/chat.html" "$work/chat.png" 390 300 2
shot "$work/other.html" "$here/other.png" 390 300 2
# Palette PNG (8-bit colour map), small and still sharp for OCR.
$convert "$work/chat.png" -colors 64 -strip PNG8:"$here/chat.png"
cp "$here/chat.png" "$ocr/chat.png"
$convert "$work/chat.png" -strip -quality 90 "$here/chat.jpg"
$convert "$work/chat.png" -strip -quality 60 "$here/chat-q60.jpg"
$convert "$work/chat.png" -strip -colorspace CMYK -quality 85 "$here/chat-cmyk.jpg"
$convert "$work/chat.png" -strip -colorspace Gray -quality 85 -interlace JPEG "$here/chat-gray-progressive.jpg"
$convert "$work/chat.png" -strip -resize 50% -quality 80 "$here/chat-half.jpg"
$convert "$work/chat.png" -strip -gravity center -crop 96%x96%+0+0 +repage "$here/chat-cropped.png"
$convert "$work/chat.png" -strip -colorspace Gray -depth 8 "$here/chat-gray.png"
cwebp -quiet -q 80 "$work/chat.png" -o "$here/chat.webp"
cwebp -quiet -lossless "$work/chat.png" -o "$here/chat-lossless.webp"
# An animated GIF: the chat, then the other picture; the decoder gives the first frame.
$convert -delay 50 "$work/chat.png" "$here/other.png" -colors 64 -strip "$here/chat.gif"
heif-enc -q 80 -o "$here/chat.heic" "$work/chat.png" >/dev/null
# Tiny seeds for the ImageFuzz corpus (Tools/fuzz/seeds/image): every format at 40 × 30.
seeds="$here/../../../Tools/fuzz/seeds/image"
mkdir -p "$seeds"
$convert "$work/chat.png" -strip -resize 40x30! "$work/tiny.png"
$convert "$work/tiny.png" -strip PNG8:"$seeds/tiny.png"
$convert "$work/tiny.png" -strip -alpha set -channel A -evaluate set 60% +channel PNG32:"$seeds/tiny-alpha.png"
$convert "$work/tiny.png" -strip -colorspace Gray -depth 16 "$seeds/tiny-gray16.png"
$convert "$work/tiny.png" -strip -quality 70 "$seeds/tiny.jpg"
$convert "$work/tiny.png" -strip -quality 70 -interlace JPEG "$seeds/tiny-progressive.jpg"
$convert "$work/tiny.png" -strip -colorspace CMYK -quality 70 "$seeds/tiny-cmyk.jpg"
cwebp -quiet -q 60 "$work/tiny.png" -o "$seeds/tiny.webp"
cwebp -quiet -lossless "$work/tiny.png" -o "$seeds/tiny-lossless.webp"
$convert -delay 10 "$work/tiny.png" "$work/tiny.png" -negate -strip "$seeds/tiny.gif"
heif-enc -q 50 -o "$seeds/tiny.heic" "$work/tiny.png" >/dev/null
# Dark mode: white text on black, for OCR.
$convert "$work/chat.png" -negate -strip PNG8:"$ocr/chat-dark.png"
ls -l "$here" "$ocr"
