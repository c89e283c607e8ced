// The ArvioQuery module; see docs/architecture.md.
