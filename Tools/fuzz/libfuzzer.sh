# Sourced by the libFuzzer runners in Tools/fuzz (html, mail, whatsapp), from the repository root.
# fuzz_build PRODUCT: builds PRODUCT of the tools package with every Swift module (ours and the
# dependencies) instrumented for coverage and AddressSanitizer, in release with debug info, into
# Tools/.build-fuzz (one build shared by the three targets, apart from the benchmarks' .build);
# prints the binary's path. The build's output goes to Tools/.build-fuzz/build.log.
fuzz_build() {
    local scratch="$PWD/Tools/.build-fuzz"
    local flags=(--package-path Tools --scratch-path "$scratch" -c release
                 -Xswiftc -sanitize=fuzzer,address -Xswiftc -g)
    mkdir -p "$scratch"
    swift build "${flags[@]}" --product "$1" >"$scratch/build.log" 2>&1 \
        || { tail -30 "$scratch/build.log" >&2; return 1; }
    echo "$(swift build "${flags[@]}" --show-bin-path)/$1"
}
