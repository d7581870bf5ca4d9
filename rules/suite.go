package rules

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/tiercel/tiercel/internal/readfile"
)

// ErrInvalidSuite marks every error found while reading a test suite file.
// Such errors are *Error values (or an ErrorList) positioned in the suite file.
var ErrInvalidSuite = errors.New("invalid test suite")

// Suite is a YAML test suite: a list of questions with fixed inputs and the
// answers a catalog must give, so that a team pins "moving from Looker
// Premier to Standard degrades P1 from 1h to 4h" in its own CI. Read one with
// LoadSuite or ParseSuite, run it with Suite.Run (what `tiercel test` does) or
// from a Go test with RunSuite.
//
// A suite file looks like this (every key is described in the README and in
// schema/suite.schema.json):
//
//	catalog: [tiers.yaml]          # optional: files relative to the suite; default: the embedded catalog
//	now: 2026-03-02T10:00:00Z      # optional: the instant of every decision that does not give its own
//	tests:
//	  - name: looker premier to standard degrades P1
//	    compare: {from: looker-premier, to: standard}
//	    expect: {changes: {P1: degraded, P2: unchanged}}
//	  - name: enhanced P1 on a Monday morning
//	    deadline: {tier: enhanced, priority: P1, opened: 2026-03-02T10:00:00Z}
//	    expect: {due: 2026-03-02T11:00:00Z, target: 1h 24x7, rule: tiers.enhanced.response.P1}
//
// Unknown keys, a test with no question or with nothing to expect, and
// malformed values are errors naming file:line:col. A Suite is immutable once
// read; its tests may be run concurrently.
type Suite struct {
	File    string       // the file name the suite was read from
	Catalog []string     // catalog files the suite names, relative ones joined to the suite's directory; empty for none
	Tests   []*SuiteTest // the tests, in file order
}

// SuiteTest is one test of a Suite: one question and its expected answer.
// Its fields describe it; the question and the expectations are kept
// unexported and run by SuiteTest.Run.
type SuiteTest struct {
	Name   string // the test's name, unique within its suite
	Kind   string // the question: "deadline", "compare", "quote", "eligibility", "plan", "entitlements" or "allowed"
	File   string // the suite file
	Line   int    // 1-based line of the test in File
	Column int    // 1-based column of the test in File

	wantErr *string                             // the expected error text (a substring), if an error is expected
	run     func(e *Engine) ([]Mismatch, error) // asks the question and compares the answer
}

// Pos returns "file:line:col" of the test.
func (t *SuiteTest) Pos() string { return fmt.Sprintf("%s:%d:%d", t.File, t.Line, t.Column) }

// Mismatch is one expected value that differs from the engine's answer.
type Mismatch struct {
	Field string // which part of the answer, e.g. "due" or "changes.P1"
	Want  string // the expected value as written (normalized) in the suite
	Got   string // the engine's answer, formatted like Want
}

// TestResult is the outcome of one SuiteTest.
type TestResult struct {
	Test       *SuiteTest
	Passed     bool
	Mismatches []Mismatch // why the test failed; empty when it passed or could not run
	Err        error      // the test could not run, e.g. its suite's catalog did not load
}

// String reports the result: "ok   file:line:col: name (kind)" for a pass,
// and for a failure a FAIL line followed by an aligned table of every
// mismatch with the expected and actual values side by side.
func (r TestResult) String() string {
	var b strings.Builder
	status := "ok  "
	if !r.Passed {
		status = "FAIL"
	}
	fmt.Fprintf(&b, "%s %s: %s (%s)", status, r.Test.Pos(), r.Test.Name, r.Test.Kind)
	if r.Err != nil {
		fmt.Fprintf(&b, "\n    error: %s", strings.ReplaceAll(r.Err.Error(), "\n", "\n    "))
	}
	if len(r.Mismatches) > 0 {
		b.WriteString("\n")
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "    field\twant\tgot\n")
		for _, m := range r.Mismatches {
			fmt.Fprintf(tw, "    %s\t%s\t%s\n", m.Field, oneLine(m.Want), oneLine(m.Got))
		}
		tw.Flush()
		return strings.TrimSuffix(b.String(), "\n")
	}
	return b.String()
}

func oneLine(s string) string {
	if s == "" {
		return `""`
	}
	return strings.ReplaceAll(s, "\n", `\n`)
}

