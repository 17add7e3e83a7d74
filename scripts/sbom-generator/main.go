// Command sbom-generator is a BuildKit SBOM generator (docs/attestations/sbom-protocol.md in
// moby/buildkit) over trivy, for machines that cannot pull BuildKit's default generator
// (docker/buildkit-syft-scanner, from Docker Hub): the image-build tests here. Its image holds
// /sbom-generator and a static /trivy (scripts/sbom-generator/image.sh builds it).
//
// BuildKit runs it with BUILDKIT_SCAN_SOURCE (the final rootfs, read-only), optionally
// BUILDKIT_SCAN_SOURCE_EXTRAS (a folder of further rootfs), and BUILDKIT_SCAN_DESTINATION. For
// each rootfs it runs `trivy rootfs --format spdx-json` and writes an in-toto statement (predicate
// type https://spdx.dev/Document, subject left to BuildKit) to <destination>/<name>.spdx.json.
// Exit status 1 with the reason on stderr when a scan fails.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

type statement struct {
	Type          string          `json:"_type"`
	PredicateType string          `json:"predicateType"`
	Subject       []any           `json:"subject"`
	Predicate     json.RawMessage `json:"predicate"`
}

func scan(rootfs, destination string) error {
	name := filepath.Base(rootfs)
	tmp := filepath.Join(os.TempDir(), name+".trivy.spdx.json")
	cmd := exec.Command("/trivy", "rootfs", "--format", "spdx-json", "--output", tmp, "--scanners", "license",
		"--cache-dir", filepath.Join(os.TempDir(), "trivy-cache"), "--skip-db-update", "--skip-java-db-update",
		"--skip-version-check", "--disable-telemetry", "--quiet", rootfs)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("trivy rootfs %s: %w", rootfs, err)
	}
	spdx, err := os.ReadFile(tmp)
	if err != nil {
		return err
	}
	out, err := json.Marshal(statement{Type: "https://in-toto.io/Statement/v0.1", PredicateType: "https://spdx.dev/Document", Subject: []any{}, Predicate: spdx})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(destination, name+".spdx.json"), out, 0o644)
}

func main() {
	destination, source := os.Getenv("BUILDKIT_SCAN_DESTINATION"), os.Getenv("BUILDKIT_SCAN_SOURCE")
	if destination == "" || source == "" {
		fmt.Fprintln(os.Stderr, "sbom-generator: BUILDKIT_SCAN_DESTINATION and BUILDKIT_SCAN_SOURCE must be set (BuildKit sets them)")
		os.Exit(1)
	}
	targets := []string{source}
	if extras := os.Getenv("BUILDKIT_SCAN_SOURCE_EXTRAS"); extras != "" {
		if entries, err := os.ReadDir(extras); err == nil {
			for _, e := range entries {
				targets = append(targets, filepath.Join(extras, e.Name()))
			}
		}
	}
	for _, t := range targets {
		if err := scan(t, destination); err != nil {
			fmt.Fprintln(os.Stderr, "sbom-generator:", err)
			os.Exit(1)
		}
	}
}
