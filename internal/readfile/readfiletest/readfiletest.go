//go:build unix

// Package readfiletest makes the hostile files that readfile.Read must
// refuse: FIFOs and sparse files past the size limit. It is for tests only.
package readfiletest

import (
	"os"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
)

// Fifo makes a FIFO at path, with no writer, and returns path.
func Fifo(t testing.TB, path string) string {
	t.Helper()
	require.NoError(t, syscall.Mkfifo(path, 0o600))
	return path
}

// Sparse makes a file of size bytes at path without writing them (a hole,
// so a file of gigabytes costs nothing) and returns path.
func Sparse(t testing.TB, path string, size int64) string {
	t.Helper()
	require.NoError(t, os.WriteFile(path, nil, 0o600))
	require.NoError(t, os.Truncate(path, size))
	return path
}
