#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BewaarCLI

// Everything this process writes (the store, originals, uploads, packets, bundles) is for its
// owner only: files 0600, folders 0700, whatever umask it was started with.
umask(0o077)
await Bewaar.runAndExit()
