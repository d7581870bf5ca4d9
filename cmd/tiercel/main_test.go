package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/golden"
)

// runCmd runs the command line and returns stdout, stderr and the status.
func runCmd(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return stdout.String(), stderr.String(), code
}

// transcript is what a golden file holds: the command, its output and its
// exit status.
func transcript(args []string, stdout, stderr string, code int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "$ tiercel %s\n", strings.Join(quoteArgs(args), " "))
	b.WriteString(stdout)
	if stderr != "" {
		b.WriteString("--- stderr\n")
		b.WriteString(stderr)
	}
	fmt.Fprintf(&b, "--- exit %d\n", code)
	return b.String()
}

func quoteArgs(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if a == "" || strings.ContainsAny(a, " '\"*") {
			a = "'" + a + "'"
		}
		out[i] = a
	}
	return out
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", "golden", name+".golden"), got)
}

// goldenCase is a command line whose transcript (output and exit status)
// is pinned in testdata/golden/NAME.golden. Each command's cases are in its
// own _test.go file.
type goldenCase struct {
	name string
	args []string
	code int
}

// goldenNow is the clock of the golden transcripts: eligibility's --at
// defaults to it.
var goldenNow = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// fixClock sets the clock behind --at's default to goldenNow for the test.
func fixClock(t *testing.T) {
	t.Helper()
	now = func() time.Time { return goldenNow }
	t.Cleanup(func() { now = time.Now })
}

// runGolden runs each case as a subtest, checks its exit status and that it
// prints no stack trace, and compares its transcript with its golden file
// (rewritten instead under -update).
func runGolden(t *testing.T, cases []goldenCase) {
	t.Helper()
	fixClock(t)
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, tt.args...)
			assert.Equal(t, tt.code, code, "exit status\nstdout:\n%s\nstderr:\n%s", stdout, stderr)
			assert.NotContains(t, stderr, "goroutine", "no stack trace")
			assert.NotContains(t, stderr, "panic")
			checkGolden(t, tt.name, transcript(tt.args, stdout, stderr, code))
		})
	}
}

// rowValue returns the value of the row named key in a two-column table
// written by cli.table ("key  value", aligned), or fails the test.
func rowValue(t *testing.T, out, key string) string {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(line, key+"  "); ok {
			return strings.TrimSpace(rest)
		}
	}
	t.Fatalf("no row %q in:\n%s", key, out)
	return ""
}

// goldenMain covers main.go: usage, help and dispatch, and the flags every
// command shares.
var goldenMain = []goldenCase{
	{"usage", nil, exitUsage},
	{"help", []string{"--help"}, exitOK},
	{"unknown-command", []string{"frobnicate"}, exitUsage},
	{"bad-output", []string{"compare", "--output", "yaml", "standard", "enhanced"}, exitUsage},
	{"help-command", []string{"help", "quote"}, exitOK},
}

func TestGolden(t *testing.T) { runGolden(t, goldenMain) }

// allGolden returns the golden cases of every command file.
func allGolden() []goldenCase {
	return slices.Concat(goldenMain, goldenCheck, goldenTest, goldenDeadline, goldenCompare, goldenReplay, goldenQuote,
		goldenEligibility, goldenAllowed, goldenBuiltin, goldenInvoice, goldenDiff, goldenTimeline, goldenImpact, goldenExport, goldenExportICS, goldenCatalog, goldenTiers, goldenLint, goldenAudit, goldenExplain, goldenCoverage, goldenImport, goldenExportZendesk)
}

// TestEveryGoldenFileHasACase keeps testdata/golden and the cases of the
// command files in step: a golden file no case writes would go stale.
func TestEveryGoldenFileHasACase(t *testing.T) {
	cases := map[string]bool{}
	for _, c := range allGolden() {
		assert.False(t, cases[c.name], "two cases named %q", c.name)
		cases[c.name] = true
	}
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.golden"))
	require.NoError(t, err)
	onDisk := map[string]bool{}
	for _, f := range files {
		onDisk[strings.TrimSuffix(filepath.Base(f), ".golden")] = true
	}
	assert.Equal(t, onDisk, cases)
}

// TestEveryCommandHasHelpWithAnExample checks --help on every command.
func TestEveryCommandHasHelpWithAnExample(t *testing.T) {
	for _, cmd := range commands {
		t.Run(cmd.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, cmd.name, "--help")
			require.Equal(t, exitOK, code)
			assert.Empty(t, stderr)
			assert.Contains(t, stdout, "Usage: tiercel "+cmd.name)
			assert.Contains(t, stdout, "-catalog FILE")
			assert.Contains(t, stdout, "-builtin NAME")
			assert.Contains(t, stdout, "-output format")
			assert.Contains(t, stdout, "\nExample:\n  tiercel "+cmd.name)
			// The examples run, from the repository's root.
			t.Chdir("../..")
			for _, line := range strings.Split(strings.TrimSpace(cmd.example), "\n") {
				args := splitWords(t, strings.TrimPrefix(strings.TrimSpace(line), "tiercel "))
				if cmd.name == "serve" { // it would serve until stopped
					args = append(args, "--check")
				}
				_, errOut, code := runCmd(t, args...)
				assert.Equal(t, exitOK, code, "%s\n%s", line, errOut)
			}
		})
	}
}

