module sgw.local/examples/web

go 1.22
