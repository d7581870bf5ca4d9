package suite

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/tiercel/tiercel/rules"
)

// Report is the outcome of one suite file, as a CI report (WriteJUnit)
// shows it: the tests run, the tests left out (by a name filter such as
// `tiercel test --run`), or the error that kept the suite from running.
// It is a plain value; the zero Report is a suite with no tests.
type Report struct {
	File    string        // the suite file, the classname of its tests
	Results []Result      // the tests run, in file order
	Skipped []*Test       // the tests not run, in file order
	Err     error         // the suite did not load or its catalog did not compile; Results is then empty
	Elapsed time.Duration // how long the suite took, loading included
}

// NewReport runs the tests of s that keep returns true for (every test
// when keep is nil) against e and returns the report: the others are
// listed as skipped.
func NewReport(s *Suite, e *rules.Engine, keep func(*Test) bool) Report {
	start := time.Now()
	r := Report{File: s.File}
	for _, t := range s.Tests {
		if keep != nil && !keep(t) {
			r.Skipped = append(r.Skipped, t)
			continue
		}
		r.Results = append(r.Results, t.Run(e))
	}
	r.Elapsed = time.Since(start)
	return r
}

// RunFile loads the suite file at path and runs its tests that keep
// returns true for (all when keep is nil) on the suite's own engine (see
// Suite.Engine). A suite or a catalog that does not load is the report's
// Err. Elapsed counts the loading.
func RunFile(path string, keep func(*Test) bool) Report {
	start := time.Now()
	s, err := Load(path)
	if err == nil {
		var e *rules.Engine
		if e, err = s.Engine(); err == nil {
			r := NewReport(s, e, keep)
			r.Elapsed = time.Since(start)
			return r
		}
	}
	return Report{File: path, Err: err, Elapsed: time.Since(start)}
}

// junitSuites is the document root: <testsuites>.
type junitSuites struct {
	XMLName xml.Name `xml:"testsuites"`
	junitCounts
	Suites []junitSuite `xml:"testsuite"`
}

// junitCounts are the attributes of <testsuites> and <testsuite>.
type junitCounts struct {
	Name     string `xml:"name,attr"`
	Tests    int    `xml:"tests,attr"`
	Failures int    `xml:"failures,attr"`
	Errors   int    `xml:"errors,attr"`
	Skipped  int    `xml:"skipped,attr"`
	Time     string `xml:"time,attr"`
}

// add adds the counts of s.
func (c *junitCounts) add(s junitCounts) {
	c.Tests += s.Tests
	c.Failures += s.Failures
	c.Errors += s.Errors
	c.Skipped += s.Skipped
}

// junitSuite is one suite file.
type junitSuite struct {
	junitCounts
	Cases []junitCase `xml:"testcase"`
}

// junitCase is one test.
type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitProblem `xml:"skipped,omitempty"`
}

// junitProblem is a failure, an error or a skip: a one-line message and
// the full text.
type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

// WriteJUnit writes the reports as one JUnit XML document, in the shape
// Jenkins, GitLab and GitHub's test reporters read: a <testsuites> root
// with the totals, one <testsuite> per suite file and one <testcase> per
// test, whose classname is the suite file. A failed test carries a
// <failure> whose message is its position (file:line:col) and whose text is
// its want/got table (Result.String); a test that could not run carries an
// <error>; a test left out carries <skipped>. Test cases are in file order. A suite that does not load is
// one <testcase> named "load" with an <error> holding the error. Times are
// seconds with millisecond precision. Text is escaped by encoding/xml.
func WriteJUnit(w io.Writer, reports []Report) error {
	doc := junitSuites{junitCounts: junitCounts{Name: "tiercel"}}
	var total time.Duration
	for _, r := range reports {
		s := junitSuiteOf(r)
		doc.add(s.junitCounts)
		total += r.Elapsed
		doc.Suites = append(doc.Suites, s)
	}
	doc.Time = seconds(total)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// junitSuiteOf returns the <testsuite> of one report.
func junitSuiteOf(r Report) junitSuite {
	s := junitSuite{junitCounts: junitCounts{Name: r.File, Time: seconds(r.Elapsed)}}
	if r.Err != nil {
		s.Tests, s.Errors = 1, 1
		s.Cases = []junitCase{{Name: "load", Classname: r.File, File: r.File, Time: seconds(0),
			Error: &junitProblem{Message: firstLine(r.Err.Error()), Type: "load", Text: r.Err.Error()}}}
		return s
	}
	for _, res := range r.Results {
		c := junitCase{Name: res.Test.Name, Classname: r.File, File: res.Test.File, Line: res.Test.Line, Time: seconds(res.Elapsed)}
		switch {
		case res.Err != nil:
			c.Error = &junitProblem{Message: res.Test.Pos() + ": " + firstLine(res.Err.Error()), Type: "error", Text: res.String()}
			s.Errors++
		case !res.Passed:
			c.Failure = &junitProblem{Message: res.Test.Pos() + ": " + mismatchSummary(res.Mismatches), Type: "mismatch", Text: res.String()}
			s.Failures++
		}
		s.Cases = append(s.Cases, c)
	}
	for _, t := range r.Skipped {
		s.Cases = append(s.Cases, junitCase{Name: t.Name, Classname: r.File, File: t.File, Line: t.Line, Time: seconds(0),
			Skipped: &junitProblem{Message: "not selected"}})
		s.Skipped++
	}
	slices.SortStableFunc(s.Cases, func(a, b junitCase) int { return cmp.Compare(a.Line, b.Line) }) // file order
	s.Tests = len(s.Cases)
	return s
}

// mismatchSummary names the fields that differ: "due, target differ".
func mismatchSummary(ms []Mismatch) string {
	if len(ms) == 0 {
		return "failed"
	}
	fields := make([]string, len(ms))
	for i, m := range ms {
		fields[i] = m.Field
	}
	verb := "differs"
	if len(ms) > 1 {
		verb = "differ"
	}
	return strings.Join(fields, ", ") + " " + verb
}

// firstLine returns s up to its first line break.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// seconds formats d as JUnit's time: seconds with three decimals, in
// integers (never a float), "0.000" for zero or less.
func seconds(d time.Duration) string {
	ms := max(d.Milliseconds(), 0)
	return fmt.Sprintf("%d.%03d", ms/1000, ms%1000)
}
