// The ArvioShell module; see docs/architecture.md.