// TestJSONOutputIsValid checks every command's JSON output parses.
func TestJSONOutputIsValid(t *testing.T) {
	for _, args := range [][]string{
		{"check"},
		{"test", "testdata/pass_test.yaml"},
		{"deadline", "--tier", "premium", "--priority", "P2", "--opened", "2026-03-02T10:00:00Z"},
		{"compare", "enhanced", "premium"},
		{"quote", "premium", "1200000 USD"},
		{"eligibility", "--tier", "looker-premier", "--renewal", "2026-09-01", "--spend", "85000 USD", "--at", "2026-03-02T10:00:00Z"},
		{"allowed", "cases.view", "--role", "roles/cloudsupport.viewer"},
	} {
		t.Run(args[0], func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append(args, "--output", "json")...)
			require.Equal(t, exitOK, code, stderr)
			var v map[string]any
			require.NoError(t, json.Unmarshal([]byte(stdout), &v), stdout)
		})
	}
}

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		args []string
		want []string
		out  string
	}{
		{[]string{"a", "b"}, []string{"a", "b"}, "text"},
		{[]string{"--output", "json", "a", "b"}, []string{"a", "b"}, "json"},
		{[]string{"a", "--output=json", "b"}, []string{"a", "b"}, "json"},
		{[]string{"a", "b", "-output", "json"}, []string{"a", "b"}, "json"},
		{[]string{"a", "--", "--output", "json"}, []string{"a", "--output", "json"}, "text"},
		{[]string{"enhanced", "-1 USD"}, []string{"enhanced", "-1 USD"}, "text"},
		{[]string{"-1", "USD", "--output", "json"}, []string{"-1", "USD"}, "json"},
		{[]string{"-.5 USD", "-v", "b"}, []string{"-.5 USD", "b"}, "text"},
		{[]string{"--output", "-1 USD"}, nil, "-1 USD"},
		{[]string{"-", "a"}, []string{"-", "a"}, "text"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			fs := flag.NewFlagSet("x", flag.ContinueOnError)
			out := fs.String("output", "text", "")
			verbose := fs.Bool("v", false, "")
			got, err := parseInterspersed(fs, tt.args)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.out, *out)
			assert.Equal(t, slices.Contains(tt.args, "-v"), *verbose)
		})
	}
}

func TestParseInterspersedErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"a", "--nope"}, "flag provided but not defined: -nope"},
		{"a flag without its value", []string{"a", "--output"}, "flag needs an argument: -output"},
		{"a word after a minus sign", []string{"-x1"}, "flag provided but not defined: -x1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("x", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			fs.String("output", "text", "")
			_, err := parseInterspersed(fs, tt.args)
			assert.EqualError(t, err, tt.want)
		})
	}
}

func TestParseAttrs(t *testing.T) {
	m, err := parseAttrs([]string{"vip=true", "n=42", "lang=ja"})
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"vip": true, "n": int64(42), "lang": "ja"}, m)
	_, err = parseAttrs([]string{"novalue"})
	assert.Error(t, err)
}

func TestMainLikeExit(t *testing.T) {
	// run never panics on garbage.
	for _, args := range [][]string{
		{"deadline", "--tier"},
		{"quote", "", ""},
		{"eligibility", "--tier", "looker-premier", "--renewal", "x"},
		{"test", "testdata/nope_test.yaml"},
		{"test", "testdata"},
		{"allowed", "cases.create", "--priority", "P0"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			_, stderr, code := runCmd(t, args...)
			assert.NotEqual(t, exitOK, code)
			assert.NotContains(t, stderr, "goroutine")
		})
	}
}

func TestVersionLine(t *testing.T) {
	tests := []struct {
		name string
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{"a released module", &debug.BuildInfo{Main: debug.Module{Path: "github.com/tiercel/tiercel", Version: "v0.4.1"}}, true,
			"tiercel v0.4.1 (catalog format version 1)"},
		{"built in a clone", &debug.BuildInfo{Main: debug.Module{Path: "github.com/tiercel/tiercel", Version: "(devel)"}}, true,
			"tiercel (devel) (catalog format version 1)"},
		{"no version recorded", &debug.BuildInfo{}, true, "tiercel (unknown) (catalog format version 1)"},
		{"no build information", nil, false, "tiercel (unknown) (catalog format version 1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, versionLine(tt.info, tt.ok))
		})
	}
	stdout, _, code := runCmd(t, "--version")
	assert.Equal(t, exitOK, code)
	info, ok := debug.ReadBuildInfo()
	assert.Equal(t, versionLine(info, ok)+"\n", stdout)
}

// TestHelpNamesReadmeHeadings keeps the README sections that --help texts
// point to ("the README (\"Heading\")") in step with the README.
func TestHelpNamesReadmeHeadings(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	headings := map[string]bool{}
	for _, line := range strings.Split(string(readme), "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			headings[h] = true
		}
	}
	ref := regexp.MustCompile(`README \("([^"]+)"\)`)
	found := 0
	for _, cmd := range commands {
		for _, m := range ref.FindAllStringSubmatch(strings.Join(strings.Fields(cmd.help), " "), -1) {
			found++
			assert.True(t, headings[m[1]], "tiercel %s --help names the README heading %q, which does not exist", cmd.name, m[1])
		}
	}
	assert.Positive(t, found, "some help names a README heading")
}
