package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/suite"
)

var testCommand = &command{
	name:     "test",
	synopsis: "FILE|DIR...",
	summary:  "run YAML test suites (expected deadlines, changes, quotes, eligibility, permissions)",
	help: `Test runs YAML test suites: each test asks the engine one question (a
deadline, a comparison, a quote, an eligibility, a plan, entitlements or a
permission) and compares the answer with the expected one. A failure shows
the test's file:line:col and the expected and actual values side by side.

A suite that names its own catalog runs against it (a --catalog or
--builtin given too is not used for it, and a warning says so); the others
run against the --catalog files, the --builtin catalog, or the embedded
catalog. A DIR argument runs every
*_test.yaml file below it. The format is in the README ("Writing a test
suite") and in schema/suite.schema.json.

--run keeps the tests whose name matches a regular expression (Go's RE2
syntax, at most 1024 bytes); the others are reported as skipped. --junit
FILE also writes the results as JUnit XML (one testsuite per suite file,
one testcase per test with the file as its classname, a failure carrying
the test's position and its want/got table), as Jenkins, GitLab and
GitHub read it. --output json prints the results as JSON.

With --coverage, a report follows: for each catalog file, how many of its
items the tests exercised (table rows that decided a deadline, rules
matched and false, migrations applying and not, permissions allowed and
denied, lifecycle conditions true and false, price versions used and
bands a spend fell inside) and each item left out at file:line:col. Percents are rounded
down, so 100% means nothing is left out. --threshold N fails the run (exit
status 1) below N percent; --coverage-out FILE writes every item with its
hits as JSON. Either turns --coverage on.

Errors go to stderr. Exit status 1 when a test fails, 3 when a suite or a
catalog does not load.`,
	example: `tiercel test rules/catalog/default_test.yaml
tiercel test --run 'looker premier' -v rules/catalog/default_test.yaml
tiercel test --coverage --threshold 75 rules/catalog/default_test.yaml
tiercel test --junit /tmp/tiercel-junit.xml rules/catalog/default_test.yaml`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var o testOptions
		fs.StringVar(&o.run, "run", "", "run only the tests whose name matches the `regexp`")
		fs.BoolVar(&o.verbose, "v", false, "list every test, not only failures")
		o.coverage.flags(fs)
		fs.StringVar(&o.junit, "junit", "", "also write the results as JUnit XML to `FILE` (for Jenkins, GitLab, GitHub)")
		return func(c *cli, args []string) error { return c.test(args, o) }
	},
}

type testOptions struct {
	run      string
	verbose  bool
	junit    string
	coverage coverageOptions
}

// maxRunPattern bounds --run: Go's regexp matches in time linear in the
// name, and its compilation in the pattern's length.
const maxRunPattern = 1024

type suiteJSON struct {
	File    string       `json:"file"`
	OK      bool         `json:"ok"`
	Error   []errorJSON  `json:"errors,omitempty"`
	Passed  int          `json:"passed"`
	Failed  int          `json:"failed"`
	Skipped int          `json:"skipped"`
	Results []resultJSON `json:"results,omitempty"`
}

// testJSON is what test --output json writes.
type testJSON struct {
	OK       bool             `json:"ok"` // no test failed, every suite loaded, coverage not below --threshold
	Suites   []suiteJSON      `json:"suites"`
	Coverage *answer.Coverage `json:"coverage,omitempty"` // with --coverage
}

type mismatchJSON struct {
	Field string `json:"field"`
	Want  string `json:"want"`
	Got   string `json:"got"`
}

type resultJSON struct {
	Name       string         `json:"name"`
	Kind       string         `json:"kind"`
	File       string         `json:"file"`
	Line       int            `json:"line"`
	Column     int            `json:"column"`
	Passed     bool           `json:"passed"`
	Mismatches []mismatchJSON `json:"mismatches,omitempty"`
	Error      string         `json:"error,omitempty"`
}

