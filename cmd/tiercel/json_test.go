package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
)

// jsonGolden returns the golden cases that ask for --output json.
func jsonGolden() []goldenCase {
	var out []goldenCase
	for _, c := range allGolden() {
		if i := slices.Index(c.args, "--output"); (i >= 0 && i+1 < len(c.args) && c.args[i+1] == "json") || slices.Contains(c.args, "--output=json") {
			out = append(out, c)
		}
	}
	return out
}

// goldenStdout returns the standard output a golden transcript pins: the
// lines after the command line, up to its stderr or exit status.
func goldenStdout(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "golden", name+".golden"))
	require.NoError(t, err)
	s := string(b)
	_, s, _ = strings.Cut(s, "\n")
	for _, end := range []string{"--- stderr\n", "--- exit "} {
		if i := strings.Index(s, end); i >= 0 {
			s = s[:i]
		}
	}
	return s
}

// TestJSONConvention holds every command's JSON output, as its golden
// transcript pins it, to the one convention of package answer: every number
// an integer, money as {"amount","currency","minor"}, durations as
// {"seconds","nanos"?,"text"}, no money or duration written as text.
func TestJSONConvention(t *testing.T) {
	cases := jsonGolden()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := goldenStdout(t, c.name)
			if c.code != exitOK && c.code != exitFail {
				return // an error: no answer
			}
			require.NotEmpty(t, strings.TrimSpace(out), "a JSON answer")
			assert.NoError(t, answer.Check([]byte(out), "want", "got"), "a suite's mismatch quotes its file's text")
		})
	}
	t.Run("every command has a JSON transcript", func(t *testing.T) {
		have := map[string]bool{}
		for _, c := range cases {
			if c.code == exitOK || c.code == exitFail {
				have[c.args[0]] = true
			}
		}
		for _, cmd := range commands {
			if cmd == serveCommand { // it answers over HTTP: package server checks its results
				continue
			}
			assert.True(t, have[cmd.name], "no golden --output json transcript of %s", cmd.name)
		}
	})
}
