//go:build unix

package main

import (
	"testing"

	"github.com/tiercel/tiercel/internal/readfile/readfiletest"
	"github.com/tiercel/tiercel/rules"
)

// TestHostileFiles checks that a device, a FIFO or a huge file given as the
// accounts CSV or the catalog ends at once with an error naming the file.
func TestHostileFiles(t *testing.T) {
	h := readfiletest.Hostile(t, ".csv")
	for _, tc := range []struct {
		name, accounts, catalog string
		want                    string // a substring of the error
		is                      error
	}{
		{"accounts /dev/zero", "/dev/zero", "", "/dev/zero: not a regular file", rules.ErrNotRegularFile},
		{"accounts fifo", h.Pipe, "", h.Pipe + ": not a regular file (a fifo)", rules.ErrNotRegularFile},
		{"accounts over 16 MiB", h.Big, "", h.Big + ": larger than the 16 MiB limit", rules.ErrInputTooLarge},
		{"catalog /dev/urandom", "", "/dev/urandom", "/dev/urandom: not a regular file", rules.ErrNotRegularFile},
	} {
		t.Run(tc.name, func(t *testing.T) {
			readfiletest.Refused(t, mainErr(tc.accounts, tc.catalog), tc.want, tc.is)
		})
	}
}
