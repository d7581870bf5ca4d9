package suite

import (
	"errors"

	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/rules"
)

// ErrInvalidSuite marks every error found while reading a test suite file.
// Such errors are *Error values in an ErrorList positioned in the suite
// file, or report that the file could not be read.
var ErrInvalidSuite = fault.New(fault.BadInput, "invalid test suite")

// Error is a problem found at one place of a suite file. Its text reads
// "file:line:col: path: message", like a compiler's. Line and Column are
// 1-based; zero means unknown. Error wraps ErrInvalidSuite and, where one
// applies, a more specific cause (an slo or money parse error,
// slo.ErrUnknownZone), so errors.Is works on it.
type Error = yamlpos.Error

// ErrorList is every error found in a suite, sorted by position, each
// reported once per position and message, up to rules.MaxErrors. Load and
// Parse return it whenever a suite is invalid, even for one problem (as
// go/scanner does); errors.As finds the first *Error in it.
type ErrorList = yamlpos.ErrorList

// Suite is a YAML test suite: a list of questions with fixed inputs and the
// answers a catalog must give. Read one with Load or Parse, run it with
// Suite.Run (what `tiercel test` does) or from a Go test with Run. A Suite
// is immutable once read; its tests may be run concurrently.
type Suite struct {
	File    string   // the file name the suite was read from
	Catalog []string // catalog files the suite names, relative ones joined to the suite's directory; empty for none
	Tests   []*Test  // the tests, in file order
}

// Test is one test of a Suite: one question and its expected answer. Its
// fields describe it; the question and the expectations are kept
// unexported and run by Test.Run.
type Test struct {
	Name   string // the test's name, unique within its suite
	Kind   string // the question: "deadline", "compare", "quote", "eligibility", "plan", "entitlements", "allowed", "replay" or "timeline"
	File   string // the suite file
	Line   int    // 1-based line of the test in File
	Column int    // 1-based column of the test in File

	wantErr *string // the expected error text (a substring), if an error is expected
	run     runner  // asks the question and compares the answer
}

// Pos returns "file:line:col" of the test.
func (t *Test) Pos() string { return fmt.Sprintf("%s:%d:%d", t.File, t.Line, t.Column) }

// Load reads and checks a suite file. Relative catalog paths in the file
// are relative to the file's directory; absolute ones are kept. Errors are
// an ErrorList wrapping ErrInvalidSuite, or report that the file could not
// be read: only regular files of at most 16 MiB are read (see
// rules.ErrNotRegularFile and rules.ErrInputTooLarge).
func Load(path string) (*Suite, error) { return load(path, ErrInvalidSuite, Parse) }

// load reads the file at path with readfile.Read, wrapping its errors in
// kind, and parses it.
func load[T any](path string, kind error, parse func(name string, src []byte) (T, error)) (T, error) {
	src, err := readfile.Read(path)
	if err != nil {
		var zero T
		return zero, fmt.Errorf("%w: %w", kind, err)
	}
	return parse(path, src)
}

// Parse checks a suite document. name is used in error positions and its
// directory is the base of the relative catalog paths the suite names;
// absolute ones are kept as written. Errors are an ErrorList wrapping
// ErrInvalidSuite.
func Parse(name string, src []byte) (*Suite, error) {
	d := yamlpos.NewDecoder(name, src, ErrInvalidSuite)
	s := &Suite{File: name}
	if root := d.Document(); root != nil {
		p := &parser{d: d, s: s, dir: filepath.Dir(name)}
		p.parse(root)
	}
	if err := d.Errors().Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// Engine returns the engine the suite's tests run against: its catalog files
// loaded with rules.Load, or rules.Default when it names none. Catalog
// errors wrap rules.ErrInvalidCatalog.
func (s *Suite) Engine() (*rules.Engine, error) {
	if len(s.Catalog) == 0 {
		return rules.Default(), nil
	}
	return rules.Load(s.Catalog...)
}

// Run runs every test against the suite's engine (see Suite.Engine) and
// returns one result per test in file order. When the catalog does not load,
// every test fails with that error.
func (s *Suite) Run() []Result {
	e, err := s.Engine()
	if err != nil {
		out := make([]Result, len(s.Tests))
		for i, t := range s.Tests {
			out[i] = Result{Test: t, Err: err}
		}
		return out
	}
	return s.RunEngine(e)
}

// RunEngine runs every test against e, whatever catalog the suite names.
// `tiercel test --catalog FILE` uses it for suites that name no catalog.
func (s *Suite) RunEngine(e *rules.Engine) []Result {
	out := make([]Result, len(s.Tests))
	for i, t := range s.Tests {
		out[i] = t.Run(e)
	}
	return out
}

// Run asks the test's question of e and compares the answer with the
// expectations. An error from the engine fails the test unless the test
// expects an error containing the expected text.
func (t *Test) Run(e *rules.Engine) Result {
	start := time.Now()
	r := t.ask(e)
	r.Elapsed = time.Since(start)
	return r
}

// ask is Run but for the time it takes.
func (t *Test) ask(e *rules.Engine) Result {
	r := Result{Test: t}
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
