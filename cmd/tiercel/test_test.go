package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var goldenTest = []goldenCase{
	{"test-pass", []string{"test", "testdata/pass_test.yaml"}, exitOK},
	{"test-verbose", []string{"test", "-v", "testdata/pass_test.yaml"}, exitOK},
	{"test-fail", []string{"test", "testdata/pass_test.yaml", "testdata/fail_test.yaml"}, exitFail},
	{"test-fail-json", []string{"test", "--output", "json", "testdata/fail_test.yaml"}, exitFail},
	{"test-run-filter", []string{"test", "--run", "lunch", "-v", "testdata/fail_test.yaml"}, exitFail},
	{"test-bad-suite", []string{"test", "testdata/badsuite_test.yaml"}, exitInput},
	{"test-unused-catalog", []string{"test", "--catalog", "testdata/nope.yaml", "testdata/pass_test.yaml"}, exitInput},
	{"test-catalog-flag", []string{"test", "--catalog", "testdata/tiers.yaml", "testdata/nocatalog_test.yaml"}, exitOK},
	{"test-default-catalog", []string{"test", "testdata/nocatalog_test.yaml"}, exitFail},
	{"test-no-args", []string{"test"}, exitUsage},
	{"test-bad-regexp", []string{"test", "--run", "(", "testdata/pass_test.yaml"}, exitUsage},
	{"test-help", []string{"test", "--help"}, exitOK},
	{"test-junit-unwritable", []string{"test", "--junit", "testdata/no-such-dir/report.xml", "testdata/pass_test.yaml"}, exitUsage},
}

func TestTestGolden(t *testing.T) { runGolden(t, goldenTest) }

func TestTest(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		code    int
		stdout  []string // parts of stdout
		without []string // what stdout must not contain
		stderr  []string // parts of stderr; none means stderr is empty
	}{
		{"a passing suite prints its summary only", []string{"testdata/pass_test.yaml"}, exitOK,
			[]string{"ok    testdata/pass_test.yaml  2 passed\n"}, []string{"ok   testdata/pass_test.yaml:3:5"}, nil},
		{"-v lists every test", []string{"-v", "testdata/pass_test.yaml"}, exitOK,
			[]string{"ok   testdata/pass_test.yaml:3:5: silver P1 skips lunch (deadline)\n", "ok    testdata/pass_test.yaml  2 passed\n"}, nil, nil},
		{"one failing suite fails the run", []string{"testdata/pass_test.yaml", "testdata/fail_test.yaml"}, exitFail,
			[]string{"ok    testdata/pass_test.yaml  2 passed\n", "FAIL testdata/fail_test.yaml:6:5: silver fee (quote)\n", "FAIL  testdata/fail_test.yaml  2 of 2 failed\n"}, nil, nil},
		{"--run selects tests", []string{"--run", "fee", "testdata/fail_test.yaml"}, exitFail,
			[]string{"FAIL  testdata/fail_test.yaml  1 of 1 failed, 1 skipped\n"}, []string{"lunch"}, nil},
		{"--run matching nothing passes", []string{"--run", "nothing matches this", "testdata/fail_test.yaml"}, exitOK,
			[]string{"ok    testdata/fail_test.yaml  0 passed, 2 skipped\n"}, nil, nil},
		{"a suite that does not load", []string{"testdata/badsuite_test.yaml"}, exitInput,
			[]string{"FAIL  testdata/badsuite_test.yaml  does not load\n"}, []string{"tests[0]"},
			[]string{"testdata/badsuite_test.yaml:3:50: tests[0].deadline.opened"}},
		{"--catalog for suites that name none", []string{"--catalog", "testdata/tiers.yaml", "testdata/nocatalog_test.yaml"}, exitOK,
			[]string{"ok    testdata/nocatalog_test.yaml  1 passed\n"}, nil, nil},
		{"--catalog beside a suite that names its own: a warning", []string{"--catalog", "testdata/tiers.yaml", "testdata/pass_test.yaml"}, exitOK,
			[]string{"ok    testdata/pass_test.yaml  2 passed\n"}, nil,
			[]string{"tiercel test: warning: testdata/pass_test.yaml names its own catalog; --catalog is not used for it\n"}},
		{"a missing --catalog is an error even when no suite uses it", []string{"--catalog", "testdata/nope.yaml", "testdata/pass_test.yaml"}, exitInput,
			nil, []string{"ok "}, []string{"tiercel test: invalid catalog: open testdata/nope.yaml: no such file or directory\n"}},
		{"the embedded catalog otherwise", []string{"testdata/nocatalog_test.yaml"}, exitFail,
			[]string{`unknown tier "gold"`}, nil, nil},
		{"a --catalog that does not load", []string{"--catalog", "testdata/bad.yaml", "testdata/nocatalog_test.yaml"}, exitInput,
			nil, []string{"nocatalog_test.yaml"}, []string{"testdata/bad.yaml:4:11: "}},
		{"a directory runs its suites", []string{"testdata"}, exitInput,
			[]string{"FAIL  testdata/badsuite_test.yaml  does not load\n", "ok    testdata/pass_test.yaml  2 passed\n"}, []string{"tiers.yaml  "},
			[]string{"testdata/badsuite_test.yaml:3:50: "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"test"}, tt.args...)...)
			assert.Equal(t, tt.code, code, "%s%s", stdout, stderr)
			for _, s := range tt.stdout {
				assert.Contains(t, stdout, s)
			}
			for _, s := range tt.without {
				assert.NotContains(t, stdout, s)
			}
			if tt.stderr == nil {
				assert.Empty(t, stderr)
			}
			for _, s := range tt.stderr {
				assert.Contains(t, stderr, s)
			}
		})
	}
}

