module sgw.local/sbom-generator

go 1.22
