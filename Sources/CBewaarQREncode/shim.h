// libqrencode (Debian libqrencode-dev), wrapped once for Swift by BewaarQR's QRCode.swift.
#include <qrencode.h>
