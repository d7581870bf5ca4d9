package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
)

var goldenLint = []goldenCase{
	{"lint-findings", []string{"lint", "testdata/lint/findings.yaml"}, exitFail},
	{"lint-json", []string{"lint", "--output", "json", "testdata/lint/findings.yaml"}, exitFail},
	{"lint-clean", []string{"lint", "testdata/tiers.yaml"}, exitOK},
	{"lint-bad-alias", []string{"lint", "testdata/lint/bad-alias.yaml"}, exitInput},
	{"lint-bad", []string{"lint", "testdata/bad.yaml"}, exitInput},
	{"lint-missing", []string{"lint", "testdata/nope.yaml"}, exitInput},
	{"lint-no-files", []string{"lint"}, exitOK},
	{"lint-builtin-and-file", []string{"lint", "--builtin", "aws", "testdata/tiers.yaml"}, exitUsage},
	{"lint-help", []string{"lint", "--help"}, exitOK},
}

func TestLintGolden(t *testing.T) { runGolden(t, goldenLint) }

// TestLintCommand checks each finding's line shape and code, and that a
// silenced finding is not printed.
func TestLintCommand(t *testing.T) {
	stdout, stderr, code := runCmd(t, "lint", "testdata/lint/findings.yaml")
	require.Equal(t, exitFail, code, stderr)
	var codes []string
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		parts := strings.SplitN(line, ": ", 3)
		require.Len(t, parts, 3, line)
		assert.Regexp(t, `^testdata/lint/findings\.yaml:\d+:\d+$`, parts[0])
		codes = append(codes, parts[1])
	}
	assert.ElementsMatch(t, rules.LintCodes(), codes, "one finding of each code")
	assert.NotContains(t, stdout, "gold-fr", "silenced by its comment")

	stdout, _, code = runCmd(t, "lint", "--output", "json", "testdata/tiers.yaml")
	require.Equal(t, exitOK, code)
	var out struct {
		OK       bool          `json:"ok"`
		Findings []findingJSON `json:"findings"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	assert.True(t, out.OK)
	assert.NotNil(t, out.Findings, "an empty list, not null")

	for _, name := range rules.Catalogs() {
		_, stderr, code := runCmd(t, "lint", "--builtin", name)
		assert.Equal(t, exitOK, code, "the shipped catalog %s is clean: %s", name, stderr)
	}
}
