// Command trivy-test-db builds a small, real Trivy vulnerability database from a JSON advisory
// file (__tests__/fixtures/trivy-advisories.json), so that `trivy fs --skip-db-update
// --cache-dir <out>` reports known CVEs on a machine that cannot reach ghcr.io.
//
// The database is written with trivy-db's own packages (pkg/db, pkg/types, pkg/metadata,
// vulnsrc/bucket, vulnsrc/vulnerability), following the same steps trivy-db's builder takes:
//
//  1. for every affected package: the data source, an advisory-detail entry under the
//     "<ecosystem>::GitHub Security Advisory <eco>" bucket, a vulnerability-detail entry per
//     source (ghsa, nvd) and the vulnerability ID;
//  2. optimize: copy advisory details into the per-ecosystem buckets and merge the per-source
//     details into the "vulnerability" bucket (title, description, vendor severities, CVSS,
//     references, dates);
//  3. clean up the temporary buckets; write metadata.json with the schema version.
//
// The result is <out>/db/trivy.db and <out>/db/metadata.json, i.e. the layout of Trivy's
// cache directory (`--cache-dir <out>`).
//
// Usage:
//
//	trivy-test-db -advisories FILE -out CACHE_DIR [-valid-for 87600h] [-now RFC3339] [-quiet]
//	trivy-test-db -version      (prints the trivy-db module version and its schema version)
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"time"

	npm "github.com/aquasecurity/go-npm-version/pkg"
	pep440 "github.com/aquasecurity/go-pep440-version"
	bolt "go.etcd.io/bbolt"

	gocvss30 "github.com/pandatix/go-cvss/30"
	gocvss31 "github.com/pandatix/go-cvss/31"

	"github.com/aquasecurity/trivy-db/pkg/db"
	"github.com/aquasecurity/trivy-db/pkg/ecosystem"
	"github.com/aquasecurity/trivy-db/pkg/metadata"
	"github.com/aquasecurity/trivy-db/pkg/types"
	"github.com/aquasecurity/trivy-db/pkg/vulnsrc/bucket"
	"github.com/aquasecurity/trivy-db/pkg/vulnsrc/vulnerability"
)

const trivyDBModule = "github.com/aquasecurity/trivy-db"

// ---------------------------------------------------------------------------------------------
// Input format (see __tests__/fixtures/TRIVY-DB.md)

type advisoryFile struct {
	Comment         string          `json:"$comment"`
	Provenance      json.RawMessage `json:"provenance"`
	Vulnerabilities []vulnEntry     `json:"vulnerabilities"`
	Expectations    []expectation   `json:"expectations"`
}

type vulnEntry struct {
	// ID is the key trivy-db stores the advisory under: the CVE when the GitHub advisory has one,
	// else the GHSA ID (trivy-db's OSV loader does the same).
	ID       string        `json:"id"`
	Aliases  []string      `json:"aliases"`
	Affected []affected    `json:"affected"`
	GHSA     sourceDetail  `json:"ghsa"`
	NVD      *sourceDetail `json:"nvd,omitempty"`
}

type affected struct {
	Ecosystem          string   `json:"ecosystem"` // "npm" or "pip" (trivy-db ecosystem slugs)
	Package            string   `json:"package"`
	VulnerableVersions []string `json:"vulnerableVersions"`
	PatchedVersions    []string `json:"patchedVersions"`
}

type cvssV3 struct {
	Vector string  `json:"vector"`
	Score  float64 `json:"score"`
}

type sourceDetail struct {
	Title        string     `json:"title,omitempty"`
	Description  string     `json:"description,omitempty"`
	Severity     string     `json:"severity"` // LOW, MEDIUM, HIGH, CRITICAL (GitHub's MODERATE = MEDIUM)
	CVSSv3       *cvssV3    `json:"cvssV3,omitempty"`
	CweIDs       []string   `json:"cweIDs,omitempty"`
	References   []string   `json:"references,omitempty"`
	Published    *time.Time `json:"published,omitempty"`
	LastModified *time.Time `json:"lastModified,omitempty"`
}