// suiteFiles expands directories into the *_test.yaml files below them.
func suiteFiles(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			files = append(files, a)
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && (strings.HasSuffix(p, "_test.yaml") || strings.HasSuffix(p, "_test.yml")) {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

func (c *cli) test(args []string, o testOptions) error {
	if len(args) == 0 {
		return usagef("no suite files given")
	}
	filter, err := testFilter(o.run)
	if err != nil {
		return err
	}
	files, err := suiteFiles(args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usagef("no *_test.yaml files in %s", strings.Join(args, ", "))
	}
	var shared *rules.Engine // the --catalog or --builtin engine
	if c.customCatalog() {
		if shared, err = c.engine(); err != nil {
			return err // a --catalog that does not load is an error even if no suite uses it
		}
	}
	if o.coverage.enabled() {
		c.cover = &coverageRun{byEngine: map[*rules.Engine]*rules.Coverage{}}
	}
	var junit *os.File
	if o.junit != "" { // opened first: a file that cannot be written stops the run before it starts
		if junit, err = os.Create(o.junit); err != nil {
			return usagef("--junit: %v", err)
		}
		defer junit.Close()
	}
	failed, broken := false, false
	var out []suiteJSON
	var reports []suite.Report
	for _, f := range files {
		r := c.suiteReport(f, shared, filter)
		sj := c.printReport(r, o.verbose)
		broken = broken || r.Err != nil
		failed = failed || !sj.OK
		out = append(out, sj)
		reports = append(reports, r)
	}
	if junit != nil {
		if err := writeJUnit(junit, reports); err != nil {
			return err
		}
	}
	cov, below := c.coverage(o.coverage)
	if c.json() {
		if err := c.writeJSON(testJSON{!failed && !broken && !below, out, cov}); err != nil {
			return err
		}
	}
	return c.finishCoverage(o.coverage, cov, testOutcome(broken, failed))
}

// testOutcome is the error of a run in which a suite did not load
// (broken) or a test failed; nil when neither.
func testOutcome(broken, failed bool) error {
	if broken {
		return errInputFailed
	}
	if failed {
		return errFailed
	}
	return nil
}

// writeJUnit writes the reports to f as JUnit XML and closes it; a file
// that cannot be written is a usage error (the flag names it).
func writeJUnit(f *os.File, reports []suite.Report) error {
	if err := suite.WriteJUnit(f, reports); err != nil {
		return usagef("--junit: %v", err)
	}
	if err := f.Close(); err != nil {
		return usagef("--junit: %v", err)
	}
	return nil
}

// testFilter compiles --run; nil when it is not given.
func testFilter(run string) (*regexp.Regexp, error) {
	if run == "" {
		return nil, nil
	}
	if len(run) > maxRunPattern {
		return nil, usagef("--run: the pattern is %d bytes long, more than %d", len(run), maxRunPattern)
	}
	filter, err := regexp.Compile(run)
	if err != nil {
		return nil, usagef("--run: %v", err)
	}
	return filter, nil
}

// printReport writes the failures of a suite (every test with verbose)
// and its summary, and returns its JSON form.
func (c *cli) printReport(r suite.Report, verbose bool) suiteJSON {
	sj := suiteJSON{File: r.File, Skipped: len(r.Skipped)}
	if r.Err != nil {
		sj.Error = positioned(r.Err)
		fmt.Fprintln(c.stderr, r.Err)
		if !c.json() {
			fmt.Fprintf(c.stdout, "FAIL  %s  does not load\n", r.File)
		}
		return sj
	}
	for _, res := range r.Results {
		sj.Results = append(sj.Results, toResultJSON(res))
		if res.Passed {
			sj.Passed++
		} else {
			sj.Failed++
		}
		if !c.json() && (!res.Passed || verbose) {
			fmt.Fprintln(c.stdout, res.String())
		}
	}
	sj.OK = sj.Failed == 0
	if !c.json() {
		skipped := ""
		if sj.Skipped > 0 {
			skipped = fmt.Sprintf(", %d skipped", sj.Skipped)
		}
		if sj.OK {
			fmt.Fprintf(c.stdout, "ok    %s  %d passed%s\n", r.File, sj.Passed, skipped)
		} else {
			fmt.Fprintf(c.stdout, "FAIL  %s  %d of %d failed%s\n", r.File, sj.Failed, sj.Failed+sj.Passed, skipped)
		}
	}
	return sj
}

// suiteReport loads the suite in file f and runs its tests that filter
// matches (all when it is nil; the others are skipped), on the suite's own
// catalog when it names one or no shared engine is given, else on shared.
func (c *cli) suiteReport(f string, shared *rules.Engine, filter *regexp.Regexp) suite.Report {
	start := time.Now()
	s, err := suite.Load(f)
	if err != nil {
		return suite.Report{File: f, Err: err, Elapsed: time.Since(start)}
	}
	e := shared
	if len(s.Catalog) > 0 || shared == nil {
		if shared != nil {
			fmt.Fprintf(c.stderr, "tiercel test: warning: %s names its own catalog; %s is not used for it\n", f, c.catalogFlag())
		}
		if e, err = s.Engine(); err != nil {
			return suite.Report{File: f, Err: err, Elapsed: time.Since(start)}
		}
	}
	e = c.cover.view(e)
	var keep func(*suite.Test) bool
	if filter != nil {
		keep = func(t *suite.Test) bool { return filter.MatchString(t.Name) }
	}
	r := suite.NewReport(s, e, keep)
	r.Elapsed = time.Since(start)
	return r
}

// toResultJSON returns the JSON form of a test's result.
func toResultJSON(r suite.Result) resultJSON {
	rj := resultJSON{Name: r.Test.Name, Kind: r.Test.Kind, File: r.Test.File, Line: r.Test.Line, Column: r.Test.Column,
		Passed: r.Passed}
	for _, m := range r.Mismatches {
		rj.Mismatches = append(rj.Mismatches, mismatchJSON(m))
	}
	if r.Err != nil {
		rj.Error = r.Err.Error()
	}
	return rj
}