func TestTestUsageErrors(t *testing.T) {
	empty := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no argument", nil, "tiercel test: no suite files given\n"},
		{"bad regexp", []string{"--run", "(", "testdata/pass_test.yaml"}, "--run: error parsing regexp"},
		{"a directory without suites", []string{empty}, "no *_test.yaml files in " + empty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"test"}, tt.args...)...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tt.stderr)
		})
	}
}

func TestTestJSON(t *testing.T) {
	stdout, _, code := runCmd(t, "test", "--output", "json", "testdata/pass_test.yaml", "testdata/fail_test.yaml", "testdata/badsuite_test.yaml")
	require.Equal(t, exitInput, code, "a suite that does not load outweighs a failed test")
	var got struct {
		OK     bool        `json:"ok"`
		Suites []suiteJSON `json:"suites"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
	assert.False(t, got.OK)
	require.Len(t, got.Suites, 3)
	pass, fail, bad := got.Suites[0], got.Suites[1], got.Suites[2]
	assert.True(t, pass.OK)
	assert.Equal(t, 2, pass.Passed)
	assert.False(t, fail.OK)
	assert.Equal(t, 2, fail.Failed)
	require.NotEmpty(t, fail.Results)
	assert.Equal(t, []mismatchJSON{{Field: "total", Want: "250.00 EUR", Got: "200.00 EUR"}}, fail.Results[1].Mismatches)
	assert.False(t, bad.OK)
	require.Len(t, bad.Error, 2)
	assert.Equal(t, 3, bad.Error[0].Line)
	assert.Equal(t, 50, bad.Error[0].Column)
}

func TestSuiteFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a_test.yaml", "sub/b_test.yml", "sub/deeper/c_test.yaml", "tiers.yaml", "sub/notes_test.txt"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, nil, 0o600))
	}
	got, err := suiteFiles([]string{"explicit.yaml", dir, filepath.Join(dir, "tiers.yaml")})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"explicit.yaml", // files are kept as given, even missing ones: loading reports them
		filepath.Join(dir, "a_test.yaml"),
		filepath.Join(dir, "sub", "b_test.yml"),
		filepath.Join(dir, "sub", "deeper", "c_test.yaml"),
		filepath.Join(dir, "tiers.yaml"),
	}, got)
}

// TestTestJUnit runs suites with --junit and --run and reads the report
// back as a CI would: one testsuite per file, the filtered-out test
// skipped, a suite that does not load an error.
func TestTestJUnit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.xml")
	_, _, code := runCmd(t, "test", "--junit", path, "--run", "lunch",
		"testdata/pass_test.yaml", "testdata/fail_test.yaml", "testdata/badsuite_test.yaml")
	assert.Equal(t, exitInput, code)
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
		Skipped  int `xml:"skipped,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Tests int    `xml:"tests,attr"`
			Cases []struct {
				Name      string    `xml:"name,attr"`
				Classname string    `xml:"classname,attr"`
				Failure   *struct{} `xml:"failure"`
				Skipped   *struct{} `xml:"skipped"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	require.NoError(t, xml.Unmarshal(raw, &doc))
	// pass: 2 tests, 1 matches "lunch"; fail: 2 tests, 1 matches and fails; bad: 1 load error.
	assert.Equal(t, []int{5, 1, 1, 2}, []int{doc.Tests, doc.Failures, doc.Errors, doc.Skipped}, "tests, failures, errors, skipped")
	require.Len(t, doc.Suites, 3)
	assert.Equal(t, "testdata/fail_test.yaml", doc.Suites[1].Name)
	for _, c := range doc.Suites[1].Cases {
		assert.Equal(t, "testdata/fail_test.yaml", c.Classname)
	}
	assert.NotNil(t, doc.Suites[1].Cases[0].Failure, "silver P1 without lunch fails")
	assert.NotNil(t, doc.Suites[1].Cases[1].Skipped, "silver fee is not selected")
}

func TestTestRunPatternIsBounded(t *testing.T) {
	_, stderr, code := runCmd(t, "test", "--run", strings.Repeat("a", maxRunPattern+1), "testdata/pass_test.yaml")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "--run: the pattern is 1025 bytes long, more than 1024")
	_, _, code = runCmd(t, "test", "--run", strings.Repeat("a", maxRunPattern), "testdata/pass_test.yaml")
	assert.Equal(t, exitOK, code, "a pattern at the bound runs")
	_, stderr, code = runCmd(t, "test", "--run", "((a{1000}){1000}){1000}", "testdata/pass_test.yaml")
	assert.Equal(t, exitUsage, code, "a pattern whose program would be too large")
	assert.Contains(t, stderr, "invalid repeat count")
}