// LoadSuite reads and checks a suite file. Relative catalog paths in the
// file are relative to the file's directory; absolute ones are kept. Errors
// are positioned (*Error or ErrorList) and wrap ErrInvalidSuite, or report
// that the file could not be read: only regular files of at most 16 MiB are
// read (see ErrNotRegularFile and ErrInputTooLarge).
func LoadSuite(path string) (*Suite, error) {
	src, err := readfile.Read(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidSuite, err)
	}
	return ParseSuite(path, src)
}

// ParseSuite checks a suite document. name is used in error positions and
// its directory is the base of the relative catalog paths the suite names;
// absolute ones are kept as written.
func ParseSuite(name string, src []byte) (*Suite, error) {
	d := newDecoder(name, src)
	s := &Suite{File: name}
	if root := d.Document(); root != nil {
		p := &suiteParser{d: d, s: s, dir: filepath.Dir(name)}
		p.parse(root)
	}
	if len(d.Errors()) > 0 {
		for _, e := range d.Errors() {
			if e.Err == nil {
				e.Err = ErrInvalidSuite
			} else {
				e.Err = errors.Join(ErrInvalidSuite, e.Err)
			}
		}
		return nil, d.Errors().Err()
	}
	return s, nil
}

// Engine returns the engine the suite's tests run against: its catalog files
// loaded with Load, or Default when it names none.
func (s *Suite) Engine() (*Engine, error) {
	if len(s.Catalog) == 0 {
		return Default(), nil
	}
	return Load(s.Catalog...)
}

// Run runs every test against the suite's engine (see Suite.Engine) and
// returns one result per test in file order. When the catalog does not load,
// every test fails with that error.
func (s *Suite) Run() []TestResult {
	e, err := s.Engine()
	if err != nil {
		out := make([]TestResult, len(s.Tests))
		for i, t := range s.Tests {
			out[i] = TestResult{Test: t, Err: err}
		}
		return out
	}
	return s.RunEngine(e)
}

// RunEngine runs every test against e, whatever catalog the suite names.
// `tiercel test --catalog FILE` uses it for suites that name no catalog.
func (s *Suite) RunEngine(e *Engine) []TestResult {
	out := make([]TestResult, len(s.Tests))
	for i, t := range s.Tests {
		out[i] = t.Run(e)
	}
	return out
}

// Run asks the test's question of e and compares the answer with the
// expectations. An error from the engine fails the test unless the test
// expects an error containing the expected text.
func (t *SuiteTest) Run(e *Engine) TestResult {
	r := TestResult{Test: t}
	if e == nil {
		r.Err = errors.New("no engine")
		return r
	}
	ms, err := t.run(e)
	switch {
	case err != nil && t.wantErr == nil:
		r.Mismatches = []Mismatch{{Field: "error", Want: "none", Got: err.Error()}}
	case err != nil:
		if !strings.Contains(err.Error(), *t.wantErr) {
			r.Mismatches = []Mismatch{{Field: "error", Want: *t.wantErr, Got: err.Error()}}
		}
	case t.wantErr != nil:
		r.Mismatches = []Mismatch{{Field: "error", Want: *t.wantErr, Got: "none"}}
	default:
		r.Mismatches = ms
	}
	r.Passed = len(r.Mismatches) == 0
	return r
}

// RunSuite runs the suite file at path from a Go test: each test of the
// suite becomes a subtest when t is a *testing.T, and each failure is
// reported with the test's file:line:col and its expected and actual values
// side by side. A suite that does not load or whose catalog does not compile
// fails t immediately.
//
//	func TestTiers(t *testing.T) { rules.RunSuite(t, "testdata/tiers_test.yaml") }
func RunSuite(t testing.TB, path string) {
	t.Helper()
	s, err := LoadSuite(path)
	if err != nil {
		t.Fatalf("%v", err)
		return
	}
	e, err := s.Engine()
	if err != nil {
		t.Fatalf("%s: catalog: %v", path, err)
		return
	}
	for _, tc := range s.Tests {
		if tt, ok := t.(*testing.T); ok {
			tt.Run(tc.Name, func(t *testing.T) {
				t.Helper()
				if r := tc.Run(e); !r.Passed {
					t.Error("\n" + r.String())
				}
			})
			continue
		}
		if r := tc.Run(e); !r.Passed {
			t.Error("\n" + r.String())
		}
	}
}

// The suite format.
