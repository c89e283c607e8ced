// The ArvioRender module; see docs/architecture.md.
