package rules

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/slo"
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
	Catalog []string     // catalog files the suite names, joined to the suite's directory; empty for none
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

// LoadSuite reads and checks a suite file. Catalog paths in the file are
// relative to the file's directory. Errors are positioned (*Error or
// ErrorList) and wrap ErrInvalidSuite, or report that the file could not be
// read.
func LoadSuite(path string) (*Suite, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidSuite, err)
	}
	return ParseSuite(path, src)
}

// ParseSuite checks a suite document. name is used in error positions and
// its directory is the base of the catalog paths the suite names.
func ParseSuite(name string, src []byte) (*Suite, error) {
	d := newDecoder(name, src)
	s := &Suite{File: name}
	if root := d.parseDocument(); root != nil {
		p := &suiteParser{d: d, s: s, dir: filepath.Dir(name)}
		p.parse(root)
	}
	if len(d.errs) > 0 {
		for _, e := range d.errs {
			if e.Err == nil {
				e.Err = ErrInvalidSuite
			} else {
				e.Err = errors.Join(ErrInvalidSuite, e.Err)
			}
		}
		return nil, d.errs.err()
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

var (
	suiteKeys     = []string{"version", "description", "catalog", "now", "tests"}
	suiteKinds    = []string{"deadline", "compare", "quote", "eligibility", "plan", "entitlements", "allowed"}
	suiteTestKeys = append([]string{"name", "description", "now", "expect"}, suiteKinds...)
	suiteCaseKeys = []string{"tier", "priority", "opened", "zone", "language", "account", "attrs", "now", "pauses"}
	suiteExpect   = map[string][]string{
		"deadline":     {"due", "target", "within", "calendar", "rule", "error"},
		"compare":      {"changes", "error"},
		"quote":        {"tier", "total", "monthly", "banded", "minimum", "minimumApplied", "billedDays", "lines", "error"},
		"eligibility":  {"eligible", "required", "migration", "effectiveAt", "targets", "recommended", "priceHeldUntil", "reasons", "error"},
		"plan":         {"eligible", "required", "migration", "effectiveAt", "targets", "recommended", "priceHeldUntil", "reasons", "options", "error"},
		"entitlements": {"tier", "migration", "migrated", "languages", "channels", "services", "error"},
		"allowed":      {"allowed", "rule", "error"},
	}
	suiteContractKeys = []string{"account", "tier", "start", "renewal", "spend", "zone", "attrs"}
	suiteOptionKeys   = []string{"keepsTargets", "total", "changes", "effectiveAt", "priceHeldUntil", "recommended"}
	suiteChangeKeys   = []string{"priority", "from", "to", "kind"}
)

type suiteParser struct {
	d   *decoder
	s   *Suite
	dir string
	now *time.Time // the suite's default now
}

func (p *suiteParser) parse(root *yaml.Node) {
	d := p.d
	fields := d.mapping(root, "", suiteKeys)
	if root.Kind != yaml.MappingNode {
		return
	}
	if !d.require(root, "", fields, "tests") {
		return
	}
	for _, f := range fields {
		switch f.key {
		case "version":
			if v, ok := d.scalar(f); ok && v != "1" {
				d.fail(f.vn, f.path, nil, "unsupported format version %q (want 1)", v)
			}
		case "description":
			d.scalar(f)
		case "catalog":
			for _, c := range p.stringList(f) {
				p.s.Catalog = append(p.s.Catalog, filepath.Join(p.dir, filepath.FromSlash(c)))
			}
		case "now":
			if t, ok := p.instant(f, nil); ok {
				p.now = &t
			}
		}
	}
	for _, f := range fields {
		if f.key != "tests" {
			continue
		}
		items := d.list(f)
		if len(items) == 0 && (f.vn == nil || f.vn.Kind != yaml.MappingNode && f.vn.Kind != yaml.ScalarNode || f.vn.Tag == "!!null") {
			d.fail(orNode(f.vn, f.kn), f.path, nil, "no tests")
		}
		names := map[string]string{}
		for _, it := range items {
			t := p.test(it)
			if t == nil {
				continue
			}
			if prev, dup := names[t.Name]; dup {
				d.fail(it.n, it.path+".name", nil, "duplicate test name %q (first at %s)", t.Name, prev)
				continue
			}
			names[t.Name] = t.Pos()
			p.s.Tests = append(p.s.Tests, t)
		}
	}
}

// stringList accepts one string or a list of strings.
func (p *suiteParser) stringList(f field) []string {
	if f.vn != nil && f.vn.Kind == yaml.ScalarNode && f.vn.Tag != "!!null" {
		s, ok := p.d.str(f)
		if !ok {
			return nil
		}
		return []string{s}
	}
	var out []string
	for _, it := range p.d.list(f) {
		if s, ok := p.d.str(field{vn: it.n, kn: f.kn, path: it.path}); ok {
			out = append(out, s)
		}
	}
	return out
}

func (p *suiteParser) test(it item) *SuiteTest {
	d := p.d
	if it.n == nil || it.n.Kind != yaml.MappingNode {
		d.fail(it.n, it.path, nil, "must be a mapping with name, a question and expect, got %s", kindNameOr(it.n))
		return nil
	}
	fields := d.mapping(it.n, it.path, suiteTestKeys)
	t := &SuiteTest{File: p.d.file, Line: it.n.Line, Column: it.n.Column}
	ok := d.require(it.n, it.path, fields, "name", "expect")
	var question, expect *field
	now := p.now
	for i := range fields {
		f := &fields[i]
		switch f.key {
		case "name":
			name, good := d.str(*f)
			ok = ok && good
			t.Name = name
		case "description":
			d.scalar(*f)
		case "now":
			if tm, good := p.instant(*f, nil); good {
				now = &tm
			} else {
				ok = false
			}
		case "expect":
			expect = f
		default: // a question
			if question != nil {
				d.fail(f.kn, f.path, nil, "a test asks one question: %s and %s both given", question.key, f.key)
				ok = false
				continue
			}
			question = f
		}
	}
	if question == nil {
		d.fail(it.n, it.path, nil, "missing the question: one of %s", strings.Join(suiteKinds, ", "))
		return nil
	}
	if !ok || expect == nil {
		return nil
	}
	t.Kind = question.key
	wants := d.mapping(expect.vn, expect.path, suiteExpect[t.Kind])
	if expect.vn == nil || expect.vn.Kind != yaml.MappingNode {
		if expect.vn == nil || expect.vn.Tag == "!!null" {
			d.fail(orNode(expect.vn, expect.kn), expect.path, nil, "must be a mapping of expected values")
		}
		return nil
	}
	if len(expect.vn.Content) == 0 {
		d.fail(expect.vn, expect.path, nil, "nothing to expect: name at least one of %s", strings.Join(suiteExpect[t.Kind], ", "))
		return nil
	}
	if len(wants) == 0 {
		return nil
	}
	for _, w := range wants {
		if w.key != "error" {
			continue
		}
		if len(wants) > 1 {
			d.fail(w.kn, w.path, nil, "an expected error cannot be combined with other expectations")
			return nil
		}
		s, good := d.str(w)
		if !good {
			return nil
		}
		t.wantErr = &s
		wants = nil
	}
	errs := len(d.errs)
	switch t.Kind {
	case "deadline":
		t.run = p.deadline(*question, wants, now)
	case "compare":
		t.run = p.compare(*question, wants)
	case "quote":
		t.run = p.quote(*question, wants)
	case "eligibility":
		t.run = p.eligibility(*question, wants, now)
	case "plan":
		t.run = p.plan(*question, wants, now)
	case "entitlements":
		t.run = p.entitlements(*question, wants, now)
	case "allowed":
		t.run = p.allowed(*question, wants, now)
	}
	if t.run == nil || len(d.errs) > errs {
		return nil
	}
	return t
}

// Scalars.

// instant reads an RFC 3339 timestamp, or a date "2026-09-01" meaning
// midnight in loc (UTC when loc is nil).
func (p *suiteParser) instant(f field, loc *time.Location) (time.Time, bool) {
	s, ok := p.d.str(f)
	if !ok {
		return time.Time{}, false
	}
	t, err := parseInstant(s, loc)
	if err != nil {
		p.d.fail(f.vn, f.path, err, "%v", err)
		return time.Time{}, false
	}
	return t, true
}

func parseInstant(s string, loc *time.Location) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	if loc == nil {
		loc = time.UTC
	}
	if t, err := time.ParseInLocation(time.DateOnly, s, loc); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("invalid time %q: want RFC 3339 (2026-03-02T10:00:00Z) or a date (2026-03-02)", s)
}

func (p *suiteParser) money(f field) (entitlement.Money, bool) {
	s, ok := p.d.str(f)
	if !ok {
		return entitlement.Money{}, false
	}
	m, err := entitlement.ParseMoney(s)
	if err != nil {
		p.d.fail(f.vn, f.path, err, "%v", err)
		return entitlement.Money{}, false
	}
	return m, true
}

func (p *suiteParser) priority(f field) (slo.Priority, bool) {
	s, ok := p.d.str(f)
	if !ok {
		return 0, false
	}
	pr, err := slo.ParsePriority(s)
	if err != nil {
		p.d.fail(f.vn, f.path, err, "%v", err)
		return 0, false
	}
	return pr, true
}

func (p *suiteParser) target(f field) (slo.Target, bool) {
	s, ok := p.d.str(f)
	if !ok {
		return slo.Target{}, false
	}
	t, err := slo.ParseTarget(s)
	if err != nil {
		p.d.fail(f.vn, f.path, err, "%v", err)
		return slo.Target{}, false
	}
	return t, true
}

func (p *suiteParser) zone(f field) (string, bool) {
	s, ok := p.d.str(f)
	if !ok {
		return "", false
	}
	if _, err := loadZone(s); err != nil {
		p.d.fail(f.vn, f.path, ErrInvalidZone, "unknown time zone %q", s)
		return "", false
	}
	return s, true
}

func (p *suiteParser) integer(f field) (int, bool) {
	s, ok := p.d.str(f)
	if !ok {
		return 0, false
	}
	var n int
	if _, err := fmt.Sscanf(s, "%d", &n); err != nil || fmt.Sprint(n) != s {
		p.d.fail(f.vn, f.path, nil, "must be an integer, got %q", s)
		return 0, false
	}
	return n, true
}

// attrs decodes a mapping of extra facts for CEL.
func (p *suiteParser) attrs(f field) map[string]any {
	if f.vn == nil || f.vn.Kind != yaml.MappingNode {
		p.d.fail(orNode(f.vn, f.kn), f.path, nil, "must be a mapping, got %s", kindNameOr(f.vn))
		return nil
	}
	var m map[string]any
	if err := f.vn.Decode(&m); err != nil {
		p.d.fail(f.vn, f.path, err, "%v", err)
		return nil
	}
	return m
}

func (p *suiteParser) strs(f field) []string {
	var out []string
	for _, it := range p.d.list(f) {
		if s, ok := p.d.str(field{vn: it.n, kn: f.kn, path: it.path}); ok {
			out = append(out, s)
		}
	}
	if out == nil {
		out = []string{}
	}
	return out
}

func (p *suiteParser) boolean(f field) (bool, bool) { return p.d.boolean(f) }

func (p *suiteParser) str(f field) (string, bool) { return p.d.scalar(f) }

// question reads the mapping of a question, requiring the named keys.
func (p *suiteParser) question(f field, known []string, required ...string) ([]field, bool) {
	if f.vn == nil || f.vn.Kind != yaml.MappingNode {
		p.d.fail(orNode(f.vn, f.kn), f.path, nil, "must be a mapping with %s", strings.Join(known, ", "))
		return nil, false
	}
	fields := p.d.mapping(f.vn, f.path, known)
	return fields, p.d.require(f.kn, f.path, fields, required...)
}

// Inputs.

// kase reads a case; the caller decides which keys are required.
func (p *suiteParser) kase(f field, now *time.Time, required ...string) (Case, bool) {
	fields, ok := p.question(f, suiteCaseKeys, required...)
	if !ok {
		return Case{}, false
	}
	var c Case
	for _, x := range fields {
		good := true
		switch x.key {
		case "tier":
			c.Tier, good = p.d.str(x)
		case "priority":
			c.Priority, good = p.priority(x)
		case "opened":
			c.Opened, good = p.instant(x, nil)
		case "zone":
			c.Zone, good = p.zone(x)
		case "language":
			c.Language, good = p.d.str(x)
		case "account":
			c.Account, good = p.d.str(x)
		case "attrs":
			c.Attrs = p.attrs(x)
			good = c.Attrs != nil
		case "now":
			c.Now, good = p.instant(x, nil)
		case "pauses":
			for _, it := range p.d.list(x) {
				pf := p.d.mapping(it.n, it.path, []string{"start", "end"})
				if it.n == nil || it.n.Kind != yaml.MappingNode || !p.d.require(it.n, it.path, pf, "start", "end") {
					good = false
					continue
				}
				var iv slo.Interval
				for _, y := range pf {
					t, g := p.instant(y, nil)
					good = good && g
					if y.key == "start" {
						iv.Start = t
					} else {
						iv.End = t
					}
				}
				c.Pauses = append(c.Pauses, iv)
			}
		}
		ok = ok && good
	}
	if c.Now.IsZero() && now != nil {
		c.Now = *now
	}
	return c, ok
}

func (p *suiteParser) contract(f field) (entitlement.Contract, bool) {
	fields, ok := p.question(f, suiteContractKeys, "tier")
	if !ok {
		return entitlement.Contract{}, false
	}
	var c entitlement.Contract
	var loc *time.Location
	for _, x := range fields {
		if x.key == "zone" {
			z, good := p.zone(x)
			if !good {
				return c, false
			}
			c.Zone = z
			loc, _ = loadZone(z)
		}
	}
	for _, x := range fields {
		good := true
		switch x.key {
		case "account":
			c.Account, good = p.d.str(x)
		case "tier":
			c.Tier, good = p.d.str(x)
		case "start":
			c.Start, good = p.instant(x, loc)
		case "renewal":
			c.Renewal, good = p.instant(x, loc)
		case "spend":
			c.Spend, good = p.money(x)
		case "attrs":
			c.Attrs = p.attrs(x)
			good = c.Attrs != nil
		}
		ok = ok && good
	}
	return c, ok
}

// contractAt reads {contract, at}, and movedTo when movedTo is not nil; at
// defaults to the test's now.
func (p *suiteParser) contractAt(f field, now *time.Time, movedTo *string) (entitlement.Contract, time.Time, bool) {
	known := []string{"contract", "at"}
	if movedTo != nil {
		known = append(known, "movedTo")
	}
	fields, ok := p.question(f, known, "contract")
	if !ok {
		return entitlement.Contract{}, time.Time{}, false
	}
	var c entitlement.Contract
	var at time.Time
	hasAt := false
	for _, x := range fields {
		switch x.key {
		case "contract":
			var good bool
			c, good = p.contract(x)
			ok = ok && good
		case "at":
			var good bool
			at, good = p.instant(x, nil)
			ok, hasAt = ok && good, true
		case "movedTo":
			var good bool
			*movedTo, good = p.d.str(x)
			ok = ok && good
		}
	}
	if !hasAt {
		if now == nil {
			p.d.fail(f.kn, f.path, nil, "missing at: give at here or now in the test or the suite")
			return c, at, false
		}
		at = *now
	}
	return c, at, ok
}

// Comparison helpers.

type checks struct{ ms []Mismatch }

func (c *checks) eq(field, want, got string) {
	if want != got {
		c.ms = append(c.ms, Mismatch{Field: field, Want: want, Got: got})
	}
}

func (c *checks) instant(field string, want, got time.Time) {
	if !want.Equal(got) {
		c.ms = append(c.ms, Mismatch{Field: field, Want: formatInstant(want), Got: formatLike(got, want)})
	}
}

func (c *checks) list(field string, want, got []string) {
	if !slices.Equal(want, got) {
		c.eq(field, "["+strings.Join(want, ", ")+"]", "["+strings.Join(got, ", ")+"]")
	}
}

// set compares lists ignoring order.
func (c *checks) set(field string, want, got []string) {
	w, g := slices.Clone(want), slices.Clone(got)
	slices.Sort(w)
	slices.Sort(g)
	c.list(field, w, g)
}

func formatInstant(t time.Time) string {
	if t.IsZero() {
		return "none"
	}
	return t.Format(time.RFC3339Nano)
}

// formatLike formats got with the UTC offset of want, so the two read alike.
func formatLike(got, want time.Time) string {
	if got.IsZero() {
		return "none"
	}
	_, off := want.Zone()
	if off == 0 {
		return got.UTC().Format(time.RFC3339Nano)
	}
	return got.In(time.FixedZone("", off)).Format(time.RFC3339Nano)
}

func targetString(t slo.Target) string {
	if t.Within == 0 && t.Calendar == "" {
		return "none"
	}
	return t.String()
}

// Questions. Each returns the function that asks the question and compares
// the answer, or nil after reporting an error.

func (p *suiteParser) deadline(q field, wants []field, now *time.Time) func(*Engine) ([]Mismatch, error) {
	c, ok := p.kase(q, now, "tier", "priority", "opened")
	var due *time.Time
	var target *slo.Target
	var within *time.Duration
	var calendar, rule *string
	for _, w := range wants {
		switch w.key {
		case "due":
			t, good := p.instant(w, nil)
			ok, due = ok && good, &t
		case "target":
			t, good := p.target(w)
			ok, target = ok && good, &t
		case "within":
			s, good := p.d.str(w)
			var dur time.Duration
			if good {
				var err error
				if dur, err = parseWithin(s); err != nil {
					p.d.fail(w.vn, w.path, err, "%v", err)
					good = false
				}
			}
			ok, within = ok && good, &dur
		case "calendar":
			s, good := p.d.str(w)
			ok, calendar = ok && good, &s
		case "rule":
			s, good := p.d.str(w)
			ok, rule = ok && good, &s
		}
	}
	if !ok {
		return nil
	}
	return func(e *Engine) ([]Mismatch, error) {
		got, err := e.Deadline(c)
		if err != nil {
			return nil, err
		}
		var ch checks
		if due != nil {
			ch.instant("due", *due, got.Due)
		}
		if target != nil {
			ch.eq("target", targetString(*target), targetString(got.Target))
		}
		if within != nil {
			ch.eq("within", slo.FormatDuration(*within), slo.FormatDuration(got.Target.Within))
		}
		if calendar != nil {
			ch.eq("calendar", *calendar, got.Target.Calendar)
		}
		if rule != nil {
			ch.eq("rule", *rule, got.Rule)
		}
		return ch.ms, nil
	}
}

// changeWant is the expected change of one priority; nil fields are not
// checked.
type changeWant struct {
	p        slo.Priority
	kind     *slo.ChangeKind
	from, to *slo.Target
}

// changesWant is what a test expects of a list of changes. exact lists
// every change in order (the list form); otherwise only the named
// priorities are checked (the mapping form).
type changesWant struct {
	exact bool
	items []changeWant
}

func (p *suiteParser) changes(f field) (changesWant, bool) {
	d := p.d
	var cw changesWant
	ok := true
	kindOf := func(x field) (*slo.ChangeKind, bool) {
		s, good := d.str(x)
		if !good {
			return nil, false
		}
		var k slo.ChangeKind
		if err := k.UnmarshalText([]byte(s)); err != nil {
			d.fail(x.vn, x.path, err, "unknown change %q (want improved, degraded, unchanged, added or removed)", s)
			return nil, false
		}
		return &k, true
	}
	detail := func(fields []field, w *changeWant) bool {
		good := true
		for _, x := range fields {
			switch x.key {
			case "priority":
				pr, g := p.priority(x)
				w.p, good = pr, good && g
			case "kind":
				k, g := kindOf(x)
				w.kind, good = k, good && g
			case "from", "to":
				t, g := p.target(x)
				good = good && g
				if x.key == "from" {
					w.from = &t
				} else {
					w.to = &t
				}
			}
		}
		return good
	}
	switch {
	case f.vn != nil && f.vn.Kind == yaml.MappingNode:
		for _, x := range d.mapping(f.vn, f.path, nil) {
			pr, err := slo.ParsePriority(x.key)
			if err != nil {
				d.fail(x.kn, x.path, err, "%v", err)
				ok = false
				continue
			}
			w := changeWant{p: pr}
			if x.vn != nil && x.vn.Kind == yaml.MappingNode {
				ok = detail(d.mapping(x.vn, x.path, []string{"from", "to", "kind"}), &w) && ok
			} else {
				k, good := kindOf(x)
				w.kind, ok = k, ok && good
			}
			cw.items = append(cw.items, w)
		}
	case f.vn != nil && f.vn.Kind == yaml.SequenceNode:
		cw.exact = true
		for _, it := range d.list(f) {
			fields := d.mapping(it.n, it.path, suiteChangeKeys)
			if it.n == nil || it.n.Kind != yaml.MappingNode || !d.require(it.n, it.path, fields, "priority") {
				ok = false
				continue
			}
			w := changeWant{}
			ok = detail(fields, &w) && ok
			cw.items = append(cw.items, w)
		}
	default:
		d.fail(orNode(f.vn, f.kn), f.path, nil, "must map priorities to changes ({P1: degraded}) or list changes ([{priority: P1, from: 1h 24x7, to: 4h business, kind: degraded}])")
		return cw, false
	}
	return cw, ok
}

func (cw changesWant) check(ch *checks, field string, got []slo.Change) {
	byP := map[slo.Priority]slo.Change{}
	for _, c := range got {
		byP[c.Priority] = c
	}
	if cw.exact {
		want := make([]string, len(cw.items))
		have := make([]string, len(got))
		for i, w := range cw.items {
			want[i] = w.p.String()
		}
		for i, c := range got {
			have[i] = c.Priority.String()
		}
		ch.list(field+".priorities", want, have)
	}
	for _, w := range cw.items {
		name := field + "." + w.p.String()
		c, found := byP[w.p]
		if !found {
			ch.eq(name, "a change", "none: neither tier has a target for "+w.p.String())
			continue
		}
		if w.kind != nil {
			ch.eq(name, w.kind.String(), c.Kind.String())
		}
		if w.from != nil {
			ch.eq(name+".from", targetString(*w.from), targetString(c.From))
		}
		if w.to != nil {
			ch.eq(name+".to", targetString(*w.to), targetString(c.To))
		}
	}
}

func (p *suiteParser) compare(q field, wants []field) func(*Engine) ([]Mismatch, error) {
	fields, ok := p.question(q, []string{"from", "to"}, "from", "to")
	var from, to string
	for _, x := range fields {
		s, good := p.d.str(x)
		ok = ok && good
		if x.key == "from" {
			from = s
		} else {
			to = s
		}
	}
	var cw *changesWant
	for _, w := range wants {
		c, good := p.changes(w)
		ok, cw = ok && good, &c
	}
	if !ok {
		return nil
	}
	return func(e *Engine) ([]Mismatch, error) {
		got, err := e.Compare(from, to)
		if err != nil {
			return nil, err
		}
		var ch checks
		if cw != nil {
			cw.check(&ch, "changes", got)
		}
		return ch.ms, nil
	}
}

// parsePeriod reads "2026-02" (a whole month) or "2026-02-10/2026-02-28"
// (days of one month, both inclusive), the forms entitlement.Period.String
// writes.
func parsePeriod(s string) (entitlement.Period, error) {
	bad := fmt.Errorf("invalid period %q: want a month (2026-02) or days of one month (2026-02-10/2026-02-28)", s)
	if a, b, found := strings.Cut(s, "/"); found {
		from, err1 := time.Parse(time.DateOnly, a)
		to, err2 := time.Parse(time.DateOnly, b)
		if err1 != nil || err2 != nil || from.Year() != to.Year() || from.Month() != to.Month() || to.Before(from) {
			return entitlement.Period{}, bad
		}
		return entitlement.MonthPeriod(from.Year(), from.Month()).Starting(from.Day()).Ending(to.Day()), nil
	}
	m, err := time.Parse("2006-01", s)
	if err != nil {
		return entitlement.Period{}, bad
	}
	return entitlement.MonthPeriod(m.Year(), m.Month()), nil
}

func (p *suiteParser) quote(q field, wants []field) func(*Engine) ([]Mismatch, error) {
	fields, ok := p.question(q, []string{"tier", "spend", "period"}, "tier", "spend")
	var tierID string
	var spend entitlement.Money
	var period *entitlement.Period
	for _, x := range fields {
		good := true
		switch x.key {
		case "tier":
			tierID, good = p.d.str(x)
		case "spend":
			spend, good = p.money(x)
		case "period":
			s, g := p.d.str(x)
			if good = g; g {
				pr, err := parsePeriod(s)
				if err != nil {
					p.d.fail(x.vn, x.path, err, "%v", err)
					good = false
				}
				period = &pr
			}
		}
		ok = ok && good
	}
	type moneyWant struct {
		name string
		m    entitlement.Money
	}
	var monies []moneyWant
	var tierWant *string
	var minApplied *bool
	var billed *int
	var lines []entitlement.Money
	hasLines := false
	for _, w := range wants {
		good := true
		switch w.key {
		case "total", "monthly", "banded", "minimum":
			var m entitlement.Money
			m, good = p.money(w)
			monies = append(monies, moneyWant{w.key, m})
		case "tier":
			var s string
			s, good = p.d.str(w)
			tierWant = &s
		case "minimumApplied":
			var b bool
			b, good = p.boolean(w)
			minApplied = &b
		case "billedDays":
			var n int
			n, good = p.integer(w)
			billed = &n
		case "lines":
			hasLines = true
			for _, it := range p.d.list(w) {
				m, g := p.money(field{vn: it.n, kn: w.kn, path: it.path})
				good = good && g
				lines = append(lines, m)
			}
		}
		ok = ok && good
	}
	if !ok {
		return nil
	}
	return func(e *Engine) ([]Mismatch, error) {
		var got entitlement.Quote
		var err error
		if period != nil {
			got, err = e.QuotePeriod(tierID, spend, *period)
		} else {
			got, err = e.Quote(tierID, spend)
		}
		if err != nil {
			return nil, err
		}
		var ch checks
		if tierWant != nil {
			ch.eq("tier", *tierWant, got.Tier)
		}
		for _, m := range monies {
			var g entitlement.Money
			switch m.name {
			case "total":
				g = got.Total
			case "monthly":
				g = got.Monthly
			case "banded":
				g = got.Banded
			case "minimum":
				g = got.Minimum
			}
			if g != m.m {
				ch.eq(m.name, m.m.String(), g.String())
			}
		}
		if minApplied != nil {
			ch.eq("minimumApplied", fmt.Sprint(*minApplied), fmt.Sprint(got.MinimumApplied))
		}
		if billed != nil {
			ch.eq("billedDays", fmt.Sprint(*billed), fmt.Sprint(got.BilledDays))
		}
		if hasLines {
			want := make([]string, len(lines))
			for i, l := range lines {
				want[i] = l.String()
			}
			have := make([]string, len(got.Lines))
			for i, l := range got.Lines {
				have[i] = l.Amount.String()
			}
			ch.list("lines", want, have)
		}
		return ch.ms, nil
	}
}

// eligibilityWant holds the expectations shared by eligibility and plan.
type eligibilityWant struct {
	eligible, required          *bool
	migration, recommended      *string
	effectiveAt, priceHeldUntil *time.Time
	targets, reasons            []string
	hasTargets                  bool
}

func (p *suiteParser) eligibilityWant(w field, ew *eligibilityWant) bool {
	good := true
	switch w.key {
	case "eligible", "required":
		var b bool
		b, good = p.boolean(w)
		if w.key == "eligible" {
			ew.eligible = &b
		} else {
			ew.required = &b
		}
	case "migration":
		var s string
		s, good = p.str(w)
		ew.migration = &s
	case "recommended":
		var s string
		s, good = p.str(w)
		ew.recommended = &s
	case "effectiveAt", "priceHeldUntil":
		var t time.Time
		if s, g := p.d.str(w); g && s == "none" {
			// zero: expected not set
		} else {
			t, good = p.instant(w, nil)
		}
		if w.key == "effectiveAt" {
			ew.effectiveAt = &t
		} else {
			ew.priceHeldUntil = &t
		}
	case "targets":
		ew.targets, ew.hasTargets = p.strs(w), true
	case "reasons":
		ew.reasons = p.strs(w)
	}
	return good
}

func (ew *eligibilityWant) check(ch *checks, got entitlement.Eligibility) {
	if ew.eligible != nil {
		ch.eq("eligible", fmt.Sprint(*ew.eligible), fmt.Sprint(got.Eligible))
	}
	if ew.required != nil {
		ch.eq("required", fmt.Sprint(*ew.required), fmt.Sprint(got.Required))
	}
	if ew.migration != nil {
		ch.eq("migration", *ew.migration, got.Migration)
	}
	if ew.recommended != nil {
		ch.eq("recommended", *ew.recommended, got.Recommended)
	}
	if ew.effectiveAt != nil {
		ch.instant("effectiveAt", *ew.effectiveAt, got.EffectiveAt)
	}
	if ew.priceHeldUntil != nil {
		ch.instant("priceHeldUntil", *ew.priceHeldUntil, got.PriceHeldUntil)
	}
	if ew.hasTargets {
		ch.list("targets", ew.targets, got.Targets)
	}
	for _, r := range ew.reasons {
		found := false
		for _, g := range got.Reasons {
			if strings.Contains(g, r) {
				found = true
				break
			}
		}
		if !found {
			ch.eq("reasons", "a reason containing "+fmt.Sprintf("%q", r), strings.Join(got.Reasons, " | "))
		}
	}
}

func (p *suiteParser) eligibility(q field, wants []field, now *time.Time) func(*Engine) ([]Mismatch, error) {
	c, at, ok := p.contractAt(q, now, nil)
	var ew eligibilityWant
	for _, w := range wants {
		ok = p.eligibilityWant(w, &ew) && ok
	}
	if !ok {
		return nil
	}
	return func(e *Engine) ([]Mismatch, error) {
		got, err := e.Eligibility(c, at)
		if err != nil {
			return nil, err
		}
		var ch checks
		ew.check(&ch, got)
		return ch.ms, nil
	}
}

type optionWant struct {
	tier                        string
	keeps, recommended          *bool
	total                       *entitlement.Money
	changes                     *changesWant
	effectiveAt, priceHeldUntil *time.Time
}

func (p *suiteParser) plan(q field, wants []field, now *time.Time) func(*Engine) ([]Mismatch, error) {
	c, at, ok := p.contractAt(q, now, nil)
	var ew eligibilityWant
	var options []optionWant
	for _, w := range wants {
		if w.key != "options" {
			ok = p.eligibilityWant(w, &ew) && ok
			continue
		}
		if w.vn == nil || w.vn.Kind != yaml.MappingNode {
			p.d.fail(orNode(w.vn, w.kn), w.path, nil, "must map target tiers to what each option holds, e.g. {enhanced: {keepsTargets: true}}")
			ok = false
			continue
		}
		for _, o := range p.d.mapping(w.vn, w.path, nil) {
			ow := optionWant{tier: o.key}
			if o.vn == nil || o.vn.Kind != yaml.MappingNode {
				p.d.fail(orNode(o.vn, o.kn), o.path, nil, "must be a mapping of %s", strings.Join(suiteOptionKeys, ", "))
				ok = false
				continue
			}
			for _, x := range p.d.mapping(o.vn, o.path, suiteOptionKeys) {
				good := true
				switch x.key {
				case "keepsTargets", "recommended":
					var b bool
					b, good = p.boolean(x)
					if x.key == "keepsTargets" {
						ow.keeps = &b
					} else {
						ow.recommended = &b
					}
				case "total":
					var m entitlement.Money
					m, good = p.money(x)
					ow.total = &m
				case "changes":
					var cw changesWant
					cw, good = p.changes(x)
					ow.changes = &cw
				case "effectiveAt", "priceHeldUntil":
					var t time.Time
					t, good = p.instant(x, nil)
					if x.key == "effectiveAt" {
						ow.effectiveAt = &t
					} else {
						ow.priceHeldUntil = &t
					}
				}
				ok = ok && good
			}
			options = append(options, ow)
		}
	}
	if !ok {
		return nil
	}
	return func(e *Engine) ([]Mismatch, error) {
		got, err := e.Plan(c, at)
		if err != nil {
			return nil, err
		}
		var ch checks
		ew.check(&ch, got.Eligibility)
		for _, ow := range options {
			var opt *Option
			for i := range got.Options {
				if got.Options[i].Tier == ow.tier {
					opt = &got.Options[i]
				}
			}
			name := "options." + ow.tier
			if opt == nil {
				ch.eq(name, "an option", "none")
				continue
			}
			if ow.keeps != nil {
				ch.eq(name+".keepsTargets", fmt.Sprint(*ow.keeps), fmt.Sprint(opt.KeepsTargets))
			}
			if ow.recommended != nil {
				ch.eq(name+".recommended", fmt.Sprint(*ow.recommended), fmt.Sprint(opt.Recommended))
			}
			if ow.total != nil {
				got := opt.Quote.Total.String()
				if opt.QuoteErr != nil {
					got = "error: " + opt.QuoteErr.Error()
				}
				ch.eq(name+".total", ow.total.String(), got)
			}
			if ow.changes != nil {
				ow.changes.check(&ch, name+".changes", opt.Changes)
			}
			if ow.effectiveAt != nil {
				ch.instant(name+".effectiveAt", *ow.effectiveAt, opt.EffectiveAt)
			}
			if ow.priceHeldUntil != nil {
				ch.instant(name+".priceHeldUntil", *ow.priceHeldUntil, opt.PriceHeldUntil)
			}
		}
		return ch.ms, nil
	}
}

func (p *suiteParser) entitlements(q field, wants []field, now *time.Time) func(*Engine) ([]Mismatch, error) {
	movedTo := ""
	c, at, ok := p.contractAt(q, now, &movedTo)
	var tierWant, migration *string
	var migrated *bool
	sets := map[string][]string{}
	for _, w := range wants {
		good := true
		switch w.key {
		case "tier", "migration":
			var s string
			s, good = p.str(w)
			if w.key == "tier" {
				tierWant = &s
			} else {
				migration = &s
			}
		case "migrated":
			var b bool
			b, good = p.boolean(w)
			migrated = &b
		case "languages", "channels", "services":
			sets[w.key] = p.strs(w)
		}
		ok = ok && good
	}
	if !ok {
		return nil
	}
	return func(e *Engine) ([]Mismatch, error) {
		var got Entitlements
		var err error
		if movedTo != "" {
			got, err = e.MovedEntitlements(c, movedTo, at)
		} else {
			got, err = e.Entitlements(c, at)
		}
		if err != nil {
			return nil, err
		}
		var ch checks
		if tierWant != nil {
			ch.eq("tier", *tierWant, got.Tier)
		}
		if migration != nil {
			ch.eq("migration", *migration, got.Migration)
		}
		if migrated != nil {
			ch.eq("migrated", fmt.Sprint(*migrated), fmt.Sprint(got.Migrated))
		}
		for _, k := range []string{"languages", "channels", "services"} {
			want, set := sets[k]
			if !set {
				continue
			}
			var have []string
			switch k {
			case "languages":
				have = got.Features.Languages
			case "channels":
				have = got.Features.Channels
			case "services":
				have = got.Features.Services
			}
			ch.set(k, want, have)
		}
		return ch.ms, nil
	}
}

func (p *suiteParser) allowed(q field, wants []field, now *time.Time) func(*Engine) ([]Mismatch, error) {
	fields, ok := p.question(q, []string{"action", "principal", "case"}, "action")
	var action string
	var principal entitlement.Principal
	var c Case
	for _, x := range fields {
		good := true
		switch x.key {
		case "action":
			action, good = p.d.str(x)
		case "case":
			c, good = p.kase(x, now)
		case "principal":
			pf, g := p.question(x, []string{"id", "roles", "groups", "attrs"})
			good = g
			for _, y := range pf {
				switch y.key {
				case "id":
					principal.ID, g = p.d.str(y)
					good = good && g
				case "roles":
					principal.Roles = p.strs(y)
				case "groups":
					principal.Groups = p.strs(y)
				case "attrs":
					principal.Attrs = p.attrs(y)
					good = good && principal.Attrs != nil
				}
			}
		}
		ok = ok && good
	}
	if c.Now.IsZero() && now != nil {
		c.Now = *now
	}
	var allowed *bool
	var rule *string
	for _, w := range wants {
		good := true
		switch w.key {
		case "allowed":
			var b bool
			b, good = p.boolean(w)
			allowed = &b
		case "rule":
			var s string
			s, good = p.str(w)
			rule = &s
		}
		ok = ok && good
	}
	if !ok {
		return nil
	}
	return func(e *Engine) ([]Mismatch, error) {
		got, err := e.Allowed(action, principal, c)
		if err != nil {
			return nil, err
		}
		var ch checks
		if allowed != nil {
			ch.eq("allowed", fmt.Sprint(*allowed), fmt.Sprint(got.Allowed))
		}
		if rule != nil {
			ch.eq("rule", *rule, got.Rule)
		}
		return ch.ms, nil
	}
}
