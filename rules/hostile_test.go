//go:build unix

package rules

import (
	"testing"

	"github.com/tiercel/tiercel/internal/readfile/readfiletest"
)

// TestHostileFiles checks that devices, FIFOs and huge files given as
// catalogs end at once with an error naming the file. (Suites and the
// catalogs they name: package suite's TestHostileFiles.)
func TestHostileFiles(t *testing.T) {
	h := readfiletest.Hostile(t, ".yaml")
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
		{"catalog fifo", load(h.Pipe), h.Pipe + ": " + notRegular + " (a fifo)", []error{ErrInvalidCatalog, ErrNotRegularFile}},
		{"catalog symlink to /dev/zero", load(h.Zero), h.Zero + ": " + notRegular, []error{ErrInvalidCatalog, ErrNotRegularFile}},
		{"catalog directory", load(h.Dir), h.Dir + ": " + notRegular + " (a directory)", []error{ErrInvalidCatalog, ErrNotRegularFile}},
		{"catalog over 16 MiB", load(h.Big), h.Big + ": " + tooLarge, []error{ErrInvalidCatalog, ErrInputTooLarge}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			readfiletest.Refused(t, tc.input(), tc.want, tc.is...)
		})
	}
}
