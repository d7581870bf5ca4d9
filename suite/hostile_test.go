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
	h := readfiletest.Hostile(t, ".yaml")
	naming := func(name, catalog string) func() error {
		src := "catalog: " + catalog + "\ntests:\n  - name: a\n    compare: {from: a, to: b}\n    expect: {error: x}\n"
		path := filepath.Join(h.Dir, name)
		require.NoError(t, os.WriteFile(path, []byte(src), 0o600))
		return func() error {
			s, err := Load(path)
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
		{"suite fifo", load(h.Pipe), h.Pipe + ": " + notRegular, badSuite},
		{"suite directory", load(h.Dir), h.Dir + ": " + notRegular + " (a directory)", badSuite},
		{"suite over 16 MiB", load(h.Big), h.Big + ": " + tooLarge, []error{ErrInvalidSuite, rules.ErrInputTooLarge}},
		{"suite's catalog /dev/zero", naming("abs_test.yaml", "/dev/zero"), "invalid catalog: /dev/zero: " + notRegular, badCatalog},
		{"suite's catalog reaching /dev/zero", naming("rel_test.yaml", filepath.Base(h.Zero)), h.Zero + ": " + notRegular, badCatalog},
		{"suite's catalog fifo", naming("fifo_test.yaml", filepath.Base(h.Pipe)), h.Pipe + ": " + notRegular, badCatalog},
		{"suite's catalog over 16 MiB", naming("big_test.yaml", filepath.Base(h.Big)), h.Big + ": " + tooLarge,
			[]error{rules.ErrInvalidCatalog, rules.ErrInputTooLarge}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.input()
			readfiletest.Refused(t, err, tc.want, tc.is...)
			other := ErrInvalidSuite
			if tc.is[0] == ErrInvalidSuite {
				other = rules.ErrInvalidCatalog
			}
			assert.NotErrorIs(t, err, other, "a suite error is not a catalog error, nor the other way round")
		})
	}
}
