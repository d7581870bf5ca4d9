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
// catalogs end at once with an error naming the file. (Suites and the
// catalogs they name: package suite's TestHostileFiles.)
func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	readfiletest.Fifo(t, at("pipe.yaml"))
	readfiletest.Sparse(t, at("big.yaml"), 16<<20+1)
	require.NoError(t, os.Symlink("/dev/zero", at("zero.yaml")))
	load := func(p string) func() error {
		return func() error { _, err := Load(p); return err }
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
