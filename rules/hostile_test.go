//go:build unix

package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/readfile/readfiletest"
)

// TestHostileFiles checks that devices, FIFOs and huge files given as
// catalogs or suites, or named by a suite, end at once with an error naming
// the file.
func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	readfiletest.Fifo(t, at("pipe.yaml"))
	readfiletest.Sparse(t, at("big.yaml"), 16<<20+1)
	require.NoError(t, os.Symlink("/dev/zero", at("zero.yaml")))
	suite := func(name, catalog string) string {
		src := "catalog: " + catalog + "\ntests:\n  - name: a\n    compare: {from: a, to: b}\n    expect: {error: x}\n"
		require.NoError(t, os.WriteFile(at(name), []byte(src), 0o600))
		return at(name)
	}
	load := func(p string) func() error {
		return func() error { _, err := Load(p); return err }
	}
	loadSuite := func(p string) func() error {
		return func() error { _, err := LoadSuite(p); return err }
	}
	suiteEngine := func(p string) func() error {
		return func() error {
			s, err := LoadSuite(p)
			require.NoError(t, err)
			_, err = s.Engine()
			return err
		}
	}
	const notRegular, tooLarge = "not a regular file", "larger than the 16 MiB limit"
	for _, tc := range []struct {
		name  string
		input func() error
		want  string // a substring of the error
		is    []error
	}{
		{"catalog /dev/zero", load("/dev/zero"), "invalid catalog: /dev/zero: " + notRegular, []error{ErrInvalidCatalog, ErrNotRegularFile}},
		{"catalog /dev/urandom", load("/dev/urandom"), "/dev/urandom: " + notRegular, []error{ErrInvalidCatalog, ErrNotRegularFile}},
		{"catalog fifo", load(at("pipe.yaml")), at("pipe.yaml") + ": " + notRegular + " (a fifo)", []error{ErrInvalidCatalog, ErrNotRegularFile}},
		{"catalog symlink to /dev/zero", load(at("zero.yaml")), at("zero.yaml") + ": " + notRegular, []error{ErrInvalidCatalog, ErrNotRegularFile}},
		{"catalog directory", load(dir), dir + ": " + notRegular + " (a directory)", []error{ErrInvalidCatalog, ErrNotRegularFile}},
		{"catalog over 16 MiB", load(at("big.yaml")), at("big.yaml") + ": " + tooLarge, []error{ErrInvalidCatalog, ErrInputTooLarge}},
		{"suite /dev/zero", loadSuite("/dev/zero"), "invalid test suite: /dev/zero: " + notRegular, []error{ErrInvalidSuite, ErrNotRegularFile}},
		{"suite fifo", loadSuite(at("pipe.yaml")), at("pipe.yaml") + ": " + notRegular, []error{ErrInvalidSuite, ErrNotRegularFile}},
		{"suite over 16 MiB", loadSuite(at("big.yaml")), at("big.yaml") + ": " + tooLarge, []error{ErrInvalidSuite, ErrInputTooLarge}},
		{"suite's catalog /dev/zero", suiteEngine(suite("abs_test.yaml", "/dev/zero")), "invalid catalog: /dev/zero: " + notRegular,
			[]error{ErrInvalidCatalog, ErrNotRegularFile}},
		{"suite's catalog reaching /dev/zero", suiteEngine(suite("rel_test.yaml", "zero.yaml")), at("zero.yaml") + ": " + notRegular,
			[]error{ErrInvalidCatalog, ErrNotRegularFile}},
		{"suite's catalog fifo", suiteEngine(suite("fifo_test.yaml", "pipe.yaml")), at("pipe.yaml") + ": " + notRegular,
			[]error{ErrInvalidCatalog, ErrNotRegularFile}},
		{"suite's catalog over 16 MiB", suiteEngine(suite("big_test.yaml", "big.yaml")), at("big.yaml") + ": " + tooLarge,
			[]error{ErrInvalidCatalog, ErrInputTooLarge}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.input()
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			for _, target := range tc.is {
				assert.ErrorIs(t, err, target)
			}
		})
	}
}
