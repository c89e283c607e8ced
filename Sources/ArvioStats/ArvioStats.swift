// The ArvioStats module; see docs/architecture.md.
