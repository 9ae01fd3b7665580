// zlib, wrapped once for Swift by BewaarBundle's Zlib.swift.
#include <zlib.h>