// expectation: a package version and the IDs the advisories must (and only must) match, checked
// with the same version libraries and the same rule Trivy's detector uses.
type expectation struct {
	Ecosystem string   `json:"ecosystem"`
	Package   string   `json:"package"`
	Version   string   `json:"version"`
	IDs       []string `json:"ids"`
}

// ---------------------------------------------------------------------------------------------

type options struct {
	advisories string
	out        string
	validFor   time.Duration
	now        time.Time
	quiet      bool
}

func main() {
	var (
		opts        options
		nowFlag     string
		showVersion bool
	)
	flag.StringVar(&opts.advisories, "advisories", "", "advisory JSON file (required)")
	flag.StringVar(&opts.out, "out", "", "Trivy cache directory to write <out>/db/trivy.db and metadata.json into (required)")
	flag.DurationVar(&opts.validFor, "valid-for", 10*365*24*time.Hour, "NextUpdate = now + this")
	flag.StringVar(&nowFlag, "now", "", "timestamp for UpdatedAt/DownloadedAt (RFC 3339; default: current time)")
	flag.BoolVar(&opts.quiet, "quiet", false, "print nothing but errors")
	flag.BoolVar(&showVersion, "version", false, "print the trivy-db module version and DB schema version, then exit")
	flag.Parse()

	if showVersion {
		fmt.Printf("trivy-db %s\nschema %d\n", trivyDBVersion(), db.SchemaVersion)
		return
	}
	if opts.advisories == "" || opts.out == "" || flag.NArg() != 0 {
		flag.Usage()
		os.Exit(2)
	}
	opts.now = time.Now().UTC()
	if nowFlag != "" {
		t, err := time.Parse(time.RFC3339, nowFlag)
		if err != nil {
			fatalf("-now: %v", err)
		}
		opts.now = t.UTC()
	}
	if err := run(opts); err != nil {
		fatalf("%v", err)
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "trivy-test-db: "+format+"\n", args...)
	os.Exit(1)
}

func trivyDBVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == trivyDBModule {
				if d.Replace != nil {
					return d.Replace.Version
				}
				return d.Version
			}
		}
	}
	return "unknown"
}

