package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

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
	path := filepath.Join("testdata", "golden", name+".golden")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./cmd/tiercel -update to create it")
	assert.Equal(t, string(want), got)
}

func TestGolden(t *testing.T) {
	now = func() time.Time { return time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { now = time.Now })
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"usage", nil, exitUsage},
		{"help", []string{"--help"}, exitOK},
		{"unknown-command", []string{"frobnicate"}, exitUsage},
		{"check-default", []string{"check"}, exitOK},
		{"check-file", []string{"check", "testdata/tiers.yaml"}, exitOK},
		{"check-json", []string{"check", "--output", "json", "testdata/tiers.yaml"}, exitOK},
		{"check-bad", []string{"check", "testdata/bad.yaml"}, exitFail},
		{"check-bad-json", []string{"check", "testdata/bad.yaml", "--output", "json"}, exitFail},
		{"check-suite", []string{"check", "testdata/pass_test.yaml"}, exitFail},
		{"check-missing", []string{"check", "testdata/nope.yaml"}, exitFail},
		{"check-help", []string{"check", "--help"}, exitOK},
		{"test-pass", []string{"test", "testdata/pass_test.yaml"}, exitOK},
		{"test-verbose", []string{"test", "-v", "testdata/pass_test.yaml"}, exitOK},
		{"test-fail", []string{"test", "testdata/pass_test.yaml", "testdata/fail_test.yaml"}, exitFail},
		{"test-fail-json", []string{"test", "--output", "json", "testdata/fail_test.yaml"}, exitFail},
		{"test-run-filter", []string{"test", "--run", "lunch", "-v", "testdata/fail_test.yaml"}, exitFail},
		{"test-bad-suite", []string{"test", "testdata/badsuite_test.yaml"}, exitFail},
		{"test-catalog-flag", []string{"test", "--catalog", "testdata/tiers.yaml", "testdata/nocatalog_test.yaml"}, exitOK},
		{"test-default-catalog", []string{"test", "testdata/nocatalog_test.yaml"}, exitFail},
		{"test-no-args", []string{"test"}, exitUsage},
		{"test-bad-regexp", []string{"test", "--run", "(", "testdata/pass_test.yaml"}, exitUsage},
		{"test-help", []string{"test", "--help"}, exitOK},
		{"deadline", []string{"deadline", "--tier", "enhanced", "--priority", "P1", "--opened", "2026-03-02T10:00:00Z"}, exitOK},
		{"deadline-zone", []string{"deadline", "--tier", "standard", "--priority", "P1", "--opened", "2026-03-06T15:00:00-05:00", "--zone", "America/New_York"}, exitOK},
		{"deadline-json", []string{"deadline", "--output", "json", "--tier", "looker-premier", "--priority", "P1", "--opened", "2026-03-06T16:30:00-08:00"}, exitOK},
		{"deadline-rule", []string{"deadline", "--catalog", "testdata/tiers.yaml", "--tier", "silver", "--priority", "P1", "--opened", "2026-03-07T10:00:00+01:00", "--attr", "production=true"}, exitOK},
		{"deadline-no-zone", []string{"deadline", "--tier", "standard", "--priority", "P1", "--opened", "2026-03-02T10:00:00Z"}, exitUsage},
		{"deadline-missing-flag", []string{"deadline", "--tier", "standard", "--priority", "P1"}, exitUsage},
		{"deadline-bad-time", []string{"deadline", "--tier", "standard", "--priority", "P1", "--opened", "2026-03-02 10:00"}, exitUsage},
		{"deadline-bad-catalog", []string{"deadline", "--catalog", "testdata/bad.yaml", "--tier", "gold", "--priority", "P1", "--opened", "2026-03-02T10:00:00Z"}, exitFail},
		{"deadline-help", []string{"deadline", "--help"}, exitOK},
		{"compare", []string{"compare", "looker-premier", "standard"}, exitOK},
		{"compare-enhanced", []string{"compare", "looker-premier", "advanced"}, exitOK},
		{"compare-json", []string{"compare", "--output", "json", "looker-premier", "standard"}, exitOK},
		{"compare-flags-after", []string{"compare", "silver", "gold", "--catalog", "testdata/tiers.yaml"}, exitOK},
		{"compare-unknown-tier", []string{"compare", "looker-premier", "gold"}, exitUsage},
		{"compare-one-arg", []string{"compare", "looker-premier"}, exitUsage},
		{"compare-help", []string{"compare", "-h"}, exitOK},
		{"quote-enhanced", []string{"quote", "enhanced", "85000 USD"}, exitOK},
		{"quote-premium", []string{"quote", "premium", "1200000", "USD"}, exitOK},
		{"quote-minimum", []string{"quote", "standard", "500 USD"}, exitOK},
		{"quote-period", []string{"quote", "standard", "85000 USD", "--period", "2026-02-15/2026-02-28"}, exitOK},
		{"quote-json", []string{"quote", "--output", "json", "enhanced", "85000 USD"}, exitOK},
		{"quote-no-price", []string{"quote", "looker-premier", "85000 USD"}, exitFail},
		{"quote-bad-money", []string{"quote", "enhanced", "85,00 USD"}, exitUsage},
		{"quote-currency", []string{"quote", "enhanced", "85000 EUR"}, exitUsage},
		{"quote-bad-period", []string{"quote", "enhanced", "85000 USD", "--period", "February"}, exitUsage},
		{"quote-help", []string{"quote", "--help"}, exitOK},
		{"eligibility", []string{"eligibility", "--tier", "looker-premier", "--renewal", "2026-09-01", "--spend", "85000 USD", "--at", "2026-03-02T10:00:00Z"}, exitOK},
		{"eligibility-default-at", []string{"eligibility", "--tier", "looker-premier", "--renewal", "2026-09-01", "--spend", "1200000 USD", "--zone", "Europe/London"}, exitOK},
		{"eligibility-required", []string{"eligibility", "--tier", "looker-premier", "--renewal", "2026-01-01", "--spend", "85000 USD"}, exitOK},
		{"eligibility-json", []string{"eligibility", "--output", "json", "--tier", "looker-premier", "--renewal", "2026-09-01", "--spend", "85000 USD", "--at", "2026-03-02T10:00:00Z"}, exitOK},
		{"eligibility-not", []string{"eligibility", "--tier", "enhanced", "--renewal", "2026-09-01", "--spend", "85000 USD"}, exitOK},
		{"eligibility-no-renewal", []string{"eligibility", "--tier", "looker-premier"}, exitUsage},
		{"eligibility-help", []string{"eligibility", "--help"}, exitOK},
		{"allowed", []string{"allowed", "cases.create", "--role", "roles/cloudsupport.techSupportEditor"}, exitOK},
		{"allowed-denied", []string{"allowed", "--role", "roles/cloudsupport.viewer", "cases.comment"}, exitOK},
		{"allowed-json", []string{"allowed", "--output", "json", "chat.use", "--tier", "looker-premier"}, exitOK},
		{"allowed-group", []string{"allowed", "--catalog", "testdata/tiers.yaml", "cases.create", "--group", "support"}, exitOK},
		{"allowed-unknown", []string{"allowed", "cases.delete"}, exitUsage},
		{"allowed-help", []string{"allowed", "--help"}, exitOK},
		{"bad-output", []string{"compare", "--output", "yaml", "standard", "enhanced"}, exitUsage},
		{"help-command", []string{"help", "quote"}, exitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, tt.args...)
			assert.Equal(t, tt.code, code, "exit status\nstdout:\n%s\nstderr:\n%s", stdout, stderr)
			assert.NotContains(t, stderr, "goroutine", "no stack trace")
			assert.NotContains(t, stderr, "panic")
			checkGolden(t, tt.name, transcript(tt.args, stdout, stderr, code))
		})
	}
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
			assert.Contains(t, stdout, "-output format")
			assert.Contains(t, stdout, "\nExample:\n  tiercel "+cmd.name)
			// The examples run, from the repository's root.
			t.Chdir("../..")
			for _, line := range strings.Split(strings.TrimSpace(cmd.example), "\n") {
				args := splitWords(t, strings.TrimPrefix(strings.TrimSpace(line), "tiercel "))
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

func TestErrorsNamePositions(t *testing.T) {
	_, stderr, code := runCmd(t, "check", "testdata/bad.yaml")
	require.Equal(t, exitFail, code)
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		assert.Regexp(t, regexp.MustCompile(`^testdata/bad\.yaml:\d+:\d+: `), line)
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
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			fs := flag.NewFlagSet("x", flag.ContinueOnError)
			out := fs.String("output", "text", "")
			got, err := parseInterspersed(fs, tt.args)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.out, *out)
		})
	}
}

func TestAttrValue(t *testing.T) {
	assert.Equal(t, true, attrValue("true"))
	assert.Equal(t, false, attrValue("false"))
	assert.Equal(t, int64(42), attrValue("42"))
	assert.Equal(t, int64(-3), attrValue("-3"))
	assert.Equal(t, "042", attrValue("042"))
	assert.Equal(t, "ja", attrValue("ja"))
	_, err := parseAttrs([]string{"novalue"})
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
