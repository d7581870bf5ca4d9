//go:build unix

package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/readfile/readfiletest"
	"github.com/tiercel/tiercel/rules"
)

// TestHostileFiles checks that a device, a FIFO or a huge file given as the
// accounts CSV or the catalog ends at once with an error naming the file.
func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	pipe := readfiletest.Fifo(t, filepath.Join(dir, "pipe.csv"))
	big := readfiletest.Sparse(t, filepath.Join(dir, "big.csv"), 16<<20+1)
	for _, tc := range []struct {
		name, accounts, catalog string
		want                    string // a substring of the error
		is                      error
	}{
		{"accounts /dev/zero", "/dev/zero", "", "/dev/zero: not a regular file", rules.ErrNotRegularFile},
		{"accounts fifo", pipe, "", pipe + ": not a regular file (a fifo)", rules.ErrNotRegularFile},
		{"accounts over 16 MiB", big, "", big + ": larger than the 16 MiB limit", rules.ErrInputTooLarge},
		{"catalog /dev/urandom", "", "/dev/urandom", "/dev/urandom: not a regular file", rules.ErrNotRegularFile},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := mainErr(tc.accounts, tc.catalog)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.ErrorIs(t, err, tc.is)
		})
	}
}
