# Shared set-up for scripts/demo and scripts/test: makes sure the C libraries Bewaar builds
# against are installed. Sourced, not run.
bewaar_require_packages() {
    local missing=()
    for p in "$@"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" = "0" ]; then
        echo "Installing: ${missing[*]}"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "Bewaar needs these Debian packages: ${missing[*]}" >&2
        echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
}

bewaar_setup() {
    if ! command -v swift >/dev/null 2>&1; then
        echo "Swift is not installed or not on PATH. Install Swift 6.1 or newer (https://www.swift.org/install/)." >&2
        exit 1
    fi
    if command -v dpkg >/dev/null 2>&1; then
        bewaar_require_packages libsqlite3-dev libxml2-dev zlib1g-dev libssl-dev pkg-config \
            libcairo2-dev libpango1.0-dev libqrencode-dev fonts-dejavu-core fonts-noto-color-emoji poppler-utils \
            libpng-dev libjpeg-dev libleptonica-dev libheif-dev libwebp-dev libtesseract-dev tesseract-ocr-nld tesseract-ocr-eng
    fi
}