func run(opts options) error {
	file, err := load(opts.advisories)
	if err != nil {
		return err
	}
	if err := file.validate(); err != nil {
		return fmt.Errorf("%s: %w", opts.advisories, err)
	}
	if err := file.checkExpectations(); err != nil {
		return fmt.Errorf("%s: %w", opts.advisories, err)
	}

	// Build into a fresh sibling directory, then swap it in, so a reader never sees half a DB.
	finalDir := filepath.Join(opts.out, "db")
	if err := os.MkdirAll(opts.out, 0o755); err != nil {
		return err
	}
	tmpDir, err := os.MkdirTemp(opts.out, ".db-build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmpDir)

	if err := build(tmpDir, file, opts); err != nil {
		return err
	}
	if err := verify(tmpDir, file); err != nil {
		return fmt.Errorf("verification of the written DB failed: %w", err)
	}
	if err := os.RemoveAll(finalDir); err != nil {
		return err
	}
	if err := os.Chmod(tmpDir, 0o755); err != nil {
		return err
	}
	if err := os.Rename(tmpDir, finalDir); err != nil {
		return err
	}
	if !opts.quiet {
		fmt.Fprintf(os.Stderr, "trivy-test-db: wrote %s (trivy-db %s, schema %d, %d vulnerabilities)\n",
			db.Path(finalDir), trivyDBVersion(), db.SchemaVersion, len(file.Vulnerabilities))
	}
	return nil
}

func load(path string) (*advisoryFile, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var f advisoryFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &f, nil
}

// ---------------------------------------------------------------------------------------------
// Validation

func parseSeverity(s string) (types.Severity, error) {
	sev, err := types.NewSeverity(s)
	if err != nil || sev == types.SeverityUnknown {
		return types.SeverityUnknown, fmt.Errorf("severity %q: want LOW, MEDIUM, HIGH or CRITICAL", s)
	}
	return sev, nil
}

// cvssBaseScore computes the CVSS v3 base score of a vector, as trivy-db does for OSV records.
func cvssBaseScore(vector string) (float64, error) {
	switch {
	case strings.HasPrefix(vector, "CVSS:3.1/"):
		v, err := gocvss31.ParseVector(vector)
		if err != nil {
			return 0, err
		}
		return v.BaseScore(), nil
	case strings.HasPrefix(vector, "CVSS:3.0/"):
		v, err := gocvss30.ParseVector(vector)
		if err != nil {
			return 0, err
		}
		return v.BaseScore(), nil
	}
	return 0, fmt.Errorf("not a CVSS v3 vector: %q", vector)
}

func (d sourceDetail) validate(where string, needTitle bool) error {
	if needTitle && d.Title == "" {
		return fmt.Errorf("%s: title is required", where)
	}
	if _, err := parseSeverity(d.Severity); err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	if d.CVSSv3 != nil {
		score, err := cvssBaseScore(d.CVSSv3.Vector)
		if err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		if math.Abs(score-d.CVSSv3.Score) > 0.001 {
			return fmt.Errorf("%s: CVSS score %.1f does not match vector %s (base score %.1f)",
				where, d.CVSSv3.Score, d.CVSSv3.Vector, score)
		}
	}
	return nil
}

func (f *advisoryFile) validate() error {
	if len(f.Vulnerabilities) == 0 {
		return errors.New("no vulnerabilities")
	}
	seen := map[string]bool{}
	for _, v := range f.Vulnerabilities {
		if v.ID == "" {
			return errors.New("vulnerability without id")
		}
		if seen[v.ID] {
			return fmt.Errorf("%s: duplicate id", v.ID)
		}
		seen[v.ID] = true
		if len(v.Affected) == 0 {
			return fmt.Errorf("%s: no affected packages", v.ID)
		}
		for _, a := range v.Affected {
			where := fmt.Sprintf("%s %s/%s", v.ID, a.Ecosystem, a.Package)
			if _, err := langBucket(a.Ecosystem); err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
			if len(a.VulnerableVersions) == 0 {
				return fmt.Errorf("%s: vulnerableVersions is empty", where)
			}
			for _, c := range slices.Concat(a.VulnerableVersions, a.PatchedVersions) {
				if _, err := matches(a.Ecosystem, "0.0.1", []string{c}); err != nil {
					return fmt.Errorf("%s: %w", where, err)
				}
			}
		}
		if err := v.GHSA.validate(v.ID+" ghsa", true); err != nil {
			return err
		}
		if v.NVD != nil {
			if err := v.NVD.validate(v.ID+" nvd", false); err != nil {
				return err
			}
		}
	}
	return nil
}

// matches reports whether version satisfies any of the constraints, with the version libraries
// Trivy's npm and pep440 comparers use (pre-releases allowed, as there).
func matches(ecosystem, version string, constraints []string) (bool, error) {
	joined := strings.Join(constraints, " || ")
	switch ecosystem {
	case "npm":
		v, err := npm.NewVersion(version)
		if err != nil {
			return false, fmt.Errorf("npm version %q: %w", version, err)
		}
		c, err := npm.NewConstraints(joined, npm.WithPreRelease(true))
		if err != nil {
			return false, fmt.Errorf("npm constraint %q: %w", joined, err)
		}
		return c.Check(v), nil
	case "pip":
		v, err := pep440.Parse(version)
		if err != nil {
			return false, fmt.Errorf("pep440 version %q: %w", version, err)
		}
		c, err := pep440.NewSpecifiers(joined, pep440.WithPreRelease(true))
		if err != nil {
			return false, fmt.Errorf("pep440 specifier %q: %w", joined, err)
		}
		return c.Check(v), nil
	}
	return false, fmt.Errorf("unsupported ecosystem %q", ecosystem)
}

// vulnerable applies Trivy's rule: inside a vulnerable range and not one of the patched versions.
func vulnerable(a affected, version string) (bool, error) {
	in, err := matches(a.Ecosystem, version, a.VulnerableVersions)
	if err != nil || !in {
		return false, err
	}
	if len(a.PatchedVersions) == 0 {
		return true, nil
	}
	patched, err := matches(a.Ecosystem, version, a.PatchedVersions)
	return !patched, err
}

func (f *advisoryFile) checkExpectations() error {
	var problems []string
	for _, e := range f.Expectations {
		name := vulnerability.NormalizePkgName(ecosystem.Type(e.Ecosystem), e.Package)
		var got []string
		for _, v := range f.Vulnerabilities {
			for _, a := range v.Affected {
				if a.Ecosystem != e.Ecosystem || vulnerability.NormalizePkgName(ecosystem.Type(a.Ecosystem), a.Package) != name {
					continue
				}
				hit, err := vulnerable(a, e.Version)
				if err != nil {
					return fmt.Errorf("expectation %s/%s@%s: %w", e.Ecosystem, e.Package, e.Version, err)
				}
				if hit {
					got = append(got, v.ID)
				}
			}
		}
		sort.Strings(got)
		want := slices.Clone(e.IDs)
		sort.Strings(want)
		if !slices.Equal(got, want) {
			problems = append(problems, fmt.Sprintf("%s/%s@%s: advisories match %v, expectations say %v",
				e.Ecosystem, e.Package, e.Version, got, want))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("expectations not met:\n  %s", strings.Join(problems, "\n  "))
	}
	return nil
}

// ---------------------------------------------------------------------------------------------
// Writing the DB

const (
	ghsaPlatformFormat = "GitHub Security Advisory %s"
	ghsaURLFormat      = "https://github.com/advisories?query=type%%3Areviewed+ecosystem%%3A%s"
)

// langBucket returns the bucket trivy-db's GHSA source uses for an ecosystem, e.g.
// "npm::GitHub Security Advisory npm" and "pip::GitHub Security Advisory pip".
func langBucket(eco string) (bucket.DataSourceBucket, error) {
	switch eco {
	case "npm":
		return bucket.NewNpm(types.DataSource{
			ID:   vulnerability.GHSA,
			Name: fmt.Sprintf(ghsaPlatformFormat, "npm"),
			URL:  fmt.Sprintf(ghsaURLFormat, "npm"),
		})
	case "pip":
		return bucket.NewPyPI(types.DataSource{
			ID:   vulnerability.GHSA,
			Name: fmt.Sprintf(ghsaPlatformFormat, "pip"),
			URL:  fmt.Sprintf(ghsaURLFormat, "pip"),
		})
	}
	return nil, fmt.Errorf("unsupported ecosystem %q (want npm or pip)", eco)
}

// toDetail converts to trivy-db's per-source detail. Like trivy-db's sources, GHSA's severity
// goes to Severity, NVD's CVSS v3 base severity to SeverityV3.
func (d sourceDetail) toDetail(source types.SourceID) types.VulnerabilityDetail {
	sev, _ := parseSeverity(d.Severity)
	vd := types.VulnerabilityDetail{
		Title:            d.Title,
		Description:      d.Description,
		Severity:         sev,
		CweIDs:           d.CweIDs,
		References:       d.References,
		PublishedDate:    d.Published,
		LastModifiedDate: d.LastModified,
	}
	if d.CVSSv3 != nil {
		vd.CvssVectorV3 = d.CVSSv3.Vector
		vd.CvssScoreV3 = d.CVSSv3.Score
	}
	if source == vulnerability.NVD {
		vd.Severity, vd.SeverityV3 = types.SeverityUnknown, sev
	}
	return vd
}

func build(dir string, f *advisoryFile, opts options) (err error) {
	if err := db.Init(dir); err != nil {
		return fmt.Errorf("open DB: %w", err)
	}
	defer func() {
		if cerr := db.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	dbc := db.Config{}

	// 1. insert, as a vulnsrc's Update does
	err = dbc.BatchUpdate(func(tx *bolt.Tx) error {
		for _, v := range f.Vulnerabilities {
			for _, a := range v.Affected {
				bkt, err := langBucket(a.Ecosystem)
				if err != nil {
					return err
				}
				if err := dbc.PutDataSource(tx, bkt.Name(), bkt.DataSource()); err != nil {
					return err
				}
				pkg := vulnerability.NormalizePkgName(bkt.Ecosystem(), a.Package)
				adv := types.Advisory{
					VendorIDs:          v.Aliases,
					VulnerableVersions: a.VulnerableVersions,
					PatchedVersions:    a.PatchedVersions,
				}
				if err := dbc.PutAdvisoryDetail(tx, v.ID, pkg, []string{bkt.Name()}, adv); err != nil {
					return err
				}
			}
			if err := dbc.PutVulnerabilityDetail(tx, v.ID, vulnerability.GHSA, v.GHSA.toDetail(vulnerability.GHSA)); err != nil {
				return err
			}
			if v.NVD != nil {
				if err := dbc.PutVulnerabilityDetail(tx, v.ID, vulnerability.NVD, v.NVD.toDetail(vulnerability.NVD)); err != nil {
					return err
				}
			}
			if err := dbc.PutVulnerabilityID(tx, v.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("insert: %w", err)
	}

	// 2. optimize, as trivy-db's builder does: per-ecosystem advisories and merged vulnerabilities
	vc := vulnerability.New(dbc)
	err = dbc.ForEachVulnerabilityID(func(tx *bolt.Tx, id string) error {
		if err := dbc.SaveAdvisoryDetails(tx, id); err != nil {
			return err
		}
		details := vc.GetDetails(id)
		if len(details) == 0 {
			return fmt.Errorf("%s: no vulnerability details", id)
		}
		return dbc.PutVulnerability(tx, id, vc.Normalize(id, details))
	})
	if err != nil {
		return fmt.Errorf("optimize: %w", err)
	}

	// 3. drop the build-time buckets
	if err := dbc.DeleteVulnerabilityIDBucket(); err != nil {
		return err
	}
	if err := dbc.DeleteVulnerabilityDetailBucket(); err != nil {
		return err
	}
	if err := dbc.DeleteAdvisoryDetailBucket(); err != nil {
		return err
	}

	// Trivy skips the download when NextUpdate is in the future or the DB was downloaded within
	// the last hour; with --skip-db-update it only checks the schema version. DownloadedAt must
	// be set, or Trivy (without --skip-db-update) treats the DB as corrupted and re-downloads.
	return metadata.NewClient(dir).Update(metadata.Metadata{
		Version:      db.SchemaVersion,
		NextUpdate:   opts.now.Add(opts.validFor),
		UpdatedAt:    opts.now,
		DownloadedAt: opts.now,
	})
}

// verify reopens the written DB read-only and looks every advisory up the way Trivy's detector
// does (bucket prefix "<ecosystem>::", normalized package name, then the vulnerability bucket).
func verify(dir string, f *advisoryFile) error {
	if err := db.Init(dir, db.WithBoltOptions(&bolt.Options{ReadOnly: true, Timeout: 5 * time.Second})); err != nil {
		return err
	}
	defer db.Close()
	dbc := db.Config{}
	for _, v := range f.Vulnerabilities {
		for _, a := range v.Affected {
			bkt, _ := langBucket(a.Ecosystem)
			pkg := vulnerability.NormalizePkgName(bkt.Ecosystem(), a.Package)
			advs, err := dbc.GetAdvisories(a.Ecosystem+"::", pkg)
			if err != nil {
				return err
			}
			found := slices.ContainsFunc(advs, func(adv types.Advisory) bool {
				return adv.VulnerabilityID == v.ID && adv.DataSource != nil && adv.DataSource.ID == vulnerability.GHSA
			})
			if !found {
				return fmt.Errorf("%s not found under %s::* / %s", v.ID, a.Ecosystem, pkg)
			}
		}
		vuln, err := dbc.GetVulnerability(v.ID)
		if err != nil {
			return err
		}
		if vuln.Title == "" || vuln.VendorSeverity[vulnerability.GHSA] == types.SeverityUnknown {
			return fmt.Errorf("%s: vulnerability entry lacks title or GHSA severity", v.ID)
		}
	}
	meta, err := metadata.NewClient(dir).Get()
	if err != nil {
		return err
	}
	if meta.Version != db.SchemaVersion {
		return fmt.Errorf("metadata schema %d, want %d", meta.Version, db.SchemaVersion)
	}
	return nil
}
