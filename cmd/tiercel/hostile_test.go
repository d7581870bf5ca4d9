//go:build unix

package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/readfile/readfiletest"
)

// TestHostileFiles checks that devices, FIFOs and huge files, given as
// catalogs or suites, found in a folder of suites or named by a suite, end
// at once with an error naming the file.
func TestHostileFiles(t *testing.T) {
	h := readfiletest.Hostile(t, ".yaml")
	at := func(parts ...string) string { return filepath.Join(append([]string{h.Dir}, parts...)...) }
	// A folder of suites holding a FIFO and a link to a device.
	require.NoError(t, os.Mkdir(at("suites"), 0o700))
	readfiletest.Fifo(t, at("suites", "x_test.yaml"))
	require.NoError(t, os.Symlink("/dev/zero", at("suites", "zero_test.yaml")))
	suite := func(name, catalog string) string {
		src := "catalog: " + catalog + "\ntests:\n  - name: a\n    compare: {from: a, to: b}\n    expect: {error: x}\n"
		require.NoError(t, os.WriteFile(at(name), []byte(src), 0o600))
		return at(name)
	}
	const notRegular = ": not a regular file"
	for _, tc := range []struct {
		name string
		args []string
		want []string // substrings of stdout and stderr together
	}{
		{"check /dev/zero", []string{"check", "/dev/zero"}, []string{"invalid catalog: /dev/zero" + notRegular + " (a character device)"}},
		{"check /dev/zero as json", []string{"check", "--output", "json", "/dev/zero"}, []string{`"message": "invalid catalog: /dev/zero` + notRegular}},
		{"check a fifo", []string{"check", h.Pipe}, []string{h.Pipe + notRegular + " (a fifo)"}},
		{"check a file over 16 MiB", []string{"check", h.Big}, []string{h.Big + ": larger than the 16 MiB limit"}},
		{"--catalog /dev/urandom", []string{"deadline", "--catalog", "/dev/urandom", "--tier", "standard", "--priority", "P1",
			"--opened", "2026-03-02T10:00:00Z"}, []string{"tiercel deadline: invalid catalog: /dev/urandom" + notRegular}},
		{"--catalog a fifo", []string{"compare", "--catalog", h.Pipe, "standard", "enhanced"}, []string{h.Pipe + notRegular}},
		{"test a fifo", []string{"test", h.Pipe}, []string{"invalid test suite: " + h.Pipe + notRegular,
			"FAIL  " + h.Pipe + "  does not load"}},
		{"test a folder with a fifo and a link to a device", []string{"test", at("suites")}, []string{
			"invalid test suite: " + at("suites", "x_test.yaml") + notRegular + " (a fifo)",
			"FAIL  " + at("suites", "x_test.yaml") + "  does not load",
			"invalid test suite: " + at("suites", "zero_test.yaml") + notRegular + " (a character device)",
		}},
		{"test a suite over 16 MiB", []string{"test", h.Big}, []string{h.Big + ": larger than the 16 MiB limit"}},
		{"a suite's catalog /dev/zero", []string{"test", suite("zero_test.yaml", "/dev/zero")}, []string{"invalid catalog: /dev/zero" + notRegular}},
		{"a suite's catalog a fifo", []string{"test", suite("fifo_test.yaml", "pipe.yaml")}, []string{h.Pipe + notRegular}},
		{"--catalog /dev/zero for a suite", []string{"test", "--catalog", "/dev/zero", "testdata/nocatalog_test.yaml"},
			[]string{"tiercel test: invalid catalog: /dev/zero" + notRegular}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, tc.args...)
			assert.Equal(t, exitInput, code, "an unreadable input file exits %d", exitInput)
			for _, w := range tc.want {
				assert.Contains(t, stdout+stderr, w)
			}
			assert.NotContains(t, stderr, "goroutine")
		})
	}
}
