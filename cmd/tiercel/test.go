package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

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

With --coverage, a report follows: for each catalog file, how many of its
items the tests exercised (table rows that decided a deadline, rules
matched and false, migrations applying and not, permissions allowed and
denied) and each item left out at file:line:col. Percents are rounded
down, so 100% means nothing is left out. --threshold N fails the run (exit
status 1) below N percent; --coverage-out FILE writes every item with its
hits as JSON. Either turns --coverage on.

Errors go to stderr. Exit status 1 when a test fails, 3 when a suite or a
catalog does not load.`,
	example: `tiercel test rules/catalog/default_test.yaml
tiercel test --run 'looker premier' -v rules/catalog/default_test.yaml
tiercel test --coverage --threshold 80 rules/catalog/default_test.yaml`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var o testOptions
		fs.StringVar(&o.run, "run", "", "run only the tests whose name matches the `regexp`")
		fs.BoolVar(&o.verbose, "v", false, "list every test, not only failures")
		o.coverage.flags(fs)
		return func(c *cli, args []string) error { return c.test(args, o) }
	},
}

type testOptions struct {
	run      string
	verbose  bool
	coverage coverageOptions
}

type suiteJSON struct {
	File    string       `json:"file"`
	OK      bool         `json:"ok"`
	Error   []errorJSON  `json:"errors,omitempty"`
	Passed  int          `json:"passed"`
	Failed  int          `json:"failed"`
	Results []resultJSON `json:"results,omitempty"`
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
	failed, broken := false, false
	var out []suiteJSON
	for _, f := range files {
		sj, loaded := c.runSuite(f, shared, filter, o.verbose)
		broken = broken || !loaded
		failed = failed || (loaded && !sj.OK)
		out = append(out, sj)
	}
	if c.json() {
		if err := c.writeJSON(struct {
			OK     bool        `json:"ok"`
			Suites []suiteJSON `json:"suites"`
		}{!failed && !broken, out}); err != nil {
			return err
		}
	}
	return c.finishCoverage(o.coverage, testOutcome(broken, failed))
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

// testFilter compiles --run; nil when it is not given.
func testFilter(run string) (*regexp.Regexp, error) {
	if run == "" {
		return nil, nil
	}
	filter, err := regexp.Compile(run)
	if err != nil {
		return nil, usagef("--run: %v", err)
	}
	return filter, nil
}

// runSuite runs the suite in file f and writes its failures (every test
// with verbose) and its summary; false when the suite does not load.
func (c *cli) runSuite(f string, shared *rules.Engine, filter *regexp.Regexp, verbose bool) (suiteJSON, bool) {
	sj := suiteJSON{File: f}
	results, err := c.suiteResults(f, shared, filter)
	if err != nil {
		sj.Error = positioned(err)
		fmt.Fprintln(c.stderr, err)
		if !c.json() {
			fmt.Fprintf(c.stdout, "FAIL  %s  does not load\n", f)
		}
		return sj, false
	}
	for _, r := range results {
		sj.Results = append(sj.Results, toResultJSON(r))
		if r.Passed {
			sj.Passed++
		} else {
			sj.Failed++
		}
		if !c.json() && (!r.Passed || verbose) {
			fmt.Fprintln(c.stdout, r.String())
		}
	}
	sj.OK = sj.Failed == 0
	if !c.json() {
		if sj.OK {
			fmt.Fprintf(c.stdout, "ok    %s  %d passed\n", f, sj.Passed)
		} else {
			fmt.Fprintf(c.stdout, "FAIL  %s  %d of %d failed\n", f, sj.Failed, sj.Failed+sj.Passed)
		}
	}
	return sj, true
}

// suiteResults loads the suite in file f and runs its tests that filter
// matches (all when it is nil), on the suite's own catalog when it names
// one or no shared engine is given, else on shared.
func (c *cli) suiteResults(f string, shared *rules.Engine, filter *regexp.Regexp) ([]suite.Result, error) {
	s, err := suite.Load(f)
	if err != nil {
		return nil, err
	}
	e := shared
	if len(s.Catalog) > 0 || shared == nil {
		if shared != nil {
			fmt.Fprintf(c.stderr, "tiercel test: warning: %s names its own catalog; %s is not used for it\n", f, c.catalogFlag())
		}
		if e, err = s.Engine(); err != nil {
			return nil, err
		}
	}
	e = c.cover.view(e)
	var results []suite.Result
	for _, t := range s.Tests {
		if filter == nil || filter.MatchString(t.Name) {
			results = append(results, t.Run(e))
		}
	}
	return results, nil
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
