//go:build unix

// Package readfiletest makes the hostile files that readfile.Read must
// refuse (FIFOs, sparse files past the size limit, links to devices) and
// checks the errors they end with. It is for tests only.
package readfiletest

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/readfile"
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

// Files are the hostile files Hostile makes, in Dir.
type Files struct {
	Dir  string // the folder holding the files (itself not a regular file)
	Pipe string // a FIFO with no writer
	Big  string // a sparse file one byte over readfile.MaxSize
	Zero string // a symbolic link to /dev/zero
}

// Hostile makes, in a new temporary folder, a FIFO named "pipe"+ext, a
// sparse file one byte over readfile.MaxSize named "big"+ext and a
// symbolic link to /dev/zero named "zero"+ext: the files every reader of
// tiercel's inputs must refuse at once.
func Hostile(t testing.TB, ext string) Files {
	t.Helper()
	dir := t.TempDir()
	f := Files{
		Dir:  dir,
		Pipe: Fifo(t, filepath.Join(dir, "pipe"+ext)),
		Big:  Sparse(t, filepath.Join(dir, "big"+ext), readfile.MaxSize+1),
		Zero: filepath.Join(dir, "zero"+ext),
	}
	require.NoError(t, os.Symlink("/dev/zero", f.Zero))
	return f
}

// Refused checks that err is an error containing want and wrapping each
// of is.
func Refused(t testing.TB, err error, want string, is ...error) {
	t.Helper()
	require.Error(t, err)
	assert.Contains(t, err.Error(), want)
	for _, target := range is {
		assert.ErrorIs(t, err, target)
	}
}
