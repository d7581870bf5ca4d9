//go:build unix

package readfile_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/internal/readfile/readfiletest"
)

// hostile makes a path in dir that Read must refuse, and returns it.
type hostile func(t *testing.T, dir string) string

func fifo(name string) hostile {
	return func(t *testing.T, dir string) string { return readfiletest.Fifo(t, filepath.Join(dir, name)) }
}

func sparse(name string, size int64) hostile {
	return func(t *testing.T, dir string) string { return readfiletest.Sparse(t, filepath.Join(dir, name), size) }
}

func symlink(name, target string) hostile {
	return func(t *testing.T, dir string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.Symlink(target, p))
		return p
	}
}

func fixed(path string) hostile { return func(*testing.T, string) string { return path } }

func TestHostileFiles(t *testing.T) {
	for _, tc := range []struct {
		name  string
		input hostile
		want  string // the error's text after the path
		is    error
	}{
		{"dev zero", fixed("/dev/zero"), "not a regular file (a character device)", readfile.ErrNotRegular},
		{"dev urandom", fixed("/dev/urandom"), "not a regular file (a character device)", readfile.ErrNotRegular},
		{"fifo without writer", fifo("catalog.yaml"), "not a regular file (a fifo)", readfile.ErrNotRegular},
		{"symlink to dev zero", symlink("link.yaml", "/dev/zero"), "not a regular file (a character device)", readfile.ErrNotRegular},
		{"symlink to fifo", func(t *testing.T, dir string) string {
			return symlink("link.yaml", fifo("pipe")(t, dir))(t, dir)
		}, "not a regular file (a fifo)", readfile.ErrNotRegular},
		{"directory", func(t *testing.T, dir string) string { return dir }, "not a regular file (a directory)", readfile.ErrNotRegular},
		{"sparse file over the limit", sparse("big.yaml", readfile.MaxSize+1), "larger than the 16 MiB limit", readfile.ErrTooLarge},
		{"sparse file of 1 GiB", sparse("huge.yaml", 1<<30), "larger than the 16 MiB limit", readfile.ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.input(t, t.TempDir())
			b, err := readfile.Read(p)
			require.Error(t, err)
			assert.Nil(t, b)
			assert.Equal(t, p+": "+tc.want, err.Error())
			assert.ErrorIs(t, err, tc.is)
		})
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		size int64
	}{
		{"empty", 0},
		{"small", 10},
		{"exactly the limit", readfile.MaxSize},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := sparse(tc.name, tc.size)(t, dir)
			b, err := readfile.Read(p)
			require.NoError(t, err)
			assert.Len(t, b, int(tc.size))
		})
	}
	t.Run("missing file names the file", func(t *testing.T) {
		_, err := readfile.Read(filepath.Join(dir, "nope.yaml"))
		require.ErrorIs(t, err, os.ErrNotExist)
		assert.Contains(t, err.Error(), "nope.yaml")
	})
}

// BenchmarkRead reads the default catalog with Read and, side by side, with
// os.ReadFile (what the commands used before), and refuses /dev/zero.
func BenchmarkRead(b *testing.B) {
	const catalog = "../../rules/catalog/default.yaml"
	for _, bc := range []struct {
		name string
		read func(string) ([]byte, error)
		path string
		ok   bool
	}{
		{"Read default.yaml", readfile.Read, catalog, true},
		{"os.ReadFile default.yaml", os.ReadFile, catalog, true},
		{"Read refuses /dev/zero", readfile.Read, "/dev/zero", false},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bc.read(bc.path); (err == nil) != bc.ok {
					b.Fatal(err)
				}
			}
		})
	}
}
