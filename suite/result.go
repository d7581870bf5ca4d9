package suite

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"
)

// Mismatch is one expected value that differs from the engine's answer.
type Mismatch struct {
	Field string // which part of the answer, e.g. "due" or "changes.P1"
	Want  string // the expected value as written (normalized) in the suite
	Got   string // the engine's answer, formatted like Want
}

// Result is the outcome of one Test.
type Result struct {
	Test       *Test
	Passed     bool
	Mismatches []Mismatch // why the test failed; empty when it passed or could not run
	Err        error      // the test could not run, e.g. its suite's catalog did not load
	// Elapsed is how long the test took to run (Test.Run measures it);
	// reports show it, no decision reads it.
	Elapsed time.Duration
}

// String reports the result: "ok   file:line:col: name (kind)" for a pass,
// and for a failure a FAIL line followed by an aligned table of every
// mismatch with the expected and actual values side by side.
func (r Result) String() string {
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

// oneLine shows an empty value as "" and line breaks as \n, so that each
// mismatch keeps to one row of the table.
func oneLine(s string) string {
	if s == "" {
		return `""`
	}
	return strings.ReplaceAll(s, "\n", `\n`)
}
