package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
)

var goldenCheck = []goldenCase{
	{"check-default", []string{"check"}, exitOK},
	{"check-file", []string{"check", "testdata/tiers.yaml"}, exitOK},
	{"check-json", []string{"check", "--output", "json", "testdata/tiers.yaml"}, exitOK},
	{"check-bad", []string{"check", "testdata/bad.yaml"}, exitFail},
	{"check-bad-json", []string{"check", "testdata/bad.yaml", "--output", "json"}, exitFail},
	{"check-suite", []string{"check", "testdata/pass_test.yaml"}, exitFail},
	{"check-missing", []string{"check", "testdata/nope.yaml"}, exitInput},
	{"check-catalog-flag", []string{"check", "--catalog", "testdata/tiers.yaml", "testdata/bad.yaml"}, exitFail},
	{"check-twice", []string{"check", "testdata/tiers.yaml", "./testdata/tiers.yaml"}, exitOK},
	{"check-help", []string{"check", "--help"}, exitOK},
}

func TestCheckGolden(t *testing.T) { runGolden(t, goldenCheck) }

func TestErrorsNamePositions(t *testing.T) {
	_, stderr, code := runCmd(t, "check", "testdata/bad.yaml")
	require.Equal(t, exitFail, code)
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		assert.Regexp(t, regexp.MustCompile(`^testdata/bad\.yaml:\d+:\d+: `), line)
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		ok    string // the ok row: the files checked
		tiers string // the tiers row
	}{
		{"embedded catalog", nil, "(embedded default catalog)", "4: standard, enhanced, premium, looker-premier"},
		{"a file", []string{"testdata/tiers.yaml"}, "testdata/tiers.yaml", "2: silver, gold"},
		{"the --catalog files when no FILE", []string{"--catalog", "testdata/tiers.yaml"}, "testdata/tiers.yaml", "2: silver, gold"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"check"}, tt.args...)...)
			require.Equal(t, exitOK, code, stderr)
			assert.Empty(t, stderr)
			assert.Equal(t, tt.ok, rowValue(t, stdout, "ok"))
			assert.Equal(t, tt.tiers, rowValue(t, stdout, "tiers"))
		})
	}
}

func TestCheckFailures(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr []string // parts of stderr
	}{
		{"errors", []string{"testdata/bad.yaml"}, exitFail, []string{
			`testdata/bad.yaml:4:11: calendars.office.zone: unknown time zone "Europe/Pariss"`,
			`testdata/bad.yaml:12:15: rules[0].when: undefined field 'langage'`,
		}},
		{"a suite given to check", []string{"testdata/pass_test.yaml"}, exitFail, []string{
			`unknown key "tests"`,
			"testdata/pass_test.yaml looks like a test suite: run it with 'tiercel test testdata/pass_test.yaml'\n",
		}},
		{"a missing file", []string{"testdata/nope.yaml"}, exitInput, []string{"testdata/nope.yaml: no such file or directory"}},
		{"--catalog files are checked too", []string{"--catalog", "testdata/bad.yaml", "testdata/tiers.yaml"}, exitFail, []string{
			`testdata/bad.yaml:4:11: calendars.office.zone: unknown time zone "Europe/Pariss"`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"check"}, tt.args...)...)
			assert.Equal(t, tt.code, code)
			assert.Empty(t, stdout)
			for _, s := range tt.stderr {
				assert.Contains(t, stderr, s)
			}
			if tt.name != "a suite given to check" {
				assert.NotContains(t, stderr, "looks like a test suite")
			}
		})
	}
}

func TestCheckJSON(t *testing.T) {
	var got checkJSON
	stdout, _, code := runCmd(t, "check", "--output", "json", "testdata/bad.yaml")
	require.Equal(t, exitFail, code)
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
	assert.False(t, got.OK)
	assert.Equal(t, []string{"testdata/bad.yaml"}, got.Files)
	assert.Empty(t, got.Tiers)
	require.Len(t, got.Errors, 4)
	assert.Equal(t, errorJSON{File: "testdata/bad.yaml", Line: 4, Column: 11, Path: "calendars.office.zone",
		Message: `unknown time zone "Europe/Pariss"`}, got.Errors[0])

	got = checkJSON{}
	stdout, _, code = runCmd(t, "check", "--output", "json", "testdata/nope.yaml")
	require.Equal(t, exitInput, code)
	require.NoError(t, json.Unmarshal([]byte(stdout), &got), stdout)
	require.Len(t, got.Errors, 1, "an error without a position is one error")
	assert.Zero(t, got.Errors[0].Line)
	assert.Contains(t, got.Errors[0].Message, "no such file or directory")
}

func TestPositioned(t *testing.T) {
	one := &rules.Error{File: "a.yaml", Line: 2, Column: 3, Path: "tiers.x", Msg: "bad"}
	tests := []struct {
		name string
		err  error
		want []errorJSON
	}{
		{"one", one, []errorJSON{{File: "a.yaml", Line: 2, Column: 3, Path: "tiers.x", Message: "bad"}}},
		{"a list", rules.ErrorList{one, {File: "b.yaml", Line: 1, Column: 1, Msg: "worse"}}, []errorJSON{
			{File: "a.yaml", Line: 2, Column: 3, Path: "tiers.x", Message: "bad"},
			{File: "b.yaml", Line: 1, Column: 1, Message: "worse"},
		}},
		{"without a position", errors.New("boom"), []errorJSON{{Message: "boom"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, positioned(tt.err))
		})
	}
}

// A capped list ends with the count of the errors left out, without a
// position.
func TestPositionedCappedList(t *testing.T) {
	var src strings.Builder
	src.WriteString("tiers:\n")
	for i := range rules.MaxErrors + 5 {
		fmt.Fprintf(&src, "  t%d: {name: T, response: {P1: 1h 24x7}, price: 1}\n", i)
	}
	_, err := rules.Compile("c.yaml", []byte(src.String()))
	require.Error(t, err)
	got := positioned(err)
	require.Len(t, got, rules.MaxErrors+1)
	assert.Equal(t, errorJSON{File: "c.yaml", Line: 2, Column: 49, Path: "tiers.t0.price", Message: "must be a mapping with currency, minimum and bands"}, got[0])
	assert.Equal(t, errorJSON{Message: "and 5 more errors"}, got[rules.MaxErrors])
}

func TestLooksLikeSuite(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(src), 0o600))
		return p
	}
	tests := []struct {
		name string
		path string
		want bool
	}{
		{"a suite", "testdata/pass_test.yaml", true},
		{"a catalog", "testdata/tiers.yaml", false},
		{"a missing file", filepath.Join(dir, "nope.yaml"), false},
		{"not YAML", write("bad.yaml", "tests: [\n"), false},
		{"not a mapping", write("list.yaml", "- tests\n"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, looksLikeSuite(tt.path))
		})
	}
}

func TestCountList(t *testing.T) {
	assert.Equal(t, "0", countList(nil))
	assert.Equal(t, "1: a", countList([]string{"a"}))
	assert.Equal(t, "2: a, b", countList([]string{"a", "b"}))
}
