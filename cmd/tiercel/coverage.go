package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/rules"
)

// coverageOptions are test's --coverage, --threshold and --coverage-out;
// either of the last two turns coverage on.
type coverageOptions struct {
	on        bool
	threshold threshold
	out       string
}

// flags adds the coverage flags to fs.
func (o *coverageOptions) flags(fs *flag.FlagSet) {
	fs.BoolVar(&o.on, "coverage", false, "report what the suites exercised of each catalog file (rows, rules, migrations, permissions, lifecycle conditions, prices and bands)")
	fs.Var(&o.threshold, "threshold", "with coverage, fail (exit 1) below `N` percent of items covered, e.g. 90 or 92.5")
	fs.StringVar(&o.out, "coverage-out", "", "with coverage, write every item with its hits and position to `FILE` as JSON")
}

// enabled reports whether any coverage flag was given.
func (o *coverageOptions) enabled() bool { return o.on || o.threshold.set || o.out != "" }

// threshold is --threshold: a percent with at most two decimals, kept
// exactly in hundredths of a percent.
type threshold struct {
	hundredths int
	set        bool
}

func (t *threshold) String() string {
	return fmt.Sprintf("%d.%02d%%", t.hundredths/100, t.hundredths%100)
}

func (t *threshold) Set(v string) error {
	whole, frac, _ := strings.Cut(strings.TrimSuffix(v, "%"), ".")
	if len(frac) > 2 {
		return fmt.Errorf("%q has more than two decimals", v)
	}
	frac += strings.Repeat("0", 2-len(frac))
	w, err1 := strconv.Atoi(whole)
	f, err2 := strconv.Atoi(frac)
	if err1 != nil || err2 != nil || w < 0 || f < 0 || strings.ContainsAny(frac, "+-") {
		return fmt.Errorf("%q is not a percent such as 90 or 92.5", v)
	}
	if w*100+f > 10000 {
		return fmt.Errorf("%q is over 100", v)
	}
	t.hundredths, t.set = w*100+f, true
	return nil
}

// coverageRun collects the coverage of one `tiercel test` run: one
// rules.Coverage per engine the suites ran on (suites of one catalog
// share it), added up at the end by position.
type coverageRun struct {
	byEngine map[*rules.Engine]*rules.Coverage
	all      []*rules.Coverage
}

// view returns the recording view of e; e itself when r is nil (coverage
// not asked for).
func (r *coverageRun) view(e *rules.Engine) *rules.Engine {
	if r == nil {
		return e
	}
	cov, ok := r.byEngine[e]
	if !ok {
		cov = rules.NewCoverage(e)
		r.byEngine[e] = cov
		r.all = append(r.all, cov)
	}
	return cov.Engine()
}

// items returns every item of every catalog the run used, with its hits.
func (r *coverageRun) items() []rules.CoverageItem {
	lists := make([][]rules.CoverageItem, len(r.all))
	for i, c := range r.all {
		lists[i] = c.Items()
	}
	return rules.MergeCoverage(lists...)
}

// coverage returns the run's coverage and whether it is below
// --threshold; nil and false without --coverage.
func (c *cli) coverage(o coverageOptions) (*answer.Coverage, bool) {
	if c.cover == nil {
		return nil, false
	}
	cov := answer.NewCoverage(c.cover.items())
	return &cov, o.threshold.set && cov.Percent.Hundredths < o.threshold.hundredths
}

// finishCoverage writes the coverage report cov (text unless the output
// is JSON), the --coverage-out file, and returns errFailed when the run is
// below the threshold; err, the run's own outcome, wins when not nil.
func (c *cli) finishCoverage(o coverageOptions, cov *answer.Coverage, err error) error {
	if cov == nil {
		return err
	}
	if !c.json() {
		c.writeCoverage(*cov)
	}
	if o.out != "" {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if werr := enc.Encode(cov); werr != nil {
			return werr
		}
		if werr := os.WriteFile(o.out, b.Bytes(), 0o644); werr != nil {
			return outputError{fmt.Errorf("--coverage-out: %w", werr)}
		}
	}
	if o.threshold.set && cov.Percent.Hundredths < o.threshold.hundredths {
		fmt.Fprintf(c.stderr, "tiercel test: coverage %s is below the threshold %s\n", cov.Percent.Text, o.threshold.String())
		if err == nil {
			return errFailed
		}
	}
	return err
}

// kindNames are the plural words the report counts each kind in.
var kindNames = map[string]string{
	rules.CoverRow: "rows", rules.CoverRule: "rules", rules.CoverMigration: "migrations", rules.CoverPermission: "permissions",
	rules.CoverCondition: "conditions", rules.CoverPrice: "prices", rules.CoverBand: "bands",
}

// writeCoverage writes the text report: per catalog file its counts by
// kind, then each uncovered item at file:line:col; then the total.
func (c *cli) writeCoverage(cov answer.Coverage) {
	for _, f := range cov.Files {
		fmt.Fprintf(c.stdout, "coverage  %s  %s\n", f.File, itemsText(f.Covered, f.Total, f.Percent))
		tb := c.table()
		for _, k := range f.Kinds {
			tb.row("  "+kindNames[k.Kind], fmt.Sprintf("%d of %d", k.Covered, k.Total))
		}
		tb.flush()
		for _, it := range f.Items {
			if it.Hits == 0 {
				fmt.Fprintf(c.stdout, "  %s:%d:%d: %s %s\n", f.File, it.Line, it.Column, itemName(it), uncoveredWords(it))
			}
		}
	}
	fmt.Fprintf(c.stdout, "coverage  total  %s\n", itemsText(cov.Covered, cov.Total, cov.Percent))
}

// itemsText is "26 of 32 items (81.25%)"; with no items, no percent
// ("0 items: no catalog was loaded"), as 100% of nothing says nothing.
func itemsText(covered, total int, p answer.Percent) string {
	if total == 0 {
		return "0 items: no catalog was loaded"
	}
	return fmt.Sprintf("%d of %d items (%s)", covered, total, p.Text)
}

// itemName is how the report names an item: its id, which names the kind
// but for a rule's.
func itemName(it answer.CoverageItem) string {
	if it.Kind == rules.CoverRule {
		return "rule " + it.ID
	}
	return it.ID
}

// uncoveredWords says what no test did to an item.
func uncoveredWords(it answer.CoverageItem) string {
	switch it.Kind + " " + it.Outcome {
	case "row decided":
		return "never decided a deadline"
	case "rule matched":
		return "never matched"
	case "migration true":
		return "never applied"
	case "permission allowed":
		return "never allowed"
	case "permission denied":
		return "never denied"
	case "condition true":
		return "never held"
	case "price used":
		return "never priced a quote or an invoice"
	case "band spend inside":
		return "never had a spend inside"
	}
	return "never evaluated to " + it.Outcome
}
