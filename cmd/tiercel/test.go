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

Errors go to stderr. Exit status 1 when a test fails, 3 when a suite or a
catalog does not load.`,
	example: `tiercel test rules/catalog/default_test.yaml
tiercel test --run 'looker premier' -v rules/catalog/default_test.yaml`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var o testOptions
		fs.StringVar(&o.run, "run", "", "run only the tests whose name matches the `regexp`")
		fs.BoolVar(&o.verbose, "v", false, "list every test, not only failures")
		return func(c *cli, args []string) error { return c.test(args, o) }
	},
}

type testOptions struct {
	run     string
	verbose bool
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
	var filter *regexp.Regexp
	if o.run != "" {
		var err error
		if filter, err = regexp.Compile(o.run); err != nil {
			return usagef("--run: %v", err)
		}
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
	failed, broken := false, false
	var out []suiteJSON
	for _, f := range files {
		sj := suiteJSON{File: f}
		s, err := suite.Load(f)
		var results []suite.Result
		if err == nil {
			e := shared
			if len(s.Catalog) > 0 || shared == nil {
				if shared != nil {
					fmt.Fprintf(c.stderr, "tiercel test: warning: %s names its own catalog; %s is not used for it\n", f, c.catalogFlag())
				}
				e, err = s.Engine()
			}
			if err == nil {
				for _, t := range s.Tests {
					if filter == nil || filter.MatchString(t.Name) {
						results = append(results, t.Run(e))
					}
				}
			}
		}
		if err != nil {
			broken = true
			sj.Error = positioned(err)
			fmt.Fprintln(c.stderr, err)
			if !c.json() {
				fmt.Fprintf(c.stdout, "FAIL  %s  does not load\n", f)
			}
			out = append(out, sj)
			continue
		}
		for _, r := range results {
			rj := resultJSON{Name: r.Test.Name, Kind: r.Test.Kind, File: r.Test.File, Line: r.Test.Line, Column: r.Test.Column,
				Passed: r.Passed}
			for _, m := range r.Mismatches {
				rj.Mismatches = append(rj.Mismatches, mismatchJSON(m))
			}
			if r.Err != nil {
				rj.Error = r.Err.Error()
			}
			sj.Results = append(sj.Results, rj)
			if r.Passed {
				sj.Passed++
			} else {
				sj.Failed++
			}
			if !c.json() && (!r.Passed || o.verbose) {
				fmt.Fprintln(c.stdout, r.String())
			}
		}
		sj.OK = sj.Failed == 0
		failed = failed || !sj.OK
		if !c.json() {
			if sj.OK {
				fmt.Fprintf(c.stdout, "ok    %s  %d passed\n", f, sj.Passed)
			} else {
				fmt.Fprintf(c.stdout, "FAIL  %s  %d of %d failed\n", f, sj.Failed, sj.Failed+sj.Passed)
			}
		}
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
	if broken {
		return errInputFailed
	}
	if failed {
		return errFailed
	}
	return nil
}
