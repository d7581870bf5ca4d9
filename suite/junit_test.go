package suite

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/golden"
	"github.com/tiercel/tiercel/rules"
)

// xmlSuites decodes a JUnit document back, independently of the writer's
// own types: what a CI reporter reads.
type xmlSuites struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Skipped  int      `xml:"skipped,attr"`
	Time     string   `xml:"time,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Time     string `xml:"time,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Time      string `xml:"time,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Error *struct {
				Message string `xml:"message,attr"`
			} `xml:"error"`
			Skipped *struct{} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// fixedReports returns reports of testdata/failing.yaml (four failures and
// a pass, "passes" left out by the filter) and of a suite that does not
// load, with fixed times so that the document is stable.
func fixedReports(t *testing.T) []Report {
	t.Helper()
	s, err := Load("testdata/failing.yaml")
	require.NoError(t, err)
	e, err := s.Engine()
	require.NoError(t, err)
	r := NewReport(s, e, func(t *Test) bool { return t.Name != "passes" && t.Name != "wrong change" })
	r.Elapsed = 1234567 * time.Microsecond
	for i := range r.Results {
		r.Results[i].Elapsed = time.Duration(i+1) * time.Millisecond
	}
	// "wrong change" and "passes" are skipped: 3 results.
	broken := Report{File: "testdata/broken_test.yaml", Err: errors.New("testdata/broken_test.yaml:3:5: tests[0]: <bad> & \"quoted\"\nsecond line")}
	return []Report{r, broken}
}

func TestWriteJUnitGolden(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteJUnit(&b, fixedReports(t)))
	golden.Check(t, "testdata/junit.golden.xml", b.String())
}

func TestWriteJUnitDecodesBack(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteJUnit(&b, fixedReports(t)))
	var doc xmlSuites
	require.NoError(t, xml.Unmarshal(b.Bytes(), &doc))

	assert.Equal(t, []int{6, 3, 1, 2}, []int{doc.Tests, doc.Failures, doc.Errors, doc.Skipped}, "tests, failures, errors, skipped")
	assert.Equal(t, "1.234", doc.Time)
	require.Len(t, doc.Suites, 2)

	s := doc.Suites[0]
	assert.Equal(t, "testdata/failing.yaml", s.Name)
	assert.Equal(t, []int{5, 3, 0, 2}, []int{s.Tests, s.Failures, s.Errors, s.Skipped})
	require.Len(t, s.Cases, 5)
	for _, c := range s.Cases {
		assert.Equal(t, "testdata/failing.yaml", c.Classname, "the file is the classname")
	}
	first := s.Cases[0]
	assert.Equal(t, "wrong due and rule", first.Name)
	assert.Equal(t, "0.001", first.Time)
	require.NotNil(t, first.Failure)
	assert.Equal(t, "testdata/failing.yaml:5:5: due, target, rule differ", first.Failure.Message)
	assert.Contains(t, first.Failure.Text, "field   want")
	assert.Contains(t, first.Failure.Text, "2026-03-02T12:00:00-05:00")
	assert.NotNil(t, s.Cases[1].Skipped, "a test the filter left out, in file order")
	assert.Equal(t, "wrong change", s.Cases[1].Name)
	assert.NotNil(t, s.Cases[4].Skipped)
	assert.Equal(t, "passes", s.Cases[4].Name)

	broken := doc.Suites[1]
	assert.Equal(t, []int{1, 0, 1, 0}, []int{broken.Tests, broken.Failures, broken.Errors, broken.Skipped})
	require.NotNil(t, broken.Cases[0].Error)
	assert.Equal(t, `testdata/broken_test.yaml:3:5: tests[0]: <bad> & "quoted"`, broken.Cases[0].Error.Message, "escaped and read back")
}

func TestNewReportRunsEverythingWithoutAFilter(t *testing.T) {
	s, err := Load("testdata/failing.yaml")
	require.NoError(t, err)
	e, err := s.Engine()
	require.NoError(t, err)
	r := NewReport(s, e, nil)
	assert.Len(t, r.Results, 5)
	assert.Empty(t, r.Skipped)
	assert.True(t, r.Results[4].Passed)
}

func TestWriteJUnitATestThatCouldNotRun(t *testing.T) {
	s, err := Load("testdata/failing.yaml")
	require.NoError(t, err)
	r := Report{File: s.File, Results: []Result{{Test: s.Tests[0], Err: errors.New("catalog: no such file")}}}
	var b bytes.Buffer
	require.NoError(t, WriteJUnit(&b, []Report{r}))
	var doc xmlSuites
	require.NoError(t, xml.Unmarshal(b.Bytes(), &doc))
	assert.Equal(t, []int{1, 0, 1, 0}, []int{doc.Tests, doc.Failures, doc.Errors, doc.Skipped})
	require.NotNil(t, doc.Suites[0].Cases[0].Error)
	assert.Equal(t, "testdata/failing.yaml:5:5: catalog: no such file", doc.Suites[0].Cases[0].Error.Message)
}

func TestRunFile(t *testing.T) {
	r := RunFile("testdata/failing.yaml", func(t *Test) bool { return t.Kind == "compare" })
	require.NoError(t, r.Err)
	assert.Len(t, r.Results, 3)
	assert.Len(t, r.Skipped, 2)

	r = RunFile("testdata/nope_test.yaml", nil)
	require.ErrorIs(t, r.Err, ErrInvalidSuite)
	assert.Equal(t, "testdata/nope_test.yaml", r.File)

	dir := t.TempDir()
	path := filepath.Join(dir, "x_test.yaml")
	require.NoError(t, os.WriteFile(path, []byte("catalog: missing.yaml\ntests:\n  - {name: a, quote: {tier: a, spend: 1 USD}, expect: {total: 1.00 USD}}\n"), 0o644))
	r = RunFile(path, nil)
	require.ErrorIs(t, r.Err, rules.ErrInvalidCatalog, "a catalog that does not load")
}

func TestSeconds(t *testing.T) {
	tests := []struct {
		name string
		d    time.Duration
		want string
	}{
		{"zero", 0, "0.000"},
		{"negative", -time.Second, "0.000"},
		{"sub-millisecond", 999 * time.Microsecond, "0.000"},
		{"milliseconds", 1500 * time.Millisecond, "1.500"},
		{"minutes", 2*time.Minute + 3*time.Millisecond, "120.003"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, seconds(tt.d)) })
	}
}

func TestMismatchSummary(t *testing.T) {
	assert.Equal(t, "failed", mismatchSummary(nil))
	assert.Equal(t, "due differs", mismatchSummary([]Mismatch{{Field: "due"}}))
	assert.Equal(t, "due, rule differ", mismatchSummary([]Mismatch{{Field: "due"}, {Field: "rule"}}))
}

func TestWriteJUnitEmpty(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteJUnit(&b, nil))
	assert.True(t, strings.HasPrefix(b.String(), xml.Header))
	var doc xmlSuites
	require.NoError(t, xml.Unmarshal(b.Bytes(), &doc))
	assert.Equal(t, 0, doc.Tests)
}
