//go:build unix

package suite

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/readfile/readfiletest"
	"github.com/tiercel/tiercel/rules"
)

// TestHostileFiles checks that devices, FIFOs and huge files given as
// suites, or named by a suite as its catalog, end at once with an error
// naming the file: ErrInvalidSuite for the suite, rules.ErrInvalidCatalog
// for its catalog.
func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	readfiletest.Fifo(t, at("pipe.yaml"))
	readfiletest.Sparse(t, at("big.yaml"), 16<<20+1)
	require.NoError(t, os.Symlink("/dev/zero", at("zero.yaml")))
	naming := func(name, catalog string) func() error {
		src := "catalog: " + catalog + "\ntests:\n  - name: a\n    compare: {from: a, to: b}\n    expect: {error: x}\n"
		require.NoError(t, os.WriteFile(at(name), []byte(src), 0o600))
		return func() error {
			s, err := Load(at(name))
			require.NoError(t, err)
			_, err = s.Engine()
			return err
		}
	}
	load := func(p string) func() error {
		return func() error { _, err := Load(p); return err }
	}
	const notRegular, tooLarge = "not a regular file", "larger than the 16 MiB limit"
	badSuite := []error{ErrInvalidSuite, rules.ErrNotRegularFile}
	badCatalog := []error{rules.ErrInvalidCatalog, rules.ErrNotRegularFile}
	for _, tc := range []struct {
		name  string
		input func() error
		want  string // a substring of the error
		is    []error
	}{
		{"suite /dev/zero", load("/dev/zero"), "invalid test suite: /dev/zero: " + notRegular, badSuite},
		{"suite fifo", load(at("pipe.yaml")), at("pipe.yaml") + ": " + notRegular, badSuite},
		{"suite directory", load(dir), dir + ": " + notRegular + " (a directory)", badSuite},
		{"suite over 16 MiB", load(at("big.yaml")), at("big.yaml") + ": " + tooLarge, []error{ErrInvalidSuite, rules.ErrInputTooLarge}},
		{"suite's catalog /dev/zero", naming("abs_test.yaml", "/dev/zero"), "invalid catalog: /dev/zero: " + notRegular, badCatalog},
		{"suite's catalog reaching /dev/zero", naming("rel_test.yaml", "zero.yaml"), at("zero.yaml") + ": " + notRegular, badCatalog},
		{"suite's catalog fifo", naming("fifo_test.yaml", "pipe.yaml"), at("pipe.yaml") + ": " + notRegular, badCatalog},
		{"suite's catalog over 16 MiB", naming("big_test.yaml", "big.yaml"), at("big.yaml") + ": " + tooLarge,
			[]error{rules.ErrInvalidCatalog, rules.ErrInputTooLarge}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.input()
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			for _, target := range tc.is {
				assert.ErrorIs(t, err, target)
			}
			other := ErrInvalidSuite
			if tc.is[0] == ErrInvalidSuite {
				other = rules.ErrInvalidCatalog
			}
			assert.NotErrorIs(t, err, other, "a suite error is not a catalog error, nor the other way round")
		})
	}
}
