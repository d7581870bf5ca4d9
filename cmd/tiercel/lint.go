package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/tiercel/tiercel/rules"
)

var lintCommand = &command{
	name:     "lint",
	synopsis: "[FILE...]",
	summary:  "report what compiles but is probably wrong in catalog files, each with a stable code",
	help: `Lint compiles catalog files, merged as the engine loads them, and reports
what compiles but is probably wrong, one finding a line as
file:line:col: CODE: message. The codes are stable:

  unreachable-rule     a rule an earlier rule with no condition (when: true)
                       shadows: it covers every tier and priority of its filters
  start-implies-stop   a lifecycle metric whose start condition implies its stop
  pause-implies-start  a lifecycle metric whose pause condition implies its start
  target-beyond-year   a target longer than its calendar is open in a year (2026)
  migration-to-legacy  a migration that moves contracts to a legacy tier

Conditions are compared conservatively: identical in CEL's canonical form,
the literal true, or conjunctions and disjunctions of identical parts. What
the compiler refuses (an alias equal to another tier's id, a price version
that changes currency, a calendar open 0 hours a week) is an error, as
'tiercel check' reports it.

Silence a finding with a comment naming its code at the end of its line
or alone on the line above: # tiercel:lint-ignore unreachable-rule. See
the README ("Lint").

The FILE arguments and any --catalog files are linted together; with
neither, the embedded catalog or the shipped catalog --builtin names. Exit status 0 when nothing is found, 1 on
findings, 3 when a file does not compile or cannot be read.`,
	example: `tiercel lint examples/custom-tiers/tiers.yaml
tiercel lint --builtin aws`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		return func(c *cli, args []string) error { return c.lint(args) }
	},
}

// findingJSON is one finding in lint's JSON output.
type findingJSON struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (c *cli) lint(args []string) error {
	files := append(append([]string(nil), c.catalogs...), args...)
	var findings []rules.Finding
	var err error
	switch {
	case c.builtin.set && len(args) > 0:
		return usagef("--builtin %s lints a shipped catalog: give no FILE arguments (%s)", c.builtin.name, strings.Join(args, ", "))
	case len(files) == 0: // the shipped catalog --builtin names, or the embedded one
		name := "default"
		if c.builtin.set {
			name = c.builtin.name
		}
		src, nerr := rules.NamedCatalog(name)
		if nerr != nil {
			return nerr
		}
		findings, err = rules.LintSource(name+".yaml", src)
	default:
		findings, err = rules.Lint(files...)
	}
	if err != nil {
		return builtinHint(err, files)
	}
	if c.json() {
		out := struct {
			OK       bool          `json:"ok"`
			Findings []findingJSON `json:"findings"`
		}{OK: len(findings) == 0, Findings: []findingJSON{}}
		for _, f := range findings {
			out.Findings = append(out.Findings, findingJSON{f.File, f.Line, f.Column, f.Code, f.Message})
		}
		if err := c.writeJSON(out); err != nil {
			return err
		}
	} else {
		for _, f := range findings {
			fmt.Fprintln(c.stdout, f)
		}
	}
	if len(findings) > 0 {
		return errFailed
	}
	return nil
}
